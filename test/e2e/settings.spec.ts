import { SandboxControl } from '../support/sandbox';
import { startSandboxProcess } from '../support/sandboxProcess';
import { expect, test } from './fixtures';

/** The bridge answers a refused call with an HTTP error status, which the browser logs; only those are expected. */
function dropRefusedCalls(pageErrors: string[]): void {
  const unexpected = pageErrors.filter((message) => !/status of (400|403)/.test(message));
  pageErrors.splice(0, pageErrors.length, ...unexpected);
}

test('names each missing credential beside its field, and keeps what was typed', async ({
  shell,
  page,
  pageErrors,
}) => {
  await shell.link('Settings').click();
  const panel = page.getByRole('region', { name: 'Zoom account' });
  await panel.getByLabel('Account ID').fill('acct with space');
  await panel.getByRole('button', { name: 'Connect' }).click();
  await expect(
    panel.getByText('The account ID has no spaces; copy it again from the Zoom App Marketplace.'),
  ).toBeVisible();
  await expect(panel.getByText('The client ID cannot be empty.')).toBeVisible();
  await expect(panel.getByLabel('Account ID')).toHaveValue('acct with space');
  await expect(panel.getByLabel('Account ID')).toHaveAttribute('aria-invalid', 'true');
  await shell.keepScreenshot('settings-connect-problems');
  dropRefusedCalls(pageErrors);
});

test('tries Cadence without a Zoom account: the built-in sandbox, then test, plan and forget', async ({
  shell,
  page,
}) => {
  await shell.link('Settings').click();
  const panel = page.getByRole('region', { name: 'Zoom account' });
  await panel.getByRole('button', { name: 'Try without a Zoom account' }).click();
  await expect(panel.getByText('sandbox-account')).toBeVisible();
  await expect(panel.getByText("The built-in sandbox's, which are not secret")).toBeVisible();
  await expect(panel.getByText('Sandbox Hub')).toBeVisible();

  await panel.getByRole('button', { name: 'Test connection' }).click();
  await expect(panel.getByText(/Signed in and read 1 hub in \d+ ms/)).toBeVisible();

  await panel.getByLabel('Zoom plan').selectOption('business');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Zoom account' }).getByLabel('Zoom plan')).toHaveValue('business');
  await shell.keepScreenshot('settings-connected');

  const again = page.getByRole('region', { name: 'Zoom account' });
  await again.getByRole('button', { name: 'Forget credentials' }).click();
  await again.getByRole('button', { name: 'Forget', exact: true }).click();
  await expect(again.getByRole('button', { name: 'Connect' })).toBeVisible();
});

test('connects with typed credentials to another address, and says so when Zoom refuses them', async ({
  shell,
  page,
  pageErrors,
}) => {
  const sandbox = await startSandboxProcess(['--client-secret', 'typed-secret']);
  try {
    await shell.link('Settings').click();
    const panel = page.getByRole('region', { name: 'Zoom account' });
    await panel.getByLabel('Account ID').fill(sandbox.account_id);
    await panel.getByLabel('Client ID').fill(sandbox.client_id);
    await panel.getByLabel('Client secret').fill('not-it');
    await panel.getByText('Another API address').click();
    await panel.getByLabel('API address').fill(sandbox.api_url);
    await panel.getByLabel('OAuth address').fill(sandbox.oauth_url);
    await panel.getByRole('button', { name: 'Connect' }).click();
    await expect(panel.getByRole('alert')).toContainText('Zoom does not accept these credentials');

    // A token without the attendee-action scopes: connected all the same, with a warning for check-in.
    await new SandboxControl(sandbox.url).setFaults({
      scopes: ['zoom_events_hubs:read', 'zoom_events_basic:read', 'zoom_events_basic:write'],
    });
    await panel.getByLabel('Client secret').fill('typed-secret');
    await panel.getByRole('button', { name: 'Connect' }).click();
    await expect(panel.getByText(sandbox.api_url)).toBeVisible();
    await expect(panel.getByText('Sandbox Hub')).toBeVisible();
    await expect(panel.getByRole('note', { name: 'Scope warnings' })).toContainText(
      'zoom_events_attendee_actions:read:admin — affects check-in',
    );
    // The secret is nowhere on the page once Cadence holds it.
    expect(await page.content()).not.toContain('typed-secret');
    dropRefusedCalls(pageErrors);
  } finally {
    await sandbox.stop();
  }
});

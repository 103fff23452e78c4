import { startSandboxProcess } from '../support/sandboxProcess';
import { startServeProcess } from '../support/serveProcess';
import { expect, noKeychainEnv, test } from './fixtures';
import { Planner } from './planner';
import { callServe, connectedSandbox, dropRefusedCalls } from './serveApi';

// `cadence serve` on a computer with no Secret Service: its session bus points at nothing.
test.use({ keychain: 'none' });

const series = {
  key: 'e2e-no-keychain',
  hub_id: 'hub-sandbox-main',
  name: 'Keychain-free Standup',
  timezone: 'Europe/Berlin',
  event_type: 'RECURRING',
  start_time: '2027-03-02T09:00:00Z',
  recurrence: { type: 2, repeat_interval: 1, weekly_days: [3], end_times: 3, duration: 30 },
  ticket_type: { name: 'Pass', free: true, currency: 'USD' },
  registration: { link_name: 'Register' },
  attendees: [],
  publish: false,
};

test('without a keychain, Settings offers the ways to connect, and the sandbox is tried and synced to', async ({
  shell,
  page,
  serve,
}) => {
  await shell.link('Settings').click();
  const panel = page.getByRole('region', { name: 'Zoom account' });
  await expect(panel.getByRole('note', { name: 'No keychain' })).toContainText(
    'Cadence cannot reach the system keychain',
  );
  await expect(panel.getByText('Loading…')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Connect' })).toBeVisible();

  await new Planner(page, shell).trySandbox();
  await expect(panel.getByText("The built-in sandbox's, which are not secret")).toBeVisible();
  await expect(panel.getByText('Sandbox Hub')).toBeVisible();
  await shell.keepScreenshot('settings-sandbox-without-keychain');

  await callServe(serve, 'drafts.import', { file: { version: 1, series: [series] }, dryRun: false });
  await new Planner(page, shell).syncNow();
  await expect(page.getByRole('region', { name: 'Recent syncs' }).getByRole('listitem').first()).toContainText('Done');
  const state = await (await connectedSandbox(serve)).state();
  expect(state.events.map((event) => event.name)).toContain('Keychain-free Standup');

  // The choice outlives a restart of the page; disconnecting needs no keychain either.
  await page.reload();
  await shell.link('Settings').click();
  const again = page.getByRole('region', { name: 'Zoom account' });
  await expect(again.getByText('sandbox-account')).toBeVisible();
  await again.getByRole('button', { name: 'Forget credentials' }).click();
  await again.getByRole('button', { name: 'Forget', exact: true }).click();
  await expect(again.getByRole('button', { name: 'Try without a Zoom account' })).toBeVisible();
});

test('without a keychain, real credentials are refused with what to install or set', async ({
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
    await panel.getByLabel('Client secret').fill('typed-secret');
    await panel.getByText('Another API address').click();
    await panel.getByLabel('API address').fill(sandbox.api_url);
    await panel.getByLabel('OAuth address').fill(sandbox.oauth_url);
    await panel.getByRole('button', { name: 'Connect' }).click();
    const alert = panel.getByRole('alert');
    await expect(alert).toContainText('Cadence cannot reach the system keychain');
    await expect(alert).toContainText('sudo apt-get install gnome-keyring');
    await expect(alert).toContainText('set ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET instead');
    // Still not connected, and the form keeps what was typed for another try.
    await expect(panel.getByLabel('Account ID')).toHaveValue(sandbox.account_id);
    await expect(panel.getByRole('button', { name: 'Try without a Zoom account' })).toBeEnabled();
    dropRefusedCalls(pageErrors, [503, 500]);
  } finally {
    await sandbox.stop();
  }
});

test('Settings never stays on "Loading…": a connection that cannot be read says why, beside the ways to connect', async ({
  page,
  dataDir,
  pageErrors,
}) => {
  // Half of the unattended-run variables: the status cannot be read at all.
  const serve = await startServeProcess({ dataDir, env: { ...noKeychainEnv, ZOOM_ACCOUNT_ID: 'acct-only' } });
  try {
    await page.goto(serve.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const panel = page.getByRole('region', { name: 'Zoom account' });
    await expect(panel.getByRole('alert')).toContainText(
      'Set all three of ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET, or none',
    );
    await expect(panel.getByText('Loading…')).toHaveCount(0);
    await expect(panel.getByRole('button', { name: 'Try without a Zoom account' })).toBeVisible();
    dropRefusedCalls(pageErrors, [400]);
  } finally {
    await serve.stop();
  }
});

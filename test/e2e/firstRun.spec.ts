import { expect, test } from './fixtures';

test('a first run offers the two ways to Zoom beside the empty list: trying the sandbox connects', async ({
  shell,
  page,
}) => {
  await expect(shell.title).toHaveText('Series');
  const empty = page.getByRole('region', { name: 'No series yet' });
  const prompt = empty.getByRole('region', { name: 'Not connected to Zoom' });
  await expect(prompt.getByRole('button', { name: 'Connect to Zoom' })).toBeVisible();
  await shell.keepScreenshot('first-run');

  await prompt.getByRole('button', { name: 'Try without a Zoom account' }).click();
  await expect(empty.getByRole('status')).toHaveText(
    'Connected to the built-in sandbox, a stand-in for Zoom on this computer.',
  );
  await expect(prompt).toHaveCount(0);
  await shell.link('Settings').click();
  await expect(page.getByRole('region', { name: 'Zoom account' }).getByText('sandbox-account')).toBeVisible();
});

test('"Connect to Zoom" on the first screen opens the account form', async ({ shell, page }) => {
  await page.getByRole('button', { name: 'Connect to Zoom' }).click();
  await expect(shell.title).toHaveText('Settings');
  await expect(page.getByRole('form', { name: 'Connect to Zoom' }).getByLabel('Account ID')).toBeVisible();
});

import { startSandboxProcess } from '../support/sandboxProcess';
import { expect, test } from './fixtures';
import { Planner } from './planner';
import { callServe } from './serveApi';

const series = {
  key: 'e2e-standup',
  hub_id: 'hub-sandbox-main',
  name: 'Weekly Standup',
  timezone: 'America/New_York',
  event_type: 'RECURRING',
  start_time: '2027-01-05T15:00:00Z',
  recurrence: { type: 2, repeat_interval: 1, weekly_days: [3], end_times: 4, duration: 30 },
  ticket_type: { name: 'Pass', free: true, currency: 'USD' },
  registration: { link_name: 'Register' },
};

test('the header says Offline within 3 s of a sync that found Zoom gone', async ({ shell, page, serve }) => {
  const sandbox = await startSandboxProcess();
  try {
    await callServe(serve, 'zoom.connect', {
      account_id: sandbox.account_id,
      client_id: sandbox.client_id,
      client_secret: sandbox.client_secret,
      api_url: sandbox.api_url,
      oauth_url: sandbox.oauth_url,
    });
    await callServe(serve, 'drafts.import', { file: { version: 1, series: [series] }, dryRun: false });
    const header = page.getByRole('banner').getByRole('status');
    await shell.link('Sync').click();
    await shell.checkConnection.click();
    await expect(header).toContainText('Online');
    // Sign in while Zoom is there, so that the sync's first call is one to the API.
    await callServe(serve, 'zoom.test');

    await sandbox.stop();
    await new Planner(page, shell).pressSyncNow();
    await expect(header).toContainText('Offline', { timeout: 3_000 });
  } finally {
    await sandbox.stop();
  }
});

test('syncing by itself when Zoom is back is a setting, on by default and kept', async ({ shell, page }) => {
  await shell.link('Settings').click();
  const setting = page.getByRole('checkbox', { name: /Sync by itself when Zoom is reachable again/ });
  await expect(setting).toBeChecked();
  const saved = page.waitForResponse((response) => response.url().endsWith('/api/call/app.changeSettings'));
  await setting.uncheck();
  await saved;
  await page.reload();
  await expect(setting).not.toBeChecked();
});

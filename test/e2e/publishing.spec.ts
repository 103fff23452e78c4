import { expect, test } from './fixtures';
import { Planner } from './planner';
import { callServe, connectedSandbox } from './serveApi';

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
  publish: true,
};

test('a new series starts unpublished', async ({ shell, page }) => {
  const planner = new Planner(page, shell);
  await planner.newSeries();
  await expect(page.getByRole('checkbox', { name: /Publish on Zoom/ })).not.toBeChecked();
});

test('Sync now asks once about what becomes public, and sends nothing public without a yes', async ({
  shell,
  page,
  serve,
}) => {
  test.slow();
  const planner = new Planner(page, shell);
  await planner.trySandbox();
  await callServe(serve, 'drafts.import', { file: { version: 1, series: [series] }, dryRun: false });
  const sandbox = await connectedSandbox(serve);

  await shell.link('Sync').click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(planner.publicChanges.getByRole('listitem')).toHaveText([
    'Create "Weekly Standup" with 4 sessions — a new event on Zoom',
    'Publish "Weekly Standup" — open to registration by the public',
  ]);
  await shell.keepScreenshot('sync-public-changes');
  await planner.publicChanges.getByRole('button', { name: 'Sync the rest only' }).click();
  await expect(page.getByRole('region', { name: 'Recent syncs' }).getByRole('listitem')).toHaveCount(1);
  expect((await sandbox.state()).events.filter((event) => event.name === 'Weekly Standup')).toEqual([]);
  await expect(page.getByRole('list', { name: 'Changes waiting' })).toContainText(
    'Create "Weekly Standup" with 4 sessions',
  );

  await page.getByRole('button', { name: 'Sync now' }).click();
  await planner.publicChanges.getByRole('button', { name: 'Cancel' }).click();
  await expect(planner.publicChanges).toHaveCount(0);
  expect((await sandbox.state()).events.filter((event) => event.name === 'Weekly Standup')).toEqual([]);

  await planner.pressSyncNow();
  await expect(page.locator('.sync-report')).toHaveText(/everything is in sync/);
  expect(
    (await sandbox.state()).events.filter((event) => event.name === 'Weekly Standup').map((event) => event.status),
  ).toEqual(['PUBLISHED']);

  // A rename makes nothing new public: no question.
  await shell.link('Series').click();
  await page.getByRole('link', { name: 'Weekly Standup' }).click();
  await page.getByLabel('Series name').fill('Team Standup');
  await planner.expectSaved();
  await shell.link('Sync').click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.locator('.sync-report')).toHaveText(/everything is in sync/);
  await expect(planner.publicChanges).toHaveCount(0);
  expect(
    (await sandbox.state()).events.filter((event) => /Standup/.test(event.name)).map((event) => event.name),
  ).toEqual(['Team Standup']);
});

test('a series marked not ready waits, said so, and no sync takes it until it is ready', async ({ shell, page }) => {
  test.slow();
  const planner = new Planner(page, shell);
  await planner.trySandbox();
  await planner.newSeries();
  await page.getByLabel('Series name').fill('Half-made idea');
  await planner.expectSaved();
  await page.getByRole('checkbox', { name: 'Not ready: keep "Half-made idea" out of syncs' }).check();

  await shell.link('Sync').click();
  await expect(page.getByRole('list', { name: 'Changes waiting' }).getByRole('listitem').first()).toContainText(
    'the series is marked not ready',
  );
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.locator('.sync-report')).toContainText('Kept out as not ready: "Half-made idea".');
  await expect(planner.publicChanges).toHaveCount(0);

  await shell.link('Series').click();
  const toggle = page.getByRole('checkbox', { name: 'Not ready: keep "Half-made idea" out of syncs' });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await planner.syncNow();
  await expect(page.locator('.sync-report')).toHaveText(/everything is in sync/);
});

test('cancelling a session of a published series asks first, naming how many registrants are emailed', async ({
  shell,
  page,
  serve,
}) => {
  test.slow();
  const planner = new Planner(page, shell);
  await planner.trySandbox();
  const attendees = [{ email: 'ada@example.com' }, { email: 'bob@example.com' }];
  await callServe(serve, 'drafts.import', { file: { version: 1, series: [{ ...series, attendees }] }, dryRun: false });
  await planner.syncNow();
  await expect(page.locator('.sync-report')).toHaveText(/everything is in sync/);

  await shell.link('Series').click();
  await page.getByRole('link', { name: 'Weekly Standup' }).click();
  const questions: string[] = [];
  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await planner.preview.getByRole('button', { name: 'Cancel session 2' }).click();
  expect(questions).toEqual(['Cancel session 2? At the next sync Zoom cancels it and 2 registrants are emailed.']);
  await expect(planner.preview.getByRole('listitem', { name: /^Session 2,/ })).not.toContainText('Cancelled');

  page.once('dialog', (dialog) => void dialog.accept());
  await planner.preview.getByRole('button', { name: 'Cancel session 2' }).click();
  await expect(planner.preview.getByRole('listitem', { name: /^Session 2,/ })).toContainText('Cancelled');
  await planner.expectSaved();
  await shell.link('Sync').click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(planner.publicChanges.getByRole('listitem')).toHaveText([
    'Cancel 1 session of "Weekly Standup" — registrants are emailed',
  ]);
});

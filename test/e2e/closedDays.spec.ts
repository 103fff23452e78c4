import { expect, test } from './fixtures';
import { Planner } from './planner';
import { callServe, connectedSandbox } from './serveApi';

/** Twice a week, Monday and Thursday at 1 pm in New York, from 28 June to 2 December 2027. */
const officeHours = {
  key: 'e2e-office-hours',
  hub_id: 'hub-sandbox-main',
  name: 'US office hours',
  timezone: 'America/New_York',
  event_type: 'RECURRING',
  start_time: '2027-06-28T17:00:00Z',
  recurrence: { type: 2, repeat_interval: 1, weekly_days: [2, 5], end_times: 46, duration: 60 },
  ticket_type: { name: 'Pass', free: true, currency: 'USD' },
  registration: { link_name: 'Register' },
  publish: true,
};

const localDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

test('a US holiday calendar cancels the holiday sessions; one restored stays on Zoom after a reload', async ({
  shell,
  page,
  serve,
}) => {
  test.slow();
  const planner = new Planner(page, shell);
  await planner.trySandbox();
  await callServe(serve, 'drafts.import', { file: { version: 1, series: [officeHours] }, dryRun: false });
  await shell.link('Series').click();
  await page.getByRole('link', { name: 'US office hours' }).click();

  const closedDays = page.getByRole('region', { name: 'Closed days' });
  await closedDays.getByLabel('Public holidays of').selectOption('United States of America');
  await expect(closedDays.getByText('5 sessions on closed days: 5 cancelled, 0 moved.')).toBeVisible();
  // Monday 5 July 2027 is the day the United States observe Independence Day (the 4th is a Sunday).
  const july5 = await planner.previewSession(3);
  await expect(july5).toContainText('Cancelled');
  await expect(july5).toContainText('Independence Day (substitute day)');
  const thanksgiving = await planner.previewSession(44);
  await expect(thanksgiving).toContainText('Thanksgiving Day');
  await expect(planner.preview.getByText(/41 sessions/)).toBeVisible();
  await shell.keepScreenshot('closed-days-us');

  await thanksgiving.getByRole('button', { name: 'Restore session 44' }).click();
  await expect(closedDays.getByText('4 sessions on closed days: 4 cancelled, 0 moved.')).toBeVisible();
  await expect(closedDays.getByRole('list', { name: 'Kept on closed days' })).toContainText('Nov 25, 2027');
  await planner.expectSaved();

  // The kept date is stored with the series: a reload neither forgets it nor cancels the session again.
  await page.reload();
  const restored = await planner.previewSession(44);
  await expect(restored).toContainText('Kept on a closed day');
  await expect(restored).not.toContainText('Cancelled');
  await expect(closedDays.getByText('4 sessions on closed days: 4 cancelled, 0 moved.')).toBeVisible();

  await planner.syncNow();
  await expect(page.locator('.sync-report')).toHaveText(/everything is in sync/);
  const state = await (await connectedSandbox(serve)).state();
  const event = state.events.find((e) => e.name === 'US office hours');
  const dates = state.sessions
    .filter((session) => session.event_id === event?.event_id)
    .map((session) => localDay.format(Date.parse(session.start_time)));
  expect(dates).toHaveLength(42);
  expect(dates).toContain('2027-11-25');
  for (const date of ['2027-07-05', '2027-09-06', '2027-10-11', '2027-11-11']) expect(dates).not.toContain(date);
});

test("a Sydney series closes on New South Wales' holidays, moved to the next working day", async ({
  shell,
  page,
  serve,
}) => {
  test.slow();
  const planner = new Planner(page, shell);
  await planner.trySandbox();
  const standup = {
    ...officeHours,
    key: 'e2e-sydney',
    name: 'Sydney standup',
    timezone: 'Australia/Sydney',
    // Mondays at 9 am in Sydney from 1 March 2027.
    start_time: '2027-02-28T22:00:00Z',
    recurrence: { type: 2, repeat_interval: 1, weekly_days: [2], end_times: 35, duration: 30 },
  };
  await callServe(serve, 'drafts.import', { file: { version: 1, series: [standup] }, dryRun: false });
  await shell.link('Series').click();
  await page.getByRole('link', { name: 'Sydney standup' }).click();

  const closedDays = page.getByRole('region', { name: 'Closed days' });
  await closedDays.getByLabel('Public holidays of').selectOption('Australia');
  await closedDays.getByLabel('Region or state').selectOption('New South Wales');
  await expect(closedDays.getByText('4 sessions on closed days: 4 cancelled, 0 moved.')).toBeVisible();
  await expect(await planner.previewSession(5)).toContainText('Easter Monday');
  // The bank holiday of 2 August closes banks only: its session stays.
  await expect(await planner.previewSession(23)).not.toContainText('Bank Holiday');

  await closedDays.getByRole('radio', { name: /Moves to the next working day/ }).check();
  await expect(closedDays.getByText('4 sessions on closed days: 0 cancelled, 4 moved.')).toBeVisible();
  const easter = await planner.previewSession(5);
  await expect(easter).toContainText('Moved from');
  await expect(easter).toContainText('Tue, Mar 30, 2027');
  await planner.expectSaved();
  await shell.keepScreenshot('closed-days-sydney');

  await planner.syncNow();
  await expect(page.locator('.sync-report')).toHaveText(/everything is in sync/);
  const state = await (await connectedSandbox(serve)).state();
  const event = state.events.find((e) => e.name === 'Sydney standup');
  const starts = state.sessions.filter((s) => s.event_id === event?.event_id).map((s) => s.start_time);
  expect(starts).toHaveLength(35);
  expect(starts).toContain('2027-03-29T22:00:00Z');
  expect(starts).not.toContain('2027-03-28T22:00:00Z');
});

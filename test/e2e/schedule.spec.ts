import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Planner, typeDate, typeTime } from './planner';
import { callServe, dropRefusedCalls } from './serveApi';
import type { ServeProcess } from '../support/serveProcess';

test.use({ locale: 'en-US', timezoneId: 'Europe/Berlin' });

/** Every start time the page asked Cadence to save, in order. */
function savedStarts(page: Page): string[] {
  const starts: string[] = [];
  page.on('request', (request) => {
    if (!request.url().includes('/api/call/drafts.saveDetails')) return;
    const body = request.postDataJSON() as { draft?: { start_time?: string } };
    if (body.draft?.start_time !== undefined) starts.push(body.draft.start_time);
  });
  return starts;
}

async function importSeries(page: Page, series: Record<string, unknown>): Promise<void> {
  await page.getByLabel('Series file').setInputFiles({
    name: 'series.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ version: 1, series: [series] })),
  });
  await expect(page.getByText('Imported 1 new series')).toBeVisible();
  await page.getByRole('link', { name: String(series.name) }).click();
  await expect(page.getByLabel('Series name')).toHaveValue(String(series.name));
}

async function storedStart(serve: ServeProcess): Promise<string> {
  const [entry] = await callServe<{ id: string }[]>(serve, 'drafts.list');
  const { draft } = await callServe<{ draft: { start_time: string } }>(serve, 'drafts.get', {
    id: entry?.id,
    attendees: false,
  });
  return draft.start_time;
}

test('a start date typed digit by digit is saved as typed, and no half-typed year is ever saved', async ({
  shell,
  page,
  serve,
}) => {
  const planner = new Planner(page, shell);
  await planner.newSeries();
  await page.getByLabel('Time zone').selectOption('America/New_York');
  await planner.expectSaved();
  const starts = savedStarts(page);

  // The planner clicks the field's label and types the date as the field shows it: month, day, year.
  await page.getByText('Start date', { exact: true }).click();
  await page.keyboard.type('01042027');
  await planner.expectSaved();

  await expect(planner.preview.getByRole('listitem').first()).toContainText('Mon, Jan 4, 2027');
  expect(await storedStart(serve)).toBe('2027-01-04T15:00:00Z');
  expect(starts.length).toBeGreaterThan(0);
  for (const start of starts) expect(start.slice(0, 4)).toMatch(/^20(2[6-9]|3\d)$/);
});

test('a new series that would start in the past is refused at the start date, and nothing is saved', async ({
  shell,
  page,
  serve,
  pageErrors,
}) => {
  const planner = new Planner(page, shell);
  await planner.newSeries();
  const before = await storedStart(serve);
  await page.getByText('Start date', { exact: true }).click();
  await page.keyboard.type('01042021');

  const dateField = page.getByRole('group', { name: 'Start date' });
  await expect(dateField.getByRole('spinbutton').first()).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/starts in the past/)).toBeVisible();
  await expect(dateField).toHaveAccessibleDescription(/starts in the past/);
  await expect(page.getByRole('status').filter({ hasText: /saved/ })).toHaveText(/Not saved yet/);
  expect(await storedStart(serve)).toBe(before);
  dropRefusedCalls(pageErrors);
});

test("'your time' names the day when the planner's date differs from the event's", async ({ shell, page }) => {
  await importSeries(page, {
    name: 'Sydney Monday Briefing',
    timezone: 'Australia/Sydney',
    event_type: 'RECURRING',
    // Monday 4 January 2027, 07:00 in Sydney (UTC+11): Sunday 21:00 in Berlin (UTC+1).
    start_time: '2027-01-03T20:00:00Z',
    recurrence: { type: 2, weekly_days: [2], end_times: 3, duration: 30 },
  });
  const first = new Planner(page, shell).preview.getByRole('listitem').first();
  await expect(first).toContainText('Mon, Jan 4, 2027');
  await expect(first).toContainText(/your time Sun, Jan 3,? 9:00\sPM/);
});

test('a session whose local time the clocks skip says it starts an hour later, and why', async ({ shell, page }) => {
  await importSeries(page, {
    name: 'Night Ops Review',
    timezone: 'America/New_York',
    event_type: 'RECURRING',
    // Sundays at 02:30 from 7 March 2027; on 14 March New York's clocks jump from 02:00 to 03:00.
    start_time: '2027-03-07T07:30:00Z',
    recurrence: { type: 2, weekly_days: [1], end_times: 3, duration: 30 },
  });
  const sessions = new Planner(page, shell).preview.getByRole('listitem');
  await expect(sessions.nth(0)).toContainText('2:30 AM');
  await expect(sessions.nth(1)).toContainText('3:30 AM');
  await expect(sessions.nth(1)).toContainText(
    'Moved to 3:30 AM: 2:30 AM does not exist that day, the clocks go forward an hour at 2:00 AM',
  );
  await expect(sessions.nth(2)).toContainText('2:30 AM');
  await expect(sessions.nth(2)).not.toContainText('Moved to');
});

test("the preview shows the sessions in the attendees' time zone the planner picks, and remembers it", async ({
  shell,
  page,
}) => {
  await importSeries(page, {
    name: 'Tokyo Customer Hour',
    timezone: 'America/New_York',
    event_type: 'RECURRING',
    // Tuesdays at 19:00 in New York: Wednesdays at 09:00 in Tokyo, Wednesdays at 01:00 in Berlin.
    start_time: '2027-01-06T00:00:00Z',
    recurrence: { type: 2, weekly_days: [3], end_times: 3, duration: 60 },
  });
  const planner = new Planner(page, shell);
  const first = planner.preview.getByRole('listitem').first();
  await expect(first).not.toContainText("attendees' time");

  await planner.preview.getByLabel("Attendees' times in").selectOption('Asia/Tokyo');
  await expect(first).toContainText('Tue, Jan 5, 2027');
  await expect(first).toContainText(/your time Wed, Jan 6,? 1:00\sAM/);
  await expect(first).toContainText(/attendees' time Wed, Jan 6,? 9:00\sAM/);
  await expect(planner.preview).toContainText("your attendees' (Asia/Tokyo)");

  await shell.link('Series').click();
  await page.getByRole('link', { name: 'Tokyo Customer Hour' }).click();
  await expect(planner.preview.getByLabel("Attendees' times in")).toHaveValue('Asia/Tokyo');
  await expect(planner.preview.getByRole('listitem').first()).toContainText(/attendees' time Wed, Jan 6,? 9:00\sAM/);
});

test('a start time the clocks skip on the start date says so at the field; the last day is typed like the start', async ({
  shell,
  page,
}) => {
  await importSeries(page, {
    name: 'Spring Sprint Review',
    timezone: 'America/New_York',
    event_type: 'RECURRING',
    start_time: '2027-03-14T14:00:00Z',
    recurrence: { type: 1, end_times: 5, duration: 30 },
  });
  const planner = new Planner(page, shell);
  await typeTime(page.getByRole('group', { name: 'Start time' }), '02:30');
  const note =
    '2:30 AM does not exist that day: the clocks go forward an hour at 2:00 AM, so the series starts at 3:30 AM.';
  await expect(page.getByText(note)).toBeVisible();
  await expect(page.getByRole('group', { name: 'Start time' })).toHaveAccessibleDescription(
    /the clocks go forward an hour at 2:00 AM, so the series starts at 3:30 AM\.$/,
  );
  await planner.expectSaved();
  await expect(planner.preview.getByRole('listitem').first()).toContainText('3:30 AM');

  await page.getByRole('radio', { name: 'On', exact: true }).check();
  await typeDate(page.getByRole('group', { name: 'Last day' }), '2027-03-16');
  await planner.expectSaved();
  await expect(planner.preview.getByRole('listitem')).toHaveCount(3);
});

test('a 60-session preview renders only the rows in view, yet announces all 60 and reaches the last by scrolling and by keyboard', async ({
  shell,
  page,
}) => {
  // 119 key presses, each a round trip to the browser: near half a minute on a busy machine.
  test.slow();
  await importSeries(page, {
    name: 'Daily Standup',
    timezone: 'Europe/Berlin',
    event_type: 'RECURRING',
    // Daily at 09:00 in Berlin from Monday 4 January 2027: the 60th is Thursday 4 March.
    start_time: '2027-01-04T08:00:00Z',
    recurrence: { type: 1, end_times: 60, duration: 15 },
  });
  const planner = new Planner(page, shell);
  const rows = planner.preview.getByRole('listitem');
  await expect(rows.first()).toHaveAttribute('aria-setsize', '60');
  await expect(rows.first()).toHaveAttribute('aria-posinset', '1');
  expect(await rows.count()).toBeLessThan(20);

  const last = await planner.previewSession(60);
  await expect(last).toBeInViewport();
  await expect(last).toContainText('Thu, Mar 4, 2027');
  await expect(last).toHaveAttribute('aria-posinset', '60');
  expect(await rows.count()).toBeLessThan(20);

  // By keyboard: Tab from session 1's Move goes through every session's Move and Cancel.
  await planner.previewSession(1);
  await planner.preview.getByRole('button', { name: 'Move session 1', exact: true }).focus();
  for (let press = 0; press < 119; press += 1) await page.keyboard.press('Tab');
  const cancelLast = planner.preview.getByRole('button', { name: 'Cancel session 60' });
  await expect(cancelLast).toBeFocused();
  await expect(cancelLast).toBeInViewport();
});

test('a session being moved keeps its open form and the focus while the preview scrolls away from it and back', async ({
  shell,
  page,
}) => {
  await importSeries(page, {
    name: 'Daily Standup',
    timezone: 'Europe/Berlin',
    event_type: 'RECURRING',
    start_time: '2027-01-04T08:00:00Z',
    recurrence: { type: 1, end_times: 60, duration: 15 },
  });
  const planner = new Planner(page, shell);
  await planner.preview.getByRole('button', { name: 'Move session 2', exact: true }).click();
  const form = planner.preview.getByRole('form', { name: 'Move session 2' });
  const month = form.getByRole('spinbutton').first();
  await expect(month).toBeFocused();
  await expect(month).toHaveText('01');
  await page.keyboard.press('ArrowUp');

  await planner.previewSession(60);
  await expect(form).not.toBeInViewport();
  await expect(month).toBeFocused();

  await planner.previewSession(2);
  await expect(form).toBeInViewport();
  await expect(month).toBeFocused();
  await expect(month).toHaveText('02');
});

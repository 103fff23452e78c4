import { expect, test } from './fixtures';
import { MeetingsPage, seriousViolations } from './meetingsPage';
import { Planner, typeTime } from './planner';
import { callServe, connectedSandbox, dropRefusedCalls } from './serveApi';

// A planner in Berlin plans for New York: the US clocks change on March 14, 2027, Europe's on March 28.
test.use({ locale: 'en-US', timezoneId: 'Europe/Berlin' });

const topic = 'Monday Team Sync';

/** The recurring-meetings script's config as a planner has it: its example host, a secret in it. */
const config = {
  zoom_api: { account_id: 'abc123xyz', client_id: 'client_id_here', client_secret: 'client_secret_here' },
  output_file: 'team_meetings.csv',
  meetings: [
    {
      host_email: 'manager@company.com',
      topic,
      agenda: 'Weekly team synchronization meeting',
      start_date: '2027-03-01',
      start_time: '09:00:00',
      duration: 45,
      timezone: 'America/New_York',
      recurrence_type: 'weekly',
      weekly_days: '2',
      occurrences: 5,
      enable_registration: true,
    },
  ],
};

interface SandboxMeetings {
  meetings: { id: number; topic: string; start_time: string; timezone: string }[];
}

interface StoredMeetingView {
  draft: { start_time: string };
  summary: { state: string; zoom_meeting_id: string | null; join_url: string | null; registration_url: string | null };
}

test('a planner imports a config, edits a meeting across a change of the clocks, syncs it to Zoom and deletes it', async ({
  shell,
  page,
  serve,
}) => {
  const planner = new Planner(page, shell);
  const meetings = new MeetingsPage(page, shell);
  await planner.trySandbox();
  await meetings.open();
  await expect(page.getByRole('region', { name: 'No meetings yet' })).toBeVisible();

  // The dry run says what the import would do and warns about the secret; nothing is stored yet.
  await meetings.chooseConfig(config);
  const dialog = meetings.importDialog;
  await expect(dialog.getByRole('table', { name: 'Meetings in the config' })).toContainText(topic);
  await expect(dialog.getByRole('row').filter({ hasText: topic })).toContainText('New');
  await expect(dialog.getByRole('note', { name: 'Warnings' })).toContainText(/secret/i);
  expect(await callServe<unknown[]>(serve, 'meetings.list')).toEqual([]);
  await dialog.getByRole('button', { name: 'Import 1 meeting' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Imported the config' })).toContainText('1 new meeting');

  const row = meetings.row(topic);
  await expect(row).toContainText('manager@company.com');
  await expect(row).toContainText('Weekly on Monday');
  await expect(row).toContainText('Mon, Mar 1, 2027, 9:00 AM EST');
  await expect(row).toContainText('last Mon, Mar 29, 2027, 9:00 AM EDT');
  await expect(row).toContainText('Draft');

  // The preview keeps 9:00 in New York across the US change; the planner's own time moves twice.
  await row.getByRole('link', { name: topic }).click();
  await expect(page.getByLabel('Host email')).toHaveValue('manager@company.com');
  await expect(meetings.preview.getByRole('listitem')).toHaveCount(5);
  await expect(meetings.occurrence(2)).toContainText('Mon, Mar 8, 2027');
  await expect(meetings.occurrence(2)).toContainText('9:00 AM EST · your time 3:00 PM GMT+1');
  await expect(meetings.occurrence(3)).toContainText('9:00 AM EDT · your time 2:00 PM GMT+1');
  await expect(meetings.occurrence(3)).toContainText('Clocks change: UTC−4');

  // A new start time keeps its wall clock on both sides of the change.
  await typeTime(page.getByRole('group', { name: 'Start time' }), '10:30');
  await meetings.expectSaved();
  await expect(meetings.occurrence(1)).toContainText('10:30 AM EST · your time 4:30 PM GMT+1');
  await expect(meetings.occurrence(4)).toContainText('10:30 AM EDT · your time 3:30 PM GMT+1');
  await expect(meetings.occurrence(5)).toContainText('10:30 AM EDT · your time 4:30 PM GMT+2');
  const [summary] = await callServe<{ id: string }[]>(serve, 'meetings.list');
  const id = summary?.id ?? '';
  const stored = await callServe<StoredMeetingView>(serve, 'meetings.get', { id });
  expect(stored.draft.start_time).toBe('2027-03-01T15:30:00Z');

  // A problem is shown at its field, and nothing is saved until it is fixed.
  await page.getByLabel('Host email').fill('manager at company');
  await expect(page.getByLabel('Host email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Host email')).toHaveAccessibleDescription(/Write an email address/);
  await page.getByLabel('Number of occurrences').fill('51');
  await expect(page.getByRole('alert').filter({ hasText: 'Zoom allows at most 50' }).first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Not saved yet' })).toHaveText(
    'Not saved yet: 2 problems to fix',
  );
  await page.getByLabel('Number of occurrences').fill('5');
  await page.getByLabel('Host email').fill('manager@company.com');
  await meetings.expectSaved();
  expect((await callServe<StoredMeetingView>(serve, 'meetings.get', { id })).draft.start_time).toBe(
    '2027-03-01T15:30:00Z',
  );

  // Sync sends it; the list shows it on Zoom with its links, as the sandbox holds it.
  await planner.syncNow('nothing asked');
  await expect(page.getByRole('status').filter({ hasText: /everything is in sync/i })).toBeVisible();
  await meetings.open();
  await expect(row).toContainText('On Zoom');
  const sandbox = await connectedSandbox(serve);
  const onZoom = (await sandbox.state<SandboxMeetings>()).meetings.filter((meeting) => meeting.topic === topic);
  expect(onZoom).toHaveLength(1);
  const synced = await callServe<StoredMeetingView>(serve, 'meetings.get', { id });
  expect(synced.summary.zoom_meeting_id).toBe(String(onZoom[0]?.id));
  await expect(row.getByRole('link', { name: `Open the join link of ${topic}` })).toHaveAttribute(
    'href',
    synced.summary.join_url ?? 'a join link',
  );
  await expect(row.getByRole('link', { name: `Open the registration link of ${topic}` })).toHaveAttribute(
    'href',
    synced.summary.registration_url ?? 'a registration link',
  );

  // Deleting a meeting on Zoom says so, waits for the next sync, then it is gone from Zoom.
  page.once('dialog', (question) => {
    expect(question.message()).toContain('deleted on Zoom at the next sync');
    void question.accept();
  });
  await row.getByRole('button', { name: `Delete ${topic}` }).click();
  await expect(row).toContainText('Deleting');
  await planner.syncNow('nothing asked');
  await expect(page.getByRole('status').filter({ hasText: /everything is in sync/i })).toBeVisible();
  await meetings.open();
  await expect(page.getByRole('region', { name: 'No meetings yet' })).toBeVisible();
  expect((await sandbox.state<SandboxMeetings>()).meetings.filter((meeting) => meeting.topic === topic)).toEqual([]);
});

test('a new meeting is saved once it has a host, keeps an edit typed as the tab closes, and a draft never sent is removed at once', async ({
  shell,
  page,
  serve,
}) => {
  const meetings = new MeetingsPage(page, shell);
  await meetings.open();
  await page.getByRole('button', { name: 'New meeting' }).click();
  // It starts at its host, the one thing a new meeting lacks.
  await expect(page.getByLabel('Host email')).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Not saved yet' })).toBeVisible();
  expect(await callServe<unknown[]>(serve, 'meetings.list')).toEqual([]);
  await page.keyboard.type('sales@company.com');
  await page.getByLabel('Topic').fill('Sales Pipeline Review');
  await meetings.expectSaved();
  await expect(page).toHaveURL(/#meetings\/[^/]+$/);
  const address = page.url();
  expect((await callServe<{ topic: string }[]>(serve, 'meetings.list')).map((entry) => entry.topic)).toEqual([
    'Sales Pipeline Review',
  ]);

  await page.getByLabel('Topic').fill('Sales Pipeline Review, weekly');
  await page.close();
  const reopened = await page.context().newPage();
  await reopened.goto(serve.url);
  await reopened.goto(address);
  await expect(reopened.getByLabel('Topic')).toHaveValue('Sales Pipeline Review, weekly');

  reopened.once('dialog', (question) => {
    expect(question.message()).toContain('removed now');
    void question.accept();
  });
  await reopened.getByRole('button', { name: 'Delete meeting' }).click();
  await expect(reopened.getByRole('region', { name: 'No meetings yet' })).toBeVisible();
  expect(await callServe<unknown[]>(serve, 'meetings.list')).toEqual([]);
});

test('a config with problems shows each by its JSON path, and imports nothing', async ({
  shell,
  page,
  serve,
  pageErrors,
}) => {
  const meetings = new MeetingsPage(page, shell);
  await meetings.open();
  const [meeting] = config.meetings;
  await meetings.chooseConfig({
    meetings: [
      { ...meeting, start_date: '2027-02-30' },
      { ...meeting, topic: 'Other', recurrence_type: 'yearly' },
    ],
  });
  const problems = meetings.importDialog.getByRole('list', { name: 'Problems in the config' });
  await expect(problems).toContainText('meetings[0].start_date');
  await expect(problems).toContainText('meetings[1].recurrence_type');
  await expect(meetings.importDialog.getByRole('button', { name: /^Import \d/ })).toHaveCount(0);
  await meetings.importDialog.getByRole('button', { name: 'Close' }).click();
  await expect(meetings.importDialog).toHaveCount(0);
  expect(await callServe<unknown[]>(serve, 'meetings.list')).toEqual([]);
  dropRefusedCalls(pageErrors);
});

test('the Meetings screens pass axe-core with no serious or critical violations', async ({ shell, page }) => {
  // axe-core over the editor's time-zone options takes longer than a screen's test on a busy two-core machine.
  test.slow();
  const meetings = new MeetingsPage(page, shell);
  const checked: Record<string, string[]> = {};
  const check = async (name: string) => {
    await shell.keepScreenshot(`a11y-meetings-${name}`);
    checked[name] = await seriousViolations(page);
  };
  await meetings.open();
  await check('empty');
  await meetings.chooseConfig(config);
  await expect(meetings.importDialog.getByRole('table', { name: 'Meetings in the config' })).toBeVisible();
  await check('import-dialog');
  await meetings.importDialog.getByRole('button', { name: 'Import 1 meeting' }).click();
  await expect(meetings.row(topic)).toBeVisible();
  await check('list');
  await meetings.row(topic).getByRole('link', { name: topic }).click();
  await page.getByLabel('Host email').fill('manager at company');
  await expect(page.getByLabel('Host email')).toHaveAttribute('aria-invalid', 'true');
  await check('editor');
  expect(checked).toEqual({ empty: [], 'import-dialog': [], list: [], editor: [] });
});

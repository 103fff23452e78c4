import { expect, test } from './fixtures';
import { Planner } from './planner';
import { connectedSandbox, dropRefusedCalls } from './serveApi';

// The three scenarios of Zoom's recurring-events tutorial, done the way a planner does them:
// from an empty app, through the series editor and the attendee table, to synced on the sandbox.

test('weekly standup: one registration for all sessions, attendees added and imported, synced and published', async ({
  shell,
  page,
  serve,
  pageErrors,
}) => {
  const planner = new Planner(page, shell);
  await planner.trySandbox();
  await planner.newSeries();
  await planner.fillSeries({
    name: 'Weekly Team Standup',
    timeZone: 'America/New_York',
    startDate: '2027-01-04',
    startTime: '10:00',
    duration: 30,
    repeats: 'Weekly',
    weekdays: ['Monday'],
    sessions: 12,
    ticketName: 'Team Member Pass',
    linkName: 'Team Registration',
  });
  await expect(planner.preview).toContainText('Weekly on Monday · 12 sessions');
  await expect(planner.preview.getByRole('listitem')).toHaveCount(12);
  // March 14, 2027: the clocks change in New York; the session keeps 10:00 local time.
  await expect(planner.preview.getByRole('listitem', { name: /^Session 11,/ })).toContainText('Clocks change');
  await expect(planner.preview.getByRole('listitem', { name: /^Session 11,/ })).toContainText('10:00');
  await shell.keepScreenshot('series-editor');

  await planner.openTab('Attendees');
  await planner.addAttendee({ email: 'jane.doe@example.com', first: 'Jane', last: 'Doe' });
  await planner.importCsv('Email,First Name,Last Name\njohn@example.com,John,Smith\nnot-an-email,Bad,Row\nmei@example.com,Mei,Lin\n');
  const dialog = page.getByRole('dialog', { name: 'Import attendees from CSV' });
  await expect(dialog.getByRole('combobox', { name: 'Import "Email" as' })).toHaveValue('email');
  await dialog.getByRole('button', { name: 'Check rows' }).click();
  await expect(dialog.getByRole('list', { name: 'Rows with problems' })).toContainText('Line 3');
  const table = page.getByRole('table', { name: 'Attendees' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await shell.keepScreenshot('attendee-import');
  await dialog.getByRole('button', { name: 'Import 2 attendees' }).click();
  await expect(dialog.getByText('Imported: 2 new attendees')).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Rows with problems' })).toContainText('Line 3');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(table.getByRole('row')).toHaveCount(4);
  await shell.keepScreenshot('attendees');

  await shell.link('Sync').click();
  const waiting = page.getByRole('list', { name: 'Changes waiting' });
  await expect(waiting).toContainText('Create "Weekly Team Standup" with 12 sessions');
  await expect(waiting).toContainText('Register 3 people for "Weekly Team Standup"');
  await shell.keepScreenshot('sync-waiting');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByText(/everything is in sync/).first()).toBeVisible();
  await shell.keepScreenshot('sync-done');

  const zoom = await (await connectedSandbox(serve)).state();
  const event = zoom.events.find((candidate) => candidate.name === 'Weekly Team Standup');
  expect(event?.status).toBe('PUBLISHED');
  expect(zoom.sessions.filter((session) => session.event_id === event?.event_id)).toHaveLength(12);
  expect(zoom.tickets.filter((ticket) => ticket.event_id === event?.event_id).map((t) => t.email).sort()).toEqual([
    'jane.doe@example.com',
    'john@example.com',
    'mei@example.com',
  ]);
  expect(zoom.accessLinks.find((link) => link.event_id === event?.event_id)?.recurring_registration_option).toBe(
    'all_sessions',
  );

  await shell.link('Series').click();
  const row = page.getByRole('row', { name: /Weekly Team Standup/ });
  await expect(row).toContainText('Published');
  await expect(row).toContainText('3');
  await shell.keepScreenshot('series-list');
  dropRefusedCalls(pageErrors);
});

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Planner, typeTime, typeDate } from './planner';
import { callServe, connectedSandbox, type SandboxState } from './serveApi';

// Changing one attendee's sessions (Zoom makes a new ticket; a refusal is shown on the person), and
// moving sessions for this one, this and the following ones, or all.

type Ticketed = SandboxState & { tickets: { event_id: string; email: string; session_ids?: string[] }[] };

const course = {
  key: 'course',
  name: 'Onboarding course',
  hub_id: 'hub-sandbox-main',
  timezone: 'America/New_York',
  event_type: 'RECURRING',
  start_time: '2027-03-01T18:00:00Z',
  recurrence: { type: 2, weekly_days: [2, 4, 6], end_times: 6, duration: 60 },
  ticket_type: { name: 'Course seat' },
  registration: { link_name: 'Course registration', recurring_registration_option: 'multiple_sessions' },
  attendees: [
    { email: 'ada@example.com', first_name: 'Ada', occurrences: [1, 2] },
    { email: 'bob@example.com', first_name: 'Bob', occurrences: [3] },
  ],
  publish: true,
};

/** The serious and critical problems axe-core finds in one part of the page. */
async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => violation.id);
}

/** Syncs from the Sync screen and waits for that sync's own line in the recent syncs. */
async function syncExpecting(planner: Planner, syncs: number, outcome: RegExp): Promise<void> {
  await planner.syncNow(syncs === 1 ? 'make public' : 'nothing asked');
  const recent = planner.page.getByRole('region', { name: 'Recent syncs' }).getByRole('listitem');
  await expect(recent).toHaveCount(syncs);
  await expect(recent.first()).toContainText(outcome);
}

async function openSeries(page: import('@playwright/test').Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Series' }).click();
  await page.getByRole('link', { name }).click();
}

test('changes an attendee’s sessions: Zoom’s new ticket said first, a refusal shown on the person, tried again', async ({
  shell,
  page,
  serve,
}) => {
  test.slow();
  const planner = new Planner(page, shell);
  await planner.trySandbox();
  await callServe(serve, 'drafts.import', { file: { version: 1, series: [course] }, dryRun: false });
  await syncExpecting(planner, 1, /everything is in sync/);
  const sandbox = await connectedSandbox(serve);

  await openSeries(page, 'Onboarding course');
  await planner.openTab('Attendees');
  await page.getByRole('button', { name: 'Change sessions of ada@example.com' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change sessions of ada@example.com' });
  const sessions = dialog.getByRole('group', { name: 'Sessions' });
  await expect(dialog.getByRole('button', { name: 'Change sessions' })).toBeDisabled();
  await sessions.getByLabel(/^1\. /).uncheck();
  await sessions.getByLabel(/^2\. /).uncheck();
  await sessions.getByLabel(/^4\. /).check();
  await expect(dialog.getByRole('note')).toHaveText(
    "Zoom cannot change the sessions of a ticket. At the next sync, Cadence cancels ada@example.com's ticket for sessions 1, 2 on Zoom and registers them for session 4; Zoom emails them the new ticket. Their old join link stops working.",
  );
  expect(await seriousViolations(page, 'dialog')).toEqual([]);
  await shell.keepScreenshot('change-sessions-dialog');
  await dialog.getByRole('button', { name: 'Change sessions' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('row').filter({ hasText: 'ada@example.com' }).getByRole('cell').nth(4)).toHaveText('4');
  await syncExpecting(planner, 2, /everything is in sync/);
  await openSeries(page, 'Onboarding course');
  await planner.openTab('Attendees');

  // Zoom blocks a removed registrant from registering again: Bob's new ticket is refused.
  await sandbox.setFaults({ blockRemovedRegistrants: true });
  await page.getByRole('button', { name: 'Change sessions of bob@example.com' }).click();
  const bobs = page.getByRole('dialog', { name: 'Change sessions of bob@example.com' });
  await bobs.getByRole('group', { name: 'Sessions' }).getByLabel(/^5\. /).check();
  await bobs.getByRole('button', { name: 'Change sessions' }).click();
  await syncExpecting(planner, 3, /1 conflict to settle/);

  await openSeries(page, 'Onboarding course');
  await planner.openTab('Attendees');
  const refused = page.getByRole('region', { name: 'Registrations Zoom refused' });
  await expect(refused).toContainText(
    'bob@example.com (new sessions; their old ticket is cancelled): “This registrant was removed from the event and cannot register again.”',
  );
  await expect(page.getByRole('row').filter({ hasText: 'bob@example.com' }).getByRole('cell').nth(5)).toHaveText(
    'Refused by Zoom',
  );
  expect(await seriousViolations(page, '.refused-registrations')).toEqual([]);
  await shell.keepScreenshot('change-sessions-refused');
  // Ada's change went through alone: one ticket, for session 4.
  const afterRefusal = await sandbox.state<Ticketed>();
  const sessionIds = afterRefusal.sessions.map((session) => session.session_id);
  expect(afterRefusal.tickets.filter((t) => t.email === 'ada@example.com').map((t) => t.session_ids)).toEqual([
    [sessionIds[3]],
  ]);
  expect(afterRefusal.tickets.filter((t) => t.email === 'bob@example.com')).toEqual([]);

  await sandbox.setFaults({ blockRemovedRegistrants: false });
  await refused.getByRole('button', { name: 'Try again to register bob@example.com' }).click();
  await expect(refused).toHaveCount(0);
  await syncExpecting(planner, 4, /everything is in sync/);
  const after = await sandbox.state<Ticketed>();
  expect(after.tickets.filter((t) => t.email === 'bob@example.com').map((t) => t.session_ids)).toEqual([
    [sessionIds[2], sessionIds[4]],
  ]);
});

test('moves a session for this one, this and the following ones, or all, saying which sessions change', async ({
  shell,
  page,
  serve,
}) => {
  test.slow();
  const planner = new Planner(page, shell);
  // Tuesdays at 10:00 in New York across the start of daylight saving time (14 March 2027).
  await callServe(serve, 'drafts.import', {
    file: {
      version: 1,
      series: [
        {
          name: 'Tuesday clinic',
          timezone: 'America/New_York',
          event_type: 'RECURRING',
          start_time: '2027-02-23T15:00:00Z',
          recurrence: { type: 2, weekly_days: [3], end_times: 8, duration: 60 },
        },
      ],
    },
    dryRun: false,
  });
  await page.reload();
  await openSeries(page, 'Tuesday clinic');

  await (await planner.previewSession(3)).getByRole('button', { name: 'Move session 3' }).click();
  const form = planner.preview.getByRole('form', { name: 'Move session 3' });
  await typeTime(form.getByRole('group', { name: 'New time' }), '11:00');
  await form.getByLabel('Length (minutes)').fill('90');
  // The scope is chosen from the keyboard like any radio group.
  await form.getByRole('radio', { name: 'Only this session' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(form.getByRole('radio', { name: 'This and following sessions' })).toBeChecked();
  const outcome = form.getByRole('list');
  await expect(form).toContainText('6 sessions change:');
  await expect(outcome.getByRole('listitem').nth(1)).toHaveText(
    /^Session 4, Tue, Mar 16, 2027: 10:00 AM EDT–11:00 AM EDT → 11:00 AM EDT–12:30 PM EDT$/,
  );
  await shell.keepScreenshot('session-edit-following');
  await form.getByRole('button', { name: 'Change 6 sessions' }).click();
  await planner.expectSaved();
  await expect(await planner.previewSession(2)).toContainText('10:00');
  await expect(await planner.previewSession(4)).toContainText('11:00');
  await expect(await planner.previewSession(8)).toContainText('11:00');

  // Another day for every session is a change of the days the series repeats on.
  await (await planner.previewSession(2)).getByRole('button', { name: 'Move session 2' }).click();
  const second = planner.preview.getByRole('form', { name: 'Move session 2' });
  await typeDate(second.getByRole('group', { name: 'New date' }), '2027-03-03');
  await second.getByRole('radio', { name: 'All sessions' }).check();
  await expect(second.getByRole('note')).toContainText('changes the days the series repeats on');
  await expect(second.getByRole('button', { name: /Change/ })).toBeDisabled();
  await second.getByRole('radio', { name: 'Only this session' }).check();
  await second.getByRole('button', { name: 'Move session' }).click();
  await planner.expectSaved();
  await expect(await planner.previewSession(2)).toContainText('Moved from');
});

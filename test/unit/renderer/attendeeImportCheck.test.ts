import { describe, expect, it } from 'vitest';
import { seriesDraftSchema } from '../../../shared/drafts/seriesDraft';
import { draftIssues } from '../../../shared/drafts/seriesFile';
import { checkAttendeeRows } from '../../../renderer/lib/attendeeImportCheck';
import type { SeriesDetails } from '../../../renderer/stores/useEditorStore';

const details = seriesDraftSchema.parse({
  name: 'Onboarding Training',
  timezone: 'America/New_York',
  event_type: 'RECURRING',
  start_time: '2027-01-04T14:00:00Z',
  recurrence: { type: 2, weekly_days: [2, 4, 6], end_times: 6, duration: 60 },
  occurrence_changes: [{ occurrence: 4, action: 'cancel' }],
  ticket_type: { name: 'Seat', quantity: 5 },
  registration: { link_name: 'Sign up', recurring_registration_option: 'single_session' },
}) as SeriesDetails;

const rows: Record<string, unknown>[] = [
  { email: 'ada@example.com', first_name: 'Ada', occurrences: [1] },
  { email: 'not-an-email', occurrences: [2] },
  { email: 'bo@example.com', occurrences: [9] },
  { email: 'ADA@example.com', occurrences: [3] },
  { email: 'cy@example.com', occurrences: [4] },
  { email: 'di@example.com', occurrences: [1, 2] },
  { email: 'ed@example.com', first_name: 'x'.repeat(65), occurrences: ['two'] },
];

describe('checking attendee rows before an import', () => {
  it('finds exactly the problems main finds with the series schema, each on its file line', () => {
    const parsed = seriesDraftSchema.safeParse({ ...details, attendees: rows });
    const mains = parsed.success ? [] : draftIssues(parsed.error);
    const check = checkAttendeeRows(details, rows, new Set(['ada@example.com']));
    const rowsWithProblems = new Set(mains.map((issue) => /^attendees\[(\d+)\]/.exec(issue.path)?.[1]).filter(Boolean));
    expect(check.problems.map((problem) => problem.line)).toEqual(
      [...rowsWithProblems].map((row) => Number(row) + 2).sort((a, b) => a - b),
    );
    expect(check.problems.flatMap((problem) => problem.messages).length).toBe(
      mains.filter((issue) => issue.path.startsWith('attendees[')).length,
    );
    expect(check.general).toEqual(mains.filter((issue) => !issue.path.startsWith('attendees')).map((i) => i.message));
    expect(check.general[0]).toContain('the ticket type offers 5');
    expect(check.good).toEqual([rows[0]]);
    expect(check).toMatchObject({ added: 0, updated: 1 });
  });

  it('words each problem for a planner: the field by its label, sessions as sessions', () => {
    const check = checkAttendeeRows(details, rows, new Set());
    const text = check.problems.map((problem) => `Line ${String(problem.line)}: ${problem.messages.join(' ')}`);
    expect(text).toEqual([
      'Line 3: Email: Write an email address, such as jane.doe@example.com.',
      'Line 4: Sessions: This series has 6 sessions, numbered 1 to 6.',
      'Line 5: Email: ADA@example.com is listed more than once; list each person once.',
      'Line 6: Sessions: Session 4 is cancelled; choose another session.',
      'Line 7: Sessions: Each attendee registers for one session: choose exactly one.',
      'Line 8: First name: The first name is at most 64 characters. Sessions: Sessions are numbered from 1.',
    ]);
    expect(text.join('\n')).not.toMatch(/occurrence|attendees\[|\w+_\w+/);
  });
});

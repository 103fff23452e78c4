import { describe, expect, it } from 'vitest';
import { planPatternChange } from '../../../../shared/drafts/patternChange';
import { seriesDraftSchema, type RecurringSeriesDraft } from '../../../../shared/drafts/seriesDraft';

// A Sydney course on Mondays, Wednesdays and Fridays at 09:00 (22:00 UTC the day before), whose
// pattern becomes Mondays and Wednesdays: sessions are matched by their day in Sydney.
const stored = seriesDraftSchema.parse({
  key: 'course',
  name: 'Course',
  timezone: 'Australia/Sydney',
  event_type: 'RECURRING',
  start_time: '2027-02-28T22:00:00Z',
  recurrence: { type: 2, weekly_days: [2, 4, 6], end_times: 6, duration: 60 },
  occurrence_changes: [
    { occurrence: 4, action: 'cancel' },
    { occurrence: 5, action: 'move', start_time: '2027-03-09T23:00:00Z' },
    { occurrence: 6, action: 'cancel' },
  ],
  ticket_type: { name: 'Seat' },
  registration: { link_name: 'Register', recurring_registration_option: 'multiple_sessions' },
  attendees: [
    { email: 'ada@example.com', occurrences: [1, 2] },
    { email: 'bob@example.com', occurrences: [3] },
  ],
  publish: true,
}) as RecurringSeriesDraft;

const edited = { ...stored, recurrence: { ...stored.recurrence, weekly_days: [2, 4] }, attendees: [] };
const beforeItStarts = Date.parse('2027-01-01T00:00:00Z');

describe('planning a pattern change', () => {
  it('maps chosen sessions and single-session changes by day, and lists what has no such day', () => {
    const result = planPatternChange(stored, edited, { now: beforeItStarts });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { draft, preview } = result.plan;
    expect(draft).toMatchObject({ key: 'course', start_time: '2027-02-28T22:00:00Z', publish: true });
    expect(draft.attendees).toEqual([
      { email: 'ada@example.com', occurrences: [1, 2] },
      { email: 'bob@example.com', occurrences: [2] },
    ]);
    expect(draft.event_type === 'RECURRING' && draft.occurrence_changes).toEqual([
      { occurrence: 3, action: 'cancel' },
      { occurrence: 4, action: 'move', start_time: '2027-03-09T23:00:00Z' },
    ]);
    expect(preview).toMatchObject({
      old_pattern: 'Weekly on Monday, Wednesday and Friday',
      new_pattern: 'Weekly on Monday and Wednesday',
      sessions: 5,
      skipped_past: 0,
      registrations: 2,
      fully_mapped: 1,
      changes_carried: 2,
      changes_dropped: [{ occurrence: 6, action: 'cancel', start_time: '2027-03-11T22:00:00Z' }],
    });
    // Bob's Friday has no Friday to go to: the nearest session still held (not the cancelled Monday).
    expect(preview.unmapped).toEqual([
      {
        email: 'bob@example.com',
        from: { occurrence: 3, start_time: '2027-03-04T22:00:00Z' },
        replacement: { occurrence: 2, start_time: '2027-03-02T22:00:00Z' },
      },
    ]);
    expect(preview.cancel_message).toContain('now repeats weekly on Monday and Wednesday');
  });

  it('starts the new event at its first session still to come, with fewer sessions to keep its end', () => {
    const result = planPatternChange(stored, edited, {
      now: Date.parse('2027-03-04T00:00:00Z'),
      cancelMessage: 'Moved.',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { draft, preview } = result.plan;
    expect(draft.start_time).toBe('2027-03-07T22:00:00Z');
    expect(draft.event_type === 'RECURRING' && draft.recurrence.end_times).toBe(4);
    expect(preview).toMatchObject({ skipped_past: 2, cancel_message: 'Moved.' });
    // Ada's sessions both took place: she keeps one, the nearest still held.
    expect(result.plan.draft.attendees[0]?.occurrences).toHaveLength(1);
  });

  it("tells the old event's registrants how long the series now runs when only its number of sessions changes", () => {
    const longer = { ...stored, recurrence: { ...stored.recurrence, end_times: 70 }, attendees: [] };
    const result = planPatternChange(stored, longer, { now: beforeItStarts });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { preview } = result.plan;
    expect(preview).toMatchObject({ old_pattern: preview.new_pattern, sessions: 68 });
    expect(preview.cancel_message).toBe(
      '"Course" now has 68 sessions, weekly on Monday, Wednesday and Friday, as a new event. Your registration moves to it; this event is cancelled. Zoom emails you a ticket for the new event.',
    );
  });

  it('refuses an unchanged pattern, and one with no session left to come, naming the field', () => {
    expect(planPatternChange(stored, { ...stored, name: 'Renamed' }, { now: beforeItStarts })).toMatchObject({
      ok: false,
      issues: [{ path: 'recurrence' }],
    });
    expect(planPatternChange(stored, edited, { now: Date.parse('2027-04-01T00:00:00Z') })).toMatchObject({
      ok: false,
      issues: [{ path: 'recurrence', message: expect.stringContaining('no session after now') as unknown }],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { plannedSessions } from '../../../../shared/drafts/plannedSessions';
import { seriesDraftSchema, type RecurringSeriesDraft } from '../../../../shared/drafts/seriesDraft';
import { applySessionEdit, type EditScope, type SessionEdit } from '../../../../shared/drafts/sessionEdit';

// Tuesdays at 10:00 in New York, eight weeks across the start of daylight saving time (14 March 2027):
// sessions 1–3 are at 15:00 UTC, 4–8 at 14:00 UTC.
function weekly(changes: unknown[] = []): RecurringSeriesDraft {
  return seriesDraftSchema.parse({
    name: 'Tuesday clinic',
    timezone: 'America/New_York',
    event_type: 'RECURRING',
    start_time: '2027-02-23T15:00:00Z',
    recurrence: { type: 2, weekly_days: [3], end_times: 8, duration: 60 },
    occurrence_changes: changes,
  }) as RecurringSeriesDraft;
}

function applied(draft: RecurringSeriesDraft, edit: SessionEdit, scope: EditScope) {
  const result = applySessionEdit(draft, edit, scope);
  if (!result.ok) throw new Error(`not applied: ${result.reason}`);
  // What the edit makes is a draft the series' own rules accept.
  const parsed = seriesDraftSchema.parse(result.schedule) as RecurringSeriesDraft;
  return { ...result, starts: plannedSessions(parsed).map((s) => `${s.start_time}–${s.end_time.slice(11)}`) };
}

describe('a session edit for this, following or all sessions', () => {
  it('moves only this session', () => {
    const result = applied(
      weekly(),
      { occurrence: 3, start_time: '2027-03-09T16:00:00Z', duration_minutes: 60 },
      'this',
    );
    expect(result.schedule.occurrence_changes).toEqual([
      { occurrence: 3, action: 'move', start_time: '2027-03-09T16:00:00Z' },
    ]);
    expect(result.shifts.map((s) => s.occurrence)).toEqual([3]);
    expect(result.isSeriesTimeChanged).toBe(false);
  });

  it('moves this and the following sessions by the same wall-clock change, across the change of the clocks', () => {
    const result = applied(
      weekly([
        { occurrence: 5, action: 'cancel' },
        { occurrence: 6, action: 'move', start_time: '2027-03-30T18:00:00Z' },
      ]),
      { occurrence: 3, start_time: '2027-03-09T16:00:00Z', duration_minutes: 90 },
      'following',
    );
    expect(result.starts).toEqual([
      '2027-02-23T15:00:00Z–16:00:00Z',
      '2027-03-02T15:00:00Z–16:00:00Z',
      '2027-03-09T16:00:00Z–17:30:00Z',
      // 11:00 in New York after the clocks changed.
      '2027-03-16T15:00:00Z–16:30:00Z',
      '2027-03-23T14:00:00Z–15:00:00Z',
      // Moved on its own to 14:00 local, it moves one hour later too.
      '2027-03-30T19:00:00Z–20:30:00Z',
      '2027-04-06T15:00:00Z–16:30:00Z',
      '2027-04-13T15:00:00Z–16:30:00Z',
    ]);
    expect(result.schedule.occurrence_changes.find((c) => c.occurrence === 5)).toEqual({
      occurrence: 5,
      action: 'cancel',
    });
    // The preview is this result: every session that changes, from where to where; the cancelled one is not among them.
    expect(result.shifts.map((s) => s.occurrence)).toEqual([3, 4, 6, 7, 8]);
    expect(result.shifts[1]).toEqual({
      occurrence: 4,
      from: { start_time: '2027-03-16T14:00:00Z', end_time: '2027-03-16T15:00:00Z' },
      to: { start_time: '2027-03-16T15:00:00Z', end_time: '2027-03-16T16:30:00Z' },
    });
  });

  it('changes the series’ start time and duration for all, keeping its own moves shifted alike', () => {
    const result = applied(
      weekly([{ occurrence: 6, action: 'move', start_time: '2027-03-30T18:00:00Z' }]),
      { occurrence: 4, start_time: '2027-03-16T13:30:00Z', duration_minutes: 45 },
      'all',
    );
    expect(result.isSeriesTimeChanged).toBe(true);
    expect(result.schedule.start_time).toBe('2027-02-23T14:30:00Z');
    expect(result.schedule.recurrence.duration).toBe(45);
    expect(result.starts[0]).toBe('2027-02-23T14:30:00Z–15:15:00Z');
    expect(result.starts[3]).toBe('2027-03-16T13:30:00Z–14:15:00Z');
    expect(result.starts[5]).toBe('2027-03-30T17:30:00Z–18:15:00Z');
    expect(result.shifts).toHaveLength(8);
  });

  it('treats "following" from the first session as "all", and a length alone like a move', () => {
    const result = applied(
      weekly(),
      { occurrence: 1, start_time: '2027-02-23T15:00:00Z', duration_minutes: 30 },
      'following',
    );
    expect(result.isSeriesTimeChanged).toBe(true);
    expect(result.schedule.occurrence_changes).toEqual([]);
    expect(result.schedule.recurrence.duration).toBe(30);
  });

  it('a session put back where the pattern has it loses its change', () => {
    const draft = weekly([{ occurrence: 4, action: 'move', start_time: '2027-03-16T15:00:00Z' }]);
    const result = applied(draft, { occurrence: 4, start_time: '2027-03-16T14:00:00Z', duration_minutes: 60 }, 'this');
    expect(result.schedule.occurrence_changes).toEqual([]);
  });

  it('refuses to move following or all sessions to another day: that is a change of the pattern', () => {
    const edit = { occurrence: 3, start_time: '2027-03-10T15:00:00Z', duration_minutes: 60 };
    expect(applySessionEdit(weekly(), edit, 'following')).toEqual({ ok: false, reason: 'pattern_change' });
    expect(applySessionEdit(weekly(), edit, 'all')).toEqual({ ok: false, reason: 'pattern_change' });
    expect(applySessionEdit(weekly(), edit, 'this').ok).toBe(true);
    expect(applySessionEdit(weekly([{ occurrence: 3, action: 'cancel' }]), edit, 'this')).toEqual({
      ok: false,
      reason: 'invalid_schedule',
    });
  });
});

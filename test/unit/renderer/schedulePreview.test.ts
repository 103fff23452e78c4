import { describe, expect, it } from 'vitest';
import { previewSessions } from '../../../renderer/lib/schedulePreview';
import { instantOfWallClock, wallClockInputs } from '../../../renderer/lib/zonedTime';
import type { SeriesDetails } from '../../../renderer/stores/useEditorStore';

const standup: SeriesDetails = {
  name: 'Standup',
  timezone: 'America/New_York',
  event_type: 'RECURRING',
  attendance_type: 'virtual',
  access_level: 'PRIVATE_UNRESTRICTED',
  start_time: '2027-03-01T15:00:00Z',
  recurrence: { type: 2, weekly_days: [2], end_times: 3, duration: 30 },
  occurrence_changes: [],
  publish: false,
};

describe('the live preview', () => {
  it('keeps the local time across a DST change and marks the session after it', () => {
    const sessions = previewSessions(standup);
    expect(sessions.map((s) => [s.start_time, s.clocksChanged])).toEqual([
      ['2027-03-01T15:00:00Z', false],
      ['2027-03-08T15:00:00Z', false],
      ['2027-03-15T14:00:00Z', true],
    ]);
    expect(sessions[2]?.offsetMinutes).toBe(-240);
  });

  it('applies moves and cancellations by occurrence number, keeping the duration of a moved session', () => {
    const sessions = previewSessions({
      ...standup,
      occurrence_changes: [
        { occurrence: 2, action: 'move', start_time: '2027-03-09T16:00:00Z' },
        { occurrence: 3, action: 'cancel' },
      ],
    });
    expect(sessions.map((s) => [s.occurrence, s.status, s.start_time, s.end_time])).toEqual([
      [1, 'scheduled', '2027-03-01T15:00:00Z', '2027-03-01T15:30:00Z'],
      [2, 'moved', '2027-03-09T16:00:00Z', '2027-03-09T16:30:00Z'],
      [3, 'cancelled', '2027-03-15T14:00:00Z', '2027-03-15T14:30:00Z'],
    ]);
    expect(sessions[1]?.planned_start).toBe('2027-03-08T15:00:00Z');
  });

  it('shows nothing while the schedule cannot be expanded', () => {
    expect(
      previewSessions({ ...standup, recurrence: { type: 2, weekly_days: [], end_times: 3, duration: 30 } }),
    ).toEqual([]);
  });
});

describe('wall-clock inputs', () => {
  it('round-trips a date and time in a zone, and moves a time skipped by DST forward', () => {
    expect(wallClockInputs('2027-01-04T15:00:00Z', 'America/New_York')).toEqual({ date: '2027-01-04', time: '10:00' });
    expect(instantOfWallClock('2027-01-04', '10:00', 'America/New_York')).toBe('2027-01-04T15:00:00Z');
    expect(instantOfWallClock('2027-03-14', '02:30', 'America/New_York')).toBe('2027-03-14T07:30:00Z');
    expect(instantOfWallClock('2027-03-14', '', 'America/New_York')).toBeUndefined();
  });
});

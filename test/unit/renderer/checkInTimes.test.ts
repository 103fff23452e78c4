import { describe, expect, it } from 'vitest';
import type { CheckInEvent } from '../../../shared/checkin/checkIn';
import { defaultScope } from '../../../renderer/lib/checkInTimes';

function event(timezone: string, starts: string[]): CheckInEvent {
  return {
    eventId: 'e1',
    seriesId: null,
    name: 'Conference',
    timezone,
    attendanceType: 'IN_PERSON',
    sessions: starts.map((startTime, index) => ({
      sessionId: `s${String(index + 1)}`,
      position: index + 1,
      name: `Day ${String(index + 1)}`,
      startTime,
      endTime: startTime,
    })),
    downloadedAt: '2027-03-01T08:00:00.000Z',
    lastUploadAt: null,
    lastCheckInsReadAt: null,
    counts: { registered: 0, checkedIn: 0, waiting: 0, refused: 0 },
  };
}

describe('the scope a desk starts with', () => {
  it("is today's session of a recurring event, today as the event's time zone has it", () => {
    const tokyo = event('Asia/Tokyo', ['2027-03-01T23:30:00.000Z', '2027-03-02T23:30:00.000Z']);
    // The second session starts at 08:30 on 3 March in Tokyo, which is still 2 March in UTC.
    expect(defaultScope(tokyo, new Date('2027-03-03T01:00:00.000Z'))).toEqual({ eventId: 'e1', sessionId: 's2' });
  });

  it('is the whole event when no session is today, or when the event has a single session', () => {
    const weekly = event('Europe/London', ['2027-03-02T09:00:00.000Z', '2027-03-09T09:00:00.000Z']);
    expect(defaultScope(weekly, new Date('2027-03-05T10:00:00.000Z'))).toEqual({ eventId: 'e1', sessionId: null });
    const single = event('Europe/London', ['2027-03-02T09:00:00.000Z']);
    expect(defaultScope(single, new Date('2027-03-02T10:00:00.000Z'))).toEqual({ eventId: 'e1', sessionId: null });
  });
});

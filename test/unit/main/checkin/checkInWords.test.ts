import { describe, expect, it } from 'vitest';
import { alreadyCheckedIn } from '../../../../main/checkin/checkInWords';
import type { CheckIn } from '../../../../shared/checkin/checkIn';

const earlier: CheckIn = {
  id: 'c1',
  eventId: 'e1',
  sessionId: null,
  email: 'ana@example.com',
  recordedAt: '2027-01-05T15:42:07Z',
  desk: 'Door B',
  origin: 'here',
  walkIn: false,
  state: 'waiting',
  refusal: null,
  uploadedAt: null,
};
const sameDay = Date.parse('2027-01-05T18:00:00Z');

describe('"already checked in", as the desk says it', () => {
  it("gives the time in the event's zone, 24 h, and the desk", () => {
    expect(alreadyCheckedIn(earlier, 'America/New_York', sameDay)).toBe('Already checked in at 10:42 at Door B');
    expect(alreadyCheckedIn(earlier, 'Europe/Berlin', sameDay)).toBe('Already checked in at 16:42 at Door B');
  });

  it("gives the day when it was not today in the event's zone", () => {
    expect(alreadyCheckedIn(earlier, 'America/New_York', Date.parse('2027-01-06T18:00:00Z'))).toBe(
      'Already checked in on 5 Jan at 10:42 at Door B',
    );
  });

  it('says "on another desk" when Zoom gave neither time nor desk, and the desk alone when it named one', () => {
    const seen = { ...earlier, origin: 'elsewhere' as const, recordedAt: null, desk: null };
    expect(alreadyCheckedIn(seen, 'UTC', sameDay)).toBe('Already checked in on another desk');
    expect(alreadyCheckedIn({ ...seen, desk: 'Door C' }, 'UTC', sameDay)).toBe('Already checked in at Door C');
  });
});

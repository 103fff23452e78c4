import { DateTime } from 'luxon';
import type { CheckIn, CheckInSession } from '../../shared/checkin/checkIn';

/** How the desk names a person: their name, or their email when the list has no name. */
export function displayName(person: { email: string; firstName: string; lastName: string }): string {
  const name = `${person.firstName} ${person.lastName}`.trim();
  return name === '' ? person.email : name;
}

/** "at 10:42" in the event's zone, 24 h; "on 4 Jan at 10:42" when it was not today there. */
export function deskTime(instant: string, timezone: string, now: number): string {
  const at = DateTime.fromISO(instant, { zone: 'utc' }).setZone(timezone);
  const today = DateTime.fromMillis(now, { zone: timezone });
  return at.hasSame(today, 'day') ? at.toFormat("'at' HH:mm") : at.toFormat("'on' d LLL 'at' HH:mm");
}

/** "Already checked in at 10:42 at Door B"; "… on another desk" when Zoom gave neither time nor desk. */
export function alreadyCheckedIn(earlier: CheckIn, timezone: string, now: number): string {
  const when = earlier.recordedAt === null ? '' : ` ${deskTime(earlier.recordedAt, timezone, now)}`;
  const where = earlier.desk === null ? '' : ` at ${earlier.desk}`;
  if (when === '' && where === '') return 'Already checked in on another desk';
  return `Already checked in${when}${where}`;
}

/** "session 3 (12 Jan 15:00)", in the event's zone. */
export function sessionWords(session: CheckInSession, timezone: string): string {
  const start = DateTime.fromISO(session.startTime, { zone: 'utc' }).setZone(timezone).toFormat('d LLL HH:mm');
  return `session ${String(session.position)} (${start})`;
}

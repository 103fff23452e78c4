import type { CheckInEvent, CheckInScope, CheckInSession } from '../../shared/checkin/checkIn';

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** A time of day on this laptop's clock, as the desk reads it ("10:42"). */
export function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** "10:42 today", "10:42 yesterday" or "10:42 on 3 Dec", on this laptop's clock. */
export function whenWords(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (sameDay(at, now)) return `${clockTime(iso)} today`;
  if (sameDay(at, yesterday)) return `${clockTime(iso)} yesterday`;
  return `${clockTime(iso)} on ${at.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}`;
}

/** A session as the scope choice names it, in the event's own time zone: "2. Tue 5 Jan, 10:00". */
export function sessionWords(session: CheckInSession, timezone: string): string {
  const when = new Date(session.startTime).toLocaleString(undefined, {
    timeZone: timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  return `${String(session.position)}. ${when}`;
}

/**
 * The scope a desk starts with: today's session of a recurring event when there is one (the day
 * as the event's time zone has it), otherwise the whole event.
 */
export function defaultScope(event: CheckInEvent, now: Date = new Date()): CheckInScope {
  const day = (instant: Date) => instant.toLocaleDateString('en-CA', { timeZone: event.timezone });
  const today = day(now);
  const todays =
    event.sessions.length > 1
      ? event.sessions.find((session) => day(new Date(session.startTime)) === today)
      : undefined;
  return { eventId: event.eventId, sessionId: todays?.sessionId ?? null };
}

import { formatInstant } from '../../shared/recurrence/expandRecurrence';
import { isKnownTimeZone, ZoneClock } from '../../shared/recurrence/zoneClock';

/** The planner's own time zone, as the operating system reports it. */
export function plannerTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return isKnownTimeZone(zone) ? zone : 'UTC';
}

/** Every time zone the browser knows, for the time-zone picker. */
export function allTimeZones(): string[] {
  return Intl.supportedValuesOf('timeZone');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A UTC instant as the `<input type="date">` and `<input type="time">` values of a zone's wall clock. */
export function wallClockInputs(utc: string, zone: string): { date: string; time: string } {
  const ms = Date.parse(utc);
  if (!Number.isFinite(ms) || !isKnownTimeZone(zone)) return { date: '', time: '' };
  const local = new Date(new ZoneClock(zone).toLocal(ms));
  return {
    date: `${String(local.getUTCFullYear())}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
    time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
  };
}

/**
 * The UTC instant of a wall-clock date and time in a zone, read as Zoom and the recurrence rules
 * do (a time skipped by a DST change moves forward); undefined while the inputs are incomplete.
 */
export function instantOfWallClock(date: string, time: string, zone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{2}):(\d{2})/.exec(time);
  if (match === null || clock === null || !isKnownTimeZone(zone)) return undefined;
  const local = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(clock[1]), Number(clock[2]));
  return formatInstant(new ZoneClock(zone).toInstant(local));
}

/** The zone's UTC offset at an instant, in minutes. */
export function offsetMinutes(utc: string, zone: string): number {
  return Math.round(new ZoneClock(zone).offsetAt(Date.parse(utc)) / 60_000);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (found === undefined) {
    found = new Intl.DateTimeFormat(undefined, { ...options, timeZone: zone });
    formatters.set(key, found);
  }
  return found;
}

/** "Tue, Jan 5, 2027" in the zone. */
export function formatDay(utc: string, zone: string): string {
  return formatter(zone, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' }).format(Date.parse(utc));
}

/** "10:00 AM EST" in the zone. */
export function formatClock(utc: string, zone: string): string {
  return formatter(zone, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(Date.parse(utc));
}

/** "Tue, Jan 5, 2027, 10:00 AM EST". */
export function formatMoment(utc: string, zone: string): string {
  return `${formatDay(utc, zone)}, ${formatClock(utc, zone)}`;
}

/** "Jan 5, 2:14 PM" in the planner's zone, for logs. */
export function formatLogTime(utc: string): string {
  return formatter(plannerTimeZone(), { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(
    Date.parse(utc),
  );
}

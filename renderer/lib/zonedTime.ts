import { formatInstant } from '../../shared/recurrence/expandRecurrence';
import { isKnownTimeZone, ZoneClock } from '../../shared/recurrence/zoneClock';

let plannerZone: string | undefined;

/** The planner's own time zone, as the operating system reported it when the page loaded. */
export function plannerTimeZone(): string {
  // Asking Intl builds a formatter (a fraction of a millisecond): too slow for every row of every keystroke.
  if (plannerZone === undefined) {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    plannerZone = isKnownTimeZone(zone) ? zone : 'UTC';
  }
  return plannerZone;
}

let knownZones: readonly string[] | undefined;

/** Every time zone the browser knows, for the time-zone pickers. */
export function allTimeZones(): readonly string[] {
  knownZones ??= Intl.supportedValuesOf('timeZone');
  return knownZones;
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

/** The calendar day in a zone as one comparable string, from a cached formatter (no zone arithmetic per row). */
function calendarDay(utc: string, zone: string): string {
  return formatter(zone, { year: 'numeric', month: 'numeric', day: 'numeric' }).format(Date.parse(utc));
}

/** "Sun, Jan 3" in the zone: the day beside a time that falls on another date there. */
export function formatShortDay(utc: string, zone: string): string {
  return formatter(zone, { weekday: 'short', month: 'short', day: 'numeric' }).format(Date.parse(utc));
}

/**
 * "Mon, Jan 4 – Fri, Mar 26, 2027" in the zone: the days from one instant to another, the year
 * named once, or at both ends when they fall in different years.
 */
export function formatDayRange(firstUtc: string, lastUtc: string, zone: string): string {
  const yearOf = (utc: string) => formatter(zone, { year: 'numeric' }).format(Date.parse(utc));
  const from = yearOf(firstUtc) === yearOf(lastUtc) ? formatShortDay(firstUtc, zone) : formatDay(firstUtc, zone);
  return `${from} – ${formatDay(lastUtc, zone)}`;
}

/** "10:00 AM EST" in `zone`, with its day ("Sun, Jan 3, 10:00 PM CET") when that day differs from the day in `eventZone`. */
export function formatClockBeside(utc: string, zone: string, eventZone: string): string {
  const isOtherDay = calendarDay(utc, zone) !== calendarDay(utc, eventZone);
  return isOtherDay ? `${formatShortDay(utc, zone)}, ${formatClock(utc, zone)}` : formatClock(utc, zone);
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

/** "2:30 AM": a wall-clock `HH:MM` in the planner's own way of writing times. */
export function formatWallTime(time: string): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return formatter('UTC', { hour: 'numeric', minute: '2-digit' }).format(Date.UTC(2000, 0, 1, hours, minutes));
}

/** What became of a wall-clock time the clocks skipped: the time it moved to, and the jump that skipped it. */
export interface SkippedTime {
  intended: string;
  actual: string;
  /** The wall-clock time at which the clocks jumped, before the jump. */
  jumpAt: string;
  jumpMinutes: number;
}

/**
 * The jump of the clocks that moved a wall-clock time `intended` (`HH:MM`) to the instant `utc`
 * (docs/recurrence.md: a time in the spring-forward gap moves forward by the gap); undefined
 * when the instant shows that wall time.
 */
export function skippedTime(intended: string, utc: string, zone: string): SkippedTime | undefined {
  const actual = wallClockInputs(utc, zone).time;
  if (actual === '' || actual === intended) return undefined;
  const clock = new ZoneClock(zone);
  let before = Date.parse(utc) - 86_400_000;
  let after = Date.parse(utc);
  const offsetBefore = clock.offsetAt(before);
  if (clock.offsetAt(after) <= offsetBefore) return undefined;
  // Narrowed to the millisecond, `after` is the instant of the jump.
  while (after - before > 1) {
    const middle = before + Math.floor((after - before) / 2);
    if (clock.offsetAt(middle) === offsetBefore) before = middle;
    else after = middle;
  }
  const jumpMinutes = Math.round((clock.offsetAt(after) - offsetBefore) / 60_000);
  const jumpAt = new Date(after + offsetBefore);
  return {
    intended,
    actual,
    jumpAt: `${pad(jumpAt.getUTCHours())}:${pad(jumpAt.getUTCMinutes())}`,
    jumpMinutes,
  };
}

/** "the clocks go forward an hour at 2:00 AM" */
export function describeJump(skipped: SkippedTime): string {
  const amount = skipped.jumpMinutes === 60 ? 'an hour' : `${String(skipped.jumpMinutes)} minutes`;
  return `the clocks go forward ${amount} at ${formatWallTime(skipped.jumpAt)}`;
}

/** The start field's note when the typed time does not exist on the start date; undefined when it does. */
export function skippedTimeNote(intended: string, utc: string, zone: string): string | undefined {
  const skipped = skippedTime(intended, utc, zone);
  if (skipped === undefined) return undefined;
  return `${formatWallTime(intended)} does not exist that day: ${describeJump(skipped)}, so the series starts at ${formatWallTime(skipped.actual)}.`;
}

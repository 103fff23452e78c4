import { civilDate, dayNumber, daysInMonth, msPerDay, weekdayOf } from './civilDate';
import { ZoneClock } from './zoneClock';

/** The most occurrences a Zoom Events recurring event may have. */
export const maxOccurrences = 60;

/**
 * The most occurrences a Cadence series may have: three years of daily sessions. A series longer
 * than `maxOccurrences` reaches Zoom as linked events of at most `maxOccurrences` each.
 */
export const maxSeriesOccurrences = 1_100;

/** A recurrence that has passed validation, in the engine's terms. */
export type Recurrence = { repeatInterval: number; durationMinutes: number } & (
  { endTimes: number; endDateTime?: undefined } | { endTimes?: undefined; endDateTime: number }
) &
  (
    | { type: 1 }
    | { type: 2; weeklyDays: readonly number[] }
    | { type: 3; monthlyDay: number }
    | { type: 3; monthlyWeek: -1 | 1 | 2 | 3 | 4; monthlyWeekDay: number }
  );

/** When a series happens: its zone, its first candidate start (UTC ms) and its pattern. */
export interface SeriesTiming {
  timezone: string;
  startTime: number;
  recurrence: Recurrence;
}

/** One session of the series, numbered from 1 in time order; instants in UTC ms. */
export interface OccurrenceInstant {
  index: number;
  start: number;
  end: number;
}

/** Candidate dates in order, from the start date on, as day numbers. */
function* candidateDays(startDay: number, recurrence: Recurrence): Generator<number> {
  const interval = recurrence.repeatInterval;
  switch (recurrence.type) {
    case 1:
      for (let day = startDay; ; day += interval) yield day;
    case 2: {
      // Weeks run Sunday to Saturday; the week holding the start date is week 0.
      const weekStart = startDay - weekdayOf(startDay);
      const offsets = [...new Set(recurrence.weeklyDays)].sort((a, b) => a - b).map((day) => day - 1);
      for (let week = 0; ; week += interval) {
        for (const offset of offsets) {
          const day = weekStart + week * 7 + offset;
          if (day >= startDay) yield day;
        }
      }
    }
    case 3: {
      const start = civilDate(startDay);
      for (let months = 0; ; months += interval) {
        const monthIndex = start.month - 1 + months;
        const year = start.year + Math.floor(monthIndex / 12);
        const month = (monthIndex % 12) + 1;
        const day = dayInMonth(year, month, recurrence);
        if (day >= startDay) yield day;
      }
    }
  }
}

function dayInMonth(year: number, month: number, recurrence: Recurrence & { type: 3 }): number {
  const length = daysInMonth(year, month);
  if ('monthlyDay' in recurrence) {
    // A month too short for the day gets its last day.
    return dayNumber(year, month, Math.min(recurrence.monthlyDay, length));
  }
  const target = recurrence.monthlyWeekDay - 1;
  if (recurrence.monthlyWeek === -1) {
    const last = dayNumber(year, month, length);
    return last - ((weekdayOf(last) - target + 7) % 7);
  }
  const first = dayNumber(year, month, 1);
  return first + ((target - weekdayOf(first) + 7) % 7) + (recurrence.monthlyWeek - 1) * 7;
}

/**
 * Expands a series per docs/recurrence.md. Stops after `limit` occurrences, so a caller can ask
 * for one more than the maximum to learn that a series is too long.
 */
export function expandRecurrence(timing: SeriesTiming, limit: number = maxOccurrences + 1): OccurrenceInstant[] {
  const clock = new ZoneClock(timing.timezone);
  const { recurrence } = timing;
  const startLocal = clock.toLocal(timing.startTime);
  const startDay = Math.floor(startLocal / msPerDay);
  const timeOfDay = startLocal - startDay * msPerDay;
  const durationMs = recurrence.durationMinutes * 60_000;
  const endBy = recurrence.endDateTime ?? Number.POSITIVE_INFINITY;
  const count = Math.min(recurrence.endTimes ?? Number.POSITIVE_INFINITY, limit);

  const occurrences: OccurrenceInstant[] = [];
  let hint = { day: startDay, offset: startLocal - timing.startTime };
  for (const day of candidateDays(startDay, recurrence)) {
    if (occurrences.length >= count) break;
    const local = day * msPerDay + timeOfDay;
    const start = day - hint.day <= 31 ? clock.toInstantNear(local, hint.offset) : clock.toInstant(local);
    hint = { day, offset: clock.offsetAt(start) };
    if (start > endBy) break;
    if (start < timing.startTime) continue;
    if (start + hint.offset !== local && !dateExists(clock, day, start)) continue;
    occurrences.push({ index: occurrences.length + 1, start, end: start + durationMs });
  }
  return occurrences;
}

/**
 * Whether a calendar date exists in the zone (Samoa skipped 2011-12-30): it does when its first
 * moment still falls on it. A time moved past midnight by a gap keeps its occurrence.
 */
function dateExists(clock: ZoneClock, day: number, start: number): boolean {
  if (Math.floor(clock.toLocal(start) / msPerDay) === day) return true;
  return Math.floor(clock.toLocal(clock.toInstant(day * msPerDay)) / msPerDay) === day;
}

/** `YYYY-MM-DDTHH:MM:SSZ`, the instant format of the Zoom API. */
export function formatInstant(instant: number): string {
  return `${new Date(instant).toISOString().slice(0, 19)}Z`;
}

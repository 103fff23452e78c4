import type { RecurrenceDraft } from './recurrenceSchema';
import { weekdayOfStart } from './seriesTiming';

/**
 * A recurrence in the one form its copies are compared in. Zoom answers every field (an interval
 * of 1, the weekday of the start, a day of the month as a number, days in its own order) where a
 * draft may leave them out or spell them otherwise; compared as written, the same pattern looked
 * changed on both sides. Keys in one order, defaults filled, lists sorted.
 */
export function canonicalRecurrence(
  recurrence: RecurrenceDraft,
  start: { start_time: string; timezone: string },
): RecurrenceDraft {
  const canonical: RecurrenceDraft = {
    type: recurrence.type,
    repeat_interval: recurrence.repeat_interval ?? 1,
    duration: recurrence.duration,
  };
  if (recurrence.type === 2) {
    canonical.weekly_days = [
      ...(recurrence.weekly_days ?? [weekdayOfStart(start.timezone, Date.parse(start.start_time))]),
    ].sort((a, b) => a - b);
  }
  if (recurrence.monthly_days !== undefined) {
    const days = Array.isArray(recurrence.monthly_days) ? recurrence.monthly_days : [recurrence.monthly_days];
    canonical.monthly_days = [...days].sort((a, b) => a - b);
  }
  if (recurrence.monthly_week !== undefined) canonical.monthly_week = recurrence.monthly_week;
  if (recurrence.monthly_week_day !== undefined) canonical.monthly_week_day = recurrence.monthly_week_day;
  if (recurrence.end_times !== undefined) canonical.end_times = recurrence.end_times;
  if (recurrence.end_date_time !== undefined) canonical.end_date_time = recurrence.end_date_time;
  return canonical;
}

import type { RecurringSeriesDraft } from '../../../shared/drafts/seriesDraft';
import { toSeriesTiming } from '../../../shared/recurrence/seriesTiming';

/** iCalendar's weekday codes, indexed as Cadence numbers days (1 = Sunday … 7 = Saturday). */
const weekdayCodes = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
export type WeekdayCode = (typeof weekdayCodes)[number];

/** An RRULE (RFC 5545 §3.3.10) in parts, as the calendar writer takes it. */
export interface RecurrenceRule {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  interval: number;
  /** Weeks run Sunday to Saturday, as recurrence.md counts them. */
  weekStart: 'SU';
  byDay?: WeekdayCode[];
  byMonthDay?: number[];
  bySetPos?: number[];
  count?: number;
  /** UTC instant `YYYY-MM-DDTHH:MM:SSZ`: occurrences that start at or before it. */
  until?: string;
}

function weekdayCode(day: number): WeekdayCode {
  const code = weekdayCodes[day - 1];
  // A valid draft's days are 1 to 7.
  if (code === undefined) throw new Error(`No weekday ${String(day)}`);
  return code;
}

/**
 * The RRULE that expands, from the series' first occurrence, to the same occurrences as
 * recurrence.md's rules. A monthly date past the 28th takes the month's last day when the month
 * is shorter (the 31st is Apr 30 and Feb 28 or 29): the last of the days from the 28th to it.
 */
export function recurrenceRule(draft: RecurringSeriesDraft): RecurrenceRule {
  const { recurrence } = toSeriesTiming(draft);
  const end =
    draft.recurrence.end_date_time !== undefined
      ? { until: draft.recurrence.end_date_time }
      : { count: recurrence.endTimes ?? 1 };
  const common = { interval: recurrence.repeatInterval, weekStart: 'SU' as const, ...end };
  if (recurrence.type === 1) return { freq: 'DAILY', ...common };
  if (recurrence.type === 2) {
    const days = [...new Set(recurrence.weeklyDays)].sort((a, b) => a - b);
    return { freq: 'WEEKLY', ...common, byDay: days.map(weekdayCode) };
  }
  if ('monthlyDay' in recurrence) {
    const day = recurrence.monthlyDay;
    if (day <= 28) return { freq: 'MONTHLY', ...common, byMonthDay: [day] };
    const candidates = Array.from({ length: day - 27 }, (_, i) => 28 + i);
    return { freq: 'MONTHLY', ...common, byMonthDay: candidates, bySetPos: [-1] };
  }
  return {
    freq: 'MONTHLY',
    ...common,
    byDay: [weekdayCode(recurrence.monthlyWeekDay)],
    bySetPos: [recurrence.monthlyWeek],
  };
}

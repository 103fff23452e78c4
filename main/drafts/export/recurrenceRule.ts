import type { RecurringSeriesDraft } from '../../../shared/drafts/seriesDraft';
import { DateTime } from 'luxon';
import { formatInstant, type OccurrenceInstant } from '../../../shared/recurrence/expandRecurrence';
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

/** An RRULE and the occurrences it cannot say, which are written as RDATEs. */
export interface RecurrencePattern {
  rule: RecurrenceRule;
  /** UTC instants of occurrences added to the rule's (RDATE). */
  added: string[];
}

/**
 * The RRULE that expands, from the series' first occurrence, to the same occurrences as
 * recurrence.md's rules. A monthly date past the 28th takes the month's last day when the month
 * is shorter: the 31st is every month's last day (BYMONTHDAY=-1); for the 29th and 30th the rule
 * names the day, which a shorter month lacks, and that month's occurrence (its last day) is added
 * as an RDATE (the first occurrence too, since a DTSTART off the rule is undefined). BYSETPOS over several month days would say it in one rule,
 * but calendar readers such as ical.js ignore BYSETPOS there.
 */
export function recurrencePattern(
  draft: RecurringSeriesDraft,
  occurrences: readonly OccurrenceInstant[],
): RecurrencePattern {
  const timing = toSeriesTiming(draft);
  const { recurrence } = timing;
  const shortMonths =
    recurrence.type === 3 && 'monthlyDay' in recurrence && recurrence.monthlyDay > 28 && recurrence.monthlyDay < 31
      ? occurrences.filter((occurrence) => localDay(occurrence.start, timing.timezone) !== recurrence.monthlyDay)
      : [];
  const last = occurrences[occurrences.length - 1];
  // Readers disagree whether a DTSTART off the rule (a first occurrence on a short month's last
  // day) counts towards COUNT; UNTIL at the last occurrence leaves nothing to count.
  const end =
    draft.recurrence.end_date_time !== undefined
      ? { until: draft.recurrence.end_date_time }
      : shortMonths.length > 0 && last !== undefined
        ? { until: formatInstant(last.start) }
        : { count: recurrence.endTimes ?? 1 };
  const common = { interval: recurrence.repeatInterval, weekStart: 'SU' as const, ...end };
  const added = shortMonths.map((occurrence) => formatInstant(occurrence.start));
  if (recurrence.type === 1) return { rule: { freq: 'DAILY', ...common }, added };
  if (recurrence.type === 2) {
    const days = [...new Set(recurrence.weeklyDays)].sort((a, b) => a - b);
    return { rule: { freq: 'WEEKLY', ...common, byDay: days.map(weekdayCode) }, added };
  }
  if ('monthlyDay' in recurrence) {
    const day = recurrence.monthlyDay === 31 ? -1 : recurrence.monthlyDay;
    return { rule: { freq: 'MONTHLY', ...common, byMonthDay: [day] }, added };
  }
  return {
    rule: {
      freq: 'MONTHLY',
      ...common,
      byDay: [weekdayCode(recurrence.monthlyWeekDay)],
      bySetPos: [recurrence.monthlyWeek],
    },
    added,
  };
}

function localDay(instant: number, zone: string): number {
  return DateTime.fromMillis(instant, { zone }).day;
}

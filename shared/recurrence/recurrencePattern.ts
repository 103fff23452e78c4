import type { RecurrenceDraft } from './recurrenceSchema';

/** The fields of a recurrence that say which days it falls on and how many times: all but the duration. */
export const patternFields = [
  'type',
  'repeat_interval',
  'weekly_days',
  'monthly_days',
  'monthly_week',
  'monthly_week_day',
  'end_times',
  'end_date_time',
] as const satisfies readonly (keyof RecurrenceDraft)[];

export type PatternField = (typeof patternFields)[number];

/** The pattern fields that differ between two recurrences (compared as JSON; absent and absent are equal). */
export function changedPatternFields(next: RecurrenceDraft, previous: RecurrenceDraft): PatternField[] {
  return patternFields.filter((field) => JSON.stringify(next[field]) !== JSON.stringify(previous[field]));
}

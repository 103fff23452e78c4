/** Weekday names in Zoom's numbering: 1 = Sunday … 7 = Saturday. */
export const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Zoom's weekday number (1 = Sunday) for its name. */
export function weekdayName(day: number): string {
  return weekdayNames[day - 1] ?? `day ${String(day)}`;
}

export const weekOfMonthNames: Readonly<Record<number, string>> = {
  1: '1st',
  2: '2nd',
  3: '3rd',
  4: '4th',
  [-1]: 'last',
};

/** "Monday", "Monday and Wednesday", "Monday, Wednesday and Friday". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

/** The recurrence fields the sentence reads; anything else is ignored. */
export interface RecurrenceWords {
  type?: number;
  repeat_interval?: number;
  weekly_days?: readonly number[] | string;
  monthly_days?: readonly number[] | number;
  monthly_week?: number;
  monthly_week_day?: number;
}

const unitOf: Readonly<Record<number, [string, string]>> = {
  1: ['Daily', 'day'],
  2: ['Weekly', 'week'],
  3: ['Monthly', 'month'],
};

function daysOf(value: RecurrenceWords['weekly_days']): number[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? value.split(',').map(Number) : [...value];
}

/**
 * How a series repeats, in the words planners use: "Weekly on Monday and Wednesday", "Every 2
 * months on the 2nd Tuesday", "Monthly on day 31 (last day in shorter months)". Never Zoom's
 * numbers.
 */
export function describeRecurrence(recurrence: RecurrenceWords): string {
  const unit = unitOf[recurrence.type ?? 0];
  if (unit === undefined) return 'Does not repeat';
  const interval = recurrence.repeat_interval ?? 1;
  const head = interval === 1 ? unit[0] : `Every ${String(interval)} ${unit[1]}s`;
  if (recurrence.type === 2) {
    const days = daysOf(recurrence.weekly_days).sort((a, b) => a - b);
    return days.length === 0 ? head : `${head} on ${listWords(days.map(weekdayName))}`;
  }
  if (recurrence.type === 3) {
    const days = recurrence.monthly_days;
    const day = typeof days === 'number' ? days : days?.[0];
    if (typeof day === 'number') {
      return day > 28 ? `${head} on day ${String(day)} (last day in shorter months)` : `${head} on day ${String(day)}`;
    }
    if (recurrence.monthly_week !== undefined && recurrence.monthly_week_day !== undefined) {
      const week = weekOfMonthNames[recurrence.monthly_week] ?? String(recurrence.monthly_week);
      return `${head} on the ${week} ${weekdayName(recurrence.monthly_week_day)}`;
    }
  }
  return head;
}

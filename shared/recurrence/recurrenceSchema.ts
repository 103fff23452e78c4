import { z } from 'zod';
import { withoutNulls } from '../fieldSchemas';
import { ownEntry } from '../ownEntry';
import { maxSeriesOccurrences } from './expandRecurrence';
import { canonicalZoneName, isKnownTimeZone } from './zoneClock';

/** `YYYY-MM-DDTHH:MM:SSZ` that names a real instant; parses to UTC milliseconds. */
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/**
 * The years a series may be planned in. Earlier dates are typing slips (a half-typed "0202"), and
 * later ones would leave the four-digit years every system on the way writes.
 */
export const plannableYears = { first: 2000, last: 2099 } as const;
/** The first instant after the plannable years. */
export const endOfPlannableYears = Date.UTC(plannableYears.last + 1, 0, 1);

export const utcInstantSchema = z
  .string({ error: 'Write the time as YYYY-MM-DDTHH:MM:SSZ (UTC).' })
  .regex(instantPattern, { error: 'Write the time as YYYY-MM-DDTHH:MM:SSZ (UTC).' })
  .refine(isRealInstant, { error: 'This date or time does not exist.' })
  .refine(isInPlannableYears, {
    error: `Choose a date from the year ${String(plannableYears.first)} to ${String(plannableYears.last)}.`,
  });

/** Whether an instant's year is plannable; other text passes, as in `isRealInstant`. */
function isInPlannableYears(value: string): boolean {
  if (!instantPattern.test(value)) return true;
  const year = Number(value.slice(0, 4));
  return year >= plannableYears.first && year <= plannableYears.last;
}

/**
 * Whether `YYYY-MM-DDTHH:MM:SSZ` names a real instant (no 2025-02-30, no 24:00:00). Other text
 * passes here: the format check has already named it, and an aborting check would stop the
 * draft's rules that involve several fields from reporting alongside.
 */
function isRealInstant(value: string): boolean {
  if (!instantPattern.test(value)) return true;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 19) === value.slice(0, 19);
}

export const timeZoneSchema = z
  .string({ error: 'Choose a time zone, such as America/New_York.' })
  .refine((name) => /^[A-Za-z]/.test(name) && isKnownTimeZone(name), {
    error: (issue) =>
      `"${String(issue.input)}" is not a time zone Cadence knows. Use an IANA name such as America/New_York.`,
  })
  .transform(canonicalZoneName);

const dayNumbering = '1 = Sunday, 2 = Monday … 7 = Saturday';
const weekdaySchema = z
  .number({ error: `Days are numbers: ${dayNumbering}.` })
  .int({ error: `Days are whole numbers: ${dayNumbering}.` })
  .min(1, { error: `Days run from 1 to 7: ${dayNumbering}.` })
  .max(7, { error: `Days run from 1 to 7: ${dayNumbering}.` });

/** Zoom writes weekly days as an array when creating and as "2,4" when reading. */
const weeklyDaysSchema = z.union(
  [
    z.array(weekdaySchema),
    z
      .string()
      .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, { error: `List days as numbers (${dayNumbering}), for example [2, 4].` })
      .transform((value) => value.split(',').map((day) => Number(day.trim())))
      .pipe(z.array(weekdaySchema)),
  ],
  { error: `List the days as numbers (${dayNumbering}), for example [2, 4].` },
);

const dayOfMonthSchema = z
  .number({ error: 'The day of the month is a number from 1 to 31.' })
  .int({ error: 'The day of the month is a whole number from 1 to 31.' })
  .min(1, { error: 'The day of the month is a number from 1 to 31.' })
  .max(31, { error: 'The day of the month is a number from 1 to 31.' });

/** Zoom writes the day of the month as an array when creating and as an integer when reading. */
const monthlyDaysSchema = z.union([z.array(dayOfMonthSchema), dayOfMonthSchema], {
  error: 'The day of the month is a number from 1 to 31.',
});

const positiveInt = (what: string, min: number, max?: number) => {
  const rule = max === undefined ? `at least ${min}` : `from ${min} to ${max}`;
  let schema = z
    .number({ error: `${what} is a whole number ${rule}.` })
    .int({ error: `${what} is a whole number ${rule}.` })
    .min(min, { error: `${what} is a whole number ${rule}.` });
  if (max !== undefined) schema = schema.max(max, { error: `${what} is a whole number ${rule}.` });
  return schema;
};

/** Fields that a planner copying Zoom's tutorials may write, with the field the API takes. */
const misnamedFields: Readonly<Record<string, string>> = {
  monthly_day: 'Zoom calls this field monthly_days.',
  weekly_day: 'Zoom calls this field weekly_days.',
  interval: 'Zoom calls this field repeat_interval.',
  repeat_type: 'Zoom calls this field type.',
  occurrences: 'Zoom calls this field end_times.',
  end_date: 'Zoom calls this field end_date_time.',
};

/** What to say of an unknown field of a recurrence, naming the right field where the mistake is a known one. */
export function recurrenceFieldHint(key: string): string {
  return ownEntry(misnamedFields, key) ?? 'This field is not part of a recurrence.';
}

/**
 * The shape of `recurrence` in a draft, field by field. The rules that involve several fields
 * (which fields belong to which type, which end) are in `timingRuleIssues`.
 */
export const recurrenceDraftSchema = z.preprocess(
  withoutNulls,
  z.strictObject(
    {
      type: z.union([z.literal(1), z.literal(2), z.literal(3)], {
        error: 'Repeats is 1 (daily), 2 (weekly) or 3 (monthly).',
      }),
      repeat_interval: positiveInt('The repeat interval', 1).optional(),
      weekly_days: weeklyDaysSchema.optional(),
      monthly_days: monthlyDaysSchema.optional(),
      monthly_week: z
        .union([z.literal(-1), z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
          error: 'The week of the month is 1, 2, 3, 4, or -1 for the last one.',
        })
        .optional(),
      monthly_week_day: weekdaySchema.optional(),
      end_times: positiveInt('The number of sessions', 1)
        .max(maxSeriesOccurrences, {
          error: `A series has at most ${maxSeriesOccurrences.toLocaleString('en-US')} sessions.`,
        })
        .optional(),
      end_date_time: utcInstantSchema.optional(),
      duration: positiveInt('The duration in minutes', 1, 1440),
    },
    { error: 'Describe how the series repeats: {"type", "duration" and an end}.' },
  ),
);

export type RecurrenceDraft = z.output<typeof recurrenceDraftSchema>;

import { z } from 'zod';

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(text: string): boolean {
  const match = datePattern.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date, `YYYY-MM-DD`, from 2000 to 2099 like every date of a series. */
export const civilDateSchema = z
  .string({ error: 'Write the date as YYYY-MM-DD, such as 2026-11-26.' })
  .regex(datePattern, { error: 'Write the date as YYYY-MM-DD, such as 2026-11-26.' })
  .refine(isRealDate, { error: 'This date does not exist.' })
  .refine((text) => text >= '2000-01-01' && text <= '2099-12-31', { error: 'Dates run from 2000 to 2099.' });

const closedDayName = z
  .string({ error: 'The name of a closed day is text.' })
  .trim()
  .min(1, { error: 'The name of a closed day cannot be empty; leave it out instead.' })
  .max(200, { error: 'The name of a closed day is at most 200 characters.' })
  .refine((name) => !/\p{Cc}/u.test(name), { error: 'The name cannot contain control characters.' });

/**
 * A public-holiday calendar: an ISO 3166 country code and, where holidays differ within the
 * country, a region or state code as the holiday data set names it (`AU` + `NSW`). Which codes
 * exist is checked in main, which holds the data.
 */
export const holidayCalendarSchema = z.strictObject(
  {
    country: z
      .string({ error: 'The country is a two-letter code such as US or AU.' })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, { error: 'The country is a two-letter code such as US or AU.' }),
    region: z
      .string({ error: 'The region is a code such as NSW or CA.' })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{1,10}$/, { error: 'The region is a code of letters and digits such as NSW or CA.' })
      .optional(),
  },
  { error: 'The calendar is {"country": "US"} or {"country": "AU", "region": "NSW"}.' },
);

export type HolidayCalendar = z.output<typeof holidayCalendarSchema>;

/** A day the planner closes on their own, with an optional name for the preview. */
const ownClosedDateSchema = z.strictObject(
  { date: civilDateSchema, name: closedDayName.optional() },
  { error: 'Each closed date is {"date": "YYYY-MM-DD"} with an optional "name".' },
);

/** What happens to a session that falls on a closed day. */
export const closedDayActionSchema = z.enum(['cancel', 'next_working_day'], {
  error: 'on_closed_day is cancel or next_working_day.',
});

/**
 * The days a recurring series does not meet: a public-holiday calendar and/or the planner's own
 * dates. A session on one is cancelled (or moved to the next working day), as an occurrence change
 * the planner can undo; an undone date is listed in `kept`, so it is never cancelled again.
 */
export const closedDaysSchema = z.strictObject(
  {
    calendar: holidayCalendarSchema.optional(),
    dates: z
      .array(ownClosedDateSchema, { error: 'List the closed dates: [{"date": "YYYY-MM-DD"}].' })
      .max(1000, { error: 'A series has at most 1,000 closed dates of its own.' })
      .default([]),
    on_closed_day: closedDayActionSchema.default('cancel'),
    kept: z
      .array(civilDateSchema, { error: 'List the kept dates: ["YYYY-MM-DD", …].' })
      .max(1000, { error: 'At most 1,000 kept dates.' })
      .default([]),
  },
  { error: 'closed_days is {"calendar", "dates", "on_closed_day", "kept"}.' },
);

export type ClosedDays = z.output<typeof closedDaysSchema>;

/** A closed day as the changes carry it: its date and what it is (a holiday's name, or the planner's). */
export const closedDaySchema = z.strictObject({ date: civilDateSchema, name: closedDayName });

export type ClosedDay = z.output<typeof closedDaySchema>;

/** The name of a planner's closed date that has none. */
export const unnamedClosedDay = 'Closed';

import { z } from 'zod';
import { civilDateSchema, closedDaySchema, holidayCalendarSchema } from './closedDays';

/** A country whose public holidays Cadence knows, with its regions where holidays differ. */
export const holidayCountrySchema = z.object({
  code: z.string(),
  name: z.string(),
  regions: z.array(z.object({ code: z.string(), name: z.string() })),
});

export type HolidayCountry = z.output<typeof holidayCountrySchema>;

/** Which public holidays of a calendar fall between two dates (inclusive). */
export const holidayQuerySchema = z.strictObject({
  calendar: holidayCalendarSchema,
  from: civilDateSchema,
  to: civilDateSchema,
});

export type HolidayQuery = z.input<typeof holidayQuerySchema>;

/** The holidays found, in date order. */
export const holidayListSchema = z.array(closedDaySchema);

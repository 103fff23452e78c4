import { z } from 'zod';

/**
 * What `cadence export` and the app's Export menu write:
 * - `csv`: one row per session (RFC 4180, UTF-8, a header), with the event, its Zoom IDs, join and
 *   registration links, and times in UTC and in the event's zone;
 * - `attendees_csv`: one row per attendee, with their sessions and ticket IDs;
 * - `ics`: an iCalendar file (RFC 5545), one VEVENT per series with its exceptions;
 * - `series`: a series file (`series-file.md`), which `import` reads back into identical drafts.
 */
export const exportFormatSchema = z.enum(['csv', 'attendees_csv', 'ics', 'series'], {
  error: 'The format is csv, attendees_csv, ics or series.',
});
export type ExportFormat = z.output<typeof exportFormatSchema>;

/** Which series to export: absent or empty, every series that is not deleted. */
export const exportRequestSchema = z.strictObject({
  format: exportFormatSchema,
  seriesIds: z.array(z.string().min(1).max(100)).max(10_000).optional(),
});
export type ExportRequest = z.output<typeof exportRequestSchema>;

/** An export, ready to save: a suggested file name, its media type and its text. */
export const exportedFileSchema = z.object({
  file_name: z.string(),
  media_type: z.string(),
  content: z.string(),
  /** Series written; for a CSV of sessions, the rows are sessions. */
  series: z.number().int(),
});
export type ExportedFile = z.output<typeof exportedFileSchema>;

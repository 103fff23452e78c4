import { z } from 'zod';
import { attendeeDraftSchema } from './attendeeDraft';

/**
 * One attendee as the attendee table shows it: the draft fields, the registration ID Cadence
 * gave them (stable across edits, sent to Zoom as `external_ticket_id`) and whether Zoom holds
 * their ticket yet.
 */
export const attendeeRowSchema = attendeeDraftSchema.and(
  z.object({
    id: z.string(),
    on_zoom: z.boolean(),
  }),
);
export type AttendeeRow = z.output<typeof attendeeRowSchema>;

/** What adding many attendees did, or would do: new people, and people matched by email. */
export const attendeeImportSummarySchema = z.object({
  dry_run: z.boolean(),
  added: z.number().int(),
  updated: z.number().int(),
});
export type AttendeeImportSummary = z.output<typeof attendeeImportSummarySchema>;

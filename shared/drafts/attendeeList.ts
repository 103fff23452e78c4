import { z } from 'zod';
import { attendeeProfileFields } from './attendeeDraft';

/**
 * One attendee as the attendee table shows it: the draft fields (already checked when saved),
 * the registration ID Cadence gave them (stable across edits, sent to Zoom as
 * `external_ticket_id`) and whether Zoom holds their ticket yet. A plain shape, so that a list
 * of 10,000 is checked quickly at the boundary.
 */
const text = z.string().optional();
/** Where a registration came from: made here, on Zoom (its registration page or the console), or by another planner's Cadence. */
export const attendeeOriginSchema = z.enum(['here', 'zoom', 'planner']);
export type AttendeeOrigin = z.output<typeof attendeeOriginSchema>;

/** A person's registration in one part of a series longer than one Zoom event holds. */
export const partRegistrationSchema = z.object({
  /** The part's index, 0-based. */
  part: z.number().int().min(0),
  /** Zoom holds their ticket for the part's event. */
  on_zoom: z.boolean(),
});
export type PartRegistration = z.output<typeof partRegistrationSchema>;

export const attendeeRowSchema = z.object({
  id: z.string(),
  /** Zoom holds their registration: of a series in parts, in every part that admits them. */
  on_zoom: z.boolean(),
  /** Of a series in parts: their registration in each part that admits them, in order; else empty. */
  parts: z.array(partRegistrationSchema).default([]),
  origin: attendeeOriginSchema.default('here'),
  /**
   * Of a series in parts: registered on the Zoom page of one or more parts, not for the series
   * itself. Listed with it and removable; their registration is the parts' own.
   */
  in_parts_only: z.boolean().default(false),
  /** Their place in the waiting list (1 is next), or null when they hold a place. */
  waiting_place: z.number().int().min(1).nullable().default(null),
  /** While waiting: the full sessions they wait for ([] for the series). */
  waiting_for: z.array(z.number().int()).default([]),
  /** Whether they got their place from the waiting list. */
  promoted: z.boolean().default(false),
  email: z.string(),
  first_name: text,
  last_name: text,
  occurrences: z.array(z.number().int()).optional(),
  ...(Object.fromEntries(attendeeProfileFields.map((field) => [field, text])) as Record<
    (typeof attendeeProfileFields)[number],
    typeof text
  >),
});
export type AttendeeRow = z.output<typeof attendeeRowSchema>;

/** What adding many attendees did, or would do: new people, and people matched by email. */
export const attendeeImportSummarySchema = z.object({
  dry_run: z.boolean(),
  added: z.number().int(),
  updated: z.number().int(),
});
export type AttendeeImportSummary = z.output<typeof attendeeImportSummarySchema>;

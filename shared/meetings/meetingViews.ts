import { z } from 'zod';
import { recurrenceDraftSchema } from '../recurrence/recurrenceSchema';
import { meetingDraftSchema } from './meetingDraft';

/** Where a meeting stands with Zoom, as the Meetings list shows it. */
export const meetingSyncStateSchema = z.enum([
  /** Nothing sent yet. */
  'draft',
  /** On Zoom, with changes waiting to be sent. */
  'waiting',
  /** Waits for the host's daily limit of creates and updates to renew (next UTC day). */
  'waiting_for_quota',
  /** On Zoom as drafted. */
  'synced',
  /** A conflict or a refusal waits for the planner. */
  'conflict',
  /** Deleted here; Zoom deletes it at the next sync. */
  'deleting',
]);
export type MeetingSyncState = z.output<typeof meetingSyncStateSchema>;

/** One row of the Meetings list. */
export const meetingSummarySchema = z.object({
  id: z.string(),
  key: z.string().nullable(),
  topic: z.string(),
  host_email: z.string(),
  timezone: z.string(),
  /** The first and last occurrence, UTC. */
  first_start: z.string(),
  last_start: z.string(),
  occurrences: z.number().int(),
  /** How it repeats, for the list's schedule in words. */
  recurrence: recurrenceDraftSchema.optional(),
  state: meetingSyncStateSchema,
  zoom_meeting_id: z.string().nullable(),
  join_url: z.string().nullable(),
  registration_url: z.string().nullable(),
  /** When the host's daily limit renews (UTC), for `waiting_for_quota`. */
  waits_until: z.string().nullable(),
  updated_at: z.string(),
  /** Why this stored meeting cannot be read by this version (it is listed, never opened); null when it can. */
  problem: z.string().nullable().default(null),
});
export type MeetingSummary = z.output<typeof meetingSummarySchema>;

/** A stored meeting with its draft, for the editor. */
export const storedMeetingSchema = z.object({
  id: z.string(),
  draft: meetingDraftSchema,
  summary: meetingSummarySchema,
});
export type StoredMeeting = z.output<typeof storedMeetingSchema>;

/** What importing a recurring-meetings config did, or would do with `dry_run`. */
export const meetingImportReportSchema = z.object({
  dry_run: z.boolean(),
  meetings: z.array(
    z.object({
      id: z.string().nullable(),
      key: z.string(),
      topic: z.string(),
      host_email: z.string(),
      occurrences: z.number().int(),
      first_start: z.string(),
      action: z.enum(['created', 'updated', 'unchanged']),
    }),
  ),
  /** The config's output_file, as written in it (the CSV `meetings create` appends to). */
  output_file: z.string(),
  /** Plain warnings for the planner (a `zoom_api` block holding a secret, …). */
  warnings: z.array(z.string()),
});
export type MeetingImportReport = z.output<typeof meetingImportReportSchema>;

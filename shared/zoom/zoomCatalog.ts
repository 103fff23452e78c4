import { z } from 'zod';

/**
 * What Cadence reads of the account's events on Zoom, for browsing and opening them as series.
 * Zoom is the one truth shared between planners' laptops: these shapes carry what Zoom holds,
 * never what Cadence has drafted.
 */

/** The statuses Zoom lists events by (`event_status_type`). */
export const zoomEventStatusSchema = z.enum(['upcoming', 'past', 'draft', 'cancelled']);
export type ZoomEventStatus = z.output<typeof zoomEventStatusSchema>;

/** One page of the browse list: which hub, which statuses, from where. */
export const zoomEventsQuerySchema = z.strictObject({
  /** Absent: every hub the account hosts in. */
  hub_id: z.string().trim().min(1).max(100).optional(),
  /** Absent: upcoming and draft events (what a planner opens); `past` and `cancelled` on request. */
  status: z.array(zoomEventStatusSchema).min(1).max(4).optional(),
  /** The `next_page_token` of the previous page; absent for the first. */
  page_token: z.string().min(1).max(2000).optional(),
  page_size: z.number().int().min(1).max(300).default(30),
  /** Count each listed event's registrations (one request per event). */
  with_registrations: z.boolean().default(true),
});
export type ZoomEventsQuery = z.input<typeof zoomEventsQuerySchema>;

/** One event on Zoom as the browse list shows it. */
export const zoomEventListItemSchema = z.object({
  event_id: z.string(),
  name: z.string(),
  /** RECURRING, SIMPLE_EVENT, CONFERENCE… as Zoom says. */
  event_type: z.string(),
  status: z.string(),
  hub_id: z.string().nullable(),
  hub_name: z.string().nullable(),
  timezone: z.string().nullable(),
  /** The first and last session's start (UTC); null when Zoom gave no calendar. */
  first_start: z.string().nullable(),
  last_start: z.string().nullable(),
  sessions: z.number().int().nullable(),
  /** Null when not counted (`with_registrations: false`, or Zoom did not answer). */
  registrations: z.number().int().nullable(),
  /** The series it is in Cadence, once opened. */
  series_id: z.string().nullable(),
  /** Why Cadence cannot open it (a CONFERENCE); null when it can. */
  cannot_open: z.string().nullable(),
});
export type ZoomEventListItem = z.output<typeof zoomEventListItemSchema>;

export const zoomEventsPageSchema = z.object({
  events: z.array(zoomEventListItemSchema),
  /** Absent on the last page. */
  next_page_token: z.string().optional(),
});
export type ZoomEventsPage = z.output<typeof zoomEventsPageSchema>;

/** Which events to open: some by ID, or every event of a hub (upcoming and draft); exactly one of the two. */
export const zoomOpenInputSchema = z
  .strictObject({
    event_ids: z.array(z.string().trim().min(1).max(100)).min(1).max(1000).optional(),
    hub_id: z.string().trim().min(1).max(100).optional(),
  })
  .refine((input) => (input.event_ids === undefined) !== (input.hub_id === undefined), {
    error: 'Name the events to open (event_ids) or a hub (hub_id), not both.',
    path: ['event_ids'],
  });
export type ZoomOpenInput = z.input<typeof zoomOpenInputSchema>;

/** What Cadence cannot model of an event and leaves on Zoom untouched. */
export const keptOnZoomItemSchema = z.object({
  kind: z.enum(['ticket_type', 'access_link', 'speaker', 'question', 'session', 'other']),
  /** Zoom's name of it ("VIP", "Jane Doe", "What is your role?"). */
  name: z.string(),
  zoom_id: z.string().nullable(),
  /** Why it is kept there, in the planner's words. */
  reason: z.string(),
});
export type KeptOnZoomItem = z.output<typeof keptOnZoomItemSchema>;

/** One event's outcome of opening it: a new series, a refresh of the series it already is, or why not. */
export const zoomOpenResultSchema = z.object({
  event_id: z.string(),
  name: z.string(),
  outcome: z.enum(['opened', 'refreshed', 'failed']),
  series_id: z.string().nullable(),
  kept_on_zoom: z.array(keptOnZoomItemSchema),
  /** Changes taken from Zoom into the draft (a refresh), new registrations included. */
  changes: z.number().int(),
  conflicts: z.number().int(),
  /** Why it failed; `path` names the field of Zoom's answer Cadence could not read ("recurrence.weekly_days"). */
  error: z.object({ message: z.string(), path: z.string().nullable() }).nullable(),
});
export type ZoomOpenResult = z.output<typeof zoomOpenResultSchema>;

export const zoomOpenReportSchema = z.object({ results: z.array(zoomOpenResultSchema), requests: z.number().int() });
export type ZoomOpenReport = z.output<typeof zoomOpenReportSchema>;

/** What a refresh of a synced series took from Zoom. */
export const refreshReportSchema = z.object({
  series_id: z.string(),
  /** Fields and sessions taken into the draft. */
  changes: z.number().int(),
  /** Registrations made on Zoom (its registration page, the console, another planner), now attendees. */
  new_registrations: z.number().int(),
  /** Registrations removed on Zoom and removed here. */
  removed_registrations: z.number().int(),
  conflicts: z.number().int(),
  /** The event is gone from Zoom (deleted or cancelled): a conflict says so. */
  is_gone: z.boolean(),
  refreshed_at: z.string(),
});
export type RefreshReport = z.output<typeof refreshReportSchema>;

/** Where a series came from and what of it stays on Zoom only, for the series page. */
export const zoomOriginSchema = z.object({
  /** When it was opened from Zoom; null for a series drafted here. */
  opened_at: z.string().nullable(),
  /** When Cadence last read it back from Zoom (a refresh, or a sync's start). */
  refreshed_at: z.string().nullable(),
  kept_on_zoom: z.array(keptOnZoomItemSchema),
});
export type ZoomOrigin = z.output<typeof zoomOriginSchema>;

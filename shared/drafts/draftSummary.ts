import { z } from 'zod';

/** Where a series stands with Zoom, as the series list shows it. */
export const syncStateSchema = z.enum(['draft', 'waiting', 'synced', 'published', 'conflict']);
export type SyncState = z.output<typeof syncStateSchema>;

/** One row of the series list: a draft or synced series with its counts. */
export const draftSummarySchema = z.object({
  id: z.string(),
  key: z.string().nullable(),
  name: z.string(),
  event_type: z.enum(['RECURRING', 'SIMPLE_EVENT']),
  timezone: z.string(),
  sync_state: syncStateSchema,
  /** Published on Zoom, which then keeps its recurrence and event type as they are. */
  is_published: z.boolean(),
  /** False when the planner keeps the series out of syncs ("Not ready"). */
  is_ready: z.boolean(),
  /** Every session of the series, across its parts. */
  sessions: z.number().int(),
  /**
   * How many events the series is on Zoom: 1, or, for a series longer than one event holds, its
   * parts (`drafts.parts`), whose sync states and counts the row sums up.
   */
  parts: z.number().int(),
  next_occurrence: z.string().nullable(),
  attendees: z.number().int(),
  pending_changes: z.number().int(),
  conflicts: z.number().int(),
  /** The name of the hub the event is in on Zoom, once a sync has read it. */
  hub_name: z.string().nullable(),
  /**
   * The series that continues this one since its pattern changed; null for a current series. A
   * replaced series is read-only, and its old event is cancelled on Zoom at `settled_at` (null
   * while that waits for the next sync).
   */
  replaced_by: z.object({ series_id: z.string(), name: z.string(), settled_at: z.string().nullable() }).nullable(),
  updated_at: z.string(),
});
export type DraftSummary = z.output<typeof draftSummarySchema>;

/** The outbox and conflicts at a glance (`cadence status`). */
export const syncStatusSchema = z.object({
  outbox: z.object({
    pending: z.number().int(),
    in_flight: z.number().int(),
    done: z.number().int(),
    failed: z.number().int(),
    conflict: z.number().int(),
    /** Pending operations behind one that waits for the planner. */
    blocked: z.number().int(),
  }),
  conflicts: z.number().int(),
  /** Operations not yet on Zoom, however they wait: the one count the app, the CLI and the report show. */
  waiting: z.number().int(),
  last_sync: z.string().nullable(),
});
export type SyncStatus = z.output<typeof syncStatusSchema>;

/** What importing a series file did, or would do with `--dry-run`. */
export const importSummarySchema = z.object({
  dry_run: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  series: z.array(
    z.object({
      id: z.string().nullable(),
      key: z.string().nullable(),
      name: z.string(),
      action: z.enum(['create', 'update']),
      sessions: z.number().int(),
      attendees: z.number().int(),
      /** The linked events a series of more than 60 sessions becomes on Zoom; empty for one event. */
      parts: z.array(
        z.object({
          /** "part 2 of 5" */
          part: z.string(),
          /** The part's event name on Zoom. */
          name: z.string(),
          first_occurrence: z.number().int(),
          count: z.number().int(),
        }),
      ),
    }),
  ),
});
export type ImportSummary = z.output<typeof importSummarySchema>;

import { z } from 'zod';

/** The kinds of conflict a sync reports. */
export const conflictKindSchema = z.enum([
  /** Event fields changed here and on Zoom to different values. */
  'event_fields',
  /** Ticket type or registration link fields changed here and on Zoom to different values. */
  'item_fields',
  'remote_deleted',
  'remote_cancelled',
  'session_moved',
  'session_deleted',
  /** Zoom generated other sessions than Cadence planned. */
  'schedule_drift',
  'ticket_refused',
  /** Zoom does not allow this change after publishing (recurrence, event type). */
  'not_editable',
  /** Zoom refused the change, with its own message. */
  'refused',
]);
export type ConflictKind = z.output<typeof conflictKindSchema>;

/** An open conflict as the app and `cadence conflicts` show it. */
export const conflictSummarySchema = z.object({
  id: z.number().int(),
  series_id: z.string(),
  series_name: z.string(),
  kind: conflictKindSchema,
  subject: z.string(),
  base: z.unknown(),
  local: z.unknown(),
  remote: z.unknown(),
  message: z.string(),
  created_at: z.string(),
});
export type ConflictSummary = z.output<typeof conflictSummarySchema>;

/** keep mine (push the local version) or take theirs (adopt Zoom's). */
export const resolutionSchema = z.enum(['local', 'remote'], { error: 'Keep "local" (yours) or "remote" (Zoom\'s).' });
export type Resolution = z.output<typeof resolutionSchema>;

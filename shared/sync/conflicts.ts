import { z } from 'zod';

/** The kinds of conflict a sync reports. */
export const conflictKindSchema = z.enum([
  /** Event fields changed here and on Zoom to different values. */
  'event_fields',
  /** Ticket type, registration link or registration fields changed here and on Zoom to different values. */
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
  /** Zoom holds a value Cadence cannot take into the draft (it breaks the draft's own rules). */
  'invalid_remote',
]);
export type ConflictKind = z.output<typeof conflictKindSchema>;

/**
 * What a conflict is about, as data: the resolver acts on this, never on the message. `zoom_id`
 * is Zoom's ID of the item when it has one; `operation` is the outbox kind that met the conflict.
 */
export const conflictTargetSchema = z.discriminatedUnion('item', [
  z.object({ item: z.literal('event'), zoom_id: z.string().optional(), operation: z.string().optional() }),
  z.object({ item: z.literal('ticket_type'), zoom_id: z.string().optional(), operation: z.string().optional() }),
  z.object({ item: z.literal('access_link'), zoom_id: z.string().optional(), operation: z.string().optional() }),
  z.object({
    item: z.literal('session'),
    occurrence: z.number().int().min(1),
    zoom_id: z.string().optional(),
    operation: z.string().optional(),
  }),
  /** The whole schedule Zoom generated (schedule drift). */
  z.object({ item: z.literal('sessions'), operation: z.string().optional() }),
  /** A recurring Zoom Meeting (its `zoom_id` is Zoom's meeting ID). */
  z.object({ item: z.literal('meeting'), zoom_id: z.string().optional(), operation: z.string().optional() }),
  z.object({
    item: z.literal('registration'),
    attendee_id: z.string(),
    email: z.string(),
    zoom_id: z.string().optional(),
    operation: z.string().optional(),
  }),
]);
export type ConflictTarget = z.output<typeof conflictTargetSchema>;

/** An open conflict as the app and `cadence conflicts` show it. */
export const conflictSummarySchema = z.object({
  id: z.number().int(),
  /** The series the conflict is about; empty for a meeting's. */
  series_id: z.string(),
  /** The series' name, or the meeting's topic. */
  series_name: z.string(),
  /** The recurring meeting the conflict is about; null for a series'. */
  meeting_id: z.string().nullable().default(null),
  kind: conflictKindSchema,
  target: conflictTargetSchema,
  /** What the conflict is about, in the planner's words ("name", "session 2"). */
  subject: z.string(),
  base: z.unknown(),
  local: z.unknown(),
  remote: z.unknown(),
  message: z.string(),
  /** Why "take theirs" cannot be chosen, when it cannot; keep mine stays available. */
  remote_refused: z.string().nullable().default(null),
  created_at: z.string(),
});
export type ConflictSummary = z.output<typeof conflictSummarySchema>;

const fieldValuesSchema = z.record(z.string(), z.unknown());

/**
 * What taking Zoom's version replaced in the draft, kept with the conflict so that it can be
 * undone: fields of the series, its ticket type or registration link, one attendee's details, an
 * attendee removed, or the occurrence changes. A null field was absent.
 */
export const replacedValueSchema = z.discriminatedUnion('in', [
  z.object({ in: z.literal('series'), fields: fieldValuesSchema }),
  z.object({ in: z.literal('ticket_type'), fields: fieldValuesSchema }),
  z.object({ in: z.literal('registration'), fields: fieldValuesSchema }),
  z.object({ in: z.literal('attendee'), email: z.string(), fields: fieldValuesSchema }),
  z.object({ in: z.literal('attendees'), attendee: fieldValuesSchema }),
  z.object({ in: z.literal('occurrence_changes'), changes: z.array(z.unknown()) }),
]);
export type ReplacedValue = z.output<typeof replacedValueSchema>;

/** What settling a conflict did; `can_undo` when the draft values it replaced are kept. */
export const resolutionResultSchema = z.object({
  resolved: z.number().int(),
  message: z.string(),
  can_undo: z.boolean(),
});
export type ResolutionResult = z.output<typeof resolutionResultSchema>;

/** keep mine (push the local version) or take theirs (adopt Zoom's). */
export const resolutionSchema = z.enum(['local', 'remote'], { error: 'Keep "local" (yours) or "remote" (Zoom\'s).' });
export type Resolution = z.output<typeof resolutionSchema>;

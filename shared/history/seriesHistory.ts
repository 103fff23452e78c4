import { z } from 'zod';

/**
 * Who made a change to a series:
 * - `here`: the planner on this laptop (app or CLI);
 * - `zoom`: seen on Zoom when Cadence read it back (the console, or another planner's edit of an
 *   event field, which Zoom does not tell apart);
 * - `planner`: another planner's Cadence, known by its registration IDs on Zoom's tickets;
 * - `resolution`: the planner settling a conflict (keep mine / take theirs), undoable;
 * - `opened`: the series was opened from Zoom.
 */
export const historySourceSchema = z.enum(['here', 'zoom', 'planner', 'resolution', 'opened']);
export type HistorySource = z.output<typeof historySourceSchema>;

/** What part of a series changed. */
export const historyItemSchema = z.enum(['event', 'ticket_type', 'registration', 'session', 'attendee', 'series']);
export type HistoryItem = z.output<typeof historyItemSchema>;

/** What a resolution entry did: keep mine, take theirs, or undo of an earlier take theirs. */
export const historyResolutionSchema = z.enum(['keep_mine', 'take_theirs', 'undo']);
export type HistoryResolution = z.output<typeof historyResolutionSchema>;

/** One change: a field's old → new value (null when absent), on one item of the series. */
export const historyEntrySchema = z.object({
  id: z.number().int(),
  series_id: z.string(),
  at: z.string(),
  source: historySourceSchema,
  item: historyItemSchema,
  /** Which one: an attendee's email, "session 3"; null for the series' own items. */
  subject: z.string().nullable(),
  /** The field's name ("name", "recurrence", "occurrences"); `*` for an item added or removed whole. */
  field: z.string(),
  old: z.unknown(),
  new: z.unknown(),
  /** The conflict a resolution settled; set on `resolution` entries. */
  conflict_id: z.number().int().nullable(),
  /** On `resolution` entries: which choice made the change. */
  resolution: historyResolutionSchema.nullable().default(null),
  /** The latest resolution of its conflict, still standing: it can be undone from the history. */
  can_undo: z.boolean(),
});
export type HistoryEntry = z.output<typeof historyEntrySchema>;

export const historyQuerySchema = z.strictObject({
  series_id: z.string().min(1),
  source: z.array(historySourceSchema).min(1).optional(),
  item: z.array(historyItemSchema).min(1).optional(),
  /** Matches the field or the subject, case-insensitively. */
  text: z.string().max(200).optional(),
  /** Entries older than this entry ID (the next page). */
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type HistoryQuery = z.input<typeof historyQuerySchema>;

export const historyPageSchema = z.object({
  entries: z.array(historyEntrySchema),
  /** Pass as `before` for the next page; absent at the end. */
  next_before: z.number().int().optional(),
});
export type HistoryPage = z.output<typeof historyPageSchema>;

/** Who a write to a series is made by, for its history; a resolution names its conflict. */
export interface ChangeSource {
  source: HistorySource;
  conflictId?: number;
  resolution?: HistoryResolution;
}

/** The planner on this laptop: what every write is unless it says otherwise. */
export const changedHere: ChangeSource = { source: 'here' };

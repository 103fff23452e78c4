import { z } from 'zod';
import { publicEffectSchema, waitingStateSchema } from '../outbox/operations';
import { syncOutcomeSchema } from './syncReport';

/** One past sync run, as the Sync screen's log lists it. */
export const syncRunSchema = z.object({
  id: z.number().int(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
  outcome: z.union([syncOutcomeSchema, z.literal('running')]),
  requests: z.number().int(),
  done: z.number().int(),
  conflicts: z.number().int(),
  message: z.string(),
});
export type SyncRun = z.output<typeof syncRunSchema>;

/** One thing waiting to reach Zoom, in the planner's words: "Register 120 people". */
export const pendingChangeSchema = z.object({
  /** The series the change is for; empty for a meeting's. */
  series_id: z.string(),
  /** The series' name, or the meeting's topic. */
  series_name: z.string(),
  /** The recurring meeting the change is for; null for a series'. */
  meeting_id: z.string().nullable().default(null),
  sentence: z.string(),
  /** How many outbox operations the sentence stands for. */
  operations: z.number().int(),
  /** Sent at the next sync, or held: blocked behind a conflict, in conflict, or refused by Zoom. */
  state: waitingStateSchema,
  /** What it makes visible to the public on Zoom, which a sync sends only once the planner agrees. */
  public_effect: publicEffectSchema.nullable(),
});
export type PendingChange = z.output<typeof pendingChangeSchema>;

import { z } from 'zod';

/** Where a running sync is: shown as a progress bar in the app and the CLI. */
export const syncProgressSchema = z.object({
  done: z.number().int(),
  total: z.number().int(),
  /** What it is doing now, in the planner's words. */
  step: z.string(),
  /** Seconds left, estimated from the pace so far; null before there is a pace. */
  eta_seconds: z.number().nullable(),
});
export type SyncProgress = z.output<typeof syncProgressSchema>;

/** How a sync run ended. */
export const syncOutcomeSchema = z.enum(['succeeded', 'needs_attention', 'offline', 'cancelled', 'failed']);
export type SyncOutcome = z.output<typeof syncOutcomeSchema>;

/** What a sync run did. */
export const syncReportSchema = z.object({
  outcome: syncOutcomeSchema,
  /** Operations completed in this run. */
  done: z.number().int(),
  /** Operations still waiting (offline, cancelled, or blocked by a conflict). */
  waiting: z.number().int(),
  /** Conflicts opened in this run. */
  conflicts: z.number().int(),
  /** HTTP requests sent to Zoom, the token included. */
  requests: z.number().int(),
  message: z.string(),
});
export type SyncReport = z.output<typeof syncReportSchema>;

/** One call a sync would make, as `cadence sync --dry-run` lists it. */
export const plannedCallSchema = z.object({
  series: z.string(),
  method: z.enum(['GET', 'POST', 'PATCH', 'DELETE']),
  path: z.string(),
  what: z.string(),
  body: z.unknown().optional(),
  /** Not sent in this sync: the host's daily limit is spent until this instant (UTC), when the next sync sends it. */
  waits_until: z.string().optional(),
});
export type PlannedCall = z.output<typeof plannedCallSchema>;

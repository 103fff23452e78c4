import type Database from 'better-sqlite3';
import { z } from 'zod';
import { syncRunSchema, type SyncRun } from '../../shared/sync/syncRun';

const runRowSchema = z.object({
  id: z.number(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
  outcome: z.string(),
  requests: z.number(),
  summary_json: z.string(),
});
const summarySchema = z.object({
  done: z.number().int().default(0),
  conflicts: z.number().int().default(0),
  message: z.string().default(''),
});

/** The latest sync runs, newest first. A run cut short by a crash shows as still running. */
export function recentSyncRuns(db: Database.Database, limit: number): SyncRun[] {
  return db
    .prepare(
      'SELECT id, started_at, finished_at, outcome, requests, summary_json FROM sync_run ORDER BY id DESC LIMIT ?',
    )
    .all(limit)
    .map((raw) => {
      const row = runRowSchema.parse(raw);
      const summary = summarySchema.parse(JSON.parse(row.summary_json));
      return syncRunSchema.parse({
        id: row.id,
        started_at: row.started_at,
        finished_at: row.finished_at,
        outcome: row.outcome,
        requests: row.requests,
        ...summary,
      });
    });
}

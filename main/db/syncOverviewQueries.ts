import type Database from 'better-sqlite3';
import { z } from 'zod';
import { operationKinds, type OperationKind } from '../../shared/outbox/operations';
import { pendingSentences, type WaitingOperation } from '../../shared/sync/pendingSentences';
import { syncRunSchema, type PendingChange, type SyncRun } from '../../shared/sync/syncRun';

const waitingRowSchema = z.object({
  series_id: z.string(),
  series_name: z.string(),
  sessions: z.number(),
  kind: z.enum(operationKinds as [OperationKind, ...OperationKind[]]),
  payload_json: z.string(),
});

/**
 * What is waiting to reach Zoom, series by series in the order they were first changed, in the
 * planner's words. Failed operations count: the next sync tries them again.
 */
export function pendingChanges(db: Database.Database): PendingChange[] {
  const rows = db
    .prepare(
      `SELECT o.series_id, s.name AS series_name, o.kind, o.payload_json,
         (SELECT count(*) FROM occurrence WHERE series_id = s.id AND status != 'cancelled') AS sessions
       FROM outbox o JOIN series s ON s.id = o.series_id
       WHERE o.state IN ('pending', 'in_flight', 'failed') ORDER BY o.id`,
    )
    .all()
    .map((raw) => waitingRowSchema.parse(raw));
  const bySeries = new Map<string, { name: string; sessions: number; operations: WaitingOperation[] }>();
  for (const row of rows) {
    const entry = bySeries.get(row.series_id) ?? { name: row.series_name, sessions: row.sessions, operations: [] };
    entry.operations.push({ kind: row.kind, payload: JSON.parse(row.payload_json) as Record<string, unknown> });
    bySeries.set(row.series_id, entry);
  }
  return [...bySeries].flatMap(([seriesId, entry]) =>
    pendingSentences(entry.name, entry.sessions, entry.operations).map((change) => ({
      series_id: seriesId,
      series_name: entry.name,
      ...change,
    })),
  );
}

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

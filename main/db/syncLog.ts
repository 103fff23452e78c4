import type Database from 'better-sqlite3';
import type { SyncOutcome } from '../../shared/sync/syncReport';

/** The record of sync runs and what they did, for the Sync screen's log and support. */
export class SyncLog {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => string,
  ) {}

  startRun(): number {
    return Number(this.db.prepare('INSERT INTO sync_run (started_at) VALUES (?)').run(this.now()).lastInsertRowid);
  }

  finishRun(runId: number, outcome: SyncOutcome, requests: number, summary: object): void {
    this.db
      .prepare('UPDATE sync_run SET finished_at = ?, outcome = ?, requests = ?, summary_json = ? WHERE id = ?')
      .run(this.now(), outcome, requests, JSON.stringify(summary), runId);
  }

  write(
    runId: number | null,
    level: 'info' | 'warn' | 'error',
    seriesId: string | null,
    message: string,
    details: object = {},
  ): void {
    this.db
      .prepare('INSERT INTO sync_log (run_id, at, level, series_id, message, details_json) VALUES (?, ?, ?, ?, ?, ?)')
      .run(runId, this.now(), level, seriesId, message, JSON.stringify(details));
  }

  /** Values changed on Zoom only, taken into a draft. */
  adopted(seriesId: string, fields: object): void {
    this.write(null, 'info', seriesId, `Took from Zoom: ${Object.keys(fields).join(', ')}`, fields);
  }
}

import type Database from 'better-sqlite3';
import { z } from 'zod';
import { conflictKindSchema, type ConflictSummary, type Resolution } from '../../shared/sync/conflicts';

const conflictRowSchema = z.object({
  id: z.number(),
  series_id: z.string(),
  series_name: z.string(),
  outbox_id: z.number().nullable(),
  kind: conflictKindSchema,
  subject: z.string(),
  base_json: z.string().nullable(),
  local_json: z.string().nullable(),
  remote_json: z.string().nullable(),
  message: z.string(),
  created_at: z.string(),
  resolved_at: z.string().nullable(),
});

export type StoredConflict = ConflictSummary & { outboxId: number | null; resolvedAt: string | null };

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/** Conflicts and what settling one changes in the outbox and the synced snapshots. */
export class ConflictStore {
  constructor(
    readonly db: Database.Database,
    private readonly now: () => string,
  ) {}

  private rows(where: string, ...args: unknown[]): StoredConflict[] {
    return this.db
      .prepare(
        `SELECT c.*, s.name AS series_name FROM conflict c JOIN series s ON s.id = c.series_id ${where} ORDER BY c.id`,
      )
      .all(...args)
      .map((raw) => {
        const row = conflictRowSchema.parse(raw);
        return {
          id: row.id,
          series_id: row.series_id,
          series_name: row.series_name,
          kind: row.kind,
          subject: row.subject,
          base: parse(row.base_json),
          local: parse(row.local_json),
          remote: parse(row.remote_json),
          message: row.message,
          created_at: row.created_at,
          outboxId: row.outbox_id,
          resolvedAt: row.resolved_at,
        };
      });
  }

  open(): StoredConflict[] {
    return this.rows('WHERE c.resolved_at IS NULL');
  }

  get(id: number): StoredConflict | undefined {
    return this.rows('WHERE c.id = ?', id)[0];
  }

  /** Settled: this conflict and any other open one of the same kind on the series. */
  markResolved(conflict: StoredConflict, resolution: Resolution, sameKind = false): void {
    const now = this.now();
    if (sameKind) {
      this.db
        .prepare(
          'UPDATE conflict SET resolved_at = ?, resolution = ? WHERE series_id = ? AND kind = ? AND resolved_at IS NULL',
        )
        .run(now, resolution, conflict.series_id, conflict.kind);
    } else {
      this.db
        .prepare('UPDATE conflict SET resolved_at = ?, resolution = ? WHERE id = ?')
        .run(now, resolution, conflict.id);
    }
  }

  /** Operations a conflict held on a series: dropped, so that re-planning decides afresh. */
  dropHeld(seriesId: string, outboxId?: number | null): void {
    if (outboxId === undefined) {
      this.db.prepare(`DELETE FROM outbox WHERE series_id = ? AND state = 'conflict'`).run(seriesId);
    } else if (outboxId !== null) {
      this.db.prepare(`DELETE FROM outbox WHERE id = ? AND state = 'conflict'`).run(outboxId);
    }
  }

  /** The held operation goes again as it is. */
  retry(outboxId: number): void {
    this.db
      .prepare(
        `UPDATE outbox SET state = 'pending', last_error = NULL, updated_at = ? WHERE id = ? AND state = 'conflict'`,
      )
      .run(this.now(), outboxId);
  }

  /** Zoom's values join the snapshot of the registration with this email. */
  patchAttendeeBase(seriesId: string, email: string, fields: object): void {
    const row = z
      .object({ id: z.string(), synced_json: z.string().nullable() })
      .optional()
      .parse(
        this.db
          .prepare('SELECT id, synced_json FROM attendee WHERE series_id = ? AND email_key = ? AND deleted_at IS NULL')
          .get(seriesId, email.toLowerCase()),
      );
    if (row === undefined) return;
    const base = { ...(row.synced_json === null ? {} : (JSON.parse(row.synced_json) as object)), ...fields };
    this.db.prepare('UPDATE attendee SET synced_json = ? WHERE id = ?').run(JSON.stringify(base), row.id);
  }

  /** The held create goes again as one whose outcome is unknown: Zoom is searched for it first. */
  retryAsUnknown(outboxId: number): void {
    this.db
      .prepare(
        `UPDATE outbox SET state = 'in_flight', last_error = NULL, updated_at = ? WHERE id = ? AND state = 'conflict'`,
      )
      .run(this.now(), outboxId);
  }

  patchEventBase(seriesId: string, fields: object): void {
    const current = z
      .string()
      .nullable()
      .parse(this.db.prepare('SELECT synced_json FROM series WHERE id = ?').pluck().get(seriesId));
    const base = { ...(current === null ? {} : (JSON.parse(current) as object)), ...fields };
    this.db.prepare('UPDATE series SET synced_json = ? WHERE id = ?').run(JSON.stringify(base), seriesId);
  }

  patchItemBase(table: 'ticket_type' | 'registration_link', seriesId: string, fields: object): void {
    const current = z
      .string()
      .nullable()
      .optional()
      .parse(this.db.prepare(`SELECT synced_json FROM ${table} WHERE series_id = ?`).pluck().get(seriesId));
    const base = { ...(current == null ? {} : (JSON.parse(current) as object)), ...fields };
    this.db.prepare(`UPDATE ${table} SET synced_json = ? WHERE series_id = ?`).run(JSON.stringify(base), seriesId);
  }

  eventBase(seriesId: string): object | undefined {
    const current = z
      .string()
      .nullable()
      .optional()
      .parse(this.db.prepare('SELECT synced_json FROM series WHERE id = ?').pluck().get(seriesId));
    return current == null ? undefined : (JSON.parse(current) as object);
  }

  setSessionBase(seriesId: string, occurrence: number, base: object): void {
    this.db
      .prepare('UPDATE occurrence SET synced_json = ? WHERE series_id = ? AND number = ?')
      .run(JSON.stringify(base), seriesId, occurrence);
  }

  /** Zoom's sessions as mapped (start and end by occurrence number). */
  mappedSessions(seriesId: string): Map<number, { start_time: string; end_time: string }> {
    const rows = z
      .array(
        z.object({ number: z.number(), synced_json: z.string().nullable(), zoom_session_id: z.string().nullable() }),
      )
      .parse(
        this.db
          .prepare('SELECT number, synced_json, zoom_session_id FROM occurrence WHERE series_id = ?')
          .all(seriesId),
      );
    const sessions = new Map<number, { start_time: string; end_time: string }>();
    for (const row of rows) {
      if (row.zoom_session_id === null || row.synced_json === null) continue;
      sessions.set(
        row.number,
        z.object({ start_time: z.string(), end_time: z.string() }).parse(JSON.parse(row.synced_json)),
      );
    }
    return sessions;
  }

  /** Forgets everything the series had on Zoom, so that the next sync creates it anew. */
  unlinkSeries(seriesId: string): void {
    this.db
      .prepare(
        'UPDATE series SET zoom_event_id = NULL, zoom_status = NULL, synced_json = NULL, synced_at = NULL WHERE id = ?',
      )
      .run(seriesId);
    this.db
      .prepare('UPDATE ticket_type SET zoom_ticket_type_id = NULL, synced_json = NULL WHERE series_id = ?')
      .run(seriesId);
    this.db
      .prepare('UPDATE registration_link SET zoom_access_link_id = NULL, synced_json = NULL WHERE series_id = ?')
      .run(seriesId);
    this.db
      .prepare('UPDATE occurrence SET zoom_session_id = NULL, synced_json = NULL WHERE series_id = ?')
      .run(seriesId);
    this.db.prepare('DELETE FROM attendee WHERE series_id = ? AND deleted_at IS NOT NULL').run(seriesId);
    this.db.prepare('UPDATE attendee SET zoom_ticket_id = NULL, synced_json = NULL WHERE series_id = ?').run(seriesId);
    this.db.prepare(`DELETE FROM outbox WHERE series_id = ? AND state != 'done'`).run(seriesId);
  }

  deleteSeries(seriesId: string): void {
    this.db.prepare('DELETE FROM series WHERE id = ?').run(seriesId);
  }
}

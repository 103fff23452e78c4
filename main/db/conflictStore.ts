import type Database from 'better-sqlite3';
import { z } from 'zod';
import {
  conflictKindSchema,
  conflictTargetSchema,
  type ConflictSummary,
  type Resolution,
} from '../../shared/sync/conflicts';

const conflictRowSchema = z.object({
  id: z.number(),
  series_id: z.string().nullable(),
  meeting_id: z.string().nullable(),
  /** The series' name, or the meeting's topic. */
  owner_name: z.string().nullable(),
  outbox_id: z.number().nullable(),
  kind: conflictKindSchema,
  target_json: z.string(),
  subject: z.string(),
  base_json: z.string().nullable(),
  local_json: z.string().nullable(),
  remote_json: z.string().nullable(),
  message: z.string(),
  remote_refused: z.string().nullable(),
  created_at: z.string(),
  resolved_at: z.string().nullable(),
});

export type StoredConflict = ConflictSummary & { outboxId: number | null; resolvedAt: string | null };

function parse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Conflict rows: listing them, and marking one settled with the value its resolution replaced. */
export class ConflictStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => string,
  ) {}

  private rows(where: string, ...args: unknown[]): StoredConflict[] {
    return this.db
      .prepare(
        `SELECT c.*, coalesce(s.name, m.topic) AS owner_name FROM conflict c
           LEFT JOIN series s ON s.id = c.series_id LEFT JOIN meeting m ON m.id = c.meeting_id
         ${where} ORDER BY c.id`,
      )
      .all(...args)
      .map((raw) => {
        const row = conflictRowSchema.parse(raw);
        // A target that no longer parses still loads, as the event's: it can always be settled.
        const target = conflictTargetSchema.safeParse(parse(row.target_json));
        return {
          id: row.id,
          // A meeting's conflict has no series: its series ID is empty and its name is the meeting's topic.
          series_id: row.series_id ?? '',
          series_name: row.owner_name ?? '',
          meeting_id: row.meeting_id,
          kind: row.kind,
          target: target.success ? target.data : { item: 'event' as const },
          subject: row.subject,
          base: parse(row.base_json),
          local: parse(row.local_json),
          remote: parse(row.remote_json),
          message: row.message,
          remote_refused: row.remote_refused,
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

  /** Settled, keeping what the resolution replaced; with `sameKind`, every open one of its kind on the series too. */
  markResolved(conflict: StoredConflict, resolution: Resolution, replaced: unknown, sameKind = false): void {
    const now = this.now();
    const replacedJson = replaced === undefined ? null : JSON.stringify(replaced);
    this.db
      .prepare('UPDATE conflict SET resolved_at = ?, resolution = ?, replaced_json = ? WHERE id = ?')
      .run(now, resolution, replacedJson, conflict.id);
    if (sameKind) {
      this.db
        .prepare(
          'UPDATE conflict SET resolved_at = ?, resolution = ? WHERE series_id = ? AND kind = ? AND resolved_at IS NULL',
        )
        .run(now, resolution, conflict.series_id, conflict.kind);
    }
  }

  /** What a resolution replaced in the draft, as stored (checked by the resolver). */
  replacedOf(id: number): unknown {
    const text = z
      .string()
      .nullable()
      .optional()
      .parse(this.db.prepare('SELECT replaced_json FROM conflict WHERE id = ?').pluck().get(id));
    return parse(text ?? null);
  }

  /** Open again, holding this operation (or none), after its resolution was undone. */
  reopen(id: number, outboxId: number | null): void {
    this.db
      .prepare(
        'UPDATE conflict SET resolved_at = NULL, resolution = NULL, replaced_json = NULL, outbox_id = ? WHERE id = ?',
      )
      .run(outboxId, id);
  }

  /** Its resolution was undone without opening it again (an attendee added back). */
  forgetReplaced(id: number): void {
    this.db.prepare('UPDATE conflict SET replaced_json = NULL WHERE id = ?').run(id);
  }

  /** Zoom's sessions as mapped (start and end by occurrence number; empty times once cancelled). */
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
      if (row.zoom_session_id === null) continue;
      const base = z.object({ start_time: z.string(), end_time: z.string() }).safeParse(parse(row.synced_json));
      if (base.success) sessions.set(row.number, base.data);
    }
    return sessions;
  }

  deleteSeries(seriesId: string): void {
    this.db.prepare('DELETE FROM series WHERE id = ?').run(seriesId);
  }
}

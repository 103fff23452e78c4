import type Database from 'better-sqlite3';
import { z } from 'zod';
import { coalescing, type LatestEntry } from '../../shared/history/coalescing';
import type { HistoryChange } from '../../shared/history/seriesChanges';
import {
  historyItemSchema,
  historyQuerySchema,
  historyResolutionSchema,
  historySourceSchema,
  type ChangeSource,
  type HistoryEntry,
  type HistoryPage,
  type HistoryQuery,
} from '../../shared/history/seriesHistory';
import { CadenceError } from '../../shared/errors';
import { replacedValueSchema } from '../../shared/sync/conflicts';

const entryRowSchema = z.object({
  id: z.number(),
  series_id: z.string(),
  at: z.string(),
  source: historySourceSchema,
  item: historyItemSchema,
  subject: z.string().nullable(),
  field: z.string(),
  old_json: z.string().nullable(),
  new_json: z.string().nullable(),
  conflict_id: z.number().nullable(),
  resolution: historyResolutionSchema.nullable(),
});
type EntryRow = z.output<typeof entryRowSchema>;

const undoableRowSchema = z.object({ resolved_at: z.string().nullable(), replaced_json: z.string().nullable() });

function parsed(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

function entryOf(row: EntryRow, canUndo: boolean): HistoryEntry {
  return {
    id: row.id,
    series_id: row.series_id,
    at: row.at,
    source: row.source,
    item: row.item,
    subject: row.subject,
    field: row.field,
    old: parsed(row.old_json),
    new: parsed(row.new_json),
    conflict_id: row.conflict_id,
    resolution: row.resolution,
    can_undo: canUndo,
  };
}

/**
 * A series' history: every change with who made it, old → new per field. Writes happen inside
 * the caller's transaction (the change and its entry commit together). Consecutive edits of one
 * field made here within a short window are one entry, so typing a name is not one per letter.
 */
export class HistoryStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => string,
  ) {}

  /** Records a write's changes, all at one time; nothing when nothing changed. */
  record(seriesId: string, by: ChangeSource, changes: readonly HistoryChange[]): void {
    if (changes.length === 0) return;
    const at = this.now();
    const latest = this.latest(seriesId);
    const insert = this.db.prepare(
      `INSERT INTO series_history (series_id, at, source, item, subject, field, old_json, new_json, conflict_id, resolution)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const change of changes) {
      const next = latest === undefined ? { kind: 'insert' as const } : coalescing(latest.entry, by, change, at);
      if (latest !== undefined && next.kind === 'merge') {
        this.db
          .prepare('UPDATE series_history SET new_json = ?, at = ? WHERE id = ?')
          .run(json(change.new), at, latest.id);
      } else if (latest !== undefined && next.kind === 'revert') {
        this.db.prepare('DELETE FROM series_history WHERE id = ?').run(latest.id);
      } else {
        insert.run(
          seriesId,
          at,
          by.source,
          change.item,
          change.subject,
          change.field,
          json(change.old),
          json(change.new),
          by.conflictId ?? null,
          by.resolution ?? null,
        );
      }
    }
  }

  /** The newest entry's ID of all series (0 when there is none): a mark to ask what was recorded since. */
  mark(): number {
    return z.number().parse(this.db.prepare('SELECT coalesce(max(id), 0) FROM series_history').pluck().get());
  }

  /** Whether entries of this conflict were recorded after `mark`. */
  hasConflictEntriesSince(conflictId: number, mark: number): boolean {
    return (
      this.db.prepare('SELECT 1 FROM series_history WHERE conflict_id = ? AND id > ? LIMIT 1').get(conflictId, mark) !==
      undefined
    );
  }

  /**
   * One page of a series' history, newest first, filtered by who, what and text (in the field,
   * the subject or a value). `can_undo` marks the entry of the latest resolution of a conflict
   * that can still be undone: settled by taking Zoom's version, its replaced values kept.
   */
  list(input: HistoryQuery): HistoryPage {
    const query = historyQuerySchema.parse(input);
    if (
      this.db.prepare('SELECT 1 FROM series WHERE id = ? AND deleted_at IS NULL').get(query.series_id) === undefined
    ) {
      throw new CadenceError('not_found', 'This series no longer exists.');
    }
    const where = ['series_id = ?'];
    const args: unknown[] = [query.series_id];
    if (query.source !== undefined) {
      where.push(`source IN (${query.source.map(() => '?').join(', ')})`);
      args.push(...query.source);
    }
    if (query.item !== undefined) {
      where.push(`item IN (${query.item.map(() => '?').join(', ')})`);
      args.push(...query.item);
    }
    const text = query.text?.trim().toLowerCase();
    if (text !== undefined && text !== '') {
      const pattern = `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      where.push(
        `(lower(field) LIKE ? ESCAPE '\\' OR lower(coalesce(subject, '')) LIKE ? ESCAPE '\\'
          OR lower(coalesce(old_json, '')) LIKE ? ESCAPE '\\' OR lower(coalesce(new_json, '')) LIKE ? ESCAPE '\\')`,
      );
      args.push(pattern, pattern, pattern, pattern);
    }
    if (query.before !== undefined) {
      where.push('id < ?');
      args.push(query.before);
    }
    const rows = this.db
      .prepare(`SELECT * FROM series_history WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ?`)
      .all(...args, query.limit + 1)
      .map((raw) => entryRowSchema.parse(raw));
    const page = rows.slice(0, query.limit);
    const undoable = this.undoableEntries(page);
    const last = page.at(-1);
    return {
      entries: page.map((row) => entryOf(row, undoable.has(row.id))),
      ...(rows.length > query.limit && last !== undefined ? { next_before: last.id } : {}),
    };
  }

  /** The newest entry of a series, the one a change may continue. */
  private latest(seriesId: string): { id: number; entry: LatestEntry } | undefined {
    const raw: unknown = this.db
      .prepare('SELECT * FROM series_history WHERE series_id = ? ORDER BY id DESC LIMIT 1')
      .get(seriesId);
    if (raw === undefined) return undefined;
    const row = entryRowSchema.parse(raw);
    return { id: row.id, entry: entryOf(row, false) };
  }

  /** Of these entries, the IDs of those that `conflicts.undo` would undo. */
  private undoableEntries(rows: readonly EntryRow[]): Set<number> {
    const conflictIds = new Set(rows.flatMap((row) => (row.conflict_id === null ? [] : [row.conflict_id])));
    const undoable = new Set<number>();
    const newest = this.db.prepare(
      `SELECT max(id) FROM series_history WHERE conflict_id = ? AND resolution IN ('keep_mine', 'take_theirs')`,
    );
    const conflict = this.db.prepare('SELECT resolved_at, replaced_json FROM conflict WHERE id = ?');
    for (const conflictId of conflictIds) {
      const found = undoableRowSchema.safeParse(conflict.get(conflictId));
      if (!found.success || found.data.resolved_at === null) continue;
      if (!replacedValueSchema.safeParse(parsed(found.data.replaced_json)).success) continue;
      const id = z.number().nullable().parse(newest.pluck().get(conflictId));
      if (id !== null) undoable.add(id);
    }
    return undoable;
  }
}

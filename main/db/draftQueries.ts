import type Database from 'better-sqlite3';
import { z } from 'zod';
import {
  draftSummarySchema,
  type DraftSummary,
  type SyncState,
  type SyncStatus,
} from '../../shared/drafts/draftSummary';
import type { SeriesPartSummary } from '../../shared/drafts/seriesPartSummary';
import type { Outbox } from './outbox/outbox';
import { waitingStates } from './outbox/outboxStatements';

const summaryRowSchema = draftSummarySchema
  .omit({ sync_state: true, is_published: true, is_ready: true, parts: true, replaced_by: true })
  .extend({
    is_ready: z.number(),
    successor_id: z.string().nullable(),
    successor_name: z.string().nullable(),
    successor_settled_at: z.string().nullable(),
    zoom_event_id: z.string().nullable(),
    zoom_status: z.string().nullable(),
  });

const partRowSchema = z.object({
  series_id: z.string(),
  position: z.number().int(),
  first_occurrence: z.number().int().nullable(),
  count: z.number().int(),
  name: z.string(),
  zoom_event_id: z.string().nullable(),
  zoom_status: z.string().nullable(),
  pending_changes: z.number().int(),
  conflicts: z.number().int(),
});

/** Where one series row stands with Zoom. */
function syncStateOf(row: {
  conflicts: number;
  pending_changes: number;
  zoom_event_id: string | null;
  zoom_status: string | null;
}): SyncState {
  if (row.conflicts > 0) return 'conflict';
  if (row.zoom_event_id === null) return 'draft';
  if (row.pending_changes > 0) return 'waiting';
  return row.zoom_status === 'published' ? 'published' : 'synced';
}

/** Where a whole stands: a conflict on any part is its own; it is published once every part is. */
function wholeSyncState(parts: readonly SeriesPartSummary[]): SyncState {
  if (parts.some((part) => part.sync_state === 'conflict')) return 'conflict';
  if (parts.every((part) => part.sync_state === 'draft')) return 'draft';
  if (parts.some((part) => part.sync_state === 'draft' || part.sync_state === 'waiting')) return 'waiting';
  return parts.every((part) => part.sync_state === 'published') ? 'published' : 'synced';
}

/**
 * The series list with its counts, in one query; `now` decides which occurrence is next. Parts are in their whole's
 * row; a series a pattern change replaced comes after the current ones.
 */
export function listDrafts(db: Database.Database, now: string): DraftSummary[] {
  const rows = db
    .prepare(
      `SELECT s.id, s.key, s.name, s.event_type, s.timezone, s.updated_at, s.zoom_event_id, s.zoom_status, s.is_ready,
         (SELECT count(*) FROM occurrence o WHERE o.series_id = s.id AND o.status != 'cancelled') AS sessions,
         (SELECT min(o.start_time) FROM occurrence o
            WHERE o.series_id = s.id AND o.status != 'cancelled' AND o.start_time >= @now) AS next_occurrence,
         (SELECT count(*) FROM attendee a WHERE a.series_id = s.id AND a.deleted_at IS NULL) AS attendees,
         (SELECT count(*) FROM outbox x WHERE x.series_id = s.id AND x.state IN ${waitingStates})
           AS pending_changes,
         (SELECT count(*) FROM conflict c WHERE c.series_id = s.id AND c.resolved_at IS NULL) AS conflicts,
         (SELECT p.hub_name FROM zoom_page p WHERE p.series_id = s.id) AS hub_name,
         successor.id AS successor_id, successor.name AS successor_name, replacement.settled_at AS successor_settled_at
       FROM series s
         LEFT JOIN series_link replacement ON replacement.from_series_id = s.id AND replacement.kind = 'pattern_change'
         LEFT JOIN series successor ON successor.id = replacement.to_series_id
       WHERE s.deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM series_link l WHERE l.to_series_id = s.id AND l.kind = 'part')
       ORDER BY successor.id IS NOT NULL, s.created_at, s.rowid`,
    )
    .all({ now });
  return rows.map((raw) => {
    const {
      zoom_event_id: eventId,
      zoom_status: status,
      is_ready: isReady,
      successor_id: successorId,
      successor_name: successorName,
      successor_settled_at: settledAt,
      ...fields
    } = summaryRowSchema.parse(raw);
    const replacedBy =
      successorId === null ? null : { series_id: successorId, name: successorName ?? '', settled_at: settledAt };
    // A replaced series holds no session to come: its successor does.
    const row = {
      ...fields,
      replaced_by: replacedBy,
      next_occurrence: replacedBy === null ? fields.next_occurrence : null,
    };
    const parts = seriesParts(db, row.id);
    if (parts.length === 0) {
      const syncState = syncStateOf({ ...row, zoom_event_id: eventId, zoom_status: status });
      return { ...row, parts: 1, sync_state: syncState, is_published: status === 'published', is_ready: isReady === 1 };
    }
    const sum = (count: (part: SeriesPartSummary) => number) => parts.reduce((total, part) => total + count(part), 0);
    const hub = db
      .prepare('SELECT hub_name FROM zoom_page WHERE series_id = ?')
      .pluck()
      .get(parts[0]?.series_id ?? '');
    // People who registered on a part's own Zoom page count with the whole, as its attendee list shows them.
    const inPartsOnly = z
      .number()
      .int()
      .parse(
        db
          .prepare(
            `SELECT count(DISTINCT a.email_key) FROM series_link l
               JOIN series s ON s.id = l.to_series_id AND s.deleted_at IS NULL
               JOIN attendee a ON a.series_id = s.id AND a.deleted_at IS NULL
             WHERE l.from_series_id = @id AND l.kind = 'part'
               AND a.email_key NOT IN (SELECT w.email_key FROM attendee w WHERE w.series_id = @id AND w.deleted_at IS NULL)`,
          )
          .pluck()
          .get({ id: row.id }),
      );
    return {
      ...row,
      attendees: row.attendees + inPartsOnly,
      parts: parts.length,
      pending_changes: row.pending_changes + sum((part) => part.pending_changes),
      conflicts: row.conflicts + sum((part) => part.conflicts),
      hub_name: typeof hub === 'string' ? hub : null,
      sync_state: wholeSyncState(parts),
      is_published: parts.every((part) => part.is_published),
      is_ready: isReady === 1,
    };
  });
}

/** The parts of a series, in order; none for a series that reaches Zoom as one event. */
export function seriesParts(db: Database.Database, seriesId: string): SeriesPartSummary[] {
  return db
    .prepare(
      `SELECT s.id AS series_id, l.position, l.first_occurrence, s.name, s.zoom_event_id, s.zoom_status,
         (SELECT count(*) FROM occurrence o WHERE o.series_id = s.id) AS count,
         (SELECT count(*) FROM outbox x WHERE x.series_id = s.id AND x.state IN ${waitingStates}) AS pending_changes,
         (SELECT count(*) FROM conflict c WHERE c.series_id = s.id AND c.resolved_at IS NULL) AS conflicts
       FROM series_link l JOIN series s ON s.id = l.to_series_id
       WHERE l.from_series_id = ? AND l.kind = 'part' AND s.deleted_at IS NULL
       ORDER BY l.position`,
    )
    .all(seriesId)
    .map((raw) => {
      const row = partRowSchema.parse(raw);
      return {
        series_id: row.series_id,
        index: row.position - 1,
        first_occurrence: row.first_occurrence ?? 1,
        count: row.count,
        name: row.name,
        zoom_event_id: row.zoom_event_id,
        sync_state: syncStateOf(row),
        is_published: row.zoom_status === 'published',
        is_cancelled: row.zoom_status === 'cancelled',
        pending_changes: row.pending_changes,
        conflicts: row.conflicts,
      };
    });
}

/** Outbox counts by state, open conflicts and the end of the last successful sync. */
export function syncStatus(db: Database.Database, owner: Outbox): SyncStatus {
  const outbox = owner.countsByState();
  const lastSync = z
    .string()
    .nullable()
    .parse(
      db
        .prepare(`SELECT max(finished_at) FROM sync_run WHERE outcome IN ('succeeded', 'needs_attention')`)
        .pluck()
        .get(),
    );
  return { outbox, conflicts: owner.openConflictCount(), waiting: owner.waitingCount(), last_sync: lastSync };
}

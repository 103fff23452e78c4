import type Database from 'better-sqlite3';
import { z } from 'zod';
import { draftSummarySchema, type DraftSummary, type SyncStatus } from '../../shared/drafts/draftSummary';
import type { Outbox } from './outbox/outbox';
import { waitingStates } from './outbox/outboxStatements';

const summaryRowSchema = draftSummarySchema.omit({ sync_state: true, is_published: true, is_ready: true }).extend({
  is_ready: z.number(),
  zoom_event_id: z.string().nullable(),
  zoom_status: z.string().nullable(),
});

/** The series list with its counts, in one query; `now` decides which occurrence is next. */
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
         (SELECT p.hub_name FROM zoom_page p WHERE p.series_id = s.id) AS hub_name
       FROM series s
       WHERE s.deleted_at IS NULL
       ORDER BY s.created_at, s.rowid`,
    )
    .all({ now });
  return rows.map((raw) => {
    const { zoom_event_id: eventId, zoom_status: status, is_ready: isReady, ...row } = summaryRowSchema.parse(raw);
    const syncState =
      row.conflicts > 0
        ? 'conflict'
        : eventId === null
          ? 'draft'
          : row.pending_changes > 0
            ? 'waiting'
            : status === 'published'
              ? 'published'
              : 'synced';
    return { ...row, sync_state: syncState, is_published: status === 'published', is_ready: isReady === 1 };
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

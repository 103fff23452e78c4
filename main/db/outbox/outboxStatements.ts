import type Database from 'better-sqlite3';

/** Held operations: what depends on their keys is blocked. */
export const heldStates = `('conflict', 'failed')`;
/** Operations not yet done: the one definition of "waiting", for the app, the CLI and the sync report. */
export const waitingStates = `('pending', 'in_flight', 'conflict', 'failed')`;

export type OutboxStatements = ReturnType<typeof prepareOutboxStatements>;

/** The outbox owner's SQL, prepared once per connection. */
export function prepareOutboxStatements(db: Database.Database) {
  return {
    pendingIn: db.prepare(
      `SELECT id, op_key, kind, payload_json, depends_on_json FROM outbox
       WHERE series_id = ? AND state = 'pending' AND (op_key LIKE 'ticket:%') = ?`,
    ),
    busyKeys: db
      .prepare(`SELECT op_key FROM outbox WHERE series_id = ? AND state IN ('in_flight', 'conflict', 'failed')`)
      .pluck(),
    insert: db.prepare(
      `INSERT INTO outbox (series_id, op_key, kind, payload_json, depends_on_json, created_at, updated_at)
       VALUES (@series_id, @op_key, @kind, @payload_json, @depends_on_json, @now, @now)`,
    ),
    update: db.prepare(
      `UPDATE outbox SET kind = @kind, payload_json = @payload_json, depends_on_json = @depends_on_json,
       updated_at = @now WHERE id = @id`,
    ),
    remove: db.prepare('DELETE FROM outbox WHERE id = ?'),
    // A series the planner marked not ready is left out of every sync: the app's, the CLI's, the dry run.
    work: db.prepare(
      `SELECT id, series_id, op_key, kind, payload_json, depends_on_json, state, attempts FROM outbox
       WHERE state IN ('pending', 'in_flight') AND series_id IS NOT NULL
         AND series_id NOT IN (SELECT id FROM series WHERE is_ready = 0)
       ORDER BY id`,
    ),
    notReadyWaiting: db
      .prepare(
        `SELECT s.name FROM series s WHERE s.is_ready = 0
           AND EXISTS (SELECT 1 FROM outbox o WHERE o.series_id = s.id AND o.state IN ('pending', 'in_flight'))
         ORDER BY s.created_at, s.rowid`,
      )
      .pluck(),
    held: db.prepare(
      `SELECT DISTINCT series_id, op_key FROM outbox WHERE series_id IS NOT NULL AND state IN ${heldStates}`,
    ),
    statesOf: db.prepare('SELECT id, state FROM outbox WHERE id IN (SELECT value FROM json_each(?))'),
    unfinishedPayloadsOfKey: db
      .prepare(
        `SELECT payload_json FROM outbox WHERE series_id = ? AND op_key = ? AND kind = ? AND state IN ('pending', 'in_flight', 'conflict')`,
      )
      .pluck(),
    pendingOfKey: db.prepare(`SELECT id FROM outbox WHERE series_id = ? AND op_key = ? AND state = 'pending'`).pluck(),
    keyOf: db.prepare('SELECT series_id, meeting_id, op_key FROM outbox WHERE id = ?'),
    // A row belongs to one series or one meeting; `IS` matches the owner it has (and NULL to NULL).
    newerPending: db.prepare(
      `SELECT 1 FROM outbox WHERE series_id IS @series_id AND meeting_id IS @meeting_id AND op_key = @op_key
         AND state = 'pending' AND id != @id`,
    ),
    inFlight: db.prepare(
      `UPDATE outbox SET state = 'in_flight', attempts = attempts + 1, updated_at = ?
       WHERE id IN (SELECT value FROM json_each(?))`,
    ),
    pending: db.prepare(`UPDATE outbox SET state = 'pending', last_error = ?, updated_at = ? WHERE id = ?`),
    done: db.prepare(
      `UPDATE outbox SET state = 'done', last_error = NULL, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))`,
    ),
    hold: db.prepare(`UPDATE outbox SET state = ?, last_error = ?, updated_at = ? WHERE id = ?`),
    retry: db.prepare(
      `UPDATE outbox SET state = ?, last_error = NULL, updated_at = ? WHERE id = ? AND state IN ${heldStates}`,
    ),
    dropHeld: db.prepare(`DELETE FROM outbox WHERE id = ? AND state IN ${heldStates}`),
    dropHeldOfSeries: db.prepare(`DELETE FROM outbox WHERE series_id = ? AND state IN ${heldStates}`),
    dropUnfinished: db.prepare(`DELETE FROM outbox WHERE series_id = ? AND state != 'done'`),
    insertConflict: db.prepare(
      `INSERT INTO conflict (series_id, outbox_id, kind, target_json, subject, base_json, local_json, remote_json,
         message, remote_refused, created_at)
       VALUES (@series_id, @outbox_id, @kind, @target_json, @subject, @base_json, @local_json, @remote_json,
         @message, @remote_refused, @now)`,
    ),
    openConflictOfKind: db.prepare('SELECT 1 FROM conflict WHERE series_id = ? AND kind = ? AND resolved_at IS NULL'),
    openConflictOn: db.prepare(
      'SELECT 1 FROM conflict WHERE series_id = ? AND kind = ? AND target_json = ? AND subject = ? AND resolved_at IS NULL',
    ),
    waitingCount: db.prepare(`SELECT count(*) FROM outbox WHERE state IN ${waitingStates}`).pluck(),
    openConflictCount: db.prepare('SELECT count(*) FROM conflict WHERE resolved_at IS NULL').pluck(),
    waiting: db.prepare(
      `SELECT o.id, o.series_id, o.op_key, o.kind, o.payload_json, o.depends_on_json, o.state, o.attempts,
         s.name AS series_name, s.is_ready
       FROM outbox o JOIN series s ON s.id = o.series_id WHERE o.state IN ${waitingStates} ORDER BY o.id`,
    ),
    counts: db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state'),
    liveSessions: db.prepare(`SELECT count(*) FROM occurrence WHERE series_id = ? AND status != 'cancelled'`).pluck(),
    seriesName: db.prepare('SELECT name FROM series WHERE id = ?').pluck(),
    linkedEvents: db.prepare('SELECT zoom_event_id FROM series WHERE zoom_event_id IS NOT NULL').pluck(),
    linkedSeries: db
      .prepare(
        `SELECT s.id FROM series s WHERE s.zoom_event_id IS NOT NULL AND s.deleted_at IS NULL AND s.is_ready = 1
           AND NOT EXISTS (SELECT 1 FROM conflict c WHERE c.series_id = s.id AND c.resolved_at IS NULL
             AND c.kind IN ('remote_deleted', 'remote_cancelled'))
           AND NOT EXISTS (SELECT 1 FROM series_link l WHERE l.from_series_id = s.id AND l.kind = 'pattern_change')
         ORDER BY s.created_at, s.rowid`,
      )
      .pluck(),
    replacingSeries: db
      .prepare(
        `SELECT l.to_series_id FROM series_link l
           JOIN series old ON old.id = l.from_series_id
           JOIN series s ON s.id = l.to_series_id
         WHERE l.kind = 'pattern_change' AND l.settled_at IS NULL
           AND old.zoom_event_id IS NOT NULL AND s.deleted_at IS NULL
         GROUP BY l.to_series_id ORDER BY min(l.created_at), l.to_series_id`,
      )
      .pluck(),
    attendeeTickets: db.prepare(
      'SELECT id, zoom_ticket_id, synced_json, deleted_at, wait_position, promoted_at, waiting_for_json FROM attendee WHERE series_id = ?',
    ),
  };
}

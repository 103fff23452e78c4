import type { Migration } from './migration';

/**
 * Recurring Zoom Meetings beside the series. A meeting draft is kept whole as validated JSON (with
 * its host, topic and start as columns for lists and look-ups), linked to Zoom's meeting with the
 * last synced snapshot. Its operations wait in the same outbox and its conflicts in the same list
 * as a series': an outbox row or a conflict belongs to exactly one series or one meeting. Which
 * meetings were written to a config's CSV is kept, so a row is never appended twice. The
 * Meetings API allows each host a number of creates and updates per UTC day; what was spent is
 * counted per host and day.
 */
export const meetings: Migration = {
  version: 7,
  name: 'recurring meetings',
  rebuildsTables: true,
  up: `
    CREATE TABLE meeting (
      id TEXT PRIMARY KEY,
      key TEXT UNIQUE,
      host_email TEXT NOT NULL,
      host_key TEXT NOT NULL,
      topic TEXT NOT NULL,
      start_time TEXT NOT NULL,
      draft_json TEXT NOT NULL,
      revision INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      -- A synced meeting the planner deleted stays, marked, until Zoom has deleted it.
      deleted_at TEXT,
      zoom_meeting_id TEXT UNIQUE,
      join_url TEXT,
      registration_url TEXT,
      synced_json TEXT,
      synced_at TEXT
    );
    CREATE INDEX meeting_by_host ON meeting (host_key, start_time);

    CREATE TABLE meeting_csv_row (
      meeting_id TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
      output_file TEXT NOT NULL,
      written_at TEXT NOT NULL,
      PRIMARY KEY (meeting_id, output_file)
    ) WITHOUT ROWID;

    CREATE TABLE meeting_host_quota (
      host_key TEXT NOT NULL,
      utc_day TEXT NOT NULL,
      used INTEGER NOT NULL CHECK (used >= 0),
      PRIMARY KEY (host_key, utc_day)
    ) WITHOUT ROWID;

    CREATE TABLE outbox_next (
      id INTEGER PRIMARY KEY,
      series_id TEXT REFERENCES series (id) ON DELETE CASCADE,
      op_key TEXT NOT NULL,
      kind TEXT NOT NULL,
      payload_json TEXT NOT NULL,
      depends_on_json TEXT NOT NULL DEFAULT '[]',
      state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'in_flight', 'done', 'failed', 'conflict')),
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      meeting_id TEXT REFERENCES meeting (id) ON DELETE CASCADE,
      CHECK ((series_id IS NULL) <> (meeting_id IS NULL))
    );
    INSERT INTO outbox_next (id, series_id, op_key, kind, payload_json, depends_on_json, state, attempts,
        last_error, created_at, updated_at)
      SELECT id, series_id, op_key, kind, payload_json, depends_on_json, state, attempts, last_error,
        created_at, updated_at FROM outbox;
    DROP TABLE outbox;
    ALTER TABLE outbox_next RENAME TO outbox;
    CREATE UNIQUE INDEX outbox_one_pending_per_key ON outbox (series_id, op_key) WHERE state = 'pending';
    CREATE UNIQUE INDEX outbox_one_pending_per_meeting_key ON outbox (meeting_id, op_key) WHERE state = 'pending';
    CREATE INDEX outbox_by_state ON outbox (state);
    CREATE INDEX outbox_by_series ON outbox (series_id, state);
    CREATE INDEX outbox_by_meeting ON outbox (meeting_id, state) WHERE meeting_id IS NOT NULL;

    CREATE TABLE conflict_next (
      id INTEGER PRIMARY KEY,
      series_id TEXT REFERENCES series (id) ON DELETE CASCADE,
      outbox_id INTEGER REFERENCES outbox (id) ON DELETE SET NULL,
      kind TEXT NOT NULL,
      subject TEXT NOT NULL,
      base_json TEXT,
      local_json TEXT,
      remote_json TEXT,
      message TEXT NOT NULL,
      created_at TEXT NOT NULL,
      resolved_at TEXT,
      resolution TEXT CHECK (resolution IN ('local', 'remote')),
      target_json TEXT NOT NULL DEFAULT '{"item":"event"}',
      remote_refused TEXT,
      replaced_json TEXT,
      meeting_id TEXT REFERENCES meeting (id) ON DELETE CASCADE,
      CHECK ((series_id IS NULL) <> (meeting_id IS NULL))
    );
    INSERT INTO conflict_next (id, series_id, outbox_id, kind, subject, base_json, local_json, remote_json,
        message, created_at, resolved_at, resolution, target_json, remote_refused, replaced_json)
      SELECT id, series_id, outbox_id, kind, subject, base_json, local_json, remote_json, message,
        created_at, resolved_at, resolution, target_json, remote_refused, replaced_json FROM conflict;
    DROP TABLE conflict;
    ALTER TABLE conflict_next RENAME TO conflict;
    CREATE INDEX conflict_open ON conflict (series_id) WHERE resolved_at IS NULL;
    CREATE INDEX conflict_open_of_meeting ON conflict (meeting_id) WHERE resolved_at IS NULL AND meeting_id IS NOT NULL;
  `,
};

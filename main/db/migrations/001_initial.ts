import type { Migration } from './migration';

/**
 * The first schema: series drafts and their parts, their links to Zoom with the last synced
 * snapshot of each object (the base of the three-way comparison), the outbox, conflicts, the sync
 * log and settings. Times are UTC `YYYY-MM-DDTHH:MM:SSZ` text; snapshots are JSON.
 */
export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema',
  up: `
    CREATE TABLE series (
      id TEXT PRIMARY KEY,
      key TEXT UNIQUE,
      name TEXT NOT NULL,
      event_type TEXT NOT NULL CHECK (event_type IN ('RECURRING', 'SIMPLE_EVENT')),
      timezone TEXT NOT NULL,
      start_time TEXT NOT NULL,
      end_time TEXT,
      hub_id TEXT,
      description TEXT,
      meeting_type TEXT,
      attendance_type TEXT NOT NULL,
      access_level TEXT NOT NULL,
      recurrence_json TEXT,
      publish INTEGER NOT NULL CHECK (publish IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      -- A synced series the planner deleted stays, marked, until Zoom has deleted the event.
      deleted_at TEXT,
      zoom_event_id TEXT UNIQUE,
      zoom_status TEXT,
      synced_json TEXT,
      synced_at TEXT
    );

    -- The sessions a draft plans (its expansion with its changes), each linked to Zoom's session.
    CREATE TABLE occurrence (
      series_id TEXT NOT NULL REFERENCES series (id) ON DELETE CASCADE,
      number INTEGER NOT NULL CHECK (number >= 1),
      start_time TEXT NOT NULL,
      end_time TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('scheduled', 'moved', 'cancelled')),
      zoom_session_id TEXT,
      synced_json TEXT,
      PRIMARY KEY (series_id, number)
    ) WITHOUT ROWID;
    CREATE INDEX occurrence_by_start ON occurrence (start_time);

    CREATE TABLE occurrence_change (
      series_id TEXT NOT NULL REFERENCES series (id) ON DELETE CASCADE,
      occurrence INTEGER NOT NULL CHECK (occurrence >= 1),
      action TEXT NOT NULL CHECK (action IN ('move', 'cancel')),
      start_time TEXT,
      end_time TEXT,
      PRIMARY KEY (series_id, occurrence)
    ) WITHOUT ROWID;

    CREATE TABLE ticket_type (
      series_id TEXT PRIMARY KEY REFERENCES series (id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      description TEXT,
      free INTEGER NOT NULL CHECK (free IN (0, 1)),
      price TEXT,
      quantity INTEGER,
      currency TEXT NOT NULL,
      start_time TEXT,
      end_time TEXT,
      zoom_ticket_type_id TEXT,
      synced_json TEXT
    );

    CREATE TABLE registration_link (
      series_id TEXT PRIMARY KEY REFERENCES series (id) ON DELETE CASCADE,
      link_name TEXT NOT NULL,
      registration_option TEXT,
      authentication_method TEXT NOT NULL,
      send_notification INTEGER NOT NULL CHECK (send_notification IN (0, 1)),
      zoom_access_link_id TEXT,
      synced_json TEXT
    );

    -- One registration per person and series. Its id is sent to Zoom as external_ticket_id, so the
    -- ticket can be found again after a lost response; check-ins will refer to it too.
    CREATE TABLE attendee (
      id TEXT PRIMARY KEY,
      series_id TEXT NOT NULL REFERENCES series (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      email TEXT NOT NULL,
      email_key TEXT NOT NULL,
      first_name TEXT,
      last_name TEXT,
      profile_json TEXT NOT NULL DEFAULT '{}',
      occurrences_json TEXT,
      deleted_at TEXT,
      zoom_ticket_id TEXT,
      synced_json TEXT
    );
    CREATE UNIQUE INDEX attendee_one_per_email ON attendee (series_id, email_key) WHERE deleted_at IS NULL;
    CREATE INDEX attendee_by_position ON attendee (series_id, position);

    -- What must happen on Zoom. One pending operation per series and key: later edits of the same
    -- thing replace its payload instead of queueing another call.
    CREATE TABLE outbox (
      id INTEGER PRIMARY KEY,
      series_id TEXT NOT NULL REFERENCES series (id) ON DELETE CASCADE,
      op_key TEXT NOT NULL,
      kind TEXT NOT NULL,
      target_json TEXT NOT NULL,
      payload_json TEXT NOT NULL,
      depends_on_json TEXT NOT NULL DEFAULT '[]',
      state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'in_flight', 'done', 'failed', 'conflict')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT,
      last_error TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX outbox_one_pending_per_key ON outbox (series_id, op_key) WHERE state = 'pending';
    CREATE INDEX outbox_by_state ON outbox (state, next_attempt_at);
    CREATE INDEX outbox_by_series ON outbox (series_id, state);

    CREATE TABLE conflict (
      id INTEGER PRIMARY KEY,
      series_id TEXT NOT NULL REFERENCES series (id) ON DELETE CASCADE,
      outbox_id INTEGER REFERENCES outbox (id) ON DELETE SET NULL,
      kind TEXT NOT NULL,
      subject TEXT NOT NULL,
      base_json TEXT,
      local_json TEXT,
      remote_json TEXT,
      message TEXT NOT NULL,
      created_at TEXT NOT NULL,
      resolved_at TEXT,
      resolution TEXT CHECK (resolution IN ('local', 'remote'))
    );
    CREATE INDEX conflict_open ON conflict (series_id) WHERE resolved_at IS NULL;

    CREATE TABLE sync_run (
      id INTEGER PRIMARY KEY,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      outcome TEXT NOT NULL DEFAULT 'running'
        CHECK (outcome IN ('running', 'succeeded', 'needs_attention', 'offline', 'cancelled', 'failed')),
      requests INTEGER NOT NULL DEFAULT 0,
      summary_json TEXT NOT NULL DEFAULT '{}'
    );

    CREATE TABLE sync_log (
      id INTEGER PRIMARY KEY,
      run_id INTEGER REFERENCES sync_run (id) ON DELETE CASCADE,
      at TEXT NOT NULL,
      level TEXT NOT NULL CHECK (level IN ('info', 'warn', 'error')),
      series_id TEXT,
      message TEXT NOT NULL,
      details_json TEXT NOT NULL DEFAULT '{}'
    );

    CREATE TABLE setting (
      key TEXT PRIMARY KEY,
      value_json TEXT NOT NULL
    ) WITHOUT ROWID;
  `,
};

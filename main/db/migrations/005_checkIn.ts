import type { Migration } from './migration';

/**
 * Onsite check-in. An event downloaded for check-in keeps its registrants and tickets (replaced as
 * a whole by each download) and everyone's check-ins. A check-in recorded here is never deleted:
 * undo and Zoom's refusals are states of it, so nothing a desk did is lost. Batches remember what
 * was sent under which `source`, so an upload whose answer was lost is checked on Zoom first.
 */
export const checkIn: Migration = {
  version: 5,
  name: 'check-in',
  up: `
    CREATE TABLE checkin_event (
      event_id TEXT PRIMARY KEY,
      series_id TEXT REFERENCES series (id) ON DELETE SET NULL,
      name TEXT NOT NULL,
      timezone TEXT NOT NULL,
      attendance_type TEXT NOT NULL CHECK (attendance_type IN ('IN_PERSON', 'HYBRID', 'VIRTUAL')),
      downloaded_at TEXT NOT NULL,
      -- The rowids of its registrants and their search rows: one range, as a download writes them
      -- all in one transaction; the search reads within it instead of checking each row's event.
      first_rowid INTEGER NOT NULL DEFAULT 0,
      last_rowid INTEGER NOT NULL DEFAULT -1,
      last_upload_at TEXT,
      last_check_ins_read_at TEXT
    );

    CREATE TABLE checkin_session (
      event_id TEXT NOT NULL REFERENCES checkin_event (event_id) ON DELETE CASCADE,
      session_id TEXT NOT NULL,
      position INTEGER NOT NULL CHECK (position >= 1),
      name TEXT NOT NULL,
      start_time TEXT NOT NULL,
      end_time TEXT NOT NULL,
      PRIMARY KEY (event_id, session_id)
    );

    -- One row a person; email_key is the lower-cased email Zoom matches on.
    CREATE TABLE checkin_registrant (
      event_id TEXT NOT NULL REFERENCES checkin_event (event_id) ON DELETE CASCADE,
      email_key TEXT NOT NULL,
      email TEXT NOT NULL,
      first_name TEXT NOT NULL DEFAULT '',
      last_name TEXT NOT NULL DEFAULT '',
      organisation TEXT NOT NULL DEFAULT '',
      ticket_type TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (event_id, email_key)
    );

    -- session_id NULL: the ticket admits to every session; a ticket for several sessions has a row each.
    CREATE TABLE checkin_ticket (
      event_id TEXT NOT NULL REFERENCES checkin_event (event_id) ON DELETE CASCADE,
      ticket_id TEXT NOT NULL,
      email_key TEXT NOT NULL,
      session_id TEXT,
      qr_code_url TEXT
    );
    CREATE UNIQUE INDEX checkin_ticket_once ON checkin_ticket (event_id, ticket_id, ifnull(session_id, ''));
    CREATE INDEX checkin_ticket_by_person ON checkin_ticket (event_id, email_key);
    CREATE INDEX checkin_ticket_by_qr ON checkin_ticket (qr_code_url) WHERE qr_code_url IS NOT NULL;

    -- Search as the staffer types: the words of the name and of the email before its "@", each prefix-matched; rowid is
    -- the registrant's. Ticket IDs and QR codes are looked up exactly in checkin_ticket.
    CREATE VIRTUAL TABLE checkin_search USING fts5 (
      event_id UNINDEXED,
      email_key UNINDEXED,
      words,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '1 2 3'
    );

    -- A batch sent (or about to be) to Zoom under its own source, "<desk> · <batch id>".
    CREATE TABLE checkin_batch (
      id TEXT PRIMARY KEY,
      event_id TEXT NOT NULL,
      session_id TEXT,
      source TEXT NOT NULL UNIQUE,
      state TEXT NOT NULL CHECK (state IN ('sending', 'answered')),
      -- The process that sent it, on this laptop: another process leaves a live sender's batch alone.
      sender_pid INTEGER,
      created_at TEXT NOT NULL,
      answered_at TEXT
    );

    -- Every check-in: recorded here (origin 'here'), or seen on Zoom from elsewhere ('elsewhere').
    CREATE TABLE check_in (
      id TEXT PRIMARY KEY,
      event_id TEXT NOT NULL,
      session_id TEXT,
      email_key TEXT NOT NULL,
      email TEXT NOT NULL,
      recorded_at TEXT,
      desk TEXT,
      origin TEXT NOT NULL CHECK (origin IN ('here', 'elsewhere')),
      walk_in INTEGER NOT NULL DEFAULT 0 CHECK (walk_in IN (0, 1)),
      -- What the desk wrote down for a walk-in (not on the downloaded list); '' otherwise.
      first_name TEXT NOT NULL DEFAULT '',
      last_name TEXT NOT NULL DEFAULT '',
      organisation TEXT NOT NULL DEFAULT '',
      state TEXT NOT NULL CHECK (state IN ('waiting', 'sending', 'uploaded', 'refused', 'undone')),
      batch_id TEXT REFERENCES checkin_batch (id),
      refusal TEXT,
      uploaded_at TEXT
    );
    CREATE INDEX check_in_by_person ON check_in (event_id, session_id, email_key);
    CREATE INDEX check_in_waiting ON check_in (event_id, session_id, state) WHERE state IN ('waiting', 'sending');
    -- Zoom's list holds each person once per event or session: so does what this laptop saw of it.
    CREATE UNIQUE INDEX check_in_seen_once ON check_in (event_id, ifnull(session_id, ''), email_key)
      WHERE origin = 'elsewhere';

    -- This laptop's check-in settings, one row; the kiosk PIN only as a salted scrypt hash.
    CREATE TABLE checkin_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      desk TEXT NOT NULL,
      list_only_when_searching INTEGER NOT NULL DEFAULT 0,
      badge_layout TEXT NOT NULL DEFAULT 'name_organisation_ticket',
      badge_size TEXT NOT NULL DEFAULT '4x3in',
      upload_automatically INTEGER NOT NULL DEFAULT 1,
      kiosk_pin_hash TEXT,
      kiosk_scope TEXT,
      kiosk_failed_tries INTEGER NOT NULL DEFAULT 0,
      kiosk_retry_after TEXT
    );
  `,
};

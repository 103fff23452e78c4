import type { Migration } from './migration';

/**
 * Attendance reports downloaded from Zoom, kept so that they read offline. Each download replaces
 * an event's report as a whole in one transaction: its sessions, who is registered (and for which
 * sessions), and every attendance record Zoom gave, placed in sessions only when read.
 */
export const attendanceReports: Migration = {
  version: 10,
  name: 'attendance reports',
  up: `
    CREATE TABLE report_event (
      event_id TEXT PRIMARY KEY,
      series_id TEXT REFERENCES series (id) ON DELETE SET NULL,
      name TEXT NOT NULL,
      timezone TEXT NOT NULL,
      downloaded_at TEXT NOT NULL
    );

    CREATE TABLE report_session (
      event_id TEXT NOT NULL REFERENCES report_event (event_id) ON DELETE CASCADE,
      session_id TEXT NOT NULL,
      position INTEGER NOT NULL CHECK (position >= 1),
      name TEXT NOT NULL,
      start_time TEXT NOT NULL,
      end_time TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('downloaded', 'upcoming', 'unavailable')),
      unavailable_reason TEXT,
      PRIMARY KEY (event_id, session_id)
    ) WITHOUT ROWID;

    -- One row a person of the registrations report; email_key is the lower-cased email.
    CREATE TABLE report_registrant (
      event_id TEXT NOT NULL REFERENCES report_event (event_id) ON DELETE CASCADE,
      email_key TEXT NOT NULL,
      email TEXT NOT NULL,
      first_name TEXT NOT NULL DEFAULT '',
      last_name TEXT NOT NULL DEFAULT '',
      registered_at TEXT,
      PRIMARY KEY (event_id, email_key)
    ) WITHOUT ROWID;

    -- The sessions a registrant's tickets admit to; session_id '' admits to every session.
    CREATE TABLE report_registrant_session (
      event_id TEXT NOT NULL,
      email_key TEXT NOT NULL,
      session_id TEXT NOT NULL,
      PRIMARY KEY (event_id, email_key, session_id),
      FOREIGN KEY (event_id, email_key) REFERENCES report_registrant (event_id, email_key) ON DELETE CASCADE
    ) WITHOUT ROWID;

    -- Each time someone joined, as Zoom reported it; the same record in two reports is kept once.
    CREATE TABLE report_attendance (
      event_id TEXT NOT NULL REFERENCES report_event (event_id) ON DELETE CASCADE,
      email_key TEXT NOT NULL,
      joined_at TEXT NOT NULL DEFAULT '',
      left_at TEXT NOT NULL DEFAULT '',
      minutes REAL,
      PRIMARY KEY (event_id, email_key, joined_at, left_at)
    ) WITHOUT ROWID;
  `,
};

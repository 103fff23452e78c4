import type { Migration } from './migration';

/**
 * Reading Zoom back. A series opened from Zoom remembers when, and what of the event Cadence
 * cannot model stays on Zoom (listed for the planner); every series remembers when it was last
 * read back. An attendee says where the registration came from: made here, on Zoom (its
 * registration page or the console), or by another planner's Cadence. Every change to a series is
 * kept in its history with who made it.
 */
export const zoomReadBack: Migration = {
  version: 6,
  name: 'zoom read-back and history',
  up: `
    ALTER TABLE series ADD COLUMN opened_from_zoom_at TEXT;
    ALTER TABLE series ADD COLUMN refreshed_at TEXT;
    ALTER TABLE series ADD COLUMN kept_on_zoom_json TEXT NOT NULL DEFAULT '[]';

    ALTER TABLE attendee ADD COLUMN origin TEXT NOT NULL DEFAULT 'here'
      CHECK (origin IN ('here', 'zoom', 'planner'));

    CREATE TABLE series_history (
      id INTEGER PRIMARY KEY,
      series_id TEXT NOT NULL REFERENCES series (id) ON DELETE CASCADE,
      at TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('here', 'zoom', 'planner', 'resolution', 'opened')),
      item TEXT NOT NULL CHECK (item IN ('event', 'ticket_type', 'registration', 'session', 'attendee', 'series')),
      subject TEXT,
      field TEXT NOT NULL,
      old_json TEXT,
      new_json TEXT,
      conflict_id INTEGER REFERENCES conflict (id) ON DELETE SET NULL,
      resolution TEXT CHECK (resolution IN ('keep_mine', 'take_theirs', 'undo'))
    );
    CREATE INDEX series_history_by_series ON series_history (series_id, id);
    CREATE INDEX series_history_by_conflict ON series_history (conflict_id) WHERE conflict_id IS NOT NULL;
  `,
};

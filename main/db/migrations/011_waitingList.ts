import type { Migration } from './migration';

/**
 * Capacity and the waiting list. A series may limit its places (`series.capacity`: in the series,
 * or in each session where attendees choose sessions), and sessions may have their own
 * (`session_capacity`). An attendee beyond the places waits: `wait_position` orders the list
 * (NULL: holds a place) and `waiting_for_json` names the full sessions they wait for (an array
 * of session numbers; empty for the series). A person promoted keeps when (`promoted_at`) and
 * what they waited for, so that the registration sent to Zoom says why.
 */
export const waitingList: Migration = {
  version: 11,
  name: 'waiting list',
  up: `
    ALTER TABLE series ADD COLUMN capacity INTEGER CHECK (capacity IS NULL OR capacity >= 1);
    CREATE TABLE session_capacity (
      series_id TEXT NOT NULL REFERENCES series (id) ON DELETE CASCADE,
      occurrence INTEGER NOT NULL CHECK (occurrence >= 1),
      capacity INTEGER NOT NULL CHECK (capacity >= 1),
      PRIMARY KEY (series_id, occurrence)
    ) WITHOUT ROWID;
    ALTER TABLE attendee ADD COLUMN wait_position INTEGER CHECK (wait_position IS NULL OR wait_position >= 0);
    ALTER TABLE attendee ADD COLUMN promoted_at TEXT;
    ALTER TABLE attendee ADD COLUMN waiting_for_json TEXT;
    CREATE INDEX attendee_waiting ON attendee (series_id, wait_position) WHERE wait_position IS NOT NULL;
  `,
};

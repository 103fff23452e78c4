import type { Migration } from './migration';

/**
 * What each series' calendar entry last said when it was exported, and its SEQUENCE then: a
 * re-export of the same content keeps the number, a changed one raises it, so calendars update
 * the entry instead of doubling it. The content is kept as its hash; the export is rebuilt from
 * the draft each time.
 */
export const calendarExports: Migration = {
  version: 8,
  name: 'calendar exports',
  up: `
    CREATE TABLE calendar_export (
      series_id TEXT PRIMARY KEY REFERENCES series (id) ON DELETE CASCADE,
      content_hash TEXT NOT NULL,
      sequence INTEGER NOT NULL CHECK (sequence >= 0),
      exported_at TEXT NOT NULL
    ) WITHOUT ROWID;
  `,
};

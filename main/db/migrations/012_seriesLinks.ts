import type { Migration } from './migration';

/**
 * Typed links between series. `pattern_change`: the `from` series was published, its pattern was
 * changed, and it continues as the `to` series; the old event is cancelled on Zoom with
 * `cancel_message` once the new one holds every carried registration (`settled_at`). `part`: the
 * `to` series is part `position` of the series that `from` starts. Both series stay readable.
 */
export const seriesLinks: Migration = {
  version: 12,
  name: 'series links',
  up: `
    CREATE TABLE series_link (
      from_series_id TEXT NOT NULL REFERENCES series (id) ON DELETE CASCADE,
      to_series_id TEXT NOT NULL REFERENCES series (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('pattern_change', 'part')),
      position INTEGER NOT NULL DEFAULT 1 CHECK (position >= 1),
      cancel_message TEXT,
      created_at TEXT NOT NULL,
      settled_at TEXT,
      PRIMARY KEY (from_series_id, to_series_id),
      CHECK (from_series_id != to_series_id)
    ) WITHOUT ROWID;
    -- A series is replaced once: its pattern change has one successor.
    CREATE UNIQUE INDEX series_link_one_successor ON series_link (from_series_id) WHERE kind = 'pattern_change';
    CREATE INDEX series_link_by_to ON series_link (to_series_id);
  `,
};

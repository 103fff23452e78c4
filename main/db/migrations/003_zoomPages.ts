import type { Migration } from './migration';

/** Where each synced series lives on Zoom: its hub's name, its page and its registration link. */
export const zoomPages: Migration = {
  version: 3,
  name: 'zoom pages',
  up: `
    CREATE TABLE zoom_page (
      series_id TEXT PRIMARY KEY REFERENCES series (id) ON DELETE CASCADE,
      hub_name TEXT,
      event_url TEXT,
      registration_url TEXT,
      read_at TEXT NOT NULL
    );
  `,
};

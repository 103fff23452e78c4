import type Database from 'better-sqlite3';
import { z } from 'zod';

const linkRowSchema = z.object({ id: z.string(), zoom_event_id: z.string() });

/** Which of Zoom's events are series here: the series each event ID is linked to, unless deleted. */
export function seriesOfEvents(db: Database.Database, eventIds: readonly string[]): Map<string, string> {
  const links = new Map<string, string>();
  if (eventIds.length === 0) return links;
  // One statement for a page of events; json_each keeps the list a single bound value.
  const rows = db
    .prepare(
      `SELECT id, zoom_event_id FROM series
        WHERE zoom_event_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`,
    )
    .all(JSON.stringify(eventIds));
  for (const raw of rows) {
    const row = linkRowSchema.parse(raw);
    links.set(row.zoom_event_id, row.id);
  }
  return links;
}

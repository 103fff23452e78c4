import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { PartRegistration } from '../../shared/drafts/attendeeList';

const rowSchema = z.object({
  email_key: z.string(),
  position: z.number().int(),
  zoom_ticket_id: z.string().nullable(),
});

/**
 * Each person's registration in the parts of a long series, by lower-cased email (unique among a
 * series' live attendees): which parts admit them, in order, and whether Zoom holds their ticket
 * there. Empty for a series that reaches Zoom as one event.
 */
export function partRegistrationsOf(db: Database.Database, wholeId: string): Map<string, PartRegistration[]> {
  const rows = db
    .prepare(
      `SELECT a.email_key, l.position, a.zoom_ticket_id
       FROM series_link l
       JOIN series s ON s.id = l.to_series_id AND s.deleted_at IS NULL
       JOIN attendee a ON a.series_id = s.id AND a.deleted_at IS NULL
       WHERE l.from_series_id = ? AND l.kind = 'part'
       ORDER BY l.position`,
    )
    .all(wholeId)
    .map((raw) => rowSchema.parse(raw));
  const byEmail = new Map<string, PartRegistration[]>();
  for (const row of rows) {
    const entry = { part: row.position - 1, on_zoom: row.zoom_ticket_id !== null };
    byEmail.set(row.email_key, [...(byEmail.get(row.email_key) ?? []), entry]);
  }
  return byEmail;
}

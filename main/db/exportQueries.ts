import type Database from 'better-sqlite3';
import { z } from 'zod';
import { attendeeFromRow } from './seriesRows';

const seriesRowSchema = z.object({
  id: z.string(),
  key: z.string().nullable(),
  name: z.string(),
  event_type: z.enum(['RECURRING', 'SIMPLE_EVENT']),
  timezone: z.string(),
  hub_id: z.string().nullable(),
  zoom_event_id: z.string().nullable(),
  hub_name: z.string().nullable(),
  event_url: z.string().nullable(),
  registration_url: z.string().nullable(),
});
/** A series as an export names it: its IDs here and on Zoom, and where it lives on Zoom. */
export type ExportSeriesRow = z.output<typeof seriesRowSchema>;

const sessionRowSchema = z.object({
  number: z.number().int(),
  start_time: z.string(),
  end_time: z.string(),
  status: z.enum(['scheduled', 'moved', 'cancelled']),
  zoom_session_id: z.string().nullable(),
});
/** One planned session with its Zoom session ID, once Zoom has generated it. */
export type ExportSessionRow = z.output<typeof sessionRowSchema>;

const attendeeRowSchema = z.object({ id: z.string(), zoom_ticket_id: z.string().nullable() });

const seriesSelect = `SELECT s.id, s.key, s.name, s.event_type, s.timezone, s.hub_id, s.zoom_event_id,
    p.hub_name, p.event_url, p.registration_url
  FROM series s LEFT JOIN zoom_page p ON p.series_id = s.id`;

/**
 * The series to export, in the series list's order: those named by `ids` (in the list's order,
 * each once), or every series not deleted. Answers the IDs that name no live series apart.
 */
export function seriesToExport(
  db: Database.Database,
  ids: readonly string[] | undefined,
): { found: ExportSeriesRow[]; missing: string[] } {
  const rows = db
    .prepare(`${seriesSelect} WHERE s.deleted_at IS NULL ORDER BY s.created_at, s.rowid`)
    .all()
    .map((row) => seriesRowSchema.parse(row));
  if (ids === undefined || ids.length === 0) return { found: rows, missing: [] };
  const wanted = new Set(ids);
  const found = rows.filter((row) => wanted.has(row.id));
  const present = new Set(found.map((row) => row.id));
  return { found, missing: [...wanted].filter((id) => !present.has(id)) };
}

/** A series' planned sessions in occurrence order, each with Zoom's session ID where Zoom has one. */
export function sessionsToExport(db: Database.Database, seriesId: string): ExportSessionRow[] {
  return db
    .prepare(
      'SELECT number, start_time, end_time, status, zoom_session_id FROM occurrence WHERE series_id = ? ORDER BY number',
    )
    .all(seriesId)
    .map((row) => sessionRowSchema.parse(row));
}

/** One registration as an export lists it: the attendee, its registration ID and Zoom's ticket IDs. */
export interface ExportAttendeeRow {
  /** Sent to Zoom as `external_ticket_id`. */
  registrationId: string;
  attendee: ReturnType<typeof attendeeFromRow>;
  ticketIds: string[];
}

/** A series' attendees not removed, in list order. */
export function attendeesToExport(db: Database.Database, seriesId: string): ExportAttendeeRow[] {
  return db
    .prepare('SELECT * FROM attendee WHERE series_id = ? AND deleted_at IS NULL ORDER BY position')
    .all(seriesId)
    .map((raw) => {
      const row = attendeeRowSchema.parse(raw);
      return {
        registrationId: row.id,
        attendee: attendeeFromRow(raw),
        ticketIds: row.zoom_ticket_id === null ? [] : row.zoom_ticket_id.split(' '),
      };
    });
}

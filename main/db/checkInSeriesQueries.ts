import type Database from 'better-sqlite3';
import { z } from 'zod';

/** What Cadence knows of a person of its own series, by lower-cased email. */
export interface SeriesPerson {
  firstName: string;
  lastName: string;
  organisation: string;
  /** Zoom session IDs of the sessions they chose; null for every session. */
  sessionIds: string[] | null;
}

/** A series as check-in downloads it: its name, and its event on Zoom once synced. */
export interface SeriesOnZoom {
  id: string;
  name: string;
  zoomEventId: string | null;
}

const seriesRowSchema = z.object({ id: z.string(), name: z.string(), zoom_event_id: z.string().nullable() });
const personRowSchema = z.object({
  email_key: z.string(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  profile_json: z.string(),
  occurrences_json: z.string().nullable(),
});
const profileSchema = z.looseObject({ organization: z.string().optional().catch(undefined) }).catch({});
const occurrencesSchema = z.array(z.number().int()).nullable().catch(null);

/** Reads a series' own attendee rows for check-in: names and organisation Zoom's registrant list lacks. */
export class CheckInSeriesQueries {
  constructor(private readonly db: Database.Database) {}

  /**
   * A series by its ID or its key (as `cadence drafts` shows it), unless deleted. A series on Zoom
   * in parts is the part whose sessions are under way or next at `now` (the last part once all
   * are over): the event whose people come in.
   */
  series(idOrKey: string, now: string): SeriesOnZoom | undefined {
    const row = this.db
      .prepare('SELECT id, name, zoom_event_id FROM series WHERE (id = ? OR key = ?) AND deleted_at IS NULL')
      .get(idOrKey, idOrKey);
    if (row === undefined) return undefined;
    const parsed = seriesRowSchema.parse(row);
    const part: unknown = this.db
      .prepare(
        `SELECT s.id, s.name, s.zoom_event_id,
           (SELECT max(o.end_time) FROM occurrence o WHERE o.series_id = s.id) < @now AS is_over
         FROM series_link l JOIN series s ON s.id = l.to_series_id
         WHERE l.from_series_id = @id AND l.kind = 'part' AND s.deleted_at IS NULL
         ORDER BY is_over, CASE WHEN is_over THEN -l.position ELSE l.position END LIMIT 1`,
      )
      .get({ id: parsed.id, now });
    const chosen = part === undefined ? parsed : seriesRowSchema.parse(part);
    return { id: chosen.id, name: chosen.name, zoomEventId: chosen.zoom_event_id };
  }

  /** The series Cadence has on Zoom as this event, if any. */
  seriesOfEvent(eventId: string): string | null {
    const row = this.db
      .prepare<[string], { id: string }>('SELECT id FROM series WHERE zoom_event_id = ? AND deleted_at IS NULL')
      .get(eventId);
    return row?.id ?? null;
  }

  /** The series' ticket type name ('' when it has none). */
  ticketType(seriesId: string): string {
    const row = this.db
      .prepare<[string], { name: string }>('SELECT name FROM ticket_type WHERE series_id = ?')
      .get(seriesId);
    return row?.name ?? '';
  }

  /** The series' attendees by lower-cased email, their chosen sessions as Zoom session IDs. */
  people(seriesId: string): Map<string, SeriesPerson> {
    const sessionOf = new Map(
      this.db
        .prepare<[string], { number: number; zoom_session_id: string }>(
          'SELECT number, zoom_session_id FROM occurrence WHERE series_id = ? AND zoom_session_id IS NOT NULL',
        )
        .all(seriesId)
        .map((row) => [row.number, row.zoom_session_id] as const),
    );
    const people = new Map<string, SeriesPerson>();
    const rows = this.db
      .prepare(
        `SELECT email_key, first_name, last_name, profile_json, occurrences_json FROM attendee
         WHERE series_id = ? AND deleted_at IS NULL`,
      )
      .all(seriesId);
    for (const raw of rows) {
      const row = personRowSchema.parse(raw);
      const occurrences = occurrencesSchema.parse(
        row.occurrences_json === null ? null : JSON.parse(row.occurrences_json),
      );
      people.set(row.email_key, {
        firstName: row.first_name ?? '',
        lastName: row.last_name ?? '',
        organisation: profileSchema.parse(JSON.parse(row.profile_json)).organization ?? '',
        sessionIds: occurrences === null ? null : occurrences.flatMap((number) => sessionOf.get(number) ?? []),
      });
    }
    return people;
  }
}

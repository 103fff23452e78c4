import type Database from 'better-sqlite3';
import { z } from 'zod';
import { partLabel, partOfOccurrence } from '../../shared/drafts/seriesParts';
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

const attendeeRowSchema = z.object({ id: z.string(), email_key: z.string(), zoom_ticket_id: z.string().nullable() });

const seriesSelect = `SELECT s.id, s.key, s.name, s.event_type, s.timezone, s.hub_id, s.zoom_event_id,
    p.hub_name, p.event_url, p.registration_url
  FROM series s LEFT JOIN zoom_page p ON p.series_id = s.id`;

/** A part of a long series is exported within its whole, never as a series of its own. */
const isNotPart = `NOT EXISTS (SELECT 1 FROM series_link l WHERE l.to_series_id = s.id AND l.kind = 'part')`;

/**
 * The series to export, in the series list's order: those named by `ids` (in the list's order,
 * each once), or every series not deleted. Answers the IDs that name no live series apart; a part
 * of a long series is one of those, since its whole is the series.
 */
export function seriesToExport(
  db: Database.Database,
  ids: readonly string[] | undefined,
): { found: ExportSeriesRow[]; missing: string[] } {
  const rows = db
    .prepare(`${seriesSelect} WHERE s.deleted_at IS NULL AND ${isNotPart} ORDER BY s.created_at, s.rowid`)
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
  /**
   * Of a long series: the person's registration in each part that admits them, with the part's
   * registration ID (its `external_ticket_id` on Zoom), event and tickets. Empty otherwise.
   */
  inParts: { part: ExportPart; registrationId: string; ticketIds: string[] }[];
}

const liveAttendees = 'SELECT * FROM attendee WHERE series_id = ? AND deleted_at IS NULL ORDER BY position';
const ticketsOf = (ticketId: string | null) => (ticketId === null ? [] : ticketId.split(' '));

/**
 * A series' attendees not removed, in list order. A person of a long series is one row, with their
 * registration in each of its `parts` (found by email, which is unique among a series' attendees).
 */
export function attendeesToExport(
  db: Database.Database,
  seriesId: string,
  parts: readonly ExportPart[] = [],
): ExportAttendeeRow[] {
  const byEmail = new Map<string, ExportAttendeeRow['inParts']>();
  // Each person as a part holds them, their chosen sessions numbered as the whole's.
  const inPart = new Map<string, ReturnType<typeof attendeeFromRow>>();
  for (const part of parts) {
    for (const raw of db.prepare(liveAttendees).all(part.row.id)) {
      const row = attendeeRowSchema.parse(raw);
      const entry = { part, registrationId: row.id, ticketIds: ticketsOf(row.zoom_ticket_id) };
      byEmail.set(row.email_key, [...(byEmail.get(row.email_key) ?? []), entry]);
      const attendee = attendeeFromRow(raw);
      const occurrences = attendee.occurrences?.map((occurrence) => occurrence + part.firstOccurrence - 1);
      const known = inPart.get(row.email_key);
      if (known === undefined) inPart.set(row.email_key, { ...attendee, ...(occurrences ? { occurrences } : {}) });
      else if (known.occurrences !== undefined && occurrences !== undefined)
        known.occurrences = [...known.occurrences, ...occurrences];
    }
  }
  const held = new Set<string>();
  const rows = db
    .prepare(liveAttendees)
    .all(seriesId)
    .map((raw) => {
      const row = attendeeRowSchema.parse(raw);
      held.add(row.email_key);
      return {
        registrationId: row.id,
        attendee: attendeeFromRow(raw),
        ticketIds: ticketsOf(row.zoom_ticket_id),
        inParts: byEmail.get(row.email_key) ?? [],
      };
    });
  // People who registered on a part's own Zoom page follow, as the attendee list shows them.
  const partsOnly = [...inPart].flatMap(([key, attendee]) => {
    const inParts = byEmail.get(key) ?? [];
    const first = inParts[0];
    return held.has(key) || first === undefined
      ? []
      : [{ registrationId: first.registrationId, attendee, ticketIds: [], inParts }];
  });
  return [...rows, ...partsOnly];
}

/** A part of a long series as the exports name it: the event it is on Zoom, and where it starts in the whole. */
export interface ExportPart {
  /** 0-based. */
  index: number;
  total: number;
  /** The whole's occurrence number of the part's first session. */
  firstOccurrence: number;
  /** The part's own series row: its Zoom event ID and pages. */
  row: ExportSeriesRow;
  /** The part's sessions in its own numbering, with Zoom's session IDs. */
  sessions: ExportSessionRow[];
}

const partRowSchema = seriesRowSchema.extend({ first_occurrence: z.number().int().nullable() });

/** The parts of a long series in order, each with its sessions; none for a series Zoom holds as one event. */
export function partsToExport(db: Database.Database, wholeId: string): ExportPart[] {
  const rows = db
    .prepare(
      `${seriesSelect.replace('SELECT ', 'SELECT l.first_occurrence, ')}
       JOIN series_link l ON l.to_series_id = s.id AND l.kind = 'part'
       WHERE l.from_series_id = ? AND s.deleted_at IS NULL ORDER BY l.position`,
    )
    .all(wholeId)
    .map((raw) => partRowSchema.parse(raw));
  return rows.map(({ first_occurrence: first, ...row }, index) => ({
    index,
    total: rows.length,
    firstOccurrence: first ?? 1,
    row,
    sessions: sessionsToExport(db, row.id),
  }));
}

/** A session of a series with the event that holds it on Zoom: the series' own, or its part's. */
export interface ExportSession extends ExportSessionRow {
  /** The series row whose Zoom event holds the session. */
  event: ExportSeriesRow;
  /** "part 2 of 5"; empty for a series Zoom holds as one event. */
  part: string;
}

/**
 * A series' sessions numbered as the planner numbers them (1 to the last, across parts), each with
 * the Zoom event, session ID and links of the part that holds it. A session no part holds (a
 * stretch of cancelled sessions Zoom never needed) has the whole's row, which Zoom does not know.
 */
export function seriesSessionsToExport(
  db: Database.Database,
  row: ExportSeriesRow,
  parts: readonly ExportPart[],
): ExportSession[] {
  const sessions = sessionsToExport(db, row.id);
  if (parts.length === 0) return sessions.map((session) => ({ ...session, event: row, part: '' }));
  const ranges = parts.map((part) => ({ first_occurrence: part.firstOccurrence, count: part.sessions.length }));
  return sessions.map((session) => {
    const found = partOfOccurrence(ranges, session.number);
    const part = found === undefined ? undefined : parts[found.index];
    if (found === undefined || part === undefined) return { ...session, event: row, part: '' };
    const onZoom = part.sessions[found.occurrence - 1];
    return {
      ...session,
      zoom_session_id: onZoom?.zoom_session_id ?? null,
      event: part.row,
      part: partLabel(part.index, part.total),
    };
  });
}

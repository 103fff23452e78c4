import type Database from 'better-sqlite3';
import { z } from 'zod';
import { attendeeDraftSchema, type AttendeeDraft } from '../../../shared/drafts/attendeeDraft';
import { registrationDraftSchema } from '../../../shared/drafts/registrationDraft';
import { ticketTypeDraftSchema } from '../../../shared/drafts/ticketTypeDraft';
import { eventFieldsSchema, type EventFields } from '../../../shared/outbox/operations';
import { canonicalEventFields, type SeriesZoomState } from '../../../shared/outbox/planOperations';
import { readPredecessorsToCancel } from '../seriesLinkStore';
import { attendeeFromRow } from '../seriesRows';

const zoomRowSchema = z.object({
  zoom_event_id: z.string().nullable(),
  zoom_status: z.string().nullable(),
  synced_json: z.string().nullable(),
});
const linkedRowSchema = z.object({ zoom_id: z.string().nullable(), synced_json: z.string().nullable() });
const sessionRowSchema = z.object({
  number: z.number(),
  zoom_session_id: z.string().nullable(),
  synced_json: z.string().nullable(),
});
const sessionBaseSchema = z.object({
  start_time: z.string(),
  end_time: z.string(),
  status: z.enum(['scheduled', 'moved', 'cancelled']),
});
const textSchema = z.string().nullable().optional();
const sessionTimesSchema = z.object({ start_time: z.string(), end_time: z.string() });

/** A JSON column parsed by its schema; a snapshot that no longer parses counts as none, so it never locks a series. */
export function parseSnapshot<T>(schema: z.ZodType<T>, text: string | null | undefined): T | undefined {
  if (text == null) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** What Zoom has of a series, read from its link columns and snapshots. */
export function readZoomState(db: Database.Database, seriesId: string): SeriesZoomState {
  const row = zoomRowSchema.parse(
    db.prepare('SELECT zoom_event_id, zoom_status, synced_json FROM series WHERE id = ?').get(seriesId),
  );
  const linked = (sql: string) => linkedRowSchema.optional().parse(db.prepare(sql).get(seriesId));
  const ticketType = linked('SELECT zoom_ticket_type_id AS zoom_id, synced_json FROM ticket_type WHERE series_id = ?');
  const link = linked('SELECT zoom_access_link_id AS zoom_id, synced_json FROM registration_link WHERE series_id = ?');
  const sessions = new Map(
    db
      .prepare(
        'SELECT number, zoom_session_id, synced_json FROM occurrence WHERE series_id = ? AND (zoom_session_id IS NOT NULL OR synced_json IS NOT NULL)',
      )
      .all(seriesId)
      .map((raw) => {
        const session = sessionRowSchema.parse(raw);
        const base = parseSnapshot(sessionBaseSchema, session.synced_json);
        // Without a snapshot the session is taken to be as Zoom generated it; an occurrence Zoom never
        // generated has a snapshot (cancelled) and no session ID.
        const sessionId = session.zoom_session_id ?? '';
        return [session.number, base === undefined ? { sessionId } : { sessionId, base }] as const;
      }),
  );
  const state: SeriesZoomState = { isPublished: row.zoom_status === 'published', sessions };
  if (row.zoom_event_id !== null) state.eventId = row.zoom_event_id;
  const predecessors = readPredecessorsToCancel(db, seriesId);
  if (predecessors.length > 0) {
    const registrationIds = z
      .array(z.string())
      .parse(db.prepare('SELECT id FROM attendee WHERE series_id = ? AND deleted_at IS NULL').pluck().all(seriesId));
    state.predecessors = { events: predecessors, registrationIds };
  }
  const eventBase = parseSnapshot(eventFieldsSchema, row.synced_json);
  if (eventBase !== undefined) state.eventBase = canonicalEventFields(eventBase);
  if (ticketType?.zoom_id != null) {
    state.ticketTypeId = ticketType.zoom_id;
    const base = parseSnapshot(ticketTypeDraftSchema, ticketType.synced_json);
    if (base !== undefined) state.ticketTypeBase = base;
  }
  if (link?.zoom_id != null) {
    state.accessLinkId = link.zoom_id;
    const base = parseSnapshot(registrationDraftSchema, link.synced_json);
    if (base !== undefined) state.accessLinkBase = base;
  }
  return state;
}

/** The event fields as last synced. */
export function readEventBase(db: Database.Database, seriesId: string): EventFields | undefined {
  const text = textSchema.parse(db.prepare('SELECT synced_json FROM series WHERE id = ?').pluck().get(seriesId));
  const base = parseSnapshot(eventFieldsSchema, text);
  return base === undefined ? undefined : canonicalEventFields(base);
}

/** A ticket type or registration link as last synced. */
export function readItemBase(
  db: Database.Database,
  table: 'ticket_type' | 'registration_link',
  seriesId: string,
): Record<string, unknown> | undefined {
  const text = textSchema.parse(
    db.prepare(`SELECT synced_json FROM ${table} WHERE series_id = ?`).pluck().get(seriesId),
  );
  return parseSnapshot(z.record(z.string(), z.unknown()), text);
}

/** A session as last synced (Zoom's generated times, or Cadence's move); undefined once cancelled. */
export function readSessionBase(
  db: Database.Database,
  seriesId: string,
  occurrence: number,
): { start_time: string; end_time: string } | undefined {
  const text = textSchema.parse(
    db
      .prepare('SELECT synced_json FROM occurrence WHERE series_id = ? AND number = ?')
      .pluck()
      .get(seriesId, occurrence),
  );
  const base = parseSnapshot(sessionTimesSchema, text);
  return base === undefined || base.start_time === '' ? undefined : base;
}

/** The registration as last synced: the whole attendee. */
export function readAttendeeBase(db: Database.Database, attendeeId: string): AttendeeDraft | undefined {
  const text = textSchema.parse(db.prepare('SELECT synced_json FROM attendee WHERE id = ?').pluck().get(attendeeId));
  return parseSnapshot(attendeeDraftSchema, text);
}

/** Zoom's ticket IDs of a registration (one per session for a per-session registration). */
export function readTicketIds(db: Database.Database, attendeeId: string): string[] {
  const ids = textSchema.parse(db.prepare('SELECT zoom_ticket_id FROM attendee WHERE id = ?').pluck().get(attendeeId));
  return ids == null ? [] : ids.split(' ');
}

/** One attendee row as a read-back compares it with Zoom: the draft, its tickets and its snapshot. */
export interface StoredRegistration {
  /** The registration ID (sent to Zoom as `external_ticket_id`). */
  id: string;
  attendee: AttendeeDraft;
  ticketIds: string[];
  base: AttendeeDraft | undefined;
  /** Removed here, its ticket not yet deleted on Zoom. */
  isRemoved: boolean;
}

const registrationRowSchema = z.object({
  id: z.string(),
  zoom_ticket_id: z.string().nullable(),
  synced_json: z.string().nullable(),
  deleted_at: z.string().nullable(),
});

/** Every attendee row of a series, removed ones still on Zoom included, in list order. */
export function readRegistrations(db: Database.Database, seriesId: string): StoredRegistration[] {
  return db
    .prepare('SELECT * FROM attendee WHERE series_id = ? ORDER BY position')
    .all(seriesId)
    .map((raw) => {
      const row = registrationRowSchema.parse(raw);
      return {
        id: row.id,
        attendee: attendeeFromRow(raw),
        ticketIds: row.zoom_ticket_id === null ? [] : row.zoom_ticket_id.split(' '),
        base: parseSnapshot(attendeeDraftSchema, row.synced_json),
        isRemoved: row.deleted_at !== null,
      };
    });
}

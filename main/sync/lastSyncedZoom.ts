import type Database from 'better-sqlite3';
import { z } from 'zod';
import { plannedSessions } from '../../shared/drafts/plannedSessions';
import type { SeriesDraft } from '../../shared/drafts/seriesDraft';
import type { ZoomCall } from '../zoom/zoomHttp';
import { readAttendeeBase, readEventBase, readItemBase, readZoomState } from '../db/outbox/zoomState';
import { LastSyncedMeetings } from './lastSyncedMeetings';

const seriesRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  zoom_event_id: z.string().nullable(),
  zoom_status: z.string().nullable(),
});
type Body = Record<string, unknown>;

/**
 * Zoom as Cadence last synced it, answering the calls a dry run makes: reads answer with the
 * synced snapshots (so nothing looks changed on Zoom), writes answer as Zoom would, with `{…}`
 * placeholders for IDs Zoom has not given yet. Nothing here is sent anywhere.
 */
export class LastSyncedZoom {
  private readonly series: z.output<typeof seriesRowSchema>[];
  /** Placeholder and real event IDs → the series they belong to. */
  private readonly seriesOfEvent = new Map<string, z.output<typeof seriesRowSchema>>();
  private readonly created = new Map<string, Body>();
  private readonly meetings: LastSyncedMeetings;

  constructor(
    private readonly db: Database.Database,
    private readonly draftOf: (seriesId: string) => SeriesDraft | undefined,
  ) {
    this.series = db
      .prepare('SELECT id, name, zoom_event_id, zoom_status FROM series')
      .all()
      .map((raw) => seriesRowSchema.parse(raw));
    for (const row of this.series) if (row.zoom_event_id !== null) this.seriesOfEvent.set(row.zoom_event_id, row);
    this.meetings = new LastSyncedMeetings(db);
  }

  /** The series a call is about, by the event in its path (a meeting's topic for a meeting's call); '' for the account's own calls. */
  seriesName(call: ZoomCall): string {
    const meetingId = call.params?.meetingId;
    if (meetingId !== undefined) return this.meetings.topicOf(meetingId);
    const topic = (call.body as Body | undefined)?.topic;
    if (typeof topic === 'string') return topic;
    const eventId = call.params?.eventId;
    if (eventId === undefined)
      return typeof (call.body as Body | undefined)?.name === 'string' ? String((call.body as Body).name) : '';
    return this.seriesOfEvent.get(eventId)?.name ?? '';
  }

  answer(operationId: string, call: ZoomCall): unknown {
    const params = call.params ?? {};
    const body = (call.body ?? {}) as Body;
    const eventId = params.eventId ?? '';
    const row = this.seriesOfEvent.get(eventId);
    switch (operationId) {
      case 'getHubList':
        return { hubs: [{ hub_id: '{first hub}', name: 'the first hub' }] };
      case 'getEvents':
        return { events: [] };
      case 'createEvent': {
        const name = String(body.name);
        const placeholder = `{event of "${name}"}`;
        const owner = this.series.find((candidate) => candidate.name === name && candidate.zoom_event_id === null);
        if (owner !== undefined) this.seriesOfEvent.set(placeholder, owner);
        this.created.set(placeholder, body);
        return { ...body, event_id: placeholder, status: 'draft' };
      }
      case 'getEventInfo':
        return this.event(eventId, row);
      case 'EventActions':
        return { event_id: eventId, status: body.operation === 'cancel' ? 'cancelled' : 'published' };
      case 'getEventSessionList':
        return { sessions: this.sessions(eventId, row) };
      case 'getEventSessionInfo':
        return this.sessions(eventId, row).find((session) => session.session_id === params.sessionId) ?? {};
      case 'getEventTicketTypes':
        return { ticket_types: this.ticketTypes(row) };
      case 'createTicketType':
        return { ticket_type_id: `{ticket type of "${row?.name ?? ''}"}` };
      case 'createEventAccessLink':
        return { ...body, access_link_id: `{link of "${row?.name ?? ''}"}` };
      case 'getEventAccessLinks':
        return { access_links: this.accessLinks(row) };
      case 'GetEventAccessLink': {
        const base = row === undefined ? undefined : readItemBase(this.db, 'registration_link', row.id);
        return {
          access_link_id: params.accessLinkId,
          type: 'registration',
          name: base?.link_name ?? '',
          authentication_method: base?.authentication_method,
        };
      }
      case 'getTickets': {
        const externalId = call.query?.external_ticket_id;
        return { tickets: externalId === undefined ? this.allTickets(eventId, row) : this.tickets(externalId) };
      }
      case 'createTickets': {
        const tickets = (body.tickets ?? []) as Body[];
        return {
          tickets: tickets.map((ticket) => ({
            ticket_id: `{ticket of ${String(ticket.email)}}`,
            external_ticket_id: ticket.external_ticket_id,
            email: ticket.email,
          })),
          errors: [],
        };
      }
      case 'getTicketDetails':
        return this.ticket(params.ticketId ?? '');
      case 'meetingCreate':
        return this.meetings.created(body);
      case 'meeting':
        return this.meetings.meeting(params.meetingId ?? '');
      case 'meetings':
        return { meetings: [] };
      case 'user':
        return { id: `{user ${params.userId ?? ''}}`, email: params.userId ?? '' };
      default:
        return undefined;
    }
  }

  private event(eventId: string, row: z.output<typeof seriesRowSchema> | undefined): Body {
    const created = this.created.get(eventId);
    if (created !== undefined) return { ...created, event_id: eventId, status: 'draft' };
    const base = row === undefined ? undefined : readEventBase(this.db, row.id);
    if (base === undefined)
      return {
        event_id: eventId,
        name: row?.name ?? '',
        timezone: 'UTC',
        event_type: 'RECURRING',
        status: row?.zoom_status ?? 'draft',
      };
    const end = base.end_time ?? base.start_time;
    return {
      ...base,
      event_id: eventId,
      status: row?.zoom_status ?? 'draft',
      calendar: [{ start_time: base.start_time, end_time: end }],
    };
  }

  private sessions(eventId: string, row: z.output<typeof seriesRowSchema> | undefined) {
    return this.sessionsByOccurrence(eventId, row).map((session) => ({
      session_id: session.session_id,
      start_time: session.start_time,
      end_time: session.end_time,
    }));
  }

  /** The sessions Zoom has as last synced: a session cancelled on Zoom is gone there. */
  private sessionsByOccurrence(eventId: string, row: z.output<typeof seriesRowSchema> | undefined) {
    const seriesId = row?.id;
    if (seriesId === undefined) return [];
    const mapped = readZoomState(this.db, seriesId).sessions;
    const draft = this.draftOf(seriesId);
    const planned = draft === undefined ? [] : plannedSessions(draft);
    return planned.flatMap((session) => {
      const synced = mapped.get(session.occurrence);
      if (synced?.base?.status === 'cancelled') return [];
      const times = synced?.base ?? session;
      return {
        occurrence: session.occurrence,
        session_id:
          synced === undefined || synced.sessionId === ''
            ? `{session ${String(session.occurrence)} of "${row?.name ?? eventId}"}`
            : synced.sessionId,
        start_time: times.start_time,
        end_time: times.end_time,
      };
    });
  }

  /** The series' registration link as last synced. */
  private accessLinks(row: z.output<typeof seriesRowSchema> | undefined): Body[] {
    if (row === undefined) return [];
    const id = z
      .string()
      .nullable()
      .optional()
      .parse(
        this.db.prepare('SELECT zoom_access_link_id FROM registration_link WHERE series_id = ?').pluck().get(row.id),
      );
    if (id == null) return [];
    const base = readItemBase(this.db, 'registration_link', row.id);
    return [
      {
        access_link_id: id,
        type: 'registration',
        is_default: true,
        name: base?.link_name ?? '',
        authentication_method: base?.authentication_method,
        recurring_registration_option: base?.recurring_registration_option,
      },
    ];
  }

  /** Every ticket of the series as last synced, removed attendees' included (Zoom still has them). */
  private allTickets(eventId: string, row: z.output<typeof seriesRowSchema> | undefined): Body[] {
    if (row === undefined) return [];
    const sessionIdOf = new Map(
      this.sessionsByOccurrence(eventId, row).map((session) => [session.occurrence, session.session_id]),
    );
    const rows = z
      .array(z.object({ id: z.string(), zoom_ticket_id: z.string() }))
      .parse(
        this.db
          .prepare('SELECT id, zoom_ticket_id FROM attendee WHERE series_id = ? AND zoom_ticket_id IS NOT NULL')
          .all(row.id),
      );
    return rows.flatMap((attendee) => {
      const base = readAttendeeBase(this.db, attendee.id);
      if (base === undefined) return [];
      const { occurrences, ...details } = base;
      const sessionIds = (occurrences ?? []).flatMap((occurrence) => sessionIdOf.get(occurrence) ?? []);
      return attendee.zoom_ticket_id.split(' ').map((ticketId) => ({
        ...details,
        ticket_id: ticketId,
        external_ticket_id: attendee.id,
        ...(sessionIds.length === 0 ? {} : { session_ids: sessionIds }),
      }));
    });
  }

  private ticketTypes(row: z.output<typeof seriesRowSchema> | undefined): Body[] {
    if (row === undefined) return [];
    const id = z
      .string()
      .nullable()
      .optional()
      .parse(this.db.prepare('SELECT zoom_ticket_type_id FROM ticket_type WHERE series_id = ?').pluck().get(row.id));
    if (id == null) return [];
    const base = readItemBase(this.db, 'ticket_type', row.id);
    return [{ ...base, ticket_type_id: id, name: typeof base?.name === 'string' ? base.name : '' }];
  }

  private tickets(externalId: unknown): Body[] {
    if (typeof externalId !== 'string') return [];
    const ids = z
      .string()
      .nullable()
      .optional()
      .parse(this.db.prepare('SELECT zoom_ticket_id FROM attendee WHERE id = ?').pluck().get(externalId));
    const base = readAttendeeBase(this.db, externalId);
    return ids == null
      ? []
      : ids
          .split(' ')
          .map((ticketId) => ({ ticket_id: ticketId, external_ticket_id: externalId, email: base?.email ?? '' }));
  }

  private ticket(ticketId: string): Body {
    const attendeeId = z
      .string()
      .optional()
      .parse(
        this.db
          .prepare("SELECT id FROM attendee WHERE ' ' || zoom_ticket_id || ' ' LIKE ?")
          .pluck()
          .get(`% ${ticketId} %`),
      );
    const base = attendeeId === undefined ? undefined : readAttendeeBase(this.db, attendeeId);
    return { ...base, ticket_id: ticketId, email: base?.email ?? '' };
  }
}

import type { z } from 'zod';
import type {
  ZoomAccessLinkBody,
  ZoomCreateEventBody,
  ZoomSessionMoveBody,
  ZoomTicketBody,
  ZoomTicketTypeBody,
} from '../../shared/zoom/zoomBodies';
import {
  zoomAccessLinkListSchema,
  zoomAccessLinkSchema,
  zoomAttendeeActionPageSchema,
  zoomAttendeeActionResultSchema,
  zoomCreatedTicketTypeSchema,
  zoomEventActionResultSchema,
  zoomEventPageSchema,
  zoomEventSchema,
  zoomHubListSchema,
  zoomRegistrantPageSchema,
  zoomRegistrationQuestionsSchema,
  zoomSessionListSchema,
  zoomSpeakerListSchema,
  zoomSessionSchema,
  zoomTicketBatchResultSchema,
  zoomTicketPageSchema,
  zoomTicketSchema,
  zoomTicketTypeListSchema,
  type ZoomAccessLink,
  type ZoomAttendeeAction,
  type ZoomAttendeeActionResult,
  type ZoomEvent,
  type ZoomHub,
  type ZoomRegistrant,
  type ZoomRegistrationQuestions,
  type ZoomSession,
  type ZoomSpeaker,
  type ZoomTicket,
  type ZoomTicketBatchResult,
  type ZoomTicketType,
} from '../../shared/zoom/zoomReadShapes';
import {
  zoomAttendanceReportPageSchema,
  zoomRegistrationReportPageSchema,
  type ZoomAttendanceRecord,
  type ZoomRegistrationRecord,
} from '../../shared/zoom/zoomReportShapes';
import { maxTicketsPerBatch } from '../../shared/zoom/draftToZoom';
import { CadenceError } from '../../shared/errors';
import { collectPages, forEachPage, maxPageSize } from './paginate';
import type { ZoomCall, ZoomTransport } from './zoomHttp';

/** Zoom checks in at most this many attendees per request. */
export const maxAttendeeActionsPerBatch = 300;

export type EventStatusFilter = 'upcoming' | 'past' | 'draft' | 'cancelled';
export type EventAction =
  | { operation: 'publish' }
  | { operation: 'cancel'; cancel_message?: string }
  | { operation: 'duplicate'; duplicate_event: { name: string; start_time: string; timezone: string } };

export interface TicketFilters {
  external_ticket_id?: string;
  email?: string;
  ticket_type_id?: string;
}

/** A check-in batch: the attendees, and where the check-in was made (a laptop, a door). */
export interface CheckInBatch {
  attendees: { email: string; action: 'check-in' }[];
  source: string;
}

/** Per-call options of the check-in operations: a desk wants an answer within seconds or goes offline. */
export interface CheckInCallOptions {
  timeoutMs?: number;
  /** False: a list that gets no answer in time is not asked again; the desk goes offline at once. */
  isRepeatable?: boolean;
}

type Fields = Record<string, unknown>;

function batchLimit(count: number, limit: number, what: string): void {
  if (count === 0 || count > limit) {
    throw new CadenceError(
      'invalid_input',
      `Zoom takes 1 to ${String(limit)} ${what} per request, not ${String(count)}.`,
    );
  }
}

/**
 * The operations of the Zoom Events API that Cadence uses, typed and with answers checked.
 * List operations page through every record with the largest page Zoom allows.
 */
export class ZoomEventsApi {
  constructor(private readonly http: ZoomTransport) {}

  private call<Schema extends z.ZodType>(id: string, call: ZoomCall, schema: Schema): Promise<z.output<Schema>> {
    return this.http.call(id, call, schema);
  }

  // Hubs
  async listHubs(): Promise<ZoomHub[]> {
    const answer = await this.call(
      'getHubList',
      { query: { role_type: 'host' }, what: 'listing hubs' },
      zoomHubListSchema,
    );
    return answer.hubs;
  }

  // Events
  listEvents(status: EventStatusFilter): Promise<ZoomEvent[]> {
    return collectPages(
      (next_page_token) =>
        this.call(
          'getEvents',
          {
            query: { role_type: 'host', event_status_type: status, page_size: maxPageSize, next_page_token },
            what: `listing ${status} events`,
          },
          zoomEventPageSchema,
        ),
      (page) => page.events,
    );
  }

  /** One page of the account's events of one status, for browsing; `nextPageToken` from the previous page. */
  eventsPage(
    status: EventStatusFilter,
    pageSize: number,
    nextPageToken?: string,
  ): Promise<z.output<typeof zoomEventPageSchema>> {
    return this.call(
      'getEvents',
      {
        query: { role_type: 'host', event_status_type: status, page_size: pageSize, next_page_token: nextPageToken },
        what: `listing ${status} events`,
      },
      zoomEventPageSchema,
    );
  }

  getEvent(eventId: string): Promise<ZoomEvent> {
    return this.call('getEventInfo', { params: { eventId }, what: 'reading the event' }, zoomEventSchema);
  }

  createEvent(body: ZoomCreateEventBody): Promise<ZoomEvent> {
    return this.call('createEvent', { body, what: `creating the event "${body.name}"` }, zoomEventSchema);
  }

  updateEvent(eventId: string, fields: Fields): Promise<undefined> {
    return this.http.call('updateEvent', { params: { eventId }, body: fields, what: 'updating the event' });
  }

  deleteEvent(eventId: string): Promise<undefined> {
    return this.http.call('deleteEvent', { params: { eventId }, what: 'deleting the event' });
  }

  eventAction(eventId: string, action: EventAction): Promise<z.output<typeof zoomEventActionResultSchema>> {
    const verb = { publish: 'publishing', cancel: 'cancelling', duplicate: 'duplicating' }[action.operation];
    return this.call(
      'EventActions',
      { params: { eventId }, body: action, what: `${verb} the event` },
      zoomEventActionResultSchema,
    );
  }

  // Sessions
  async listSessions(eventId: string): Promise<ZoomSession[]> {
    const answer = await this.call(
      'getEventSessionList',
      { params: { eventId }, what: "reading the event's sessions" },
      zoomSessionListSchema,
    );
    return answer.sessions;
  }

  getSession(eventId: string, sessionId: string): Promise<ZoomSession> {
    return this.call(
      'getEventSessionInfo',
      { params: { eventId, sessionId }, what: 'reading a session' },
      zoomSessionSchema,
    );
  }

  updateSession(eventId: string, sessionId: string, fields: ZoomSessionMoveBody | Fields): Promise<undefined> {
    return this.http.call('updateEventSession', {
      params: { eventId, sessionId },
      body: fields,
      what: 'moving a session',
    });
  }

  deleteSession(eventId: string, sessionId: string): Promise<undefined> {
    return this.http.call('deleteEventSession', { params: { eventId, sessionId }, what: 'cancelling a session' });
  }

  // Ticket types
  async listTicketTypes(eventId: string): Promise<ZoomTicketType[]> {
    const answer = await this.call(
      'getEventTicketTypes',
      { params: { eventId }, what: 'reading the ticket types' },
      zoomTicketTypeListSchema,
    );
    return answer.ticket_types;
  }

  async createTicketType(eventId: string, body: ZoomTicketTypeBody): Promise<string> {
    const answer = await this.call(
      'createTicketType',
      { params: { eventId }, body, what: `creating the ticket type "${body.name}"` },
      zoomCreatedTicketTypeSchema,
    );
    return answer.ticket_type_id;
  }

  updateTicketType(eventId: string, ticketTypeId: string, fields: Fields): Promise<undefined> {
    return this.http.call('updateTicketType', {
      params: { eventId, ticketTypeId },
      body: fields,
      what: 'updating the ticket type',
    });
  }

  deleteTicketType(eventId: string, ticketTypeId: string): Promise<undefined> {
    return this.http.call('deleteEventTicketType', {
      params: { eventId, ticketTypeId },
      what: 'deleting the ticket type',
    });
  }

  // Access links
  async listAccessLinks(eventId: string): Promise<ZoomAccessLink[]> {
    const answer = await this.call(
      'getEventAccessLinks',
      { params: { eventId }, what: 'reading the registration links' },
      zoomAccessLinkListSchema,
    );
    return answer.access_links;
  }

  getAccessLink(eventId: string, accessLinkId: string): Promise<ZoomAccessLink> {
    return this.call(
      'GetEventAccessLink',
      { params: { eventId, accessLinkId }, what: 'reading the registration link' },
      zoomAccessLinkSchema,
    );
  }

  createAccessLink(eventId: string, body: ZoomAccessLinkBody): Promise<ZoomAccessLink> {
    return this.call(
      'createEventAccessLink',
      { params: { eventId }, body, what: `creating the registration link "${body.name}"` },
      zoomAccessLinkSchema,
    );
  }

  updateAccessLink(eventId: string, accessLinkId: string, fields: Fields): Promise<undefined> {
    return this.http.call('updateEventAccess', {
      params: { eventId, accessLinkId },
      body: fields,
      what: 'updating the registration link',
    });
  }

  deleteAccessLink(eventId: string, accessLinkId: string): Promise<undefined> {
    return this.http.call('deleteEventAccessLink', {
      params: { eventId, accessLinkId },
      what: 'deleting the registration link',
    });
  }

  // Tickets
  listTickets(eventId: string, filters: TicketFilters = {}): Promise<ZoomTicket[]> {
    return collectPages(
      (next_page_token) =>
        this.call(
          'getTickets',
          {
            params: { eventId },
            query: { ...filters, page_size: maxPageSize, next_page_token },
            what: 'reading the tickets',
          },
          zoomTicketPageSchema,
        ),
      (page) => page.tickets,
    );
  }

  /** Registers up to 30 attendees; Zoom answers the tickets made and a refusal per attendee it did not register. */
  /** `why`: words that follow the count in progress and the dry run, such as who leaves a waiting list. */
  async createTickets(eventId: string, tickets: ZoomTicketBody[], why?: string): Promise<ZoomTicketBatchResult> {
    batchLimit(tickets.length, maxTicketsPerBatch, 'tickets');
    return this.call(
      'createTickets',
      {
        params: { eventId },
        body: { tickets },
        what: `registering ${String(tickets.length)} attendees${why === undefined ? '' : `; ${why}`}`,
        priority: 'bulk',
      },
      zoomTicketBatchResultSchema,
    );
  }

  getTicket(eventId: string, ticketId: string): Promise<ZoomTicket> {
    return this.call('getTicketDetails', { params: { eventId, ticketId }, what: 'reading a ticket' }, zoomTicketSchema);
  }

  updateTicket(eventId: string, ticketId: string, fields: Fields): Promise<undefined> {
    return this.http.call('Updateticket', { params: { eventId, ticketId }, body: fields, what: 'updating a ticket' });
  }

  deleteTicket(eventId: string, ticketId: string): Promise<undefined> {
    return this.http.call('deleteTicket', { params: { eventId, ticketId }, what: 'deleting a ticket' });
  }

  // Speakers and the registration form: read only, Cadence keeps them on Zoom as they are
  async listSpeakers(eventId: string): Promise<ZoomSpeaker[]> {
    const answer = await this.call(
      'getSpeakers',
      { params: { eventId }, what: "reading the event's speakers" },
      zoomSpeakerListSchema,
    );
    return answer.speakers;
  }

  getRegistrationQuestions(eventId: string): Promise<ZoomRegistrationQuestions> {
    return this.call(
      'getRegistrationQuestionsForEvent',
      { params: { eventId }, what: "reading the event's registration questions" },
      zoomRegistrationQuestionsSchema,
    );
  }

  // Registrants and check-in
  listRegistrants(eventId: string): Promise<ZoomRegistrant[]> {
    const registrants: ZoomRegistrant[] = [];
    return this.eachRegistrantPage(eventId, (page) => registrants.push(...page)).then(() => registrants);
  }

  /** How many people are registered for the event: one page of one registrant, and Zoom's `total_records`. */
  async countRegistrants(eventId: string): Promise<number | undefined> {
    const page = await this.call(
      'getRegistrants',
      { params: { eventId }, query: { page_size: 1 }, what: 'counting the registrants' },
      zoomRegistrantPageSchema,
    );
    return page.total_records;
  }

  /** The registrants page by page as they arrive, for lists too long to hold as Zoom answers them. */
  eachRegistrantPage(eventId: string, onPage: (registrants: ZoomRegistrant[]) => void): Promise<void> {
    return forEachPage(
      (next_page_token) =>
        this.call(
          'getRegistrants',
          { params: { eventId }, query: { page_size: maxPageSize, next_page_token }, what: 'reading the registrants' },
          zoomRegistrantPageSchema,
        ),
      (page) => {
        onPage(page.registrants);
      },
    );
  }

  /** Everyone Zoom has checked in to the event, with each check-in's `source`. */
  listEventAttendeeActions(
    eventId: string,
    email?: string,
    options: CheckInCallOptions = {},
  ): Promise<ZoomAttendeeAction[]> {
    return collectPages(
      (next_page_token) =>
        this.call(
          'ListEventAttendeeActions',
          {
            params: { eventId },
            query: { email, page_size: maxPageSize, next_page_token },
            what: 'reading check-ins',
            ...options,
          },
          zoomAttendeeActionPageSchema,
        ),
      (page) => page.attendees,
    );
  }

  /** Everyone Zoom has checked in to one session, with each check-in's `source`. */
  listSessionAttendeeActions(
    eventId: string,
    sessionId: string,
    email?: string,
    options: CheckInCallOptions = {},
  ): Promise<ZoomAttendeeAction[]> {
    return collectPages(
      (next_page_token) =>
        this.call(
          'ListSessionAttendeeActions',
          {
            params: { eventId, sessionId },
            query: { email, page_size: maxPageSize, next_page_token },
            what: "reading a session's check-ins",
            ...options,
          },
          zoomAttendeeActionPageSchema,
        ),
      (page) => page.attendees,
    );
  }

  /**
   * Checks in up to 300 attendees of the event; Zoom answers a refusal per attendee it did not
   * check in. Never re-sent on a guess: an unknown outcome is thrown for the caller to list first.
   */
  async updateEventAttendeeActions(
    eventId: string,
    batch: CheckInBatch,
    options: CheckInCallOptions = {},
  ): Promise<ZoomAttendeeActionResult> {
    batchLimit(batch.attendees.length, maxAttendeeActionsPerBatch, 'check-ins');
    return this.call(
      'UpdateEventAttendeeActions',
      {
        params: { eventId },
        body: batch,
        what: `checking in ${String(batch.attendees.length)} attendees`,
        isRepeatable: false,
        ...options,
      },
      zoomAttendeeActionResultSchema,
    );
  }

  /** As `updateEventAttendeeActions`, for one session of a recurring event. */
  async updateSessionAttendeeActions(
    eventId: string,
    sessionId: string,
    batch: CheckInBatch,
    options: CheckInCallOptions = {},
  ): Promise<ZoomAttendeeActionResult> {
    batchLimit(batch.attendees.length, maxAttendeeActionsPerBatch, 'check-ins');
    return this.call(
      'UpdateSessionAttendeeActions',
      {
        params: { eventId, sessionId },
        body: batch,
        what: `checking in ${String(batch.attendees.length)} attendees to a session`,
        isRepeatable: false,
        ...options,
      },
      zoomAttendeeActionResultSchema,
    );
  }

  // Reports: reads paced under Zoom's HEAVY label, never part of the outbox
  /** The event's registrations report, page by page as Zoom answers it. */
  eachRegistrationReportPage(
    eventId: string,
    onPage: (registrations: ZoomRegistrationRecord[]) => void,
  ): Promise<void> {
    return forEachPage(
      (next_page_token) =>
        this.call(
          'EventRegistrationsReport',
          {
            params: { eventId },
            query: { page_size: maxPageSize, next_page_token },
            what: 'reading the registrations report',
            priority: 'bulk',
          },
          zoomRegistrationReportPageSchema,
        ),
      (page) => {
        onPage(page.registrations);
      },
    );
  }

  /** One session's attendance report: a record per join, with when the person joined and left. */
  listSessionAttendance(eventId: string, sessionId: string): Promise<ZoomAttendanceRecord[]> {
    return collectPages(
      (next_page_token) =>
        this.call(
          'SessionAttendanceReport',
          {
            params: { eventId, sessionId },
            query: { page_size: maxPageSize, next_page_token },
            what: "reading a session's attendance report",
            priority: 'bulk',
          },
          zoomAttendanceReportPageSchema,
        ),
      (page) => page.attendees,
    );
  }
}

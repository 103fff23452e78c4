import { addDefaultTicketType, isTicketTypeChangeAllowed, type TicketTypeChange } from './defaultTicketType';
import type { TicketTypeRules } from './sandboxBehaviour';
import {
  newId,
  type SandboxAccessLink,
  type SandboxData,
  type SandboxEvent,
  type SandboxSession,
  type SandboxSpeaker,
  type SandboxTicket,
  type SandboxTicketType,
} from './sandboxData';
import { pageOf, Refusal, refuse, zoomError, type SandboxAnswer } from './sandboxAnswers';
import { meetingHandlers } from './sandboxMeetings';
import { scheduleOf } from './sessionSchedule';
import { reportHandlers } from './sandboxReports';
import type { SessionAttendanceRules } from './sandboxBehaviour';

export interface SandboxRequest {
  operationId: string;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  body: Body;
  now: number;
  /** Generate this many sessions fewer than the recurrence gives. */
  dropGeneratedSessions?: number;
  /** Whose ticket type rules to follow (see `sandboxBehaviourSchema`); the tutorial's when absent. */
  ticketTypes?: TicketTypeRules;
  /** The Meetings API's creates and updates per host per UTC day; Zoom's 100 when absent. */
  meetingDailyLimit?: number;
  /** The sandbox's seed, from which the attendance of past sessions is drawn. */
  seed?: number;
  /** What a session's attendance report holds (see `sandboxBehaviourSchema`). */
  sessionAttendance?: SessionAttendanceRules;
  /** Refuse a ticket to anyone whose ticket of the event was deleted. */
  blockRemovedRegistrants?: boolean;
}
/** Request bodies arrive already checked against Zoom's OpenAPI document. */
type Body = Record<string, unknown>;
type Handler = (data: SandboxData, request: SandboxRequest) => SandboxAnswer;

const maxTicketsPerRequest = 30;
const maxAttendeeActionsPerRequest = 300;

/** A copy of `record` without `keys`. */
function omit<T extends object, K extends keyof T>(record: T, keys: readonly K[]): Omit<T, K> {
  const dropped = new Set<PropertyKey>(keys);
  return Object.fromEntries(Object.entries(record).filter(([key]) => !dropped.has(key))) as Omit<T, K>;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The event the request names; one in a hub the account does not host is Zoom's 260200. */
function eventOf(data: SandboxData, request: SandboxRequest, notFoundCode = 2002): SandboxEvent {
  const event = data.events.find((candidate) => candidate.event_id === request.params.eventId);
  if (event === undefined) return refuse(404, notFoundCode, 'Event not found.');
  if (!data.hubs.some((hub) => hub.hub_id === event.hub_id && hub.host)) refuse(403, 260200, 'Event access denied.');
  return event;
}

function sessionOf(data: SandboxData, event: SandboxEvent, sessionId: string | undefined): SandboxSession {
  const session = data.sessions.find((s) => s.event_id === event.event_id && s.session_id === sessionId);
  return session ?? refuse(404, 2005, 'Session not found.');
}

function editable(event: SandboxEvent): void {
  if (event.status === 'CANCELLED') refuse(400, 260210, 'The event is cancelled and can no longer be edited.');
}

function eventAnswer(data: SandboxData, event: SandboxEvent): Record<string, unknown> {
  const sessions = data.sessions.filter((s) => s.event_id === event.event_id);
  const first = sessions[0];
  const last = sessions.at(-1);
  const recurrence = event.recurrence === undefined ? undefined : readRecurrence(event.recurrence);
  return {
    ...event.extra,
    event_id: event.event_id,
    hub_id: event.hub_id,
    name: event.name,
    description: event.description,
    timezone: event.timezone,
    event_type: event.event_type,
    access_level: event.access_level,
    attendance_type: event.attendance_type,
    meeting_type: event.meeting_type,
    calendar: event.calendar,
    status: event.status,
    start_time: first?.start_time ?? event.calendar[0]?.start_time ?? '',
    end_time: last?.end_time ?? event.calendar[0]?.end_time ?? '',
    event_url: `https://events.zoom.us/ev/${event.event_id}`,
    ...(recurrence === undefined ? {} : { recurrence }),
  };
}

/** Zoom reads recurrence back with `weekly_days` as "2,4" and `monthly_days` as an integer. */
function readRecurrence(recurrence: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...recurrence };
  if (Array.isArray(recurrence.weekly_days)) out.weekly_days = recurrence.weekly_days.join(',');
  if (Array.isArray(recurrence.monthly_days)) out.monthly_days = recurrence.monthly_days[0];
  return out;
}

function regenerateSessions(data: SandboxData, event: SandboxEvent, drop = 0): void {
  const schedule = scheduleOf(event);
  if (!schedule.ok) refuse(400, 300, 'Validation Failed.', schedule.issues);
  else {
    data.sessions = data.sessions.filter((s) => s.event_id !== event.event_id);
    for (const slot of schedule.sessions.slice(0, Math.max(1, schedule.sessions.length - drop))) {
      data.sessions.push({
        session_id: newId(data, 's'),
        event_id: event.event_id,
        name: event.name,
        timezone: event.timezone,
        ...slot,
      });
    }
  }
}

const eventFields = [
  'name',
  'description',
  'timezone',
  'event_type',
  'access_level',
  'attendance_type',
  'meeting_type',
] as const;

function createEvent(data: SandboxData, request: SandboxRequest): SandboxAnswer {
  const body = request.body;
  const hub = data.hubs.find((h) => h.hub_id === body.hub_id);
  if (hub === undefined) return zoomError(404, 2001, 'Hub not found.');
  if (!hub.host) return zoomError(403, 26201, 'No permission to create the event under the hub ID.');
  const calendar = (body.calendar as Partial<SandboxEvent['calendar'][number]>[] | undefined) ?? [];
  const first = calendar[0];
  if (first?.start_time === undefined || first.end_time === undefined) {
    return zoomError(400, 26204, 'The start and end time of the event are required.');
  }
  if (Date.parse(first.end_time) <= Date.parse(first.start_time)) {
    return zoomError(400, 26203, 'The end time must be after the start time.');
  }
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!['hub_id', 'calendar', 'recurrence', ...eventFields].includes(key)) extra[key] = value;
  }
  const event: SandboxEvent = {
    event_id: newId(data, 'e'),
    hub_id: hub.hub_id,
    name: text(body.name) ?? '',
    description: text(body.description) ?? '',
    timezone: text(body.timezone) ?? 'UTC',
    event_type: text(body.event_type) ?? 'SIMPLE_EVENT',
    access_level: text(body.access_level) ?? 'PRIVATE_UNRESTRICTED',
    attendance_type: text(body.attendance_type) ?? 'virtual',
    meeting_type: text(body.meeting_type) ?? 'MEETING',
    calendar: [{ start_time: first.start_time, end_time: first.end_time }],
    ...(body.recurrence === undefined ? {} : { recurrence: body.recurrence as Record<string, unknown> }),
    status: 'DRAFT',
    extra,
  };
  regenerateSessions(data, event, request.dropGeneratedSessions);
  data.events.push(event);
  addDefaultTicketType(data, event, request.ticketTypes ?? 'tutorial', request.now);
  return { status: 201, body: eventAnswer(data, event) };
}

function updateEvent(data: SandboxData, request: SandboxRequest): SandboxAnswer {
  const event = eventOf(data, request);
  editable(event);
  const body = request.body;
  if (event.status === 'PUBLISHED') {
    const locked = (['recurrence', 'event_type'] as const).filter((key) => key in body);
    if (locked.length > 0) {
      return zoomError(400, 260209, `The ${locked.join(' and ')} of a published event cannot be changed.`);
    }
  }
  if (body.hub_id !== undefined && body.hub_id !== event.hub_id)
    return zoomError(400, 300, 'The hub of an event cannot be changed.');
  const next: SandboxEvent = { ...event };
  for (const key of eventFields) {
    const value = text(body[key]);
    if (value !== undefined) next[key] = value;
  }
  if (body.recurrence !== undefined) next.recurrence = body.recurrence as Record<string, unknown>;
  if (body.calendar !== undefined) next.calendar = body.calendar as SandboxEvent['calendar'];
  const reschedule = body.recurrence !== undefined || body.calendar !== undefined || body.event_type !== undefined;
  // Checked whole before anything changes: a refused update leaves the event as it was.
  const schedule = reschedule ? scheduleOf(next) : undefined;
  if (schedule?.ok === false) return zoomError(400, 300, 'Validation Failed.', schedule.issues);
  Object.assign(event, next);
  if (reschedule) regenerateSessions(data, event);
  return { status: 204 };
}

function removeEvent(data: SandboxData, eventId: string): void {
  data.events = data.events.filter((e) => e.event_id !== eventId);
  data.sessions = data.sessions.filter((s) => s.event_id !== eventId);
  data.ticketTypes = data.ticketTypes.filter((t) => t.event_id !== eventId);
  data.accessLinks = data.accessLinks.filter((l) => l.event_id !== eventId);
  data.tickets = data.tickets.filter((t) => t.event_id !== eventId);
  data.checkIns = data.checkIns.filter((c) => c.event_id !== eventId);
  data.speakers = data.speakers.filter((s) => s.event_id !== eventId);
  data.questions = data.questions.filter((q) => q.event_id !== eventId);
}

function eventAction(data: SandboxData, request: SandboxRequest): SandboxAnswer {
  const event = eventOf(data, request);
  const operation = text(request.body.operation);
  if (operation === 'publish') {
    editable(event);
    if (event.status === 'PUBLISHED') return zoomError(400, 300, 'The event is already published.');
    event.status = 'PUBLISHED';
    return { status: 201, body: { status: 'published', event_id: event.event_id } };
  }
  if (operation === 'cancel') {
    if (event.status === 'CANCELLED') return zoomError(400, 260210, 'The event is already cancelled.');
    const message = text(request.body.cancel_message) ?? '';
    // Zoom's reference: the message "is mandatory if the event has any registrants".
    if (message.trim() === '' && data.tickets.some((ticket) => ticket.event_id === event.event_id)) {
      return zoomError(400, 300, 'Validation Failed.', [
        { path: 'cancel_message', message: 'cancel_message is required when the event has registrants' },
      ]);
    }
    event.status = 'CANCELLED';
    if (message !== '') event.cancel_message = message;
    return { status: 201, body: { status: 'cancelled', event_id: event.event_id } };
  }
  const duplicate = request.body.duplicate_event as
    { name?: string; start_time?: string; timezone?: string } | undefined;
  if (duplicate?.name === undefined || duplicate.start_time === undefined) {
    return zoomError(400, 300, 'Validation Failed.', [
      { path: 'duplicate_event', message: 'name and start_time are required' },
    ]);
  }
  const shift = Date.parse(duplicate.start_time) - Date.parse(event.calendar[0]?.start_time ?? duplicate.start_time);
  const moved = (iso: string) => new Date(Date.parse(iso) + shift).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const copy: SandboxEvent = {
    ...structuredClone(event),
    event_id: newId(data, 'e'),
    name: duplicate.name,
    timezone: duplicate.timezone ?? event.timezone,
    calendar: event.calendar.map((c) => ({ start_time: moved(c.start_time), end_time: moved(c.end_time) })),
    status: 'DRAFT',
  };
  regenerateSessions(data, copy);
  data.events.push(copy);
  addDefaultTicketType(data, copy, request.ticketTypes ?? 'tutorial', request.now);
  return { status: 201, body: { status: 'duplicated', event_id: copy.event_id } };
}

function listEvents(data: SandboxData, request: SandboxRequest): SandboxAnswer {
  const status = request.query.get('event_status_type') ?? 'upcoming';
  const hosted = new Set(data.hubs.filter((h) => h.host).map((h) => h.hub_id));
  const ends = (event: SandboxEvent) =>
    Math.max(...data.sessions.filter((s) => s.event_id === event.event_id).map((s) => Date.parse(s.end_time)), 0);
  const events = data.events.filter((event) => {
    if (!hosted.has(event.hub_id)) return false;
    if (status === 'draft') return event.status === 'DRAFT';
    if (status === 'cancelled') return event.status === 'CANCELLED';
    if (event.status !== 'PUBLISHED') return false;
    return status === 'past' ? ends(event) < request.now : ends(event) >= request.now;
  });
  const { page, ...rest } = pageOf(events, request.query);
  return { status: 200, body: { ...rest, events: page.map((e) => eventAnswer(data, e)) } };
}

function sessionAnswer(session: SandboxSession): Record<string, unknown> {
  return {
    session_id: session.session_id,
    name: session.name,
    start_time: session.start_time,
    end_time: session.end_time,
    timezone: session.timezone,
    type: 0,
  };
}

function updateSession(data: SandboxData, request: SandboxRequest): SandboxAnswer {
  const event = eventOf(data, request, 2003);
  editable(event);
  const session = sessionOf(data, event, request.params.sessionId);
  const start = text(request.body.start_time) ?? session.start_time;
  const end = text(request.body.end_time) ?? session.end_time;
  if (Date.parse(end) <= Date.parse(start)) return zoomError(400, 26203, 'The end time must be after the start time.');
  session.start_time = start;
  session.end_time = end;
  session.name = text(request.body.name) ?? session.name;
  data.sessions.sort((a, b) => Date.parse(a.start_time) - Date.parse(b.start_time));
  return { status: 204 };
}

function ticketTypeAnswer(t: SandboxTicketType): Record<string, unknown> {
  return omit(t, ['event_id']);
}

function saleWindowValid(start: string, end: string): boolean {
  return Date.parse(end) > Date.parse(start);
}

/**
 * Refuses a ticket type change that the rules in force do not allow for the event's type. The
 * reference names no code for this refusal on the ticket type operations; 1006 ("Operation is
 * not supported for this event type.") is the code it gives elsewhere (the exhibitor operations)
 * for exactly this case, and one Cadence's client already explains, whereas 300 means a field of
 * the body is wrong and a 26xxx code would claim a ticket type problem the reference never names.
 */
function allowTicketTypeChange(event: SandboxEvent, request: SandboxRequest, change: TicketTypeChange): void {
  if (!isTicketTypeChangeAllowed(request.ticketTypes ?? 'tutorial', event.event_type, change)) {
    refuse(400, 1006, 'Operation is not supported for this event type.');
  }
}

function createTicketType(data: SandboxData, request: SandboxRequest): SandboxAnswer {
  const event = eventOf(data, request);
  editable(event);
  allowTicketTypeChange(event, request, 'create');
  const body = request.body;
  const first = data.sessions.find((s) => s.event_id === event.event_id);
  const start = text(body.start_time) ?? new Date(request.now).toISOString();
  const end = text(body.end_time) ?? first?.end_time ?? start;
  if (!saleWindowValid(start, end)) return zoomError(400, 26401, 'The ticket sale dates are invalid.');
  const ticketType: SandboxTicketType = {
    ticket_type_id: newId(data, 't'),
    event_id: event.event_id,
    name: text(body.name) ?? 'Ticket',
    ...(text(body.description) === undefined ? {} : { description: text(body.description) }),
    currency: text(body.currency) ?? 'USD',
    free: body.free !== false,
    ...(text(body.price) === undefined ? {} : { price: text(body.price) }),
    ...(typeof body.quantity === 'number' ? { quantity: body.quantity } : {}),
    sold_quantity: 0,
    start_time: start,
    end_time: end,
  };
  data.ticketTypes.push(ticketType);
  return { status: 201, body: { ticket_type_id: ticketType.ticket_type_id } };
}

function ticketTypeOf(data: SandboxData, event: SandboxEvent, id: string | undefined): SandboxTicketType {
  const found = data.ticketTypes.find((t) => t.event_id === event.event_id && t.ticket_type_id === id);
  return found ?? refuse(400, 261202, 'The ticket type could not be found.');
}

function updateTicketType(data: SandboxData, request: SandboxRequest): SandboxAnswer {
  const event = eventOf(data, request);
  editable(event);
  allowTicketTypeChange(event, request, 'update');
  const ticketType = ticketTypeOf(data, event, request.params.ticketTypeId);
  const body = request.body;
  const start = text(body.start_time) ?? ticketType.start_time;
  const end = text(body.end_time) ?? ticketType.end_time;
  if (!saleWindowValid(start, end)) return zoomError(400, 26401, 'The ticket sale dates are invalid.');
  if (typeof body.quantity === 'number' && body.quantity < ticketType.sold_quantity) {
    return zoomError(
      400,
      300,
      `The quantity cannot be below the ${String(ticketType.sold_quantity)} tickets already sold.`,
    );
  }
  Object.assign(ticketType, {
    start_time: start,
    end_time: end,
    ...(text(body.name) === undefined ? {} : { name: text(body.name) }),
    ...(text(body.description) === undefined ? {} : { description: text(body.description) }),
    ...(text(body.currency) === undefined ? {} : { currency: text(body.currency) }),
    ...(typeof body.quantity === 'number' ? { quantity: body.quantity } : {}),
    ...(typeof body.free === 'boolean' ? { free: body.free } : {}),
    ...(text(body.price) === undefined ? {} : { price: text(body.price) }),
  });
  return { status: 204 };
}

function accessLinkAnswer(link: SandboxAccessLink): Record<string, unknown> {
  return omit(link, ['event_id']);
}

function linkOf(data: SandboxData, event: SandboxEvent, id: string | undefined): SandboxAccessLink {
  const link = data.accessLinks.find((l) => l.event_id === event.event_id && l.access_link_id === id);
  return link ?? refuse(404, 261201, 'Event access link not found.');
}

function createAccessLink(data: SandboxData, request: SandboxRequest): SandboxAnswer {
  const event = eventOf(data, request);
  editable(event);
  const body = request.body;
  const name = text(body.name) ?? '';
  if (data.accessLinks.some((l) => l.event_id === event.event_id && l.name === name)) {
    return zoomError(400, 261203, 'Please ensure that each join link has a unique name.');
  }
  const ticketTypeId = text(body.ticket_type_id);
  if (ticketTypeId !== undefined) ticketTypeOf(data, event, ticketTypeId);
  const option =
    event.event_type === 'RECURRING'
      ? ((text(body.recurring_registration_option) as SandboxAccessLink['recurring_registration_option']) ??
        'all_sessions')
      : undefined;
  const id = newId(data, 'l');
  const link: SandboxAccessLink = {
    access_link_id: id,
    event_id: event.event_id,
    name,
    type: text(body.type) ?? 'registration',
    is_default: body.is_default === true,
    url: `https://events.zoom.us/ev/${event.event_id}/r/${id}`,
    authentication_method: text(body.authentication_method) ?? 'bypass_auth',
    ...(ticketTypeId === undefined ? {} : { ticket_type_id: ticketTypeId }),
    ...(option === undefined ? {} : { recurring_registration_option: option }),
  };
  if (link.is_default)
    for (const other of data.accessLinks) if (other.event_id === event.event_id) other.is_default = false;
  data.accessLinks.push(link);
  // Zoom's create answer has no `url` (its OpenAPI document lists none): the address is read with GET.
  return { status: 201, body: omit(accessLinkAnswer(link), ['url']) };
}

function updateAccessLink(data: SandboxData, request: SandboxRequest): SandboxAnswer {
  const event = eventOf(data, request);
  editable(event);
  const link = linkOf(data, event, request.params.accessLinkId);
  const body = request.body;
  const name = text(body.name);
  if (
    name !== undefined &&
    name !== link.name &&
    data.accessLinks.some((l) => l.event_id === event.event_id && l.name === name)
  ) {
    return zoomError(400, 261203, 'Please ensure that each join link has a unique name.');
  }
  const ticketTypeId = text(body.ticket_type_id);
  if (ticketTypeId !== undefined) ticketTypeOf(data, event, ticketTypeId);
  if (name !== undefined) link.name = name;
  if (ticketTypeId !== undefined) link.ticket_type_id = ticketTypeId;
  const method = text(body.authentication_method);
  if (method !== undefined) link.authentication_method = method;
  return { status: 204 };
}

function ticketAnswer(ticket: SandboxTicket): Record<string, unknown> {
  return { ...ticket.profile, ...omit(ticket, ['event_id', 'profile']) };
}

interface TicketInput {
  email: string;
  ticket_type_id?: string;
  external_ticket_id?: string;
  session_ids?: string[];
  first_name?: string;
  last_name?: string;
  [field: string]: unknown;
}

/** The sandbox's words for a removed registrant it will not register again (`blockRemovedRegistrants`). */
export const removedRegistrantRefusal = 'This registrant was removed from the event and cannot register again.';

/** Registration for one attendee: per-ticket refusals are answers, not request errors. */
function createTickets(data: SandboxData, request: SandboxRequest): SandboxAnswer {
  const event = eventOf(data, request);
  if (event.status === 'DRAFT') return zoomError(400, 26501, 'Event is not published yet.');
  editable(event);
  const inputs = (request.body.tickets as TicketInput[] | undefined) ?? [];
  if (inputs.length === 0 || inputs.length > maxTicketsPerRequest) {
    return zoomError(400, 300, 'Validation Failed.', [
      { path: 'tickets', message: `between 1 and ${String(maxTicketsPerRequest)} tickets per request` },
    ]);
  }
  const types = data.ticketTypes.filter((t) => t.event_id === event.event_id);
  for (const input of inputs) {
    const type =
      input.ticket_type_id === undefined ? types[0] : types.find((t) => t.ticket_type_id === input.ticket_type_id);
    if (type === undefined || (type.quantity !== undefined && type.sold_quantity >= type.quantity)) {
      return zoomError(404, 2007, 'Not enough stock or invalid `ticket_type_id`.');
    }
  }
  const sessions = data.sessions.filter((s) => s.event_id === event.event_id);
  const made: Record<string, unknown>[] = [];
  const errors: { email: string; error_code: string; message: string }[] = [];
  for (const input of inputs) {
    const type =
      input.ticket_type_id === undefined ? types[0] : types.find((t) => t.ticket_type_id === input.ticket_type_id);
    if (type === undefined) continue;
    const fail = (error_code: string, message: string) => errors.push({ email: input.email, error_code, message });
    if (type.quantity !== undefined && type.sold_quantity >= type.quantity) {
      fail('stock_not_exist', `The ticket type "${type.name}" is sold out.`);
      continue;
    }
    const lowerEmail = input.email.toLowerCase();
    if (
      request.blockRemovedRegistrants === true &&
      data.removedRegistrants.some((removed) => removed.event_id === event.event_id && removed.email === lowerEmail)
    ) {
      fail('registrant_blocked', removedRegistrantRefusal);
      continue;
    }
    if (request.now < Date.parse(type.start_time) || request.now > Date.parse(type.end_time)) {
      fail('invalid_sale_time', `Tickets of "${type.name}" are not on sale now.`);
      continue;
    }
    const link = data.accessLinks.find(
      (l) => l.event_id === event.event_id && l.ticket_type_id === type.ticket_type_id,
    );
    const option =
      event.event_type === 'RECURRING' ? (link?.recurring_registration_option ?? 'all_sessions') : undefined;
    const chosen = input.session_ids ?? [];
    if (option === undefined || option === 'all_sessions') {
      if (chosen.length > 0) {
        fail('ticket_generated_failed', 'session_ids are not taken for a registration to all sessions; omit them.');
        continue;
      }
    } else {
      if (chosen.length === 0) {
        fail('ticket_generated_failed', `session_ids are required for ${option} registration.`);
        continue;
      }
      const unknown = chosen.filter((id) => !sessions.some((s) => s.session_id === id));
      if (unknown.length > 0) {
        fail('ticket_generated_failed', `No session ${unknown.join(', ')} in this event.`);
        continue;
      }
    }
    const { email, external_ticket_id, first_name, last_name } = input;
    const profile = omit(input, [
      'email',
      'ticket_type_id',
      'external_ticket_id',
      'session_ids',
      'first_name',
      'last_name',
      'send_notification',
    ]);
    const base = {
      event_id: event.event_id,
      ticket_type_id: type.ticket_type_id,
      email,
      ...(external_ticket_id === undefined ? {} : { external_ticket_id }),
      ...(first_name === undefined ? {} : { first_name }),
      ...(last_name === undefined ? {} : { last_name }),
      ...(text(request.body.registration_source) === undefined
        ? {}
        : { registration_source: text(request.body.registration_source) }),
      profile,
    };
    const perTicket: Partial<SandboxTicket>[] =
      option === 'single_session'
        ? chosen.map((session_id) => ({ session_id }))
        : option === 'multiple_sessions'
          ? [{ session_ids: chosen }]
          : [{}];
    for (const extra of perTicket) {
      const ticketId = newId(data, 'k');
      const ticket: SandboxTicket = {
        ...base,
        ...extra,
        ticket_id: ticketId,
        event_join_link: `https://events.zoom.us/ejl/${ticketId}`,
      };
      data.tickets.push(ticket);
      made.push({
        ticket_id: ticket.ticket_id,
        email,
        event_join_link: ticket.event_join_link,
        event_registration_link: link?.url ?? '',
        ...(external_ticket_id === undefined ? {} : { external_ticket_id }),
        ...(ticket.session_id === undefined ? {} : { session_id: ticket.session_id }),
      });
    }
    type.sold_quantity += 1;
  }
  return { status: 201, body: { tickets: made, errors } };
}

function ticketOf(data: SandboxData, event: SandboxEvent, id: string | undefined): SandboxTicket {
  const ticket = data.tickets.find((t) => t.event_id === event.event_id && t.ticket_id === id);
  return ticket ?? refuse(404, 3001, 'Ticket not found.');
}

function listTickets(data: SandboxData, request: SandboxRequest): SandboxAnswer {
  const event = eventOf(data, request);
  const q = request.query;
  const tickets = data.tickets.filter(
    (t) =>
      t.event_id === event.event_id &&
      (q.get('external_ticket_id') === null || t.external_ticket_id === q.get('external_ticket_id')) &&
      (q.get('email') === null || t.email.toLowerCase() === q.get('email')?.toLowerCase()) &&
      (q.get('ticket_type_id') === null || t.ticket_type_id === q.get('ticket_type_id')),
  );
  const { page, ...rest } = pageOf(tickets, q);
  return { status: 200, body: { ...rest, tickets: page.map(ticketAnswer) } };
}

/** The address a ticket's e-badge QR code holds, shaped like Zoom's (`zoom.us/qr?t=9&ein=…`). */
export function badgeQrCodeUrl(ticketId: string): string {
  return `https://zoom.us/qr?t=9&ein=${Buffer.from(`badge:${ticketId}`, 'utf8').toString('base64url')}`;
}

function listRegistrants(data: SandboxData, request: SandboxRequest): SandboxAnswer {
  const event = eventOf(data, request);
  const byEmail = new Map<string, SandboxTicket[]>();
  for (const ticket of data.tickets) {
    if (ticket.event_id !== event.event_id) continue;
    const key = ticket.email.toLowerCase();
    const held = byEmail.get(key);
    if (held === undefined) byEmail.set(key, [ticket]);
    else held.push(ticket);
  }
  // Only the page asked for is shaped: a list of 50,000 people is read 300 at a time.
  const { page, ...rest } = pageOf([...byEmail.values()], request.query);
  const registrants = page.map((tickets) => ({
    email: tickets[0]?.email ?? '',
    first_name: tickets[0]?.first_name ?? '',
    last_name: tickets[0]?.last_name ?? '',
    registration_status: 'REGISTERED',
    tickets: tickets.map((t) => ({
      ticket_id: t.ticket_id,
      role: 'ATTENDEE',
      // Zoom gives the e-badge's QR code only for events with people at a venue.
      ...(event.attendance_type.toLowerCase() === 'virtual' ? {} : { qr_code_url: badgeQrCodeUrl(t.ticket_id) }),
      ...(t.session_id === undefined ? {} : { session_id: t.session_id }),
      ...(t.session_ids === undefined ? {} : { session_ids: t.session_ids }),
    })),
  }));
  return { status: 200, body: { ...rest, registrants } };
}

/** Zoom's words for a check-in it refuses, per attendee (Zoom's own example for the on-site ticket). */
export const checkInRefusals = {
  notRegistered: 'User is not registered for this event.',
  noSessionTicket: "User doesn't have a ticket for this session.",
  noOnsiteTicket: "User doesn't have an on-site ticket",
  alreadyCheckedIn: 'User has already checked in.',
} as const;

/** Whether a ticket admits to the event, or to `sessionId`. */
function ticketAdmits(ticket: SandboxTicket, sessionId: string | undefined): boolean {
  return (
    sessionId === undefined ||
    (ticket.session_id === undefined && ticket.session_ids === undefined) ||
    ticket.session_id === sessionId ||
    (ticket.session_ids ?? []).includes(sessionId)
  );
}

/** Who is checked in to the event (`sessionId` undefined) or a session: Zoom keeps each person once. */
function checkInsOf(data: SandboxData, eventId: string, sessionId: string | undefined) {
  return data.checkIns.filter((c) => c.event_id === eventId && c.session_id === sessionId);
}

function listAttendeeActions(data: SandboxData, request: SandboxRequest): SandboxAnswer {
  const event = eventOf(data, request);
  const sessionId = request.params.sessionId;
  if (sessionId !== undefined) sessionOf(data, event, sessionId);
  const email = request.query.get('email');
  const actions = checkInsOf(data, event.event_id, sessionId).filter(
    (c) => email === null || c.email.toLowerCase() === email.toLowerCase(),
  );
  const { page, ...rest } = pageOf(actions, request.query);
  return {
    status: 200,
    body: { ...rest, attendees: page.map(({ email: e, action, source }) => ({ email: e, action, source })) },
  };
}

/**
 * Checks in up to 300 people at once, as Zoom does: partial success, one entry in `errors[]` per
 * person not checked in (not registered, no ticket for the session, no on-site ticket because the
 * event is virtual, already checked in).
 */
function updateAttendeeActions(data: SandboxData, request: SandboxRequest): SandboxAnswer {
  const event = eventOf(data, request, 2003);
  if (event.status !== 'PUBLISHED') return zoomError(400, 26501, 'Event is not published yet.');
  const sessionId = request.params.sessionId;
  if (sessionId !== undefined) sessionOf(data, event, sessionId);
  const attendees = (request.body.attendees as { email: string; action: string }[] | undefined) ?? [];
  if (attendees.length === 0 || attendees.length > maxAttendeeActionsPerRequest) {
    return zoomError(400, 300, 'Validation Failed.', [
      { path: 'attendees', message: `between 1 and ${String(maxAttendeeActionsPerRequest)} attendees per request` },
    ]);
  }
  const source = text(request.body.source) ?? '';
  const isOnsite = event.attendance_type.toLowerCase() !== 'virtual';
  const ticketsByEmail = new Map<string, SandboxTicket[]>();
  for (const ticket of data.tickets) {
    if (ticket.event_id !== event.event_id) continue;
    const key = ticket.email.toLowerCase();
    ticketsByEmail.set(key, [...(ticketsByEmail.get(key) ?? []), ticket]);
  }
  const checkedIn = new Set(checkInsOf(data, event.event_id, sessionId).map((c) => c.email.toLowerCase()));
  const errors: { email: string; message: string }[] = [];
  for (const attendee of attendees) {
    const key = attendee.email.toLowerCase();
    const tickets = ticketsByEmail.get(key) ?? [];
    const refusal =
      tickets.length === 0
        ? checkInRefusals.notRegistered
        : !tickets.some((t) => ticketAdmits(t, sessionId))
          ? checkInRefusals.noSessionTicket
          : !isOnsite
            ? checkInRefusals.noOnsiteTicket
            : checkedIn.has(key)
              ? checkInRefusals.alreadyCheckedIn
              : undefined;
    if (refusal !== undefined) {
      errors.push({ email: attendee.email, message: refusal });
      continue;
    }
    checkedIn.add(key);
    data.checkIns.push({
      event_id: event.event_id,
      ...(sessionId === undefined ? {} : { session_id: sessionId }),
      email: attendee.email,
      action: attendee.action,
      source,
    });
  }
  return { status: 201, body: { errors } };
}

function speakerAnswer(speaker: SandboxSpeaker): Record<string, unknown> {
  return { ...speaker.fields, speaker_id: speaker.speaker_id, name: speaker.name };
}

/** A speaker added as the console would; Zoom refuses a second speaker with the same email (1003). */
function createSpeaker(data: SandboxData, request: SandboxRequest): SandboxAnswer {
  const event = eventOf(data, request);
  editable(event);
  const { name, ...fields } = request.body;
  const email = text(fields.email)?.toLowerCase();
  if (
    email !== undefined &&
    data.speakers.some((s) => s.event_id === event.event_id && text(s.fields.email)?.toLowerCase() === email)
  ) {
    return zoomError(400, 1003, 'The email address has already been used by another speaker.');
  }
  const speaker: SandboxSpeaker = {
    speaker_id: newId(data, 'p'),
    event_id: event.event_id,
    name: text(name) ?? '',
    fields,
  };
  data.speakers.push(speaker);
  return { status: 201, body: speakerAnswer(speaker) };
}

function registrationQuestions(data: SandboxData, request: SandboxRequest): SandboxAnswer {
  const event = eventOf(data, request);
  const form = data.questions.find((q) => q.event_id === event.event_id);
  return { status: 200, body: { questions: form?.questions ?? [], custom_questions: form?.custom_questions ?? [] } };
}

/** Replaces the registration form; each question gets an ID as Zoom gives them. */
function updateRegistrationQuestions(data: SandboxData, request: SandboxRequest): SandboxAnswer {
  const event = eventOf(data, request);
  editable(event);
  const withIds = (list: unknown) =>
    (Array.isArray(list) ? (list as Record<string, unknown>[]) : []).map((question) => ({
      ...question,
      question_id: text(question.question_id) ?? newId(data, 'q'),
    }));
  data.questions = [
    ...data.questions.filter((q) => q.event_id !== event.event_id),
    {
      event_id: event.event_id,
      questions: withIds(request.body.questions),
      custom_questions: withIds(request.body.custom_questions),
    },
  ];
  return { status: 204 };
}

/** Every operation the sandbox serves, by operationId of Zoom's OpenAPI document. */
export const sandboxHandlers: Readonly<Record<string, Handler>> = {
  getHubList: (data) => {
    const hubs = data.hubs
      .filter((h) => h.host)
      .map((hub) => ({ ...omit(hub, ['host']), access_level: 'INTERNAL', hub_active: true }));
    return { status: 200, body: { total_records: hubs.length, hubs } };
  },
  getEvents: listEvents,
  getEventInfo: (data, request) => ({ status: 200, body: eventAnswer(data, eventOf(data, request)) }),
  createEvent,
  updateEvent,
  deleteEvent: (data, request) => {
    removeEvent(data, eventOf(data, request).event_id);
    return { status: 204 };
  },
  EventActions: eventAction,
  getEventSessionList: (data, request) => {
    const event = eventOf(data, request);
    const sessions = data.sessions.filter((s) => s.event_id === event.event_id).map(sessionAnswer);
    return { status: 200, body: { total_records: sessions.length, sessions } };
  },
  getEventSessionInfo: (data, request) => {
    const event = eventOf(data, request, 2003);
    return { status: 200, body: sessionAnswer(sessionOf(data, event, request.params.sessionId)) };
  },
  updateEventSession: updateSession,
  deleteEventSession: (data, request) => {
    const event = eventOf(data, request, 2003);
    editable(event);
    const session = sessionOf(data, event, request.params.sessionId);
    data.sessions = data.sessions.filter((s) => s !== session);
    return { status: 204 };
  },
  getEventTicketTypes: (data, request) => {
    const event = eventOf(data, request);
    const types = data.ticketTypes.filter((t) => t.event_id === event.event_id).map(ticketTypeAnswer);
    return { status: 200, body: { total_records: types.length, ticket_types: types } };
  },
  createTicketType,
  updateTicketType,
  deleteEventTicketType: (data, request) => {
    const event = eventOf(data, request);
    allowTicketTypeChange(event, request, 'delete');
    const ticketType = ticketTypeOf(data, event, request.params.ticketTypeId);
    data.ticketTypes = data.ticketTypes.filter((t) => t !== ticketType);
    return { status: 204 };
  },
  getEventAccessLinks: (data, request) => {
    const event = eventOf(data, request);
    return {
      status: 200,
      body: { access_links: data.accessLinks.filter((l) => l.event_id === event.event_id).map(accessLinkAnswer) },
    };
  },
  GetEventAccessLink: (data, request) => {
    const event = eventOf(data, request);
    return { status: 200, body: accessLinkAnswer(linkOf(data, event, request.params.accessLinkId)) };
  },
  createEventAccessLink: createAccessLink,
  updateEventAccess: updateAccessLink,
  deleteEventAccessLink: (data, request) => {
    const event = eventOf(data, request);
    const link = linkOf(data, event, request.params.accessLinkId);
    data.accessLinks = data.accessLinks.filter((l) => l !== link);
    return { status: 204 };
  },
  getTickets: listTickets,
  createTickets,
  getTicketDetails: (data, request) => {
    const event = eventOf(data, request);
    return { status: 200, body: ticketAnswer(ticketOf(data, event, request.params.ticketId)) };
  },
  Updateticket: (data, request) => {
    const event = eventOf(data, request);
    const ticket = ticketOf(data, event, request.params.ticketId);
    for (const key of ['first_name', 'last_name', 'external_ticket_id'] as const) {
      const value = text(request.body[key]);
      if (value !== undefined) ticket[key] = value;
    }
    for (const [key, value] of Object.entries(request.body)) {
      if (!['first_name', 'last_name', 'external_ticket_id'].includes(key)) ticket.profile[key] = value;
    }
    return { status: 204 };
  },
  deleteTicket: (data, request) => {
    const event = eventOf(data, request);
    const ticket = ticketOf(data, event, request.params.ticketId);
    data.tickets = data.tickets.filter((t) => t !== ticket);
    const email = ticket.email.toLowerCase();
    if (!data.removedRegistrants.some((removed) => removed.event_id === event.event_id && removed.email === email))
      data.removedRegistrants.push({ event_id: event.event_id, email });
    const type = data.ticketTypes.find((t) => t.ticket_type_id === ticket.ticket_type_id);
    if (type !== undefined) type.sold_quantity = Math.max(0, type.sold_quantity - 1);
    return { status: 204 };
  },
  getRegistrants: listRegistrants,
  getSpeakers: (data, request) => {
    const event = eventOf(data, request);
    const speakers = data.speakers.filter((s) => s.event_id === event.event_id).map(speakerAnswer);
    return { status: 200, body: { total_records: speakers.length, speakers } };
  },
  createSpeaker,
  getRegistrationQuestionsForEvent: registrationQuestions,
  updateRegistrationQuestionsForEvent: updateRegistrationQuestions,
  ListEventAttendeeActions: listAttendeeActions,
  ListSessionAttendeeActions: listAttendeeActions,
  UpdateEventAttendeeActions: updateAttendeeActions,
  UpdateSessionAttendeeActions: updateAttendeeActions,
  ...reportHandlers,
  ...meetingHandlers,
};

/**
 * Runs one operation. Every handler checks the whole request before it changes anything, so a
 * refused write leaves the data as it was without copying the state for each request.
 */
export function handleOperation(data: SandboxData, request: SandboxRequest): SandboxAnswer {
  const handler = sandboxHandlers[request.operationId];
  if (handler === undefined) return zoomError(404, 404, `The sandbox does not simulate ${request.operationId}.`);
  try {
    return handler(data, request);
  } catch (error) {
    if (error instanceof Refusal) return error.answer;
    throw error;
  }
}

export { removeEvent, zoomError, type SandboxAnswer };

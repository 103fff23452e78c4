import { createHash } from 'node:crypto';
import type { SessionAttendanceRules } from './sandboxBehaviour';
import type { SandboxData, SandboxEvent, SandboxSession, SandboxTicket } from './sandboxData';
import { pageOf, refuse, type SandboxAnswer } from './sandboxAnswers';

/** What the report operations read of a request (a subset of `SandboxRequest`). */
export interface ReportRequest {
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  now: number;
  /** Makes attendance differ between sandboxes; the same seed and data give the same attendance. */
  seed?: number;
  sessionAttendance?: SessionAttendanceRules;
}

const minute = 60_000;

function eventOf(data: SandboxData, request: ReportRequest): SandboxEvent {
  const event = data.events.find((candidate) => candidate.event_id === request.params.eventId);
  if (event === undefined) return refuse(404, 2002, 'Event not found.');
  if (!data.hubs.some((hub) => hub.hub_id === event.hub_id && hub.host)) refuse(403, 260200, 'Event access denied.');
  return event;
}

function admits(ticket: SandboxTicket, sessionId: string): boolean {
  return (
    (ticket.session_id === undefined && ticket.session_ids === undefined) ||
    ticket.session_id === sessionId ||
    (ticket.session_ids ?? []).includes(sessionId)
  );
}

/** A number in [0, 1) drawn from the seed and the words, the same every time. */
function draw(seed: number, ...words: string[]): number {
  const digest = createHash('sha256')
    .update([String(seed), ...words].join('|'))
    .digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

const zoomTime = (at: number): string => new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');

interface Attendance {
  session: SandboxSession;
  ticket: SandboxTicket;
  joined: number;
  left: number;
}

/**
 * Who came to an ended session and when: about three in four of the people its tickets admit,
 * some joining up to 10 minutes early or 20 late, some leaving early, and one in five leaving
 * mid-session and coming back (two records). Derived from the seed and the IDs, so the same
 * sandbox answers the same attendance every time.
 */
function attendanceOf(data: SandboxData, session: SandboxSession, seed: number): Attendance[] {
  const start = Date.parse(session.start_time);
  const end = Date.parse(session.end_time);
  const length = end - start;
  const seen = new Set<string>();
  return data.tickets
    .filter((ticket) => ticket.event_id === session.event_id && admits(ticket, session.session_id))
    .flatMap((ticket) => {
      const person = ticket.email.toLowerCase();
      if (seen.has(person)) return [];
      seen.add(person);
      const at = (what: string) => draw(seed, session.session_id, person, what);
      if (at('came') >= 0.75) return [];
      const joined = start + Math.round((at('join') * 30 - 10) * minute);
      const left = at('early') < 0.15 ? start + Math.round(length * (0.3 + at('leave') * 0.4)) : end;
      if (left <= joined) return [{ session, ticket, joined, left: end }];
      const out = joined + Math.round((left - joined) * 0.4);
      if (at('back') >= 0.2 || out + 5 * minute >= left) return [{ session, ticket, joined, left }];
      return [
        { session, ticket, joined, left: out },
        { session, ticket, joined: out + 5 * minute, left },
      ];
    });
}

function endedSessions(data: SandboxData, event: SandboxEvent, now: number): SandboxSession[] {
  return data.sessions.filter((s) => s.event_id === event.event_id && Date.parse(s.end_time) <= now);
}

/**
 * `SessionAttendanceReport`: a record per join of an ended session; a session still to come or
 * in progress has no report yet. Under the `whole_event` rules every session's report lists the
 * attendance of all the event's ended sessions, without session IDs, as a recurring event's
 * sessions may share one report on Zoom: a reader must place records by time.
 */
function sessionAttendanceReport(data: SandboxData, request: ReportRequest): SandboxAnswer {
  const event = eventOf(data, request);
  const session = data.sessions.find((s) => s.event_id === event.event_id && s.session_id === request.params.sessionId);
  if (session === undefined) return refuse(404, 2003, 'Session not found.');
  if (Date.parse(session.end_time) > request.now) {
    return refuse(400, 300, 'The session has not ended: its attendance report is not available yet.');
  }
  const seed = request.seed ?? 1;
  const isWholeEvent = request.sessionAttendance === 'whole_event';
  const sessions = isWholeEvent ? endedSessions(data, event, request.now) : [session];
  const records = sessions
    .flatMap((s) => attendanceOf(data, s, seed))
    .map(({ session: s, ticket, joined, left }) => ({
      ...(isWholeEvent ? {} : { session_id: s.session_id }),
      email: ticket.email,
      first_name: ticket.first_name ?? '',
      last_name: ticket.last_name ?? '',
      display_name: [ticket.first_name, ticket.last_name].filter(Boolean).join(' '),
      session_attendance: 'attended',
      attendance_type: 'virtual',
      start_time: zoomTime(joined),
      end_time: zoomTime(left),
      duration_spent_in_session: Math.round((left - joined) / minute),
    }));
  const { page, ...rest } = pageOf(records, request.query);
  return { status: 200, body: { ...rest, attendees: page } };
}

/** `EventRegistrationsReport`: each registered person once, with their tickets. */
function registrationsReport(data: SandboxData, request: ReportRequest): SandboxAnswer {
  const event = eventOf(data, request);
  const seed = request.seed ?? 1;
  const attended = new Set(
    endedSessions(data, event, request.now).flatMap((s) =>
      attendanceOf(data, s, seed).map((a) => a.ticket.email.toLowerCase()),
    ),
  );
  const byPerson = new Map<string, SandboxTicket[]>();
  for (const ticket of data.tickets) {
    if (ticket.event_id !== event.event_id) continue;
    const key = ticket.email.toLowerCase();
    byPerson.set(key, [...(byPerson.get(key) ?? []), ticket]);
  }
  const registrations = [...byPerson.entries()].map(([key, tickets]) => {
    const first = tickets[0];
    return {
      email: first?.email ?? key,
      first_name: first?.first_name ?? '',
      last_name: first?.last_name ?? '',
      display_name: [first?.first_name, first?.last_name].filter(Boolean).join(' '),
      event_attendance: attended.has(key) ? 'attended' : 'absent',
      registration_method: first?.external_ticket_id === undefined ? 'self-registration' : 'pre_registration',
      tickets: tickets.map((t) => ({
        ticket_id: t.ticket_id,
        ticket_type_id: t.ticket_type_id,
        ticket_type_name: data.ticketTypes.find((type) => type.ticket_type_id === t.ticket_type_id)?.name ?? '',
        ...(t.external_ticket_id === undefined ? {} : { external_ticket_id: t.external_ticket_id }),
      })),
    };
  });
  const { page, ...rest } = pageOf(registrations, request.query);
  return { status: 200, body: { ...rest, registrations: page } };
}

/** The report operations the sandbox serves, by operationId. */
export const reportHandlers: Readonly<Record<string, (data: SandboxData, request: ReportRequest) => SandboxAnswer>> = {
  SessionAttendanceReport: sessionAttendanceReport,
  EventRegistrationsReport: registrationsReport,
};

import type { ZoomClient } from '../../main/zoom/zoomClient';
import type { ZoomCreateEventBody } from '../../shared/zoom/zoomBodies';
import { zoomTicketBatchResultSchema, type ZoomSession } from '../../shared/zoom/zoomReadShapes';

/** One registration as Zoom's registration page (or another planner's Cadence) makes it. */
export interface ConsoleRegistration {
  email: string;
  first_name?: string;
  last_name?: string;
  organization?: string;
  /** Session numbers (1-based, in Zoom's order) for a per-session registration. */
  sessions?: number[];
  /** Set when another Cadence made it: its registration ID. */
  external_ticket_id?: string;
  /** The second ticket type's, instead of the registration link's. */
  isVip?: boolean;
}

export interface ConsoleEventPlan {
  event: ZoomCreateEventBody;
  option?: 'all_sessions' | 'single_session' | 'multiple_sessions';
  /** Session numbers moved (to the given times) and deleted, after publishing. */
  moves?: { session: number; start_time: string; end_time: string }[];
  deletes?: number[];
  registrations: ConsoleRegistration[];
  speaker?: string;
  customQuestion?: string;
}

export interface ConsoleEvent {
  eventId: string;
  ticketTypeId: string;
  vipTicketTypeId: string;
  accessLinkId: string;
  /** Zoom's sessions as generated, before the moves and deletes. */
  generated: ZoomSession[];
}

/**
 * An event made on the sandbox through Zoom's API as a planner would in Zoom's console: the event,
 * a ticket type with its registration link and a second (paid) ticket type, published, a speaker
 * and a registration question, sessions moved and deleted, then people registered.
 */
export async function makeConsoleEvent(client: ZoomClient, plan: ConsoleEventPlan): Promise<ConsoleEvent> {
  const { api } = client;
  const event = await api.createEvent(plan.event);
  const eventId = event.event_id;
  const window = { currency: 'USD', start_time: '2026-01-01T00:00:00Z', end_time: '2028-12-31T00:00:00Z' };
  const ticketTypeId = await api.createTicketType(eventId, { name: 'General Admission', free: true, ...window });
  const vipTicketTypeId = await api.createTicketType(eventId, {
    name: 'VIP',
    free: false,
    price: '49.99',
    quantity: 50,
    ...window,
  });
  const link = await api.createAccessLink(eventId, {
    name: 'Registration',
    type: 'registration',
    is_default: true,
    authentication_method: 'bypass_auth',
    ticket_type_id: ticketTypeId,
    ...(plan.option === undefined ? {} : { recurring_registration_option: plan.option }),
  });
  await api.eventAction(eventId, { operation: 'publish' });
  if (plan.speaker !== undefined) {
    await client.transport.call('createSpeaker', {
      params: { eventId },
      body: { name: plan.speaker, email: 'speaker@example.com', job_title: 'Keynote' },
    });
  }
  if (plan.customQuestion !== undefined) {
    await client.transport.call('updateRegistrationQuestionsForEvent', {
      params: { eventId },
      body: {
        questions: [{ field_name: 'organization', required: true }],
        custom_questions: [{ title: plan.customQuestion, type: 'short_answer', required: false }],
      },
    });
  }
  const generated = [...(await api.listSessions(eventId))].sort(
    (a, b) => Date.parse(a.start_time) - Date.parse(b.start_time),
  );
  const sessionId = (n: number) => generated[n - 1]?.session_id ?? '';
  for (const move of plan.moves ?? []) {
    await api.updateSession(eventId, sessionId(move.session), { start_time: move.start_time, end_time: move.end_time });
  }
  for (const n of plan.deletes ?? []) await api.deleteSession(eventId, sessionId(n));
  // Zoom's own registration page sets no external ticket ID; another Cadence sets its registration ID.
  const bodies = plan.registrations.map(({ sessions, isVip, ...details }) => ({
    ...details,
    ticket_type_id: isVip === true ? vipTicketTypeId : ticketTypeId,
    send_notification: false,
    ...(sessions === undefined ? {} : { session_ids: sessions.map(sessionId) }),
  }));
  for (let i = 0; i < bodies.length; i += 30) {
    const result = await client.transport.call(
      'createTickets',
      { params: { eventId }, body: { tickets: bodies.slice(i, i + 30) } },
      zoomTicketBatchResultSchema,
    );
    if (result.errors.length > 0) throw new Error(`the sandbox refused ${JSON.stringify(result.errors)}`);
  }
  return { eventId, ticketTypeId, vipTicketTypeId, accessLinkId: link.access_link_id, generated };
}

import { attendeeProfileFields } from '../drafts/attendeeDraft';
import type { AttendeeOrigin } from '../drafts/attendeeList';
import type { ZoomTicket } from './zoomReadShapes';

/** One person's tickets on Zoom, before their details pass the attendee rules. */
export interface TicketGroup {
  registrationId: string;
  origin: AttendeeOrigin;
  ticketIds: string[];
  /** The attendee as Zoom holds it (unchecked): email, names, profile fields, occurrences. */
  fields: Record<string, unknown>;
}

/**
 * The registration ID every laptop gives a registration Zoom made (its registration page, the
 * console): from Zoom's first ticket ID, so that no two laptops ever disagree about it.
 */
export function zoomRegistrationId(ticketIds: readonly string[]): string {
  const [first] = [...ticketIds].sort();
  return `zoom-${first ?? ''}`;
}

const detailFields = ['first_name', 'last_name', ...attendeeProfileFields] as const;

/**
 * Tickets grouped per person: a per-session registration has one ticket per session. Cadence's
 * tickets carry its registration ID in `external_ticket_id` (another planner's Cadence made
 * them); Zoom's own are grouped by email, as Zoom matches people. `occurrenceOf` turns a
 * session ID into its occurrence number; `perSession` says whether tickets name sessions.
 */
export function groupTickets(
  tickets: readonly ZoomTicket[],
  occurrenceOf: (sessionId: string) => number | undefined,
  perSession: boolean,
): TicketGroup[] {
  const byPerson = new Map<string, ZoomTicket[]>();
  for (const ticket of tickets) {
    const key = ticket.email.trim().toLowerCase();
    byPerson.set(key, [...(byPerson.get(key) ?? []), ticket]);
  }
  return [...byPerson.values()].map((held) => {
    const external = held.find((ticket) => ticket.external_ticket_id !== undefined)?.external_ticket_id;
    const ticketIds = held.map((ticket) => ticket.ticket_id);
    const first = held[0] as ZoomTicket;
    const fields: Record<string, unknown> = { email: first.email.trim() };
    const source = first as Record<string, unknown>;
    for (const field of detailFields) {
      const value = source[field];
      if (typeof value === 'string' && value.trim() !== '') fields[field] = value.trim();
    }
    if (perSession) {
      const sessionIds = held.flatMap((ticket) => [
        ...(ticket.session_id === undefined ? [] : [ticket.session_id]),
        ...(ticket.session_ids ?? []),
      ]);
      const numbers = sessionIds.map(occurrenceOf).filter((n): n is number => n !== undefined);
      fields.occurrences = [...new Set(numbers)].sort((a, b) => a - b);
    }
    return external === undefined
      ? { registrationId: zoomRegistrationId(ticketIds), origin: 'zoom', ticketIds, fields }
      : { registrationId: external, origin: 'planner', ticketIds, fields };
  });
}

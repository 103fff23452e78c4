import type { TicketTypeRules } from './sandboxBehaviour';
import { newId, type SandboxData, type SandboxEvent, type SandboxTicketType } from './sandboxData';

/**
 * The name Zoom gives the ticket type an event comes with. The reference never names it; this is
 * the name of the free ticket type in every one of its ticket type examples.
 */
export const defaultTicketTypeName = 'General Admission Ticket';

/** The reference's event types that come with their one ticket type and take no other. */
const eventTypesWithDefault: ReadonlySet<string> = new Set(['SIMPLE_EVENT', 'RECURRING']);

/** What a client may do to an event's ticket types through the API. */
export type TicketTypeChange = 'create' | 'update' | 'delete';

/**
 * Whether Zoom allows `change` to the ticket types of an event of `eventType` under `rules`.
 * The reference refuses creating one for single-session and recurring events, and updating or
 * deleting one for single-session events; the tutorial refuses nothing.
 */
export function isTicketTypeChangeAllowed(
  rules: TicketTypeRules,
  eventType: string,
  change: TicketTypeChange,
): boolean {
  if (rules === 'tutorial') return true;
  if (change === 'create') return !eventTypesWithDefault.has(eventType);
  return eventType !== 'SIMPLE_EVENT';
}

/** ISO 8601 to the second, as Zoom writes its times. */
const zoomTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Gives a just-created event the ticket type Zoom creates with it under `rules`, if any: free, in
 * USD, with no quantity limit, on sale from its creation until the event's last session ends.
 * Stored like a ticket type made through the API, so that listing, updating, tickets, access
 * links and check-in treat it the same. Call after the event's sessions exist.
 */
export function addDefaultTicketType(
  data: SandboxData,
  event: SandboxEvent,
  rules: TicketTypeRules,
  now: number,
): void {
  if (rules === 'tutorial' || !eventTypesWithDefault.has(event.event_type)) return;
  const ends = data.sessions.filter((s) => s.event_id === event.event_id).map((s) => Date.parse(s.end_time));
  const end = ends.length === 0 ? (event.calendar[0]?.end_time ?? zoomTime(now)) : zoomTime(Math.max(...ends));
  const ticketType: SandboxTicketType = {
    ticket_type_id: newId(data, 't'),
    event_id: event.event_id,
    name: defaultTicketTypeName,
    currency: 'USD',
    free: true,
    sold_quantity: 0,
    // Rounded down to the second, so that tickets asked for in the same second are on sale.
    start_time: zoomTime(now),
    end_time: end,
  };
  data.ticketTypes.push(ticketType);
}

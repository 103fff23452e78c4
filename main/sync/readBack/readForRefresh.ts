import { zoomSeriesView, type ZoomViewResult } from '../../../shared/zoom/zoomSeriesView';
import type { ZoomEventsApi } from '../../zoom/zoomEventsApi';

/**
 * What a refresh compares of one event: the event, its sessions (recurring), ticket types, links
 * and tickets (every page at Zoom's largest), read together after the event's own answer. Speakers
 * and registration questions are left unread: Cadence keeps them on Zoom and never compares them,
 * so a sync's start spends no requests on them.
 */
export async function readForRefresh(api: ZoomEventsApi, eventId: string): Promise<ZoomViewResult> {
  const event = await api.getEvent(eventId);
  const isRecurring = event.event_type.toUpperCase() === 'RECURRING';
  const [sessions, ticketTypes, accessLinks, tickets] = await Promise.all([
    isRecurring ? api.listSessions(eventId) : Promise.resolve([]),
    api.listTicketTypes(eventId),
    api.listAccessLinks(eventId),
    api.listTickets(eventId),
  ]);
  return zoomSeriesView({
    event,
    sessions,
    ticketTypes,
    accessLinks,
    tickets,
    speakers: undefined,
    questions: undefined,
  });
}

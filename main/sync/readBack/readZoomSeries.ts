import { zoomSeriesView, type ZoomEventAnswers, type ZoomViewResult } from '../../../shared/zoom/zoomSeriesView';
import type { ZoomEventsApi } from '../../zoom/zoomEventsApi';
import { ZoomApiError } from '../../zoom/zoomErrors';

/** What the app's token may not read (a scope the planner did not grant) is left unread, not a failure. */
async function unlessScopeMissing<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ZoomApiError && error.missingScopes.length > 0) return undefined;
    throw error;
  }
}

/**
 * Everything Zoom holds of one event that Cadence reads: the event, its sessions (recurring),
 * ticket types, access links, tickets (every page at Zoom's largest), speakers and registration
 * questions. The reads after the event's own go out together, within the client's rate limiter.
 */
export async function readZoomAnswers(api: ZoomEventsApi, eventId: string): Promise<ZoomEventAnswers> {
  const event = await api.getEvent(eventId);
  const isRecurring = event.event_type.toUpperCase() === 'RECURRING';
  if (!isRecurring && event.event_type.toUpperCase() !== 'SIMPLE_EVENT') {
    // A kind Cadence cannot open: its event is all the refusal needs.
    return { event, sessions: [], ticketTypes: [], accessLinks: [], tickets: [], speakers: [], questions: undefined };
  }
  const [sessions, ticketTypes, accessLinks, tickets, speakers, questions] = await Promise.all([
    isRecurring ? api.listSessions(eventId) : Promise.resolve([]),
    api.listTicketTypes(eventId),
    api.listAccessLinks(eventId),
    api.listTickets(eventId),
    unlessScopeMissing(() => api.listSpeakers(eventId)),
    unlessScopeMissing(() => api.getRegistrationQuestions(eventId)),
  ]);
  return { event, sessions, ticketTypes, accessLinks, tickets, speakers, questions };
}

/** One event on Zoom read and put in Cadence's terms (see `zoomSeriesView`). */
export async function readZoomSeries(api: ZoomEventsApi, eventId: string): Promise<ZoomViewResult> {
  return zoomSeriesView(await readZoomAnswers(api, eventId));
}

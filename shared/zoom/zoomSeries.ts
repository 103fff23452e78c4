import type { AttendeeDraft } from '../drafts/attendeeDraft';
import type { AttendeeOrigin } from '../drafts/attendeeList';
import type { RegistrationDraft } from '../drafts/registrationDraft';
import type { SeriesDraft } from '../drafts/seriesDraft';
import type { TicketTypeDraft } from '../drafts/ticketTypeDraft';
import type { EventFields } from '../outbox/operations';
import type { KeptOnZoomItem } from './zoomCatalog';

/** One of Zoom's sessions mapped to the occurrence it is (by the series' expansion). */
export interface ZoomSessionOfOccurrence {
  occurrence: number;
  sessionId: string;
  start_time: string;
  end_time: string;
}

/** One person's registration on Zoom: their tickets (one per session for a per-session registration) together. */
export interface ZoomRegistration {
  /**
   * The registration ID both laptops use for it: the ticket's `external_ticket_id` when a Cadence
   * made it, else one derived from Zoom's first ticket ID (the same on every laptop).
   */
  registrationId: string;
  ticketIds: string[];
  attendee: AttendeeDraft;
  origin: AttendeeOrigin;
}

/**
 * One event on Zoom in Cadence's terms: what opening it creates, and what a refresh compares with
 * the last synced snapshot (three ways, as a sync does). Built from Zoom's answers only; `draft`
 * passes `seriesDraftSchema` (attendees included), or the event cannot be opened.
 */
export interface ZoomSeriesView {
  eventId: string;
  /** Zoom's status, lower-cased: draft, published, cancelled… */
  status: string;
  draft: SeriesDraft;
  /** The event's snapshot (what `series.synced_json` holds). */
  event: EventFields;
  ticketType?: { zoomId: string; base: TicketTypeDraft };
  accessLink?: { zoomId: string; base: RegistrationDraft };
  /** Zoom's sessions by occurrence; an occurrence Zoom has no session for is cancelled in `draft`. */
  sessions: ZoomSessionOfOccurrence[];
  registrations: ZoomRegistration[];
  keptOnZoom: KeptOnZoomItem[];
  /** What the planner opens and shares, when Zoom gave it. */
  pages: { event_url: string | null; registration_url: string | null };
}

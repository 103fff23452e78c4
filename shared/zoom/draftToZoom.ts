import { attendeeProfileFields, type AttendeeDraft } from '../drafts/attendeeDraft';
import type { PlannedSession } from '../drafts/plannedSessions';
import type { RegistrationDraft, RegistrationOption } from '../drafts/registrationDraft';
import type { SeriesDraft } from '../drafts/seriesDraft';
import type { TicketTypeDraft } from '../drafts/ticketTypeDraft';
import { formatInstant, type Recurrence } from '../recurrence/expandRecurrence';
import { toSeriesTiming } from '../recurrence/seriesTiming';
import type {
  ZoomAccessLinkBody,
  ZoomCreateEventBody,
  ZoomRecurrenceBody,
  ZoomSessionMoveBody,
  ZoomTicketBatchBody,
  ZoomTicketBody,
  ZoomTicketTypeBody,
} from './zoomBodies';

/** Zoom creates at most this many tickets per request. */
export const maxTicketsPerBatch = 30;

/**
 * The create-event request for a valid draft. The recurrence is sent in full, with the defaults
 * Cadence applied (interval 1, the start date's weekday in the event's zone), so that Zoom does
 * not fill them in by its own reading, which may be in UTC.
 */
export function createEventBody(draft: SeriesDraft, hubId: string): ZoomCreateEventBody {
  const common = {
    hub_id: hubId,
    name: draft.name,
    description: draft.description ?? '',
    timezone: draft.timezone,
    access_level: draft.access_level,
    attendance_type: draft.attendance_type,
    ...(draft.meeting_type === undefined ? {} : { meeting_type: draft.meeting_type }),
  };
  if (draft.event_type === 'SIMPLE_EVENT') {
    return {
      ...common,
      event_type: 'SIMPLE_EVENT',
      meeting_type: draft.meeting_type ?? 'MEETING',
      calendar: [{ start_time: draft.start_time, end_time: draft.end_time }],
    };
  }
  const timing = toSeriesTiming(draft);
  const firstEnd = Date.parse(draft.start_time) + timing.recurrence.durationMinutes * 60_000;
  return {
    ...common,
    event_type: 'RECURRING',
    calendar: [{ start_time: draft.start_time, end_time: formatInstant(firstEnd) }],
    recurrence: recurrenceBody(timing.recurrence),
  };
}

/** Zoom's create-time recurrence (arrays for days) for an engine recurrence. */
export function recurrenceBody(recurrence: Recurrence): ZoomRecurrenceBody {
  const end =
    recurrence.endTimes !== undefined
      ? { end_times: recurrence.endTimes }
      : { end_date_time: formatInstant(recurrence.endDateTime) };
  const common = { repeat_interval: recurrence.repeatInterval, duration: recurrence.durationMinutes, ...end };
  if (recurrence.type === 1) return { type: 1, ...common };
  if (recurrence.type === 2) {
    return { type: 2, ...common, weekly_days: [...new Set(recurrence.weeklyDays)].sort((a, b) => a - b) };
  }
  if ('monthlyDay' in recurrence) return { type: 3, ...common, monthly_days: [recurrence.monthlyDay] };
  return { type: 3, ...common, monthly_week: recurrence.monthlyWeek, monthly_week_day: recurrence.monthlyWeekDay };
}

/** When ticket sales end by default: when the last session that still takes place ends. */
export function salesEndOf(sessions: readonly PlannedSession[]): string {
  const ends = sessions.filter((s) => s.status !== 'cancelled').map((s) => Date.parse(s.end_time));
  return formatInstant(Math.max(...ends));
}

/** The ticket-type request; an omitted sale window runs from `now` to `salesEnd`. */
export function ticketTypeBody(
  ticketType: TicketTypeDraft,
  window: { now: number; salesEnd: string },
): ZoomTicketTypeBody {
  return {
    name: ticketType.name,
    ...(ticketType.description === undefined ? {} : { description: ticketType.description }),
    currency: ticketType.currency,
    free: ticketType.free,
    ...(ticketType.free || ticketType.price === undefined ? {} : { price: ticketType.price }),
    ...(ticketType.quantity === undefined ? {} : { quantity: ticketType.quantity }),
    start_time: ticketType.start_time ?? formatInstant(window.now),
    end_time: ticketType.end_time ?? window.salesEnd,
  };
}

/** The registration access link; the option is sent for recurring series only. */
export function accessLinkBody(
  registration: RegistrationDraft,
  eventType: SeriesDraft['event_type'],
  ticketTypeId: string,
): ZoomAccessLinkBody {
  const option = registration.recurring_registration_option;
  return {
    name: registration.link_name,
    type: 'registration',
    is_default: true,
    authentication_method: registration.authentication_method,
    ticket_type_id: ticketTypeId,
    ...(eventType === 'RECURRING' && option !== undefined ? { recurring_registration_option: option } : {}),
  };
}

const profileFields = [
  'first_name',
  'last_name',
  ...attendeeProfileFields,
] as const satisfies readonly (keyof AttendeeDraft & keyof ZoomTicketBody)[];

/** One attendee to register, with the ID Cadence gave the registration. */
export interface TicketRequest {
  registrationId: string;
  attendee: AttendeeDraft;
}

/** What ticket creation needs to know about the series on Zoom. */
export interface TicketContext {
  ticketTypeId: string;
  /** Absent for a single-session event. */
  option?: RegistrationOption;
  sendNotification: boolean;
  /** Zoom's session ID for an occurrence number. */
  sessionIdOf: (occurrence: number) => string;
}

/**
 * The ticket for one attendee. `external_ticket_id` is Cadence's registration ID, so the ticket
 * can be found on Zoom again after a lost response. Session IDs go with single- and
 * multiple-session registration only; an all-sessions ticket admits to every session.
 */
export function ticketBody(request: TicketRequest, context: TicketContext): ZoomTicketBody {
  const { attendee } = request;
  const ticket: ZoomTicketBody = {
    email: attendee.email,
    ticket_type_id: context.ticketTypeId,
    external_ticket_id: request.registrationId,
    send_notification: context.sendNotification,
  };
  for (const field of profileFields) {
    const value = attendee[field];
    if (value !== undefined && value !== '') ticket[field] = value;
  }
  if (context.option === 'single_session' || context.option === 'multiple_sessions') {
    ticket.session_ids = (attendee.occurrences ?? []).map(context.sessionIdOf);
  }
  return ticket;
}

/** Tickets in request bodies of at most `maxTicketsPerBatch`, in the order given. */
export function ticketBatches(requests: readonly TicketRequest[], context: TicketContext): ZoomTicketBatchBody[] {
  const batches: ZoomTicketBatchBody[] = [];
  for (let i = 0; i < requests.length; i += maxTicketsPerBatch) {
    batches.push({ tickets: requests.slice(i, i + maxTicketsPerBatch).map((r) => ticketBody(r, context)) });
  }
  return batches;
}

/** The session update for a moved occurrence. */
export function sessionMoveBody(session: PlannedSession): ZoomSessionMoveBody {
  return { start_time: session.start_time, end_time: session.end_time };
}

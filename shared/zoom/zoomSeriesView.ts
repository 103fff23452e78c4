import type { z } from 'zod';
import type { RegistrationDraft } from '../drafts/registrationDraft';
import { seriesDraftSchema, type SeriesDraft } from '../drafts/seriesDraft';
import type { TicketTypeDraft } from '../drafts/ticketTypeDraft';
import { eventFieldsOf } from '../outbox/planOperations';
import { formatInstant } from '../recurrence/expandRecurrence';
import { planSeriesTiming } from '../recurrence/seriesTiming';
import type { ZoomAccessLink, ZoomEvent, ZoomTicketType } from './zoomReadShapes';
import { keptItems, refusedAttendee } from './keptOnZoom';
import type { ZoomEventAnswers } from './zoomEventAnswers';
import { groupTickets } from './zoomRegistrations';
import type { ZoomSeriesView } from './zoomSeries';
import { mapSessionsToOccurrences, type SessionMapping } from './zoomSessionMapping';
import { draftFieldsFromZoomEvent } from './zoomToDraft';

export type { ZoomEventAnswers } from './zoomEventAnswers';

/** Why an event cannot be opened: a kind Cadence does not model, or a field of Zoom's answer that breaks the rules. */
export interface ZoomViewRefusal {
  reason: 'cannot_open' | 'invalid';
  /** The event's name on Zoom. */
  name: string;
  message: string;
  /** The field of Zoom's answer, such as `recurrence.weekly_days` or `ticket_types[1].price`. */
  path: string | null;
}

export type ZoomViewResult = { ok: true; view: ZoomSeriesView } | { ok: false; refusal: ZoomViewRefusal };

const instant = (time: string): string => {
  const ms = Date.parse(time);
  return Number.isFinite(ms) ? formatInstant(ms) : time;
};

function refused(
  event: ZoomEvent,
  reason: ZoomViewRefusal['reason'],
  message: string,
  path: string | null,
): ZoomViewResult {
  return { ok: false, refusal: { reason, name: event.name, message, path } };
}

/** Zoom's registration link: the default one of type registration, else the first of that type. */
function registrationLinkOf(links: readonly ZoomAccessLink[]): ZoomAccessLink | undefined {
  const registration = links.filter((link) => link.type.toLowerCase() === 'registration');
  return registration.find((link) => link.is_default === true) ?? registration[0];
}

function ticketTypeDraftOf(ticketType: ZoomTicketType): Record<string, unknown> {
  const free = ticketType.free ?? (ticketType.price === undefined || Number(ticketType.price) === 0);
  return {
    name: ticketType.name,
    ...(ticketType.description === undefined ? {} : { description: ticketType.description }),
    free,
    ...(free || ticketType.price === undefined ? {} : { price: ticketType.price }),
    // Zoom writes an unlimited ticket type without a quantity, or with 0.
    ...(ticketType.quantity === undefined || ticketType.quantity <= 0 ? {} : { quantity: ticketType.quantity }),
    ...(ticketType.currency === undefined ? {} : { currency: ticketType.currency }),
    ...(ticketType.start_time === undefined ? {} : { start_time: instant(ticketType.start_time) }),
    ...(ticketType.end_time === undefined ? {} : { end_time: instant(ticketType.end_time) }),
  };
}

function registrationDraftOf(link: ZoomAccessLink, isRecurring: boolean): Record<string, unknown> {
  return {
    link_name: link.name,
    ...(isRecurring ? { recurring_registration_option: link.recurring_registration_option ?? 'all_sessions' } : {}),
    ...(link.authentication_method === undefined ? {} : { authentication_method: link.authentication_method }),
  };
}

/** Zoom's field for a path of the draft, so a refusal names what to correct on Zoom. */
function zoomPathOf(path: readonly PropertyKey[], ticketTypeIndex: number, linkIndex: number): string {
  const [head, ...rest] = path.map(String);
  const tail = rest.length === 0 ? '' : `.${rest.join('.')}`;
  switch (head) {
    case 'start_time':
      return 'calendar[0].start_time';
    case 'end_time':
      return 'calendar[0].end_time';
    case 'ticket_type':
      return `ticket_types[${String(ticketTypeIndex)}]${tail}`;
    case 'registration':
      return `access_links[${String(linkIndex)}]${tail.replace('.link_name', '.name')}`;
    case 'occurrence_changes':
      return 'sessions';
    case undefined:
      return '';
    default:
      return `${head}${tail}`;
  }
}

/**
 * One event on Zoom in Cadence's terms, from Zoom's answers alone (see `ZoomSeriesView`). The
 * draft passes `seriesDraftSchema` as a planner's would; a registration that does not is kept on
 * Zoom with the reason, and an event whose own fields do not is refused with Zoom's field.
 * A CONFERENCE (tracks, an agenda) cannot be opened.
 */
export function zoomSeriesView(answers: ZoomEventAnswers): ZoomViewResult {
  const { event } = answers;
  const fields = draftFieldsFromZoomEvent(event);
  if (fields === undefined) {
    return event.event_type.toUpperCase() === 'CONFERENCE'
      ? refused(
          event,
          'cannot_open',
          'A conference has tracks and an agenda that Cadence does not model; it stays on Zoom.',
          'event_type',
        )
      : refused(
          event,
          'cannot_open',
          `Cadence opens recurring and single-session events; this one is ${event.event_type || 'of no type'}.`,
          'event_type',
        );
  }
  const isRecurring = fields.event_type === 'RECURRING';
  const link = registrationLinkOf(answers.accessLinks);
  const ticketType =
    answers.ticketTypes.find((type) => type.ticket_type_id === link?.ticket_type_id) ?? answers.ticketTypes[0];
  const ticketTypeIndex = ticketType === undefined ? 0 : answers.ticketTypes.indexOf(ticketType);
  const linkIndex = link === undefined ? 0 : answers.accessLinks.indexOf(link);
  // The first problem, at the field of Zoom's answer that holds it.
  const invalid = (issue: z.core.$ZodIssue | undefined): ZoomViewResult => {
    const path = issue === undefined ? '' : zoomPathOf(issue.path, ticketTypeIndex, linkIndex);
    return refused(event, 'invalid', `Zoom's ${path || 'event'}: ${issue?.message ?? 'Cadence cannot read it.'}`, path);
  };

  const first = event.calendar?.[0];
  const recurrence = fields.recurrence;
  if (recurrence !== undefined && recurrence.duration === 0 && first?.end_time !== undefined) {
    // Zoom may leave the duration out; the first session's length is the series'.
    recurrence.duration = Math.round((Date.parse(first.end_time) - Date.parse(fields.start_time)) / 60_000);
  }
  if (recurrence?.end_date_time !== undefined) recurrence.end_date_time = instant(recurrence.end_date_time);
  const eventDraft: Record<string, unknown> = {
    ...fields,
    start_time: instant(fields.start_time),
    ...(fields.end_time === undefined ? {} : { end_time: instant(fields.end_time) }),
    ...(ticketType === undefined ? {} : { ticket_type: ticketTypeDraftOf(ticketType) }),
    ...(link === undefined ? {} : { registration: registrationDraftOf(link, isRecurring) }),
  };
  const bare = seriesDraftSchema.safeParse(eventDraft);
  if (!bare.success) {
    return invalid(bare.error.issues[0]);
  }

  let mapping: SessionMapping = { sessions: [], changes: [], extra: [] };
  if (bare.data.event_type === 'RECURRING') {
    const plan = planSeriesTiming(bare.data);
    if (plan.ok) mapping = mapSessionsToOccurrences(plan.instants, answers.sessions);
  }
  const occurrenceBySession = new Map(mapping.sessions.map((session) => [session.sessionId, session.occurrence]));
  const option =
    bare.data.event_type === 'RECURRING' ? bare.data.registration?.recurring_registration_option : undefined;
  const perSession = option === 'single_session' || option === 'multiple_sessions';
  // The series' registrations are those of its ticket type; the others stay with theirs on Zoom.
  const tickets = answers.tickets.filter(
    (ticket) =>
      ticketType === undefined || (ticket.ticket_type_id ?? ticketType.ticket_type_id) === ticketType.ticket_type_id,
  );
  let groups = ticketType === undefined ? [] : groupTickets(tickets, (id) => occurrenceBySession.get(id), perSession);
  const kept = keptItems(answers, ticketType?.ticket_type_id, link?.access_link_id);
  for (const session of mapping.extra) {
    kept.push({
      kind: 'session',
      name: `${session.name ?? 'Session'} at ${instant(session.start_time)}`,
      zoom_id: session.session_id,
      reason: 'Zoom has more sessions than the recurrence gives; Cadence leaves this one on Zoom as it is.',
    });
  }

  const isPublished = (event.status ?? '').toUpperCase() === 'PUBLISHED';
  const build = () => ({
    ...bare.data,
    ...(bare.data.event_type === 'RECURRING' ? { occurrence_changes: mapping.changes } : {}),
    attendees: groups.map((group) => group.fields),
    publish: isPublished && bare.data.ticket_type !== undefined && bare.data.registration !== undefined,
  });
  let parsed = seriesDraftSchema.safeParse(build());
  if (!parsed.success) {
    // A registration Cadence cannot hold stays on Zoom; the rest of the event opens.
    const refusedAt = new Map<number, z.core.$ZodIssue>();
    for (const issue of parsed.error.issues) {
      const [head, index] = issue.path;
      if (head === 'attendees' && typeof index === 'number' && !refusedAt.has(index)) refusedAt.set(index, issue);
    }
    groups.forEach((group, index) => {
      const issue = refusedAt.get(index);
      if (issue !== undefined) kept.push(refusedAttendee(group, issue));
    });
    groups = groups.filter((_, index) => !refusedAt.has(index));
    parsed = seriesDraftSchema.safeParse(build());
  }
  if (!parsed.success) {
    return invalid(parsed.error.issues[0]);
  }
  const draft: SeriesDraft = parsed.data;
  return {
    ok: true,
    view: {
      eventId: event.event_id,
      status: (event.status ?? 'draft').toLowerCase(),
      draft,
      event: eventFieldsOf(draft),
      ...(ticketType === undefined || draft.ticket_type === undefined
        ? {}
        : { ticketType: { zoomId: ticketType.ticket_type_id, base: draft.ticket_type satisfies TicketTypeDraft } }),
      ...(link === undefined || draft.registration === undefined
        ? {}
        : { accessLink: { zoomId: link.access_link_id, base: draft.registration satisfies RegistrationDraft } }),
      sessions: mapping.sessions,
      registrations: draft.attendees.flatMap((attendee, index) => {
        const group = groups[index];
        return group === undefined
          ? []
          : [{ registrationId: group.registrationId, ticketIds: group.ticketIds, attendee, origin: group.origin }];
      }),
      keptOnZoom: kept,
      pages: { event_url: event.event_url ?? null, registration_url: link?.url ?? null },
    },
  };
}

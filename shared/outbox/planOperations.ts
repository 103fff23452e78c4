import type { AttendeeDraft } from '../drafts/attendeeDraft';
import { plannedSessions, type PlannedSession } from '../drafts/plannedSessions';
import type { RegistrationDraft } from '../drafts/registrationDraft';
import type { SeriesDraft } from '../drafts/seriesDraft';
import type { TicketTypeDraft } from '../drafts/ticketTypeDraft';
import type { EventFields, PlannedOperation } from './operations';

/** What Zoom has of a series, as last synced; empty for a series never synced. */
export interface SeriesZoomState {
  eventId?: string;
  /** The event fields as last synced: the base of the three-way comparison. */
  eventBase?: EventFields;
  isPublished: boolean;
  ticketTypeId?: string;
  ticketTypeBase?: TicketTypeDraft;
  accessLinkId?: string;
  accessLinkBase?: RegistrationDraft;
  /** Zoom's sessions by occurrence number, with what was last synced of each. */
  sessions: ReadonlyMap<
    number,
    { sessionId: string; base?: Pick<PlannedSession, 'start_time' | 'end_time' | 'status'> }
  >;
}

/** Keys that a ticket waits for: the event, its ticket type and link, and publishing. */
const ticketDependencies = ['event', 'ticket_type', 'access_link', 'publish'];

/** The event fields of a draft, without the fields it leaves unset. */
export function eventFieldsOf(draft: SeriesDraft): EventFields {
  const fields: EventFields = {
    name: draft.name,
    timezone: draft.timezone,
    event_type: draft.event_type,
    attendance_type: draft.attendance_type,
    access_level: draft.access_level,
    start_time: draft.start_time,
  };
  if (draft.hub_id !== undefined) fields.hub_id = draft.hub_id;
  if (draft.description !== undefined) fields.description = draft.description;
  if (draft.meeting_type !== undefined) fields.meeting_type = draft.meeting_type;
  if (draft.event_type === 'SIMPLE_EVENT') fields.end_time = draft.end_time;
  else fields.recurrence = draft.recurrence;
  return fields;
}

/** The fields of `local` that differ from `base`, compared as JSON. */
export function changedFields<T extends object>(local: T, base: T): Partial<T> {
  const changes: Partial<T> = {};
  const keys = new Set([...Object.keys(local), ...Object.keys(base)]) as Set<keyof T>;
  for (const key of keys) {
    if (JSON.stringify(local[key]) !== JSON.stringify(base[key])) changes[key] = local[key];
  }
  return changes;
}

function isEmpty(value: object): boolean {
  return Object.keys(value).length === 0;
}

/**
 * The series-level operations that bring Zoom to the draft: everything for a series Zoom does not
 * have yet, only the differences from the last synced state for one it has, and a delete for a
 * synced series the planner deleted (`draft` undefined). Deterministic: the store replaces a
 * series' pending operations with this plan after every edit, which is how edits coalesce.
 */
export function planSeriesOperations(draft: SeriesDraft | undefined, zoom: SeriesZoomState): PlannedOperation[] {
  if (draft === undefined) {
    return zoom.eventId === undefined
      ? []
      : [{ key: 'event.delete', kind: 'event.delete', payload: { event_id: zoom.eventId }, dependsOn: [] }];
  }
  const operations: PlannedOperation[] = [];
  const fields = eventFieldsOf(draft);
  if (zoom.eventId === undefined) {
    operations.push({ key: 'event', kind: 'event.create', payload: { event: fields }, dependsOn: [] });
  } else {
    const changes = changedFields(fields, zoom.eventBase ?? fields);
    if (!isEmpty(changes)) operations.push({ key: 'event', kind: 'event.update', payload: { changes }, dependsOn: [] });
  }

  const ticketType = draft.ticket_type;
  if (ticketType !== undefined) {
    if (zoom.ticketTypeId === undefined) {
      operations.push({
        key: 'ticket_type',
        kind: 'ticket_type.create',
        payload: { ticket_type: ticketType },
        dependsOn: ['event'],
      });
    } else {
      const changes = changedFields(ticketType, zoom.ticketTypeBase ?? ticketType);
      if (!isEmpty(changes)) {
        operations.push({ key: 'ticket_type', kind: 'ticket_type.update', payload: { changes }, dependsOn: [] });
      }
    }
  }

  const registration = draft.registration;
  if (registration !== undefined && ticketType !== undefined) {
    if (zoom.accessLinkId === undefined) {
      operations.push({
        key: 'access_link',
        kind: 'access_link.create',
        payload: { registration },
        dependsOn: ['ticket_type'],
      });
    } else {
      const changes = changedFields(registration, zoom.accessLinkBase ?? registration);
      if (!isEmpty(changes)) {
        operations.push({ key: 'access_link', kind: 'access_link.update', payload: { changes }, dependsOn: [] });
      }
    }
  }

  if (draft.publish && !zoom.isPublished && ticketType !== undefined && registration !== undefined) {
    operations.push({
      key: 'publish',
      kind: 'event.publish',
      payload: {},
      dependsOn: ['event', 'ticket_type', 'access_link'],
    });
  }

  if (draft.event_type === 'RECURRING') operations.push(...sessionOperations(draft, zoom));
  return operations;
}

function sessionOperations(draft: SeriesDraft, zoom: SeriesZoomState): PlannedOperation[] {
  const operations: PlannedOperation[] = [];
  for (const session of plannedSessions(draft)) {
    const base = zoom.sessions.get(session.occurrence)?.base;
    const key = `session:${String(session.occurrence)}`;
    // Without a synced session, the plain schedule is what Zoom generated: only changes need a call.
    const remote = base ?? { status: 'scheduled' };
    if (session.status === 'cancelled') {
      if (remote.status !== 'cancelled') {
        operations.push({
          key,
          kind: 'session.delete',
          payload: { occurrence: session.occurrence },
          dependsOn: ['event'],
        });
      }
      continue;
    }
    const isMoved =
      base === undefined
        ? session.status === 'moved'
        : base.start_time !== session.start_time || base.end_time !== session.end_time;
    if (isMoved) {
      operations.push({
        key,
        kind: 'session.update',
        payload: { occurrence: session.occurrence, start_time: session.start_time, end_time: session.end_time },
        dependsOn: ['event'],
      });
    }
  }
  return operations;
}

/**
 * The operation for one attendee's ticket: create it, update what changed since it was synced, or
 * delete it when the planner removed the attendee (`attendee` undefined). Undefined when Zoom is
 * already up to date.
 */
export function planTicketOperation(
  attendeeId: string,
  attendee: AttendeeDraft | undefined,
  ticket: { ticketId: string; base: AttendeeDraft } | undefined,
): PlannedOperation | undefined {
  const key = `ticket:${attendeeId}`;
  if (attendee === undefined) {
    return ticket === undefined
      ? undefined
      : { key, kind: 'ticket.delete', payload: { attendee_id: attendeeId, ticket_id: ticket.ticketId }, dependsOn: [] };
  }
  if (ticket === undefined) {
    return {
      key,
      kind: 'ticket.create',
      payload: { attendee_id: attendeeId, attendee },
      dependsOn: ticketDependencies,
    };
  }
  const changes = changedFields(attendee, ticket.base);
  return isEmpty(changes)
    ? undefined
    : { key, kind: 'ticket.update', payload: { attendee_id: attendeeId, changes }, dependsOn: [] };
}

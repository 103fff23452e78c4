import { canonicalRecurrence } from '../recurrence/canonicalRecurrence';
import type { AttendeeDraft } from '../drafts/attendeeDraft';
import type { PlannedSession } from '../drafts/plannedSessions';
import type { RegistrationDraft } from '../drafts/registrationDraft';
import type { SeriesDraft } from '../drafts/seriesDraft';
import type { TicketTypeDraft } from '../drafts/ticketTypeDraft';
import type { MeetingDraft } from '../meetings/meetingDraft';
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
  /**
   * The old events this series replaced (a pattern change: one, or the parts of a long series
   * still to come), each still to cancel on Zoom once this series holds the registrations it
   * carries (their IDs).
   */
  predecessors?: {
    /** `replacedId`: the series the planner replaced, the predecessor itself or the long series it is a part of. */
    events: readonly { seriesId: string; name: string; replacedId: string; eventId: string; message: string }[];
    registrationIds: readonly string[];
  };
}

/** What Zoom has of a meeting, as last synced; empty for a meeting never synced. */
export interface MeetingZoomState {
  meetingId?: string;
  /** The meeting as last synced: the base of the three-way comparison. */
  base?: MeetingDraft;
}

/** A registration Zoom has: its tickets (one per session for a per-session registration) and what was synced. */
export interface SyncedTicket {
  ticketId: string;
  base: AttendeeDraft;
}

/**
 * How a draft's changes become outbox operations. The store calls it inside the transaction that
 * saves the draft; the sync's operation modules implement it, one kind each.
 */
export interface OutboxPlanner {
  /** The series-level operations that bring Zoom to the draft (`draft` undefined: deleted). */
  planSeries(draft: SeriesDraft | undefined, zoom: SeriesZoomState): PlannedOperation[];
  /**
   * One attendee's registration (`attendee` undefined: removed or waiting); undefined when Zoom is
   * up to date. `promotedFor`: the person left the waiting list for a place freed in these
   * sessions ([] for the series).
   */
  planTicket(
    attendeeId: string,
    attendee: AttendeeDraft | undefined,
    ticket: SyncedTicket | undefined,
    promotedFor?: readonly number[],
  ): PlannedOperation | undefined;
  /** A recurring meeting's operations (`draft` undefined: deleted here). */
  planMeeting(draft: MeetingDraft | undefined, zoom: MeetingZoomState): PlannedOperation[];
}

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
  return canonicalEventFields(fields);
}

/**
 * Event fields in the one form the draft, Zoom's answer and the last synced snapshot are compared
 * in: the recurrence as Zoom spells it (`canonicalRecurrence`). Snapshots stored before are read
 * through this too, so that they compare the same.
 */
export function canonicalEventFields(fields: EventFields): EventFields {
  if (fields.recurrence === undefined) return fields;
  return { ...fields, recurrence: canonicalRecurrence(fields.recurrence, fields) };
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

export function isEmpty(value: object): boolean {
  return Object.keys(value).length === 0;
}

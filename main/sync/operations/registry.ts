import type { PlannedOperation } from '../../../shared/outbox/operations';
import type { OutboxPlanner } from '../../../shared/outbox/planOperations';
import { accessLinkCreate, accessLinkUpdate, planAccessLink } from './accessLink';
import { eventCreate, eventDelete, eventFieldsKey, eventPublish, eventUpdate, planEvent, planPublish } from './event';
import type { OperationKind } from './operation';
import { meetingCreate, meetingDelete, meetingUpdate } from './meeting';
import type { MeetingOperationKind } from './meetingOperation';
import { planMeeting } from './meetingPlan';
import { planPredecessorCancel, predecessorCancel } from './predecessor';
import { planSessions, sessionDelete, sessionUpdate } from './session';
import { planTicket, ticketCreate, ticketDelete, ticketUpdate } from './ticket';
import { planTicketType, ticketTypeCreate, ticketTypeUpdate } from './ticketType';

/**
 * Every operation kind, in the order a planner reads them (and a serial sync sends them): the
 * series' own operations, then sessions, then registrations. The engine knows kinds only from here.
 */
export const operationKinds: readonly OperationKind[] = [
  eventDelete,
  eventCreate,
  eventUpdate,
  ticketTypeCreate,
  ticketTypeUpdate,
  accessLinkCreate,
  accessLinkUpdate,
  eventPublish,
  sessionUpdate,
  sessionDelete,
  ticketCreate,
  ticketUpdate,
  ticketDelete,
  predecessorCancel,
];

const byKind = new Map(operationKinds.map((kind, order) => [kind.kind, { kind, order }]));

/** The module of an operation kind, and its place in the order; undefined for a kind this build does not know. */
export function operationKindOf(kind: string): { kind: OperationKind; order: number } | undefined {
  return byKind.get(kind);
}

/** Every kind of a recurring meeting's operations, in the order a meeting's are sent. */
export const meetingOperationKinds: readonly MeetingOperationKind[] = [meetingDelete, meetingCreate, meetingUpdate];

const meetingByKind = new Map(meetingOperationKinds.map((kind, order) => [kind.kind, { kind, order }]));

/** The module of a meeting's operation kind, and its place in the order; undefined for a kind this build does not know. */
export function meetingOperationKindOf(kind: string): { kind: MeetingOperationKind; order: number } | undefined {
  return meetingByKind.get(kind);
}

/** How drafts become operations: each Zoom object's planner, and the registrations'. */
export const outboxPlanner: OutboxPlanner = {
  planSeries(draft, zoom) {
    const event = planEvent(draft, zoom);
    // A new pattern makes Zoom generate the sessions anew: their changes go to the new sessions.
    const isRegenerating = event.some(isNewSchedule);
    const sessions = isRegenerating
      ? planSessions(draft, { ...zoom, sessions: new Map() }, [eventFieldsKey])
      : planSessions(draft, zoom);
    return [
      ...event,
      ...[planTicketType, planAccessLink, planPublish].flatMap((plan) => plan(draft, zoom)),
      ...sessions,
      ...planPredecessorCancel(draft, zoom),
    ];
  },
  planTicket,
  planMeeting,
};

function isNewSchedule(operation: PlannedOperation): boolean {
  const parsed = eventUpdate.payload.safeParse(operation.payload);
  return operation.kind === eventUpdate.kind && parsed.success && parsed.data.changes.recurrence !== undefined;
}

import { z } from 'zod';
import { attendeeDraftSchema } from '../drafts/attendeeDraft';
import { registrationDraftSchema } from '../drafts/registrationDraft';
import { ticketTypeDraftSchema } from '../drafts/ticketTypeDraft';
import { recurrenceDraftSchema } from '../recurrence/recurrenceSchema';

export const operationStateSchema = z.enum(['pending', 'in_flight', 'done', 'failed', 'conflict']);
export type OperationState = z.output<typeof operationStateSchema>;

/** The fields of a series that live on Zoom's event, as the outbox carries them. */
export const eventFieldsSchema = z.object({
  hub_id: z.string().optional(),
  name: z.string(),
  description: z.string().optional(),
  timezone: z.string(),
  event_type: z.enum(['RECURRING', 'SIMPLE_EVENT']),
  meeting_type: z.enum(['MEETING', 'WEBINAR']).optional(),
  attendance_type: z.enum(['virtual', 'in-person', 'hybrid']),
  access_level: z.enum(['PRIVATE_UNRESTRICTED', 'PRIVATE_RESTRICTED']),
  start_time: z.string(),
  end_time: z.string().optional(),
  recurrence: recurrenceDraftSchema.optional(),
});
export type EventFields = z.output<typeof eventFieldsSchema>;

/** Each operation kind with the payload it carries; the payload is checked when read back. */
export const operationPayloadSchemas = {
  /** Create the event on Zoom (it starts as a draft there). */
  'event.create': z.object({ event: eventFieldsSchema }),
  /** Change fields of an event Zoom already has. */
  'event.update': z.object({ changes: eventFieldsSchema.partial() }),
  'event.publish': z.object({}),
  'event.delete': z.object({ event_id: z.string() }),
  'ticket_type.create': z.object({ ticket_type: ticketTypeDraftSchema }),
  'ticket_type.update': z.object({ changes: z.record(z.string(), z.unknown()) }),
  /** The registration access link, created once the ticket type exists. */
  'access_link.create': z.object({ registration: registrationDraftSchema }),
  'access_link.update': z.object({ changes: z.record(z.string(), z.unknown()) }),
  /** Move one occurrence (a PATCH of its session once Zoom has generated it). */
  'session.update': z.object({ occurrence: z.number().int(), start_time: z.string(), end_time: z.string() }),
  /** Cancel one occurrence (a DELETE of its session). */
  'session.delete': z.object({ occurrence: z.number().int() }),
  'ticket.create': z.object({ attendee_id: z.string(), attendee: attendeeDraftSchema }),
  'ticket.update': z.object({ attendee_id: z.string(), changes: z.record(z.string(), z.unknown()) }),
  'ticket.delete': z.object({ attendee_id: z.string(), ticket_id: z.string() }),
} as const;

export type OperationKind = keyof typeof operationPayloadSchemas;

/** The order of a series' own operations in a sync: the event, its ticket type and link, publishing. */
export const seriesOrder = [
  'event.delete',
  'event.create',
  'event.update',
  'ticket_type.create',
  'ticket_type.update',
  'access_link.create',
  'access_link.update',
  'event.publish',
] as const satisfies readonly OperationKind[];
export const operationKinds = Object.keys(operationPayloadSchemas) as OperationKind[];
export type OperationPayload<K extends OperationKind> = z.output<(typeof operationPayloadSchemas)[K]>;

/** An operation the planner wants pending; `key` names it within its series, for coalescing. */
export type PlannedOperation = {
  [K in OperationKind]: { key: string; kind: K; payload: OperationPayload<K>; dependsOn: string[] };
}[OperationKind];

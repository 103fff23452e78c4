import { z } from 'zod';
import { recurrenceDraftSchema } from '../recurrence/recurrenceSchema';

/**
 * An outbox operation's life: `pending → in_flight → done | failed | conflict`. `failed` is an
 * operation Zoom refused for good; `conflict` waits for the planner. Neither is sent again until
 * the planner settles its conflict.
 */
export const operationStateSchema = z.enum(['pending', 'in_flight', 'done', 'failed', 'conflict']);
export type OperationState = z.output<typeof operationStateSchema>;

/**
 * How a waiting operation shows: sent at the next sync (`pending`, `in_flight`), held for the
 * planner (`conflict`, `failed`), `blocked` behind another operation of its series that is held,
 * or `not_ready`: its series is kept out of syncs until the planner marks it ready.
 */
export const waitingStateSchema = z.enum(['pending', 'in_flight', 'blocked', 'failed', 'conflict', 'not_ready']);
export type WaitingState = z.output<typeof waitingStateSchema>;

/**
 * What an operation makes visible to the public on Zoom: a new event, an event published, or a
 * cancellation that emails the people registered. A sync sends these only when the planner says so.
 */
export const publicEffectSchema = z.enum(['new_event', 'publishing', 'cancellation']);
export type PublicEffect = z.output<typeof publicEffectSchema>;

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

/**
 * An operation the planner wants pending. `key` names it within its series, for coalescing and
 * for dependencies: an operation runs once no unfinished operation of a key it depends on is left.
 */
export interface PlannedOperation {
  key: string;
  kind: string;
  payload: unknown;
  dependsOn: readonly string[];
}

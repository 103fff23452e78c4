import { z } from 'zod';
import { operationStateSchema, type OperationState } from '../../../shared/outbox/operations';

/** One operation as stored; its payload is checked by its kind's schema where it is used. */
export interface StoredOperation {
  id: number;
  seriesId: string;
  key: string;
  kind: string;
  payload: unknown;
  dependsOn: string[];
  state: OperationState;
  attempts: number;
}

export const storedRowSchema = z.object({
  id: z.number(),
  series_id: z.string(),
  op_key: z.string(),
  kind: z.string(),
  payload_json: z.string(),
  depends_on_json: z.string(),
  state: operationStateSchema,
  attempts: z.number(),
});
export const pendingRowSchema = z.object({
  id: z.number(),
  op_key: z.string(),
  kind: z.string(),
  payload_json: z.string(),
  depends_on_json: z.string(),
});
export const ticketRowSchema = z.object({
  id: z.string(),
  zoom_ticket_id: z.string().nullable(),
  synced_json: z.string().nullable(),
  deleted_at: z.string().nullable(),
  wait_position: z.number().nullable(),
  promoted_at: z.string().nullable(),
  waiting_for_json: z.string().nullable(),
});
export const keysSchema = z.array(z.string());
// Row schemas are built once: building one per row costs more than the query.
export const heldRowSchema = z.object({ series_id: z.string(), op_key: z.string() });
/** Whose an operation is: a series' or a meeting's. */
export const ownerRowSchema = z.object({
  series_id: z.string().nullable(),
  meeting_id: z.string().nullable(),
  op_key: z.string(),
});
export const stateRowSchema = z.object({ id: z.number(), state: operationStateSchema });
export const countRowSchema = z.object({ state: operationStateSchema, n: z.number() });
export const optionalIdSchema = z.number().optional();
export const countSchema = z.number();
export const optionalNameSchema = z.string().optional();
export const waitingRowSchema = storedRowSchema.extend({ series_name: z.string(), is_ready: z.number() });

/** JSON text checked by a schema, or the fallback when it is not. */
export function jsonOr<T>(text: string, schema: z.ZodType<T>, fallback: T): T {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

/** An outbox row as an operation; a payload or key list that no longer parses reads as null or none, never an error. */
export function storedFrom(raw: unknown): StoredOperation {
  const row = storedRowSchema.parse(raw);
  return {
    id: row.id,
    seriesId: row.series_id,
    key: row.op_key,
    kind: row.kind,
    payload: jsonOr<unknown>(row.payload_json, z.unknown(), null),
    dependsOn: jsonOr(row.depends_on_json, keysSchema, []),
    state: row.state,
    attempts: row.attempts,
  };
}

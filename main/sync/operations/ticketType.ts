import { z } from 'zod';
import { plannedSessions } from '../../../shared/drafts/plannedSessions';
import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import { ticketTypeDraftSchema, type TicketTypeDraft } from '../../../shared/drafts/ticketTypeDraft';
import type { PlannedOperation } from '../../../shared/outbox/operations';
import { changedFields, isEmpty, type SeriesZoomState } from '../../../shared/outbox/planOperations';
import { salesEndOf, ticketTypeBody } from '../../../shared/zoom/draftToZoom';
import type { ZoomTicketType } from '../../../shared/zoom/zoomReadShapes';
import { ZoomApiError } from '../../zoom/zoomErrors';
import { eventKey } from './event';
import { mergeItem } from './itemMerge';
import { operationKind, type Operation, type RunContext, type SeriesRun } from './operation';
import { withValues } from '../../../shared/sync/withValues';
import { changedFieldWords, fieldList, pick } from './words';

export const ticketTypeKey = 'ticket_type';

/** The ticket type's fields compared with Zoom, by the draft's names (which are Zoom's). */
export const ticketTypeFields = [
  'name',
  'description',
  'currency',
  'free',
  'price',
  'quantity',
  'start_time',
  'end_time',
];

const targetOf = (operation: string, zoomId: string | undefined) =>
  ({ item: 'ticket_type', operation, ...(zoomId === undefined ? {} : { zoom_id: zoomId }) }) as const;

/** The request body for a draft's ticket type; an omitted sale window runs from now to the last session. */
function bodyFor(ctx: RunContext, draft: SeriesDraft, ticketType: TicketTypeDraft) {
  return ticketTypeBody(ticketType, { now: ctx.now(), salesEnd: salesEndOf(plannedSessions(draft)) });
}

/**
 * Zoom's API reference says a recurring or single-session event takes no ticket type of its own
 * but comes with one; its tutorial creates one. When Zoom refuses the create, the event's existing
 * ticket type becomes the series', the draft's fields are applied where Zoom lets them be, and
 * what it kept is shown to the planner.
 */
async function useExistingTicketType(
  ctx: RunContext,
  series: SeriesRun,
  op: Operation<{ ticket_type: TicketTypeDraft }>,
  eventId: string,
  refusal: ZoomApiError,
): Promise<boolean> {
  const existing = (await ctx.call(() => ctx.api.listTicketTypes(eventId)))[0];
  const draft = series.draft;
  if (existing === undefined || draft === undefined) return false;
  const body: Record<string, unknown> = { ...bodyFor(ctx, draft, op.payload.ticket_type) };
  const kept: string[] = [];
  try {
    await ctx.call(() => ctx.api.updateTicketType(eventId, existing.ticket_type_id, body));
  } catch (error) {
    if (!(error instanceof ZoomApiError)) throw error;
    // Field by field, to apply every field Zoom takes and name the ones it keeps.
    for (const [field, value] of Object.entries(body)) {
      try {
        await ctx.call(() => ctx.api.updateTicketType(eventId, existing.ticket_type_id, { [field]: value }));
      } catch (fieldError) {
        if (!(fieldError instanceof ZoomApiError)) throw fieldError;
        kept.push(field);
      }
    }
  }
  const local = op.payload.ticket_type as Record<string, unknown>;
  // A field Zoom does not have (no quantity: unlimited) is kept as null, so that it reads as absent.
  const remote = Object.fromEntries(ticketTypeFields.map((field) => [field, remoteFields(existing)[field] ?? null]));
  const keptFields = kept.filter((field) => ticketTypeFields.includes(field));
  ctx.outbox.transaction(() => {
    // The snapshot holds what Zoom has, so what it kept stays a difference the planner sees.
    const base = withValues(local, pick(remote, keptFields)) as TicketTypeDraft;
    ctx.outbox.records.ticketTypeSynced(op.id, series.seriesId, existing.ticket_type_id, base);
    series.links.ticketTypeId = existing.ticket_type_id;
    if (keptFields.length === 0) return;
    ctx.conflict({
      seriesId: series.seriesId,
      operationId: null,
      kind: 'refused',
      target: targetOf('ticket_type.create', existing.ticket_type_id),
      subject: `ticket type: ${fieldList(keptFields)}`,
      local: pick(local, keptFields),
      remote: pick(remote, keptFields),
      message: `${series.name}: Zoom gives this event its own ticket type ("${existing.name}") and keeps its ${fieldList(keptFields)}; registrations use it. (${refusal.message})`,
    });
  });
  return true;
}

function remoteFields(ticketType: ZoomTicketType): Record<string, unknown> {
  return { ...ticketType };
}

export const ticketTypeCreate = operationKind({
  kind: 'ticket_type.create',
  payload: z.object({ ticket_type: ticketTypeDraftSchema }),
  batchSize: 1,
  sentence: (series, [first]) => `Add the ticket type "${first?.ticket_type.name ?? ''}" to "${series.name}"`,
  describe: (payload) => `creating the ticket type "${payload.ticket_type.name}"`,
  target: (_, links) => targetOf('ticket_type.create', links.ticketTypeId),
  async step(ctx, series, [op]) {
    const eventId = series.links.eventId;
    if (op === undefined || series.draft === undefined || eventId === undefined) return;
    const ticketType = op.payload.ticket_type;
    const body = bodyFor(ctx, series.draft, ticketType);
    try {
      await ctx.exactlyOnce(
        op,
        () => ctx.api.createTicketType(eventId, body),
        async () => (await ctx.api.listTicketTypes(eventId)).find((t) => t.name === body.name)?.ticket_type_id,
        (id) => {
          ctx.outbox.records.ticketTypeSynced(op.id, series.seriesId, id, ticketType);
          series.links.ticketTypeId = id;
        },
      );
    } catch (error) {
      if (!(error instanceof ZoomApiError && error.status >= 400 && error.status < 500)) throw error;
      if (!(await useExistingTicketType(ctx, series, op, eventId, error))) throw error;
    }
  },
});

export const ticketTypeUpdate = operationKind({
  kind: 'ticket_type.update',
  payload: z.object({ changes: z.record(z.string(), z.unknown()) }),
  batchSize: 1,
  sentence: (series, [first]) => `Update the ticket type of "${series.name}"${changedFieldWords(first?.changes ?? {})}`,
  describe: () => 'updating the ticket type',
  target: (_, links) => targetOf('ticket_type.update', links.ticketTypeId),
  async step(ctx, series, [op]) {
    const { eventId, ticketTypeId } = series.links;
    const local = series.draft?.ticket_type;
    if (op === undefined || local === undefined || eventId === undefined || ticketTypeId === undefined) return;
    const remote = (await ctx.call(() => ctx.api.listTicketTypes(eventId))).find(
      (t) => t.ticket_type_id === ticketTypeId,
    );
    if (remote === undefined) {
      throw new ZoomApiError('not_found', 'The ticket type no longer exists on Zoom.', [], 404, 261202, undefined);
    }
    await mergeItem(ctx, series, op, {
      table: 'ticket_type',
      what: 'ticket type',
      draftField: 'ticket_type',
      target: targetOf('ticket_type.update', ticketTypeId),
      fields: ticketTypeFields,
      local: local,
      remote: remoteFields(remote),
      push: async (changes) => {
        await ctx.call(() => ctx.api.updateTicketType(eventId, ticketTypeId, changes));
      },
    });
  },
});

/** The ticket type's operation for a draft: create it, or update what changed since the last sync. */
export function planTicketType(draft: SeriesDraft | undefined, zoom: SeriesZoomState): PlannedOperation[] {
  const ticketType = draft?.ticket_type;
  if (ticketType === undefined) return [];
  if (zoom.ticketTypeId === undefined) {
    return [
      { key: ticketTypeKey, kind: ticketTypeCreate.kind, payload: { ticket_type: ticketType }, dependsOn: [eventKey] },
    ];
  }
  const changes = changedFields(ticketType, zoom.ticketTypeBase ?? ticketType);
  return isEmpty(changes)
    ? []
    : [{ key: 'ticket_type.fields', kind: ticketTypeUpdate.kind, payload: { changes }, dependsOn: [] }];
}

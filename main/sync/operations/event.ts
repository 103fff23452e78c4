import { z } from 'zod';
import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import { eventFieldsSchema, type EventFields, type PlannedOperation } from '../../../shared/outbox/operations';
import { changedFields, eventFieldsOf, isEmpty, type SeriesZoomState } from '../../../shared/outbox/planOperations';
import { changedPatternFields } from '../../../shared/recurrence/recurrencePattern';
import { threeWayMerge } from '../../../shared/sync/threeWayMerge';
import { createEventBody } from '../../../shared/zoom/draftToZoom';
import { draftFieldsFromZoomEvent } from '../../../shared/zoom/zoomToDraft';
import { unlessGone } from '../runSignals';
import { eventPatchBody } from '../zoomEventPatch';
import { operationKind } from './operation';
import { settleMerge } from './settleMerge';
import { changedFieldWords, count, pick } from './words';

/** Keys of the event's operations; what needs the event to exist depends on `eventKey` only. */
export const eventKey = 'event';
export const eventFieldsKey = 'event.fields';
export const publishKey = 'publish';

/** The event fields compared with Zoom; the hub and the event type do not change after creation. */
const comparedEventFields = [
  'name',
  'description',
  'timezone',
  'meeting_type',
  'attendance_type',
  'access_level',
  'start_time',
  'end_time',
  'recurrence',
] as const satisfies readonly (keyof EventFields)[];

function isNewPattern(next: EventFields, previous: EventFields): boolean {
  if (next.recurrence === undefined || previous.recurrence === undefined) return false;
  return changedPatternFields(next.recurrence, previous.recurrence).length > 0;
}

type ComparedField = (typeof comparedEventFields)[number];

/**
 * The event fields compared with Zoom. Once Zoom has a recurring event's sessions, its start time,
 * duration and time zone reach Zoom as moves of each session (their IDs, and the registrations on
 * them, kept): a new recurrence would make Zoom generate new sessions, and a published event's is
 * locked. Only a new pattern (other days, interval or count) still goes to the event.
 */
export function comparedFieldsOf(
  local: EventFields,
  base: EventFields,
  hasSessions: boolean,
): readonly ComparedField[] {
  if (!hasSessions || local.recurrence === undefined || isNewPattern(local, base)) return comparedEventFields;
  return comparedEventFields.filter((field) => field !== 'start_time' && field !== 'recurrence');
}

/** Create the event on Zoom (it starts as a draft there). */
export const eventCreate = operationKind({
  kind: 'event.create',
  payload: z.object({ event: eventFieldsSchema }),
  publicEffect: 'new_event',
  batchSize: 1,
  sentence: (series) => `Create "${series.name}" with ${count(series.sessions, 'session')}`,
  describe: () => 'creating the event',
  target: () => ({ item: 'event', operation: 'event.create' }),
  async step(ctx, series, [op]) {
    const draft = series.draft;
    if (op === undefined || draft === undefined) return;
    const hubId = draft.hub_id ?? (await ctx.firstHub());
    const body = createEventBody(draft, hubId);
    const linked = ctx.outbox.linkedEventIds();
    await ctx.exactlyOnce(
      op,
      async () => (await ctx.api.createEvent(body)).event_id,
      async () =>
        (await ctx.api.listEvents('draft')).find(
          (event) =>
            !linked.has(event.event_id) &&
            event.hub_id === hubId &&
            event.name === body.name &&
            (event.calendar?.[0]?.start_time ?? event.start_time) === body.calendar[0].start_time,
        )?.event_id,
      (eventId) => {
        ctx.outbox.records.eventCreated(op.id, series.seriesId, eventId, { ...eventFieldsOf(draft), hub_id: hubId });
        series.links.eventId = eventId;
      },
    );
  },
});

/**
 * Change fields of an event Zoom already has: read it, compare three ways with the last synced
 * snapshot, push what changed here only, take what changed there only (and say so), and make a
 * conflict of any field both changed differently. A cancelled event is a conflict too.
 */
export const eventUpdate = operationKind({
  kind: 'event.update',
  payload: z.object({ changes: eventFieldsSchema.partial() }),
  batchSize: 1,
  sentence: (series, [first]) => `Update "${series.name}"${changedFieldWords(first?.changes ?? {})}`,
  describe: (payload) => `updating ${Object.keys(payload.changes).join(', ')}`,
  target: (_, links) => ({
    item: 'event',
    operation: 'event.update',
    ...(links.eventId === undefined ? {} : { zoom_id: links.eventId }),
  }),
  async step(ctx, series, [op]) {
    const { draft } = series;
    const eventId = series.links.eventId;
    if (op === undefined || draft === undefined || eventId === undefined) return;
    const local = eventFieldsOf(draft);
    const base = ctx.outbox.eventBase(series.seriesId) ?? local;
    const target = { item: 'event', operation: 'event.update', zoom_id: eventId } as const;
    const remoteEvent = await ctx.call(() => ctx.api.getEvent(eventId));
    if ((remoteEvent.status ?? '').toUpperCase() === 'CANCELLED') {
      ctx.conflict({
        seriesId: series.seriesId,
        operationId: op.id,
        kind: 'remote_cancelled',
        target,
        subject: 'event',
        local: op.payload.changes,
        message: `${series.name}: someone cancelled this event on Zoom, so Cadence's changes were not sent.`,
      });
      return;
    }
    const remote: EventFields = { ...base, ...(draftFieldsFromZoomEvent(remoteEvent, base.recurrence) ?? {}) };
    const hasSessions = (await series.sessionIds()).size > 0;
    const plan = threeWayMerge(base, local, remote, comparedFieldsOf(local, base, hasSessions));
    const body = isEmpty(plan.push) ? undefined : eventPatchBody(plan.push, local, { hasSessions });
    if (body !== undefined) await ctx.call(() => ctx.api.updateEvent(eventId, body));
    // A new pattern, sent now or (our answer lost) before, made Zoom generate new sessions.
    const isRegenerated = hasSessions && (body?.recurrence !== undefined || isNewPattern(remote, base));
    ctx.outbox.transaction(() => {
      if (isRegenerated) series.forgetSessions();
      settleMerge(ctx, series, {
        operationId: op.id,
        target,
        base,
        local,
        remote,
        plan,
        sent: plan.push,
        change: (current, adopt) => ({ ...current, ...adopt }) as SeriesDraft,
        record: (snapshot, settled) => {
          ctx.outbox.records.eventMerged(series.seriesId, snapshot, settled);
        },
      });
    });
  },
});

export const eventDelete = operationKind({
  kind: 'event.delete',
  payload: z.object({ event_id: z.string() }),
  publicEffect: 'cancellation',
  batchSize: 1,
  sentence: (series) => `Delete "${series.name}" from Zoom`,
  describe: () => 'deleting the event',
  target: (payload) => ({ item: 'event', operation: 'event.delete', zoom_id: payload.event_id }),
  async step(ctx, series, [op]) {
    if (op === undefined) return;
    // Gone already (someone deleted it, or our own answer was lost): deleted either way.
    await ctx.call(() => unlessGone(() => ctx.api.deleteEvent(op.payload.event_id)));
    ctx.outbox.records.eventDeleted(op.id, series.seriesId);
  },
});

export const eventPublish = operationKind({
  kind: 'event.publish',
  payload: z.object({}),
  publicEffect: 'publishing',
  batchSize: 1,
  sentence: (series) => `Publish "${series.name}"`,
  describe: () => 'publishing',
  target: (_, links) => ({
    item: 'event',
    operation: 'event.publish',
    ...(links.eventId === undefined ? {} : { zoom_id: links.eventId }),
  }),
  async step(ctx, series, [op]) {
    const eventId = series.links.eventId;
    if (op === undefined || eventId === undefined) return;
    await ctx.exactlyOnce(
      op,
      async () => {
        await ctx.api.eventAction(eventId, { operation: 'publish' });
        return true;
      },
      async () => ((await ctx.api.getEvent(eventId)).status?.toUpperCase() === 'PUBLISHED' ? true : undefined),
      () => {
        ctx.outbox.records.published(op.id, series.seriesId);
      },
    );
  },
});

/** The event's operations for a draft: create it, update what changed since the last sync, or delete it (`draft` undefined). */
export function planEvent(draft: SeriesDraft | undefined, zoom: SeriesZoomState): PlannedOperation[] {
  if (draft === undefined) {
    return zoom.eventId === undefined
      ? []
      : [{ key: 'event.delete', kind: eventDelete.kind, payload: { event_id: zoom.eventId }, dependsOn: [] }];
  }
  const fields = eventFieldsOf(draft);
  if (zoom.eventId === undefined) {
    return [{ key: eventKey, kind: eventCreate.kind, payload: { event: fields }, dependsOn: [] }];
  }
  // The hub and the event type stay as created; a hub Zoom chose is no change of the planner's.
  const base = zoom.eventBase ?? fields;
  const compared = comparedFieldsOf(fields, base, zoom.sessions.size > 0);
  const changes = changedFields(pick(fields, compared), pick(base, compared));
  return isEmpty(changes) ? [] : [{ key: eventFieldsKey, kind: eventUpdate.kind, payload: { changes }, dependsOn: [] }];
}

/** Publishing, once the ticket type and link exist: what registrations wait for. */
export function planPublish(draft: SeriesDraft | undefined, zoom: SeriesZoomState): PlannedOperation[] {
  if (draft === undefined || !draft.publish || zoom.isPublished) return [];
  if (draft.ticket_type === undefined || draft.registration === undefined) return [];
  return [
    { key: publishKey, kind: eventPublish.kind, payload: {}, dependsOn: [eventKey, 'ticket_type', 'access_link'] },
  ];
}

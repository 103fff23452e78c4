import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import type { EventFields } from '../../../shared/outbox/operations';
import { eventFieldsOf } from '../../../shared/outbox/planOperations';
import { changedPatternFields } from '../../../shared/recurrence/recurrencePattern';
import type { MergePlan } from '../../../shared/sync/threeWayMerge';
import { threeWayMerge } from '../../../shared/sync/threeWayMerge';
import type { ZoomSeriesView } from '../../../shared/zoom/zoomSeries';
import { linkFields } from '../operations/accessLink';
import { comparedFieldsOf, eventFieldsKey } from '../operations/event';
import { compareItem } from '../operations/itemMerge';
import type { RunContext, SeriesRun } from '../operations/operation';
import { settleMerge } from '../operations/settleMerge';
import { ticketTypeFields } from '../operations/ticketType';
import { refreshRegistrations } from './refreshRegistrations';
import { refreshSessions } from './refreshSessions';
import { emptyTally, type RefreshOptions, type RefreshStores, type RefreshTally } from './refreshTally';

/**
 * A conflict already held by an open conflict or on its way is settled by its own step; a read-back
 * raises only what holds a waiting change, and leaves that to the step when the step follows.
 */
function heldBy<T extends object>(plan: MergePlan<T>, operationId: number | null, options: RefreshOptions) {
  return operationId === null || options.stepsFollow ? { ...plan, conflicts: [] } : plan;
}

/**
 * The event gone from Zoom (deleted, or cancelled): one conflict says so, and what waits for the
 * series stays until the planner chooses (create it again, or remove it here too).
 */
export function seriesGone(
  ctx: RunContext,
  series: SeriesRun,
  kind: 'remote_deleted' | 'remote_cancelled',
): RefreshTally {
  const tally = { ...emptyTally(), isGone: true };
  if (ctx.outbox.hasOpenConflict(series.seriesId, kind)) return tally;
  ctx.conflict({
    seriesId: series.seriesId,
    operationId: null,
    kind,
    target: { item: 'event', ...(series.links.eventId === undefined ? {} : { zoom_id: series.links.eventId }) },
    subject: 'event',
    message:
      kind === 'remote_deleted'
        ? `${series.name}: someone deleted this event on Zoom.`
        : `${series.name}: someone cancelled this event on Zoom.`,
  });
  return { ...tally, conflicts: 1 };
}

/** Event fields: Zoom's changes taken, a field both changed a conflict holding the waiting update. */
function refreshEvent(
  ctx: RunContext,
  series: SeriesRun,
  draft: SeriesDraft,
  view: ZoomSeriesView,
  tally: RefreshTally,
  options: RefreshOptions,
) {
  const { seriesId } = series;
  const local = eventFieldsOf(draft);
  const base = ctx.outbox.eventBase(seriesId) ?? local;
  const remote: EventFields = { ...base, ...view.event };
  const hasSessions = ctx.outbox.zoomState(seriesId).sessions.size > 0;
  const operationId = ctx.outbox.pendingOf(seriesId, eventFieldsKey) ?? null;
  const plan = heldBy(
    threeWayMerge(base, local, remote, comparedFieldsOf(local, base, hasSessions)),
    operationId,
    options,
  );
  const settled = settleMerge(ctx, series, {
    operationId,
    target: { item: 'event', operation: 'event.update', ...(view.eventId === '' ? {} : { zoom_id: view.eventId }) },
    base,
    local,
    remote,
    plan,
    sent: {},
    change: (current, adopt) => ({ ...current, ...adopt }) as SeriesDraft,
    // What changed here still waits in its operation: only the snapshot moves.
    record: (snapshot) => {
      ctx.outbox.records.eventMerged(seriesId, snapshot);
    },
  });
  tally.changes += settled.adopted;
  tally.conflicts += settled.conflicts;
  // A new pattern made on Zoom generated new sessions there: they are mapped again.
  const isNewPattern =
    remote.recurrence !== undefined &&
    base.recurrence !== undefined &&
    changedPatternFields(remote.recurrence, base.recurrence).length > 0;
  if (hasSessions && isNewPattern) series.forgetSessions();
}

/** The ticket type and the registration link, each compared as the sync's update steps compare them. */
function refreshItems(
  ctx: RunContext,
  series: SeriesRun,
  draft: SeriesDraft,
  view: ZoomSeriesView,
  tally: RefreshTally,
  options: RefreshOptions,
) {
  const { seriesId } = series;
  const state = ctx.outbox.zoomState(seriesId);
  const items = [
    view.ticketType !== undefined && draft.ticket_type !== undefined && view.ticketType.zoomId === state.ticketTypeId
      ? {
          key: 'ticket_type.fields',
          table: 'ticket_type' as const,
          what: 'ticket type',
          draftField: 'ticket_type' as const,
          target: { item: 'ticket_type', operation: 'ticket_type.update', zoom_id: view.ticketType.zoomId } as const,
          fields: ticketTypeFields,
          local: draft.ticket_type as Record<string, unknown>,
          remote: view.ticketType.base as Record<string, unknown>,
        }
      : undefined,
    view.accessLink !== undefined && draft.registration !== undefined && view.accessLink.zoomId === state.accessLinkId
      ? {
          key: 'access_link.fields',
          table: 'registration_link' as const,
          what: 'registration link',
          draftField: 'registration' as const,
          target: { item: 'access_link', operation: 'access_link.update', zoom_id: view.accessLink.zoomId } as const,
          fields: linkFields,
          local: draft.registration as Record<string, unknown>,
          remote: view.accessLink.base as Record<string, unknown>,
        }
      : undefined,
  ];
  for (const item of items) {
    if (item === undefined) continue;
    const operationId = ctx.outbox.pendingOf(seriesId, item.key) ?? null;
    const compared = compareItem(ctx, series, operationId, item);
    const settled = settleMerge(ctx, series, {
      ...compared,
      plan: heldBy(compared.plan, operationId, options),
      record: (snapshot) => {
        ctx.outbox.records.itemMerged(item.table, seriesId, snapshot);
      },
    });
    tally.changes += settled.adopted;
    tally.conflicts += settled.conflicts;
  }
}

/**
 * Refreshes a linked series from what Zoom holds now (`view`), three ways against the last synced
 * snapshot and the draft, exactly as a sync's steps compare: changed on Zoom only → taken into the
 * draft and the snapshot; changed on both sides → a conflict holding the waiting change; new and
 * removed registrations; the event cancelled on Zoom → a conflict. Every write goes through the
 * stores' owners in one transaction, and the outbox is planned again so that nothing taken from
 * Zoom is sent back.
 */
export function refreshSeries(
  ctx: RunContext,
  series: SeriesRun,
  view: ZoomSeriesView,
  stores: RefreshStores,
  options: RefreshOptions = { stepsFollow: false },
): RefreshTally {
  if (view.status.toLowerCase() === 'cancelled') return seriesGone(ctx, series, 'remote_cancelled');
  return ctx.outbox.transaction(() => {
    const tally = emptyTally();
    const { seriesId } = series;
    const current = () => stores.drafts.get(seriesId, { withAttendees: false });
    const first = current();
    if (first === undefined) return tally;
    refreshEvent(ctx, series, first, view, tally, options);
    const afterEvent = current() ?? first;
    refreshItems(ctx, series, afterEvent, view, tally, options);
    refreshSessions(ctx, series, current() ?? afterEvent, view, tally, options);
    const registrations = refreshRegistrations(ctx, series, current() ?? afterEvent, view, stores, tally, options);
    ctx.outbox.records.readBack(seriesId);
    stores.drafts.replan(seriesId);
    registrations.afterReplan();
    return tally;
  });
}

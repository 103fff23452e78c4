import { z } from 'zod';
import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import type { PlannedOperation } from '../../../shared/outbox/operations';
import type { SeriesZoomState } from '../../../shared/outbox/planOperations';
import { unlessGone } from '../runSignals';
import { accessLinkKey } from './accessLink';
import { eventKey, publishKey } from './event';
import { operationKind } from './operation';
import { ticketTypeKey } from './ticketType';

/** One cancel per old event: a replaced long series may have several parts to cancel. */
export const predecessorCancelKey = (predecessorId: string) => `predecessor.cancel:${predecessorId}`;

/**
 * Cancel on Zoom the event a pattern change replaced, with the message its registrants get. It
 * belongs to the new series and waits for it to be on Zoom with every carried registration, so
 * that nobody is ever without a ticket on one event or the other. Reading the old event first
 * makes it safe to repeat: one already cancelled (our answer lost, or someone in Zoom's portal)
 * or gone counts as done.
 */
export const predecessorCancel = operationKind({
  kind: 'predecessor.cancel',
  payload: z.object({ predecessor_id: z.string(), event_id: z.string(), cancel_message: z.string() }),
  publicEffect: 'cancellation',
  batchSize: 1,
  sentence: (series) =>
    `Cancel the old event of "${series.name}" (its pattern changed), with a message to its registrants`,
  describe: () => 'cancelling the replaced event',
  target: (payload) => ({ item: 'event', operation: 'predecessor.cancel', zoom_id: payload.event_id }),
  async step(ctx, series, [op]) {
    if (op === undefined || series.links.eventId === undefined) return;
    // The new event must be on Zoom and, like the old one, published before the old one goes.
    if (series.draft?.publish === true && !ctx.outbox.zoomState(series.seriesId).isPublished) return;
    // A new series in parts holds the carried registrations only once every part is on Zoom.
    if (ctx.outbox.otherPartsWaiting(series.seriesId) > 0) return;
    const { event_id: eventId, cancel_message: message } = op.payload;
    let status: string | undefined;
    await ctx.call(() =>
      unlessGone(async () => {
        status = (await ctx.api.getEvent(eventId)).status?.toUpperCase() ?? 'DRAFT';
      }),
    );
    if (status !== undefined && status !== 'CANCELLED') {
      await ctx.call(() => ctx.api.eventAction(eventId, { operation: 'cancel', cancel_message: message }));
    }
    ctx.outbox.records.predecessorCancelled(op.id, op.payload.predecessor_id);
  },
});

/** The cancel of each replaced event, after this series' event, link, publishing and carried tickets. */
export function planPredecessorCancel(draft: SeriesDraft | undefined, zoom: SeriesZoomState): PlannedOperation[] {
  const predecessors = zoom.predecessors;
  if (draft === undefined || predecessors === undefined) return [];
  const dependsOn = [
    eventKey,
    ticketTypeKey,
    accessLinkKey,
    publishKey,
    ...predecessors.registrationIds.map((id) => `ticket:${id}`),
  ];
  return predecessors.events.map((predecessor) => ({
    key: predecessorCancelKey(predecessor.seriesId),
    kind: predecessorCancel.kind,
    payload: {
      predecessor_id: predecessor.seriesId,
      event_id: predecessor.eventId,
      cancel_message: predecessor.message,
    },
    dependsOn,
  }));
}

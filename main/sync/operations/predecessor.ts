import { z } from 'zod';
import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import type { PlannedOperation } from '../../../shared/outbox/operations';
import type { SeriesZoomState } from '../../../shared/outbox/planOperations';
import { listWords } from '../../../shared/recurrence/describeRecurrence';
import { unlessGone } from '../runSignals';
import { accessLinkKey } from './accessLink';
import { eventKey, publishKey } from './event';
import { operationKind } from './operation';
import { ticketTypeKey } from './ticketType';
import { count } from './words';

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
  payload: z.object({
    predecessor_id: z.string(),
    /** The old event's name, for the waiting list; absent from operations planned before it was kept. */
    predecessor_name: z.string().optional(),
    event_id: z.string(),
    cancel_message: z.string(),
  }),
  publicEffect: 'cancellation',
  batchSize: 1,
  sentence: (series, payloads) => {
    const names = payloads.flatMap((payload) =>
      payload.predecessor_name === undefined ? [] : [payload.predecessor_name],
    );
    const events =
      names.length === payloads.length && names.length > 0
        ? `${names.length === 1 ? 'the old event' : 'the old events'} ${listWords(names.map((name) => `"${name}"`))}`
        : `${count(payloads.length, 'old event')} of "${series.name}"`;
    const whose = payloads.length === 1 ? 'its' : 'their';
    return `Cancel ${events} (replaced by a new pattern), with a message to ${whose} registrants`;
  },
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
      predecessor_name: predecessor.name,
      event_id: predecessor.eventId,
      cancel_message: predecessor.message,
    },
    dependsOn,
  }));
}

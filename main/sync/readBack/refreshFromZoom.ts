import { CadenceError } from '../../../shared/errors';
import type { ZoomViewResult } from '../../../shared/zoom/zoomSeriesView';
import type { Outbox } from '../../db/outbox/outbox';
import type { ZoomEventsApi } from '../../zoom/zoomEventsApi';
import { ZoomApiError } from '../../zoom/zoomErrors';
import type { RunContext } from '../operations/operation';
import { RunningSeries, type DraftWriter } from '../runContext';
import { refreshSeries, seriesGone } from './refreshSeries';
import { emptyTally, type RefreshOptions, type RefreshStores, type RefreshTally } from './refreshTally';

/** Reads one event from Zoom in Cadence's terms (every request it makes goes through `api`). */
export type ReadZoomSeries = (api: ZoomEventsApi, eventId: string) => Promise<ZoomViewResult>;

/** Zoom's codes for an event that no longer exists. */
const eventGoneCodes = new Set([2002, 2003]);

/** A series as a run works on it: its draft as stored now and what Zoom has of it. */
export function seriesRunOf(ctx: RunContext, outbox: Outbox, drafts: DraftWriter, seriesId: string): RunningSeries {
  const state = outbox.zoomState(seriesId);
  const draft = drafts.get(seriesId, { withAttendees: false });
  return new RunningSeries(ctx, seriesId, draft?.name ?? outbox.seriesName(seriesId), draft, {
    eventId: state.eventId,
    ticketTypeId: state.ticketTypeId,
    accessLinkId: state.accessLinkId,
    sessionIds: new Map(
      [...state.sessions]
        .filter(([, session]) => session.sessionId !== '')
        .map(([occurrence, session]) => [occurrence, session.sessionId]),
    ),
  });
}

/**
 * Reads a linked series' event from Zoom and refreshes the series from it. An event Zoom no longer
 * has is a conflict; the run's signals (offline, 429, cancelled) pass through to the caller.
 */
export async function refreshFromZoom(
  ctx: RunContext,
  seriesId: string,
  read: ReadZoomSeries,
  stores: RefreshStores & { outbox: Outbox },
  options: RefreshOptions = { stepsFollow: false },
): Promise<RefreshTally> {
  ctx.throwIfCancelled();
  const series = seriesRunOf(ctx, stores.outbox, stores.drafts, seriesId);
  const eventId = series.links.eventId;
  if (eventId === undefined) return emptyTally();
  let answer: ZoomViewResult;
  try {
    answer = await ctx.call(() => read(ctx.api, eventId));
  } catch (error) {
    if (error instanceof ZoomApiError && error.zoomCode !== undefined && eventGoneCodes.has(error.zoomCode)) {
      return seriesGone(ctx, series, 'remote_deleted');
    }
    throw error;
  }
  if (!answer.ok) {
    // Zoom holds what the series' rules refuse: nothing is taken, and the planner is told where.
    const { message, path } = answer.refusal;
    throw new CadenceError('conflict', `${series.name}: ${message}`, [{ path: path ?? 'event', message }]);
  }
  return refreshSeries(ctx, series, answer.view, stores, options);
}

import { z } from 'zod';
import { plannedSessions } from '../../../shared/drafts/plannedSessions';
import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import type { PlannedOperation } from '../../../shared/outbox/operations';
import type { SeriesZoomState } from '../../../shared/outbox/planOperations';
import { formatInstant } from '../../../shared/recurrence/expandRecurrence';
import { planSeriesTiming } from '../../../shared/recurrence/seriesTiming';
import { ZoomApiError } from '../../zoom/zoomErrors';
import { cancelledSession } from '../../db/outbox/zoomRecords';
import { unlessGone } from '../runSignals';
import { eventKey } from './event';
import { operationKind, type Operation, type RunContext, type SeriesRun } from './operation';
import { count } from './words';

const sessionTarget = (occurrence: number, operation: string, sessionId: string | undefined) =>
  ({ item: 'session', occurrence, operation, ...(sessionId === undefined ? {} : { zoom_id: sessionId }) }) as const;

/**
 * Reads the sessions Zoom generated and maps occurrence numbers to them in order. Zoom's sessions
 * are the truth for the mapping; a schedule that differs from Cadence's expansion (in count or in
 * any start) is a conflict showing both.
 */
export async function mapSessions(ctx: RunContext, series: SeriesRun): Promise<void> {
  const { eventId } = series.links;
  const draft = series.draft;
  if (eventId === undefined || draft?.event_type !== 'RECURRING') return;
  const remote = [...(await ctx.call(() => ctx.api.listSessions(eventId)))].sort(
    (a, b) => Date.parse(a.start_time) - Date.parse(b.start_time),
  );
  const plan = planSeriesTiming(draft);
  const local = plan.ok ? plan.instants.map((o) => ({ start_time: formatInstant(o.start) })) : [];
  const mapped = remote.slice(0, local.length).map((session, i) => ({
    number: i + 1,
    sessionId: session.session_id,
    start: session.start_time,
    end: session.end_time,
  }));
  const differs = local.length !== remote.length || local.some((slot, i) => remote[i]?.start_time !== slot.start_time);
  ctx.outbox.transaction(() => {
    ctx.outbox.records.sessionsMapped(series.seriesId, mapped);
    for (const session of mapped) series.links.sessionIds.set(session.number, session.sessionId);
    if (!differs || ctx.outbox.hasOpenConflict(series.seriesId, 'schedule_drift')) return;
    ctx.conflict({
      seriesId: series.seriesId,
      operationId: null,
      kind: 'schedule_drift',
      target: { item: 'sessions' },
      subject: 'sessions',
      local: local.map((slot) => slot.start_time),
      remote: remote.map((session) => session.start_time),
      message: `${series.name}: Zoom scheduled ${String(remote.length)} sessions where Cadence planned ${String(local.length)}${
        local.length === remote.length ? ', at other times' : ''
      }. Zoom's sessions are used from now on; compare the two schedules.`,
    });
  });
}

type SessionPayload = { occurrence: number } & Partial<{ start_time: string; end_time: string }>;

/**
 * One session moved or cancelled: what Zoom has of it now is compared with what was last synced,
 * since someone may have moved or deleted it there; a change on both sides is a conflict.
 */
async function changeSession(ctx: RunContext, series: SeriesRun, op: Operation<SessionPayload>): Promise<void> {
  const { eventId } = series.links;
  if (eventId === undefined) return;
  const { occurrence } = op.payload;
  const sessionIds = await series.sessionIds();
  const sessionId = sessionIds.get(occurrence);
  const target =
    op.payload.start_time === undefined
      ? undefined
      : { start_time: op.payload.start_time, end_time: op.payload.end_time ?? '' };
  if (sessionId === undefined) {
    // Zoom never generated this occurrence (see the schedule conflict): nothing to cancel there.
    if (target === undefined && sessionIds.size > 0)
      ctx.outbox.records.sessionSynced(series.seriesId, occurrence, cancelledSession, op.id);
    return;
  }
  const remote = await ctx
    .call(() => ctx.api.getSession(eventId, sessionId))
    .catch((error: unknown) => {
      if (error instanceof ZoomApiError && error.status === 404) return undefined;
      throw error;
    });
  const base = ctx.outbox.sessionBase(series.seriesId, occurrence);
  const isDone =
    target === undefined
      ? remote === undefined
      : remote?.start_time === target.start_time && remote.end_time === target.end_time;
  const isAsSynced = remote !== undefined && (base === undefined || remote.start_time === base.start_time);
  if (isDone) {
    ctx.outbox.records.sessionSynced(
      series.seriesId,
      occurrence,
      target === undefined ? cancelledSession : { ...target, status: 'moved' },
      op.id,
    );
  } else if (!isAsSynced) {
    ctx.conflict({
      seriesId: series.seriesId,
      operationId: op.id,
      kind: remote === undefined ? 'session_deleted' : 'session_moved',
      target: sessionTarget(occurrence, op.kind, sessionId),
      subject: `session ${String(occurrence)}`,
      base: base ?? null,
      local: target ?? { status: 'cancelled' },
      remote: remote === undefined ? null : { start_time: remote.start_time, end_time: remote.end_time },
      message: `${series.name}: session ${String(occurrence)} was ${
        remote === undefined ? 'deleted' : `moved to ${remote.start_time}`
      } on Zoom, and ${target === undefined ? 'cancelled' : `moved to ${target.start_time}`} here.`,
    });
  } else if (target !== undefined) {
    await ctx.call(() => ctx.api.updateSession(eventId, sessionId, target));
    ctx.outbox.records.sessionSynced(series.seriesId, occurrence, { ...target, status: 'moved' }, op.id);
  } else {
    await ctx.call(() => unlessGone(() => ctx.api.deleteSession(eventId, sessionId)));
    ctx.outbox.records.sessionSynced(series.seriesId, occurrence, cancelledSession, op.id);
  }
}

/** Move one occurrence (a PATCH of its session once Zoom has generated it). */
export const sessionUpdate = operationKind({
  kind: 'session.update',
  payload: z.object({ occurrence: z.number().int(), start_time: z.string(), end_time: z.string() }),
  batchSize: 1,
  sentence: (series, payloads) => `Move ${count(payloads.length, 'session')} of "${series.name}"`,
  describe: (payload) => `moving session ${String(payload.occurrence)}`,
  target: (payload, links) =>
    sessionTarget(payload.occurrence, 'session.update', links.sessionIds.get(payload.occurrence)),
  async step(ctx, series, [op]) {
    if (op !== undefined) await changeSession(ctx, series, op);
  },
});

/** Cancel one occurrence (a DELETE of its session). */
export const sessionDelete = operationKind({
  kind: 'session.delete',
  payload: z.object({ occurrence: z.number().int() }),
  publicEffect: 'cancellation',
  batchSize: 1,
  sentence: (series, payloads) => `Cancel ${count(payloads.length, 'session')} of "${series.name}"`,
  describe: (payload) => `cancelling session ${String(payload.occurrence)}`,
  target: (payload, links) =>
    sessionTarget(payload.occurrence, 'session.delete', links.sessionIds.get(payload.occurrence)),
  async step(ctx, series, [op]) {
    if (op !== undefined) await changeSession(ctx, series, op);
  },
});

/** Moves and cancellations of a recurring draft's sessions against what Zoom has; each needs the event, and what is `after`. */
export function planSessions(
  draft: SeriesDraft | undefined,
  zoom: SeriesZoomState,
  after: readonly string[] = [],
): PlannedOperation[] {
  if (draft?.event_type !== 'RECURRING') return [];
  const operations: PlannedOperation[] = [];
  for (const session of plannedSessions(draft)) {
    const base = zoom.sessions.get(session.occurrence)?.base;
    const key = `session:${String(session.occurrence)}`;
    // Without a synced session, the plain schedule is what Zoom generated: only changes need a call.
    const remote = base ?? { status: 'scheduled' };
    if (session.status === 'cancelled') {
      if (remote.status !== 'cancelled') {
        operations.push({
          key,
          kind: sessionDelete.kind,
          payload: { occurrence: session.occurrence },
          dependsOn: [eventKey, ...after],
        });
      }
      continue;
    }
    const isMoved =
      base === undefined
        ? session.status === 'moved'
        : base.start_time !== session.start_time || base.end_time !== session.end_time;
    if (isMoved) {
      const { occurrence, start_time, end_time } = session;
      operations.push({
        key,
        kind: sessionUpdate.kind,
        payload: { occurrence, start_time, end_time },
        dependsOn: [eventKey, ...after],
      });
    }
  }
  return operations;
}

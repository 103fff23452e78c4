import type { OccurrenceChange } from '../../../shared/drafts/occurrenceChange';
import { plannedSessions } from '../../../shared/drafts/plannedSessions';
import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import type { ZoomSeriesView } from '../../../shared/zoom/zoomSeries';
import { cancelledSession } from '../../db/outbox/zoomRecords';
import type { RunContext, SeriesRun } from '../operations/operation';
import type { RefreshOptions, RefreshTally } from './refreshTally';

type Times = { start_time: string; end_time: string };

/** The draft with one occurrence change replacing any for the same occurrence. */
function withOccurrenceChange(draft: SeriesDraft, change: OccurrenceChange): SeriesDraft {
  if (draft.event_type !== 'RECURRING') return draft;
  const others = draft.occurrence_changes.filter((c) => c.occurrence !== change.occurrence);
  return { ...draft, occurrence_changes: [...others, change] };
}

const isSameTimes = (a: Times, b: Times) => a.start_time === b.start_time && a.end_time === b.end_time;

/**
 * Zoom's sessions compared with each session's snapshot, as the sync's session steps compare them:
 * moved or deleted on Zoom only → the occurrence change is taken into the draft; changed here too
 * → a `session_moved` / `session_deleted` conflict holding the waiting change. Sessions Zoom
 * generated anew (none of the known IDs left) are mapped again by the sync, which reports a
 * schedule that drifted. In the caller's transaction.
 */
export function refreshSessions(
  ctx: RunContext,
  series: SeriesRun,
  draft: SeriesDraft,
  view: ZoomSeriesView,
  tally: RefreshTally,
  options: RefreshOptions,
): void {
  if (draft.event_type !== 'RECURRING') return;
  const { seriesId } = series;
  const stored = [...ctx.outbox.zoomState(seriesId).sessions].filter(([, session]) => session.sessionId !== '');
  // Not mapped yet: the sync's mapping compares the whole schedule.
  if (stored.length === 0) return;
  const remoteById = new Map(view.sessions.map((session) => [session.sessionId, session]));
  if (!stored.some(([, session]) => remoteById.has(session.sessionId))) {
    series.forgetSessions();
    return;
  }
  const planned = new Map(plannedSessions(draft).map((session) => [session.occurrence, session]));
  const generated = new Map(
    plannedSessions({ ...draft, occurrence_changes: [] }).map((session) => [session.occurrence, session]),
  );
  for (const [occurrence, { sessionId, base: snapshot }] of stored) {
    if (snapshot?.status === 'cancelled') continue;
    // Without a snapshot the session is as Zoom generated it.
    const base = snapshot ?? generated.get(occurrence);
    const local = planned.get(occurrence);
    if (base === undefined || local === undefined) continue;
    const remote = remoteById.get(sessionId);
    if (remote !== undefined && isSameTimes(remote, base)) continue;
    const remoteSnapshot =
      remote === undefined
        ? cancelledSession
        : { start_time: remote.start_time, end_time: remote.end_time, status: 'moved' as const };
    const isLocalCancelled = local.status === 'cancelled';
    const isSameChange = remote === undefined ? isLocalCancelled : !isLocalCancelled && isSameTimes(local, remote);
    if (isSameChange) {
      ctx.outbox.records.sessionSynced(seriesId, occurrence, remoteSnapshot);
      continue;
    }
    const isLocalChange = isLocalCancelled || !isSameTimes(local, base);
    // The operation the target names is the waiting change's here, as the session steps name it.
    const target = {
      item: 'session',
      occurrence,
      operation: isLocalCancelled ? 'session.delete' : 'session.update',
      zoom_id: sessionId,
    } as const;
    const subject = `session ${String(occurrence)}`;
    if (isLocalChange) {
      // A change already held by a conflict, on its way, or about to be sent is settled by its own step.
      const operationId = ctx.outbox.pendingOf(seriesId, `session:${String(occurrence)}`);
      if (operationId === undefined || options.stepsFollow) continue;
      ctx.conflict({
        seriesId,
        operationId,
        kind: remote === undefined ? 'session_deleted' : 'session_moved',
        target,
        subject,
        base: { start_time: base.start_time, end_time: base.end_time },
        local: isLocalCancelled ? { status: 'cancelled' } : { start_time: local.start_time, end_time: local.end_time },
        remote: remote === undefined ? null : { start_time: remote.start_time, end_time: remote.end_time },
        message: `${series.name}: ${subject} was ${remote === undefined ? 'deleted' : `moved to ${remote.start_time}`} on Zoom, and ${
          isLocalCancelled ? 'cancelled' : `moved to ${local.start_time}`
        } here.`,
      });
      tally.conflicts += 1;
      continue;
    }
    const change: OccurrenceChange =
      remote === undefined
        ? { occurrence, action: 'cancel' }
        : { occurrence, action: 'move', start_time: remote.start_time, end_time: remote.end_time };
    const isAdopted = ctx.adopt({
      series,
      operationId: null,
      target,
      what: `${subject}'s`,
      remote:
        remote === undefined ? { status: 'cancelled' } : { start_time: remote.start_time, end_time: remote.end_time },
      local: { start_time: local.start_time, end_time: local.end_time },
      change: (current) => withOccurrenceChange(current, change),
    });
    if (isAdopted) {
      ctx.outbox.records.sessionSynced(seriesId, occurrence, remoteSnapshot);
      tally.changes += 1;
    } else tally.conflicts += 1;
  }
}

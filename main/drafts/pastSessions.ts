import { plannedSessions } from '../../shared/drafts/plannedSessions';
import type { SeriesDraft } from '../../shared/drafts/seriesDraft';
import type { SeriesZoomState } from '../../shared/outbox/planOperations';

/**
 * A series' sessions that already began on Zoom stay where they took place when the series' start
 * time or duration changes: each gets a move back to its synced time, so that only the sessions
 * still to come are moved.
 */
export function withPastSessionsKept(draft: SeriesDraft, zoom: SeriesZoomState, now: number): SeriesDraft {
  if (draft.event_type !== 'RECURRING' || zoom.sessions.size === 0) return draft;
  const changed = new Set(draft.occurrence_changes.map((change) => change.occurrence));
  const pins = plannedSessions(draft).flatMap((session) => {
    const base = zoom.sessions.get(session.occurrence)?.base;
    if (base === undefined || base.status === 'cancelled' || changed.has(session.occurrence)) return [];
    const isPast = Date.parse(base.start_time) <= now;
    const isChanged = base.start_time !== session.start_time || base.end_time !== session.end_time;
    if (!isPast || !isChanged) return [];
    return [
      { occurrence: session.occurrence, action: 'move' as const, start_time: base.start_time, end_time: base.end_time },
    ];
  });
  if (pins.length === 0) return draft;
  const occurrenceChanges = [...draft.occurrence_changes, ...pins].sort((a, b) => a.occurrence - b.occurrence);
  return { ...draft, occurrence_changes: occurrenceChanges };
}

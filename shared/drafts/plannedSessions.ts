import { formatInstant } from '../recurrence/expandRecurrence';
import { planSeriesTiming } from '../recurrence/seriesTiming';
import type { SeriesDraft } from './seriesDraft';

/** One session of a draft as the planner will get it: its occurrence number and its change. */
export interface PlannedSession {
  occurrence: number;
  start_time: string;
  end_time: string;
  status: 'scheduled' | 'moved' | 'cancelled';
}

/**
 * The sessions of a valid draft, occurrence changes applied, in occurrence order (a moved session
 * keeps its number). A single-session event has one session, occurrence 1.
 */
export function plannedSessions(draft: SeriesDraft): PlannedSession[] {
  if (draft.event_type === 'SIMPLE_EVENT') {
    return [{ occurrence: 1, start_time: draft.start_time, end_time: draft.end_time, status: 'scheduled' }];
  }
  const plan = planSeriesTiming(draft);
  // A parsed draft has passed these same rules; reaching this is a bug in the caller.
  if (!plan.ok) throw new Error(`plannedSessions needs a valid draft: ${plan.issues[0]?.message ?? ''}`);
  const durationMs = plan.timing.recurrence.durationMinutes * 60_000;
  const changes = new Map(draft.occurrence_changes.map((change) => [change.occurrence, change]));
  return plan.instants.map((instant) => {
    const change = changes.get(instant.index);
    const base = {
      occurrence: instant.index,
      start_time: formatInstant(instant.start),
      end_time: formatInstant(instant.end),
    };
    if (change === undefined) return { ...base, status: 'scheduled' };
    if (change.action === 'cancel') return { ...base, status: 'cancelled' };
    const start = Date.parse(change.start_time);
    return {
      occurrence: instant.index,
      start_time: change.start_time,
      end_time: change.end_time ?? formatInstant(start + durationMs),
      status: 'moved',
    };
  });
}

import type { OccurrenceChange } from '../drafts/occurrenceChange';
import { formatInstant, type OccurrenceInstant } from '../recurrence/expandRecurrence';
import type { ZoomSessionOfOccurrence } from './zoomSeries';
import type { ZoomSession } from './zoomReadShapes';

/** Zoom's sessions of a recurring event laid over Cadence's expansion of its recurrence. */
export interface SessionMapping {
  sessions: ZoomSessionOfOccurrence[];
  /** What the draft says of the occurrences Zoom moved or no longer has. */
  changes: OccurrenceChange[];
  /** Sessions beyond what the recurrence gives: no occurrence can hold them. */
  extra: ZoomSession[];
}

const at = (time: string): string => formatInstant(Date.parse(time));

/**
 * Maps sessions to occurrences: a session starting at an occurrence's start is that occurrence
 * (a `move` when only its end differs); every other session is a `move` of the unmatched
 * occurrence nearest to it in time, keeping their order; unmatched occurrences are `cancel`.
 */
export function mapSessionsToOccurrences(
  instants: readonly OccurrenceInstant[],
  zoomSessions: readonly ZoomSession[],
): SessionMapping {
  const sorted = [...zoomSessions].sort((a, b) => Date.parse(a.start_time) - Date.parse(b.start_time));
  const byStart = new Map(instants.map((instant) => [formatInstant(instant.start), instant]));
  const matched = new Map<number, ZoomSession>();
  const unmatched: ZoomSession[] = [];
  for (const session of sorted) {
    const instant = byStart.get(at(session.start_time));
    if (instant !== undefined && !matched.has(instant.index)) matched.set(instant.index, session);
    else unmatched.push(session);
  }
  const free = instants.filter((instant) => !matched.has(instant.index));
  const extra: ZoomSession[] = [];
  let from = 0;
  for (const session of unmatched) {
    const start = Date.parse(session.start_time);
    let best = -1;
    // Later sessions keep to later occurrences, so two moved sessions never swap numbers.
    for (let i = from; i < free.length; i += 1) {
      const candidate = free[i];
      const current = best < 0 ? undefined : free[best];
      if (candidate === undefined) continue;
      if (current === undefined || Math.abs(candidate.start - start) < Math.abs(current.start - start)) best = i;
    }
    const chosen = best < 0 ? undefined : free[best];
    if (chosen === undefined) {
      extra.push(session);
      continue;
    }
    matched.set(chosen.index, session);
    from = best + 1;
  }
  const sessions: ZoomSessionOfOccurrence[] = [];
  const changes: OccurrenceChange[] = [];
  for (const instant of instants) {
    const session = matched.get(instant.index);
    if (session === undefined) {
      changes.push({ occurrence: instant.index, action: 'cancel' });
      continue;
    }
    const start = at(session.start_time);
    const end = at(session.end_time);
    sessions.push({ occurrence: instant.index, sessionId: session.session_id, start_time: start, end_time: end });
    if (start !== formatInstant(instant.start) || end !== formatInstant(instant.end)) {
      changes.push({ occurrence: instant.index, action: 'move', start_time: start, end_time: end });
    }
  }
  return { sessions, changes, extra };
}

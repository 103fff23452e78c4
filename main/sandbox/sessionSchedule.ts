import type { Issue } from '../../shared/ipc/envelope';
import { maxOccurrences } from '../../shared/recurrence/expandRecurrence';
import { expandSeries } from '../../shared/recurrence/seriesTiming';
import type { SandboxEvent } from './sandboxData';

export type Schedule =
  { ok: true; sessions: { start_time: string; end_time: string }[] } | { ok: false; issues: Issue[] };

/**
 * The sessions Zoom generates for an event: one per occurrence of a recurring event's pattern
 * (per Cadence's recurrence rules, which follow Zoom's), one for a simple event.
 */
export function scheduleOf(event: Pick<SandboxEvent, 'event_type' | 'timezone' | 'calendar' | 'recurrence'>): Schedule {
  const first = event.calendar[0];
  if (first === undefined) return { ok: false, issues: [{ path: 'calendar', message: 'A start time is required.' }] };
  if (event.event_type !== 'RECURRING') return { ok: true, sessions: [{ ...first }] };
  if (event.recurrence === undefined) {
    return { ok: false, issues: [{ path: 'recurrence', message: 'A recurring event needs a recurrence.' }] };
  }
  const expanded = expandSeries(
    {
      timezone: event.timezone,
      start_time: first.start_time,
      recurrence: event.recurrence,
    },
    maxOccurrences,
  );
  if (!expanded.ok) return expanded;
  return {
    ok: true,
    sessions: expanded.occurrences.map((o) => ({ start_time: o.start_time, end_time: o.end_time })),
  };
}

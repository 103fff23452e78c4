import type { OccurrenceChange } from '../../shared/drafts/occurrenceChange';
import { formatInstant } from '../../shared/recurrence/expandRecurrence';
import { planSeriesTiming, timingFieldsSchema } from '../../shared/recurrence/seriesTiming';
import type { SeriesDetails } from '../stores/useEditorStore';
import { offsetMinutes } from './zonedTime';

/** One row of the live preview. */
export interface PreviewSession {
  occurrence: number;
  start_time: string;
  end_time: string;
  status: 'scheduled' | 'moved' | 'cancelled';
  /** The planned time before a move. */
  planned_start: string;
  /** The zone's offset differs from the previous session's: the clocks changed in between. */
  clocksChanged: boolean;
  offsetMinutes: number;
}

/**
 * The sessions of the draft as it is being typed, occurrence changes applied; empty while the
 * schedule fields do not yet describe a schedule (their problems are shown at the fields).
 */
export function previewSessions(details: SeriesDetails): PreviewSession[] {
  const slots = plannedSlots(details);
  const changes = new Map<number, OccurrenceChange>(
    details.event_type === 'RECURRING' ? details.occurrence_changes.map((change) => [change.occurrence, change]) : [],
  );
  let previousOffset: number | undefined;
  return slots.map((slot, index) => {
    const change = changes.get(index + 1);
    const duration = Date.parse(slot.end) - Date.parse(slot.start);
    const start = change?.action === 'move' ? change.start_time : slot.start;
    const end =
      change?.action === 'move'
        ? (change.end_time ?? formatInstant(Date.parse(change.start_time) + duration))
        : slot.end;
    const offset = Number.isFinite(Date.parse(start)) ? offsetMinutes(start, details.timezone) : 0;
    const clocksChanged = previousOffset !== undefined && offset !== previousOffset;
    previousOffset = offset;
    return {
      occurrence: index + 1,
      start_time: start,
      end_time: end,
      planned_start: slot.start,
      status: change === undefined ? 'scheduled' : change.action === 'cancel' ? 'cancelled' : 'moved',
      clocksChanged,
      offsetMinutes: offset,
    };
  });
}

function plannedSlots(details: SeriesDetails): { start: string; end: string }[] {
  if (details.event_type === 'SIMPLE_EVENT') {
    const valid = Number.isFinite(Date.parse(details.start_time)) && Number.isFinite(Date.parse(details.end_time));
    return valid ? [{ start: details.start_time, end: details.end_time }] : [];
  }
  const timing = timingFieldsSchema.safeParse(details);
  if (!timing.success) return [];
  const plan = planSeriesTiming(timing.data);
  if (!plan.ok) return [];
  return plan.instants.map((instant) => ({ start: formatInstant(instant.start), end: formatInstant(instant.end) }));
}

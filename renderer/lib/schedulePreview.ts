import type { ClosedDay } from '../../shared/drafts/closedDays';
import type { OccurrenceChange } from '../../shared/drafts/occurrenceChange';
import { formatInstant } from '../../shared/recurrence/expandRecurrence';
import type { RecurrenceDraft } from '../../shared/recurrence/recurrenceSchema';
import { planSeriesTiming, timingFieldsSchema } from '../../shared/recurrence/seriesTiming';
import { ZoneClock, isKnownTimeZone } from '../../shared/recurrence/zoneClock';
import { skippedTime, wallClockInputs, type SkippedTime } from './zonedTime';

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
  /** The series' time of day does not exist on this session's date: where it moved, and why. */
  skipped: SkippedTime | undefined;
  /** The closed day (a holiday, or the planner's date) that cancelled or moved the session. */
  closedDay: ClosedDay | undefined;
}

/**
 * What the preview reads of a schedule: a series' details, or a recurring meeting's timing (a
 * recurring schedule with no occurrence changes).
 */
export type PreviewSchedule = { timezone: string; start_time: string } & (
  | { event_type: 'SIMPLE_EVENT'; end_time: string }
  | { event_type: 'RECURRING'; recurrence: RecurrenceDraft; occurrence_changes: readonly OccurrenceChange[] }
);

/** A recurring schedule has no moved or cancelled occurrences: one list, so the preview's cache holds. */
const noChanges: readonly OccurrenceChange[] = [];

/** A recurring meeting's timing as the preview reads a schedule (its occurrences as Zoom schedules them). */
export function recurringSchedule(timing: {
  timezone: string;
  start_time: string;
  recurrence: RecurrenceDraft;
}): PreviewSchedule {
  return {
    event_type: 'RECURRING',
    timezone: timing.timezone,
    start_time: timing.start_time,
    recurrence: timing.recurrence,
    occurrence_changes: noChanges,
  };
}

/** The fields the sessions depend on; edits replace a field's value, so an unchanged one keeps its identity. */
function scheduleFields(details: PreviewSchedule): readonly unknown[] {
  return details.event_type === 'RECURRING'
    ? [details.timezone, details.start_time, details.recurrence, details.occurrence_changes]
    : [details.timezone, details.start_time, details.end_time];
}

let lastFields: readonly unknown[] = [];
let lastSessions: PreviewSession[] = [];

/**
 * The sessions of the draft as it is being typed, occurrence changes applied; empty while the
 * schedule fields do not yet describe a schedule (their problems are shown at the fields).
 * The same list (the same objects) while no schedule field changed: a keystroke in the name
 * neither expands the series again nor makes the preview's rows render again.
 */
export function previewSessions(details: PreviewSchedule): PreviewSession[] {
  const fields = scheduleFields(details);
  if (fields.length === lastFields.length && fields.every((field, i) => Object.is(field, lastFields[i]))) {
    return lastSessions;
  }
  lastFields = fields;
  lastSessions = computeSessions(details);
  return lastSessions;
}

function computeSessions(details: PreviewSchedule): PreviewSession[] {
  const slots = plannedSlots(details);
  const changes = new Map<number, OccurrenceChange>(
    details.event_type === 'RECURRING' ? details.occurrence_changes.map((change) => [change.occurrence, change]) : [],
  );
  if (slots.length === 0 || !isKnownTimeZone(details.timezone)) return [];
  const clock = new ZoneClock(details.timezone);
  const timeOfDay = wallClockInputs(details.start_time, details.timezone).time;
  const minuteOfDay = (instant: number) => Math.floor(clock.toLocal(instant) / 60_000) % 1440;
  const startMinute = minuteOfDay(Date.parse(details.start_time));
  let previousOffset: number | undefined;
  return slots.map((slot, index) => {
    const change = changes.get(index + 1);
    const duration = Date.parse(slot.end) - Date.parse(slot.start);
    const start = change?.action === 'move' ? change.start_time : slot.start;
    const end =
      change?.action === 'move'
        ? (change.end_time ?? formatInstant(Date.parse(change.start_time) + duration))
        : slot.end;
    const instant = Date.parse(start);
    const offset = Number.isFinite(instant) ? Math.round(clock.offsetAt(instant) / 60_000) : 0;
    // Only a scheduled session keeps the series' time of day; a differing one was moved by the clocks.
    const skipped =
      change === undefined && minuteOfDay(instant) !== startMinute
        ? skippedTime(timeOfDay, start, details.timezone)
        : undefined;
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
      skipped,
      closedDay: change?.closed_day,
    };
  });
}

function plannedSlots(details: PreviewSchedule): { start: string; end: string }[] {
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

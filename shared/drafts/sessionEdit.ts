import { z } from 'zod';
import { msPerDay } from '../recurrence/civilDate';
import { formatInstant } from '../recurrence/expandRecurrence';
import type { RecurrenceDraft } from '../recurrence/recurrenceSchema';
import { planSeriesTiming } from '../recurrence/seriesTiming';
import { ZoneClock } from '../recurrence/zoneClock';
import type { OccurrenceChange } from './occurrenceChange';

/** Which sessions a move or a new length applies to: this one, this and the following ones, or all. */
export const editScopeSchema = z.enum(['this', 'following', 'all'], {
  error: 'Apply the change to "this" session, "following" sessions or "all" sessions.',
});
export type EditScope = z.output<typeof editScopeSchema>;

/** What a recurring series' sessions are made of; a series draft, or the editor's details of one. */
export interface RecurringSchedule {
  event_type: 'RECURRING';
  timezone: string;
  start_time: string;
  recurrence: RecurrenceDraft;
  occurrence_changes: readonly OccurrenceChange[];
}

/** One session's new start and length, as the planner typed them. */
export interface SessionEdit {
  occurrence: number;
  start_time: string;
  duration_minutes: number;
}

/** One session the edit moves or lengthens: where it was and where it goes. */
export interface SessionShift {
  occurrence: number;
  from: { start_time: string; end_time: string };
  to: { start_time: string; end_time: string };
}

export type SessionEditResult<T extends RecurringSchedule> =
  | { ok: true; schedule: T; shifts: SessionShift[]; isSeriesTimeChanged: boolean }
  /** Sessions moved to other days: the pattern itself changes, which this edit does not do. */
  | { ok: false; reason: 'pattern_change' | 'invalid_schedule' };

interface ScheduledSession {
  occurrence: number;
  start: number;
  end: number;
  isCancelled: boolean;
  /** Where the pattern puts it, before any move. */
  plannedStart: number;
  plannedEnd: number;
}

function sessionsOf(schedule: RecurringSchedule): ScheduledSession[] | undefined {
  const plan = planSeriesTiming(schedule);
  if (!plan.ok) return undefined;
  const durationMs = plan.timing.recurrence.durationMinutes * 60_000;
  const changes = new Map(schedule.occurrence_changes.map((change) => [change.occurrence, change]));
  return plan.instants.map((instant) => {
    const change = changes.get(instant.index);
    const planned = { plannedStart: instant.start, plannedEnd: instant.end };
    if (change?.action !== 'move')
      return { occurrence: instant.index, start: instant.start, end: instant.end, isCancelled: !!change, ...planned };
    const start = Date.parse(change.start_time);
    const end = change.end_time === undefined ? start + durationMs : Date.parse(change.end_time);
    return { occurrence: instant.index, start, end, isCancelled: false, ...planned };
  });
}

/** A wall-clock reading split into its day and its time of day, in milliseconds. */
function dayAndTime(local: number): { day: number; time: number } {
  const day = Math.floor(local / msPerDay);
  return { day, time: local - day * msPerDay };
}

/** The schedule with these occurrences' changes replaced (undefined: the session as planned). */
function withChanges<T extends RecurringSchedule>(
  schedule: T,
  changes: ReadonlyMap<number, OccurrenceChange | undefined>,
): T {
  const kept = schedule.occurrence_changes.filter((change) => !changes.has(change.occurrence));
  const added = [...changes.values()].filter((change) => change !== undefined);
  return { ...schedule, occurrence_changes: [...kept, ...added].sort((a, b) => a.occurrence - b.occurrence) };
}

/** The occurrence change that puts a session at `start`–`end`, or none when that is where the pattern puts it. */
function moveTo(session: ScheduledSession, start: number, end: number, seriesMinutes: number) {
  if (start === session.plannedStart && end === session.plannedEnd) return undefined;
  const isSeriesLength = end - start === seriesMinutes * 60_000;
  return {
    occurrence: session.occurrence,
    action: 'move' as const,
    start_time: formatInstant(start),
    ...(isSeriesLength ? {} : { end_time: formatInstant(end) }),
  };
}

/**
 * A session moved or given another length, applied to the scope the planner chose, and the
 * sessions that change as a result (what the preview shows is this same result).
 *
 * - `this`: the session alone is moved.
 * - `following`: it and every later session not cancelled move by the same change of wall-clock
 *   time in the series' zone (so 10:00 → 11:00 stays 11:00 across a change of the clocks) and take
 *   the new length; from the first session on, that is `all`.
 * - `all`: the series' own start time and duration change (on Zoom, every session still to come
 *   moves), and sessions moved on their own move by the same change of time.
 *
 * Moving `following` or `all` sessions to another day changes the pattern itself: `pattern_change`.
 */
export function applySessionEdit<T extends RecurringSchedule>(
  schedule: T,
  edit: SessionEdit,
  scope: EditScope,
): SessionEditResult<T> {
  const before = sessionsOf(schedule);
  const edited = before?.[edit.occurrence - 1];
  const newStart = Date.parse(edit.start_time);
  if (before === undefined || edited === undefined || edited.isCancelled || !Number.isFinite(newStart))
    return { ok: false, reason: 'invalid_schedule' };
  const lengthMs = edit.duration_minutes * 60_000;
  const seriesMinutes = schedule.recurrence.duration;
  const clock = new ZoneClock(schedule.timezone);
  const from = dayAndTime(clock.toLocal(edited.start));
  const to = dayAndTime(clock.toLocal(newStart));
  const isFirstActive = before.every((session) => session.occurrence >= edit.occurrence || session.isCancelled);
  const reach = scope === 'following' && isFirstActive ? 'all' : scope;
  if (reach !== 'this' && to.day !== from.day) return { ok: false, reason: 'pattern_change' };
  const timeShift = to.time - from.time;
  const shifted = (instant: number) => clock.toInstant(clock.toLocal(instant) + timeShift);

  let next: T;
  if (reach === 'this') {
    next = withChanges(
      schedule,
      new Map([[edit.occurrence, moveTo(edited, newStart, newStart + lengthMs, seriesMinutes)]]),
    );
  } else if (reach === 'following') {
    const changes = new Map<number, OccurrenceChange | undefined>();
    for (const session of before) {
      if (session.occurrence < edit.occurrence || session.isCancelled) continue;
      const start = shifted(session.start);
      changes.set(session.occurrence, moveTo(session, start, start + lengthMs, seriesMinutes));
    }
    next = withChanges(schedule, changes);
  } else {
    const retimed: T = {
      ...schedule,
      start_time: formatInstant(shifted(Date.parse(schedule.start_time))),
      recurrence: { ...schedule.recurrence, duration: edit.duration_minutes },
    };
    const planned = sessionsOf(retimed);
    if (planned === undefined) return { ok: false, reason: 'invalid_schedule' };
    const changes = new Map<number, OccurrenceChange | undefined>();
    for (const change of schedule.occurrence_changes) {
      const session = planned[change.occurrence - 1];
      const old = before[change.occurrence - 1];
      if (change.action !== 'move' || session === undefined || old === undefined) continue;
      const start = shifted(old.start);
      changes.set(change.occurrence, moveTo(session, start, start + lengthMs, edit.duration_minutes));
    }
    next = withChanges(retimed, changes);
  }
  const after = sessionsOf(next);
  if (after === undefined) return { ok: false, reason: 'invalid_schedule' };
  const shifts = after.flatMap((session, i): SessionShift[] => {
    const old = before[i];
    if (old === undefined || session.isCancelled || (old.start === session.start && old.end === session.end)) return [];
    return [
      {
        occurrence: session.occurrence,
        from: { start_time: formatInstant(old.start), end_time: formatInstant(old.end) },
        to: { start_time: formatInstant(session.start), end_time: formatInstant(session.end) },
      },
    ];
  });
  return { ok: true, schedule: next, shifts, isSeriesTimeChanged: reach === 'all' };
}

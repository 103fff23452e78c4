import { civilDate, msPerDay, weekdayOf } from '../recurrence/civilDate';
import { formatInstant } from '../recurrence/expandRecurrence';
import { planSeriesTiming, type SeriesTimingDraft } from '../recurrence/seriesTiming';
import { ZoneClock } from '../recurrence/zoneClock';
import { unnamedClosedDay, type ClosedDay, type ClosedDays } from './closedDays';
import type { OccurrenceChange } from './occurrenceChange';

/** The parts of a recurring draft that closed days read. */
export interface ClosedDaysDraft extends SeriesTimingDraft {
  occurrence_changes: readonly OccurrenceChange[];
  closed_days?: ClosedDays | undefined;
}

/** `YYYY-MM-DD` of a day number. */
export function dateOfDay(day: number): string {
  const { year, month, day: dayOfMonth } = civilDate(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

/** The first and last dates (in the event's zone) a draft's schedule spans, or undefined if it does not expand. */
export function scheduleSpan(draft: SeriesTimingDraft): { from: string; to: string } | undefined {
  const plan = planSeriesTiming(draft);
  const first = plan.ok ? plan.instants[0] : undefined;
  const last = plan.ok ? plan.instants.at(-1) : undefined;
  if (first === undefined || last === undefined) return undefined;
  const clock = new ZoneClock(draft.timezone);
  const dayOf = (instant: number) => Math.floor(clock.toLocal(instant) / msPerDay);
  // A move to the next working day may look a week past the last session.
  return { from: dateOfDay(dayOf(first.start)), to: dateOfDay(dayOf(last.start) + 7) };
}

/**
 * The closed days of a draft by date: the calendar's holidays (given, since main holds their data)
 * and the planner's own dates. A date that is both keeps the holiday's name.
 */
export function closedDayMap(closedDays: ClosedDays | undefined, holidays: readonly ClosedDay[]): Map<string, string> {
  const closed = new Map<string, string>();
  if (closedDays === undefined) return closed;
  if (closedDays.calendar !== undefined) for (const holiday of holidays) closed.set(holiday.date, holiday.name);
  for (const own of closedDays.dates) if (!closed.has(own.date)) closed.set(own.date, own.name ?? unnamedClosedDay);
  return closed;
}

/**
 * The draft's occurrence changes with its closed days applied: each session still to come on a
 * closed date the planner did not keep is cancelled, or moved to the next working day (Monday to
 * Friday, not closed) when the series asks for it and that day holds no other session and is
 * within the series (else cancelled). The planner's own changes and the changes of sessions
 * already begun stay as they are; closed-day changes that no longer apply are dropped. Applying it
 * again gives the same list, so main and the editor may both apply it.
 */
export function withClosedDayChanges(
  draft: ClosedDaysDraft,
  holidays: readonly ClosedDay[],
  now: number,
): OccurrenceChange[] {
  const plan = planSeriesTiming(draft);
  if (!plan.ok) return [...draft.occurrence_changes];
  const closed = closedDayMap(draft.closed_days, holidays);
  const kept = new Set(draft.closed_days?.kept ?? []);
  const clock = new ZoneClock(draft.timezone);
  const localOf = (instant: number) => clock.toLocal(instant);
  const byOccurrence = new Map(draft.occurrence_changes.map((change) => [change.occurrence, change]));
  // Days already holding a session, so that a move never lands on one.
  const takenDays = new Set(plan.instants.map((instant) => Math.floor(localOf(instant.start) / msPerDay)));
  for (const change of draft.occurrence_changes) {
    // The closed days' own earlier moves are worked out again below.
    if (change.action === 'move' && change.closed_day === undefined)
      takenDays.add(Math.floor(localOf(Date.parse(change.start_time)) / msPerDay));
  }
  const lastDay = Math.floor(localOf(plan.instants.at(-1)?.start ?? 0) / msPerDay);
  const isWorkingDay = (day: number) => {
    const weekday = weekdayOf(day);
    return weekday !== 0 && weekday !== 6 && !closed.has(dateOfDay(day));
  };

  const changes: OccurrenceChange[] = [];
  for (const instant of plan.instants) {
    const existing = byOccurrence.get(instant.index);
    const isOwn = existing !== undefined && existing.closed_day === undefined;
    if (isOwn || instant.start <= now) {
      if (existing !== undefined) changes.push(existing);
      continue;
    }
    const local = localOf(instant.start);
    const day = Math.floor(local / msPerDay);
    const date = dateOfDay(day);
    const name = closed.get(date);
    if (name === undefined || kept.has(date)) continue;
    const closedDay = { date, name };
    let target = day + 1;
    while (!isWorkingDay(target) && target - day <= 7) target += 1;
    const canMove =
      draft.closed_days?.on_closed_day === 'next_working_day' &&
      isWorkingDay(target) &&
      target <= lastDay &&
      !takenDays.has(target);
    if (!canMove) {
      changes.push({ occurrence: instant.index, action: 'cancel', closed_day: closedDay });
      continue;
    }
    takenDays.add(target);
    const start = clock.toInstant(target * msPerDay + (local - day * msPerDay));
    changes.push({
      occurrence: instant.index,
      action: 'move',
      start_time: formatInstant(start),
      closed_day: closedDay,
    });
  }
  // A change beyond the schedule is the planner's mistake to see, not to lose.
  const beyond = draft.occurrence_changes.filter(
    (c) => c.occurrence > plan.instants.length && c.closed_day === undefined,
  );
  return [...changes, ...beyond];
}

function canonical(change: OccurrenceChange): string {
  return JSON.stringify([
    change.occurrence,
    change.action,
    change.action === 'move' ? [change.start_time, change.end_time ?? null] : null,
    change.closed_day === undefined ? null : [change.closed_day.date, change.closed_day.name],
  ]);
}

/** Whether two change lists say the same, so an unchanged result is not saved again. */
export function sameChanges(a: readonly OccurrenceChange[], b: readonly OccurrenceChange[]): boolean {
  return a.length === b.length && a.every((change, i) => b[i] !== undefined && canonical(change) === canonical(b[i]));
}

import {
  expandRecurrence,
  formatInstant,
  maxOccurrences,
  maxSeriesOccurrences,
  type OccurrenceInstant,
  type SeriesTiming,
} from '../recurrence/expandRecurrence';
import { planSeriesTiming } from '../recurrence/seriesTiming';
import type { AttendeeDraft } from './attendeeDraft';
import type { RecurringSeriesDraft, SeriesDraft } from './seriesDraft';

/** Zoom Events' limit of sessions in one recurring event. */
export const maxSessionsPerPart = maxOccurrences;
/** The most sessions one Cadence series may have, across its parts: three years of daily sessions. */
export const maxSessionsPerSeries = maxSeriesOccurrences;

/** Which of the whole's occurrences a part holds. */
export interface PartRange {
  /** The whole series' occurrence number (1-based) of the part's first session. */
  first_occurrence: number;
  /** How many of the whole's occurrences the part holds (1..60). */
  count: number;
}

export interface SeriesPart extends PartRange {
  /** 0-based. */
  index: number;
  /**
   * The part as a series of its own, valid for Zoom: same pattern, starting at its first
   * session, `end_times` = count; occurrence changes, session capacities and attendees' chosen
   * sessions renumbered into the part; attendees who chose no sessions are in every part, those
   * who chose sessions only in the parts of those sessions. It has no key: the whole keeps it.
   */
  draft: SeriesDraft;
}

/** "part 2 of 5" */
export function partLabel(index: number, total: number): string {
  return `part ${String(index + 1)} of ${String(total)}`;
}

/** The part's event name on Zoom: "Daily standup (part 2 of 5)", within the 200 characters of a name. */
export function partName(name: string, index: number, total: number): string {
  const suffix = ` (${partLabel(index, total)})`;
  return `${name.slice(0, 200 - suffix.length).trimEnd()}${suffix}`;
}

/** Whether a draft has more sessions than one Zoom event holds, and so reaches Zoom in parts. */
export function needsParts(draft: SeriesDraft): boolean {
  return draft.event_type === 'RECURRING' && expandedWhole(draft).instants.length > maxSessionsPerPart;
}

/**
 * The ranges of the whole's occurrences that become parts, in order: 60 each but the last. A
 * boundary never falls on a session whose wall-clock time a DST gap moved (a part starting there
 * would take the moved time as its own), and a stretch whose sessions are all cancelled needs no
 * event on Zoom, so it is left out. One range for a series of at most 60 sessions.
 */
export function partRangesOf(draft: SeriesDraft): PartRange[] {
  if (draft.event_type !== 'RECURRING') return [{ first_occurrence: 1, count: 1 }];
  const { timing, instants } = expandedWhole(draft);
  return rangesOf(draft, timing, instants);
}

/**
 * The whole split into parts that Zoom accepts. The parts' sessions, concatenated, are the
 * whole's, except stretches of 60 cancelled sessions, which no part holds.
 */
export function splitIntoParts(draft: SeriesDraft): SeriesPart[] {
  if (draft.event_type !== 'RECURRING') return [{ index: 0, first_occurrence: 1, count: 1, draft }];
  const { timing, instants } = expandedWhole(draft);
  if (instants.length <= maxSessionsPerPart) return [{ index: 0, first_occurrence: 1, count: instants.length, draft }];
  return partsFrom(draft, timing, instants);
}

/**
 * The parts of a series that stays a whole even with at most 60 sessions (its parts are on Zoom
 * already): "part 1 of 1" then, never the whole itself.
 */
export function partsOfWhole(draft: RecurringSeriesDraft): SeriesPart[] {
  const { timing, instants } = expandedWhole(draft);
  return partsFrom(draft, timing, instants);
}

function partsFrom(
  draft: RecurringSeriesDraft,
  timing: SeriesTiming,
  instants: readonly OccurrenceInstant[],
): SeriesPart[] {
  const ranges = rangesOf(draft, timing, instants);
  return ranges.map((range, index) => ({
    index,
    ...range,
    draft: partDraft(draft, timing, instants, range, partName(draft.name, index, ranges.length)),
  }));
}

/**
 * An attendee of the whole as a part registers them: everyone who attends all sessions, with
 * their sessions renumbered into the part; undefined when they chose none of the part's sessions.
 */
export function attendeeInPart(attendee: AttendeeDraft, range: PartRange): AttendeeDraft | undefined {
  if (attendee.occurrences === undefined) return attendee;
  const last = range.first_occurrence + range.count - 1;
  const chosen = attendee.occurrences
    .filter((occurrence) => occurrence >= range.first_occurrence && occurrence <= last)
    .map((occurrence) => occurrence - range.first_occurrence + 1);
  return chosen.length === 0 ? undefined : { ...attendee, occurrences: chosen };
}

/** The part holding a whole's occurrence, and the occurrence's number within it; undefined if no part does. */
export function partOfOccurrence(
  ranges: readonly PartRange[],
  occurrence: number,
): { index: number; occurrence: number } | undefined {
  const index = ranges.findIndex(
    (range) => occurrence >= range.first_occurrence && occurrence < range.first_occurrence + range.count,
  );
  const range = ranges[index];
  return range === undefined ? undefined : { index, occurrence: occurrence - range.first_occurrence + 1 };
}

function expandedWhole(draft: RecurringSeriesDraft): { timing: SeriesTiming; instants: OccurrenceInstant[] } {
  const plan = planSeriesTiming(draft);
  // A parsed draft has passed these same rules; reaching this is a bug in the caller.
  if (!plan.ok) throw new Error(`splitIntoParts needs a valid draft: ${plan.issues[0]?.message ?? ''}`);
  return { timing: plan.timing, instants: plan.instants };
}

/** The pattern as a part states it: from `first`'s start, `count` sessions. */
function partTiming(timing: SeriesTiming, instants: readonly OccurrenceInstant[], first: number, count: number) {
  const start = instants[first - 1]?.start ?? timing.startTime;
  const recurrence = { ...without(timing.recurrence, 'endDateTime'), endTimes: count };
  return { ...timing, startTime: first === 1 ? timing.startTime : start, recurrence } as SeriesTiming;
}

/** Whether a part starting at occurrence `first` generates exactly the whole's sessions from there. */
function startsCleanly(timing: SeriesTiming, instants: readonly OccurrenceInstant[], first: number): boolean {
  if (first === 1) return true;
  const count = Math.min(maxSessionsPerPart, instants.length - first + 1);
  const generated = expandRecurrence(partTiming(timing, instants, first, count), count);
  return (
    generated.length === count &&
    generated.every((instant, i) => {
      const expected = instants[first - 1 + i];
      return expected !== undefined && instant.start === expected.start && instant.end === expected.end;
    })
  );
}

function rangesOf(draft: RecurringSeriesDraft, timing: SeriesTiming, instants: readonly OccurrenceInstant[]) {
  const cancelled = new Set(
    draft.occurrence_changes.filter((change) => change.action === 'cancel').map((change) => change.occurrence),
  );
  return scheduleRanges(timing, instants, cancelled);
}

/**
 * The parts of an expanded schedule (`{ timezone, start_time, recurrence }` planned by
 * `planSeriesTiming`), `cancelled` naming the occurrences cancelled: what `cadence expand` shows.
 */
export function scheduleRanges(
  timing: SeriesTiming,
  instants: readonly OccurrenceInstant[],
  cancelled: ReadonlySet<number> = new Set(),
): PartRange[] {
  const total = instants.length;
  const ranges: PartRange[] = [];
  let first = 1;
  while (first <= total) {
    let count = Math.min(maxSessionsPerPart, total - first + 1);
    while (first + count <= total && !startsCleanly(timing, instants, first + count)) count -= 1;
    if (count === 0) throw new Error(`No part can start at session ${String(first)}.`);
    ranges.push({ first_occurrence: first, count });
    first += count;
  }
  if (ranges.length === 1) return ranges;
  return ranges.filter((range) => {
    for (let n = range.first_occurrence; n < range.first_occurrence + range.count; n += 1) {
      if (!cancelled.has(n)) return true;
    }
    return false;
  });
}

function partDraft(
  whole: RecurringSeriesDraft,
  timing: SeriesTiming,
  instants: readonly OccurrenceInstant[],
  range: PartRange,
  name: string,
): RecurringSeriesDraft {
  const { first_occurrence: first, count } = range;
  const inPart = (occurrence: number) => occurrence >= first && occurrence < first + count;
  const renumber = (occurrence: number) => occurrence - first + 1;
  const fields = without(whole, 'key');
  const pattern = without(whole.recurrence, 'end_date_time');
  const weeklyDays = timing.recurrence.type === 2 ? timing.recurrence.weeklyDays : undefined;
  const start = first === 1 ? whole.start_time : formatInstant(instants[first - 1]?.start ?? timing.startTime);
  const part: RecurringSeriesDraft = {
    ...fields,
    name,
    start_time: start,
    recurrence: {
      ...pattern,
      // Absent days mean the start date's weekday, which differs from part to part.
      ...(weeklyDays === undefined ? {} : { weekly_days: [...weeklyDays] }),
      end_times: count,
    },
    occurrence_changes: whole.occurrence_changes
      .filter((change) => inPart(change.occurrence))
      .map((change) => ({ ...change, occurrence: renumber(change.occurrence) })),
    attendees: whole.attendees.flatMap((attendee): AttendeeDraft[] => {
      const inThisPart = attendeeInPart(attendee, range);
      return inThisPart === undefined ? [] : [inThisPart];
    }),
  };
  if (whole.session_capacities !== undefined) {
    part.session_capacities = whole.session_capacities
      .filter((entry) => inPart(entry.occurrence))
      .map((entry) => ({ ...entry, occurrence: renumber(entry.occurrence) }));
  }
  return part;
}

function without<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key)) as Omit<T, K>;
}

import { z } from 'zod';
import { formatIssuePath, issuesFromZod, type Issue } from '../ipc/envelope';
import {
  expandRecurrence,
  formatInstant,
  maxOccurrences,
  maxSeriesOccurrences,
  type OccurrenceInstant,
  type Recurrence,
  type SeriesTiming,
} from './expandRecurrence';
import { msPerDay, weekdayOf } from './civilDate';
import { ZoneClock } from './zoneClock';
import {
  endOfPlannableYears,
  plannableYears,
  recurrenceDraftSchema,
  recurrenceFieldHint,
  timeZoneSchema,
  utcInstantSchema,
  type RecurrenceDraft,
} from './recurrenceSchema';

type Path = (string | number)[];
/** A problem at a path relative to the series, before it is written as `recurrence.end_times`. */
export interface PathIssue {
  path: Path;
  message: string;
}

const typeNames = { 1: 'Daily', 2: 'Weekly', 3: 'Monthly' } as const;
const maxIntervals = { 1: [90, 'days'], 2: [12, 'weeks'], 3: [3, 'months'] } as const;

/** The fields that say when a series happens, as a draft holds them. */
export interface SeriesTimingDraft {
  timezone: string;
  start_time: string;
  recurrence: RecurrenceDraft;
}

/** Rules that involve several recurrence fields; paths are relative to the series. */
export function timingRuleIssues(draft: SeriesTimingDraft): PathIssue[] {
  const r = draft.recurrence;
  const at = (field: string): Path => ['recurrence', field];
  const issues: PathIssue[] = [];
  const only = (field: keyof RecurrenceDraft, kind: 'weekly' | 'monthly') => {
    if (r[field] !== undefined) issues.push({ path: at(field), message: `Only ${kind} series use ${field}.` });
  };

  const [maxInterval, unit] = maxIntervals[r.type];
  if (r.repeat_interval !== undefined && r.repeat_interval > maxInterval) {
    issues.push({
      path: at('repeat_interval'),
      message: `${typeNames[r.type]} series repeat at most every ${maxInterval} ${unit}.`,
    });
  }

  if (r.type === 1) {
    only('weekly_days', 'weekly');
    for (const field of ['monthly_days', 'monthly_week', 'monthly_week_day'] as const) only(field, 'monthly');
  } else if (r.type === 2) {
    if (r.monthly_week_day !== undefined && r.weekly_days === undefined) {
      issues.push({
        path: at('monthly_week_day'),
        message:
          'Weekly series take their days in weekly_days, not monthly_week_day, numbered 1 = Sunday, 2 = Monday … 7 = Saturday: a Monday series is "weekly_days": [2].',
      });
    } else only('monthly_week_day', 'monthly');
    only('monthly_days', 'monthly');
    only('monthly_week', 'monthly');
    if (r.weekly_days !== undefined) {
      if (r.weekly_days.length === 0) issues.push({ path: at('weekly_days'), message: 'Choose at least one day.' });
      else if (new Set(r.weekly_days).size !== r.weekly_days.length) {
        issues.push({ path: at('weekly_days'), message: 'List each day once.' });
      }
    }
  } else {
    only('weekly_days', 'weekly');
    issues.push(...monthlyFormIssues(r, at));
  }

  if (r.end_times !== undefined && r.end_date_time !== undefined) {
    const message = 'Choose an end: a number of sessions or an end date, not both.';
    issues.push({ path: at('end_times'), message }, { path: at('end_date_time'), message });
  } else if (r.end_times === undefined && r.end_date_time === undefined) {
    const message = 'Choose an end: a number of sessions or an end date.';
    issues.push({ path: at('end_times'), message }, { path: at('end_date_time'), message });
  } else if (r.end_date_time !== undefined && Date.parse(r.end_date_time) <= Date.parse(draft.start_time)) {
    issues.push({ path: at('end_date_time'), message: 'The end date must be after the start.' });
  }
  return issues;
}

function monthlyFormIssues(r: RecurrenceDraft, at: (field: string) => Path): PathIssue[] {
  const hasDay = r.monthly_days !== undefined;
  const hasWeek = r.monthly_week !== undefined || r.monthly_week_day !== undefined;
  if (hasDay && hasWeek) {
    const message =
      'Choose one: a day of the month (monthly_days) or a weekday of the month (monthly_week + monthly_week_day), not both.';
    return [
      { path: at('monthly_days'), message },
      { path: at(r.monthly_week === undefined ? 'monthly_week_day' : 'monthly_week'), message },
    ];
  }
  if (!hasDay && !hasWeek) {
    const message =
      'Choose a day of the month (monthly_days) or a weekday of the month (monthly_week + monthly_week_day).';
    return [
      { path: at('monthly_days'), message },
      { path: at('monthly_week'), message },
    ];
  }
  if (Array.isArray(r.monthly_days) && r.monthly_days.length !== 1) {
    return [{ path: at('monthly_days'), message: 'Choose one day of the month.' }];
  }
  if (hasWeek && r.monthly_week === undefined) {
    return [{ path: at('monthly_week'), message: 'Say which week of the month: 1, 2, 3, 4, or -1 for the last.' }];
  }
  if (hasWeek && r.monthly_week_day === undefined) {
    return [
      {
        path: at('monthly_week_day'),
        message: 'Say which weekday: 1 = Sunday, 2 = Monday … 7 = Saturday.',
      },
    ];
  }
  return [];
}

/** The engine's view of a draft that has passed `timingRuleIssues`. */
export function toSeriesTiming(draft: SeriesTimingDraft): SeriesTiming {
  const r = draft.recurrence;
  const end =
    r.end_times !== undefined ? { endTimes: r.end_times } : { endDateTime: Date.parse(r.end_date_time ?? '') };
  const common = { repeatInterval: r.repeat_interval ?? 1, durationMinutes: r.duration, ...end };
  const startTime = Date.parse(draft.start_time);
  let recurrence: Recurrence;
  if (r.type === 1) recurrence = { type: 1, ...common };
  else if (r.type === 2) {
    recurrence = { type: 2, weeklyDays: r.weekly_days ?? [], ...common };
  } else if (r.monthly_days !== undefined) {
    const day = Array.isArray(r.monthly_days) ? (r.monthly_days[0] ?? 1) : r.monthly_days;
    recurrence = { type: 3, monthlyDay: day, ...common };
  } else {
    recurrence = { type: 3, monthlyWeek: r.monthly_week ?? 1, monthlyWeekDay: r.monthly_week_day ?? 1, ...common };
  }
  const timing = { timezone: draft.timezone, startTime, recurrence };
  // Absent weekly_days means the weekday of the start date, in the event's zone.
  if (recurrence.type === 2 && recurrence.weeklyDays.length === 0) {
    recurrence.weeklyDays = [weekdayOfStart(timing.timezone, timing.startTime)];
  }
  return timing;
}

/** The weekday (1 = Sunday) of a start, in the event's zone: a weekly series' day when none is named. */
export function weekdayOfStart(timezone: string, startTime: number): number {
  const local = new ZoneClock(timezone).toLocal(startTime);
  return weekdayOf(Math.floor(local / msPerDay)) + 1;
}

/**
 * Problems with the number of occurrences a valid pattern expands to. `limit` is Zoom's own
 * (`maxOccurrences`, for one event on Zoom) or Cadence's (`maxSeriesOccurrences`, for a series
 * that reaches Zoom in parts).
 */
export function expansionIssues(
  timing: SeriesTiming,
  occurrences: readonly OccurrenceInstant[],
  limit: number = maxSeriesOccurrences,
): PathIssue[] {
  const field: Path = ['recurrence', timing.recurrence.endTimes === undefined ? 'end_date_time' : 'end_times'];
  const last = occurrences.at(-1);
  if (last !== undefined && last.end > endOfPlannableYears) {
    return [
      {
        path: field,
        message: `The sessions would run past ${String(plannableYears.last)}; end the series sooner.`,
      },
    ];
  }
  if (occurrences.length > limit) {
    const most = limit.toLocaleString('en-US');
    const message =
      limit <= maxOccurrences
        ? `This gives more than ${most} sessions; Zoom Events allows at most ${most} in a series. Choose an earlier end date.`
        : `This gives more than ${most} sessions; a series has at most ${most} (Zoom holds them as linked events of ${String(maxOccurrences)}). Choose an earlier end date.`;
    return [{ path: field, message }];
  }
  if (occurrences.length === 0) {
    return [{ path: field, message: 'No session falls between the start and this end date.' }];
  }
  return [];
}

/** The timing fields of a draft, each checked on its own. */
export const timingFieldsSchema = z.looseObject({
  timezone: timeZoneSchema,
  start_time: utcInstantSchema,
  recurrence: recurrenceDraftSchema,
});

/** A series' timing checked across fields and expanded, or the problems that stop it. */
export type TimingPlan =
  { ok: true; timing: SeriesTiming; instants: OccurrenceInstant[] } | { ok: false; issues: PathIssue[] };

/**
 * Checks the rules that involve several fields, then expands once and checks the count against
 * `limit` (a series' by default; Zoom's `maxOccurrences` for one event on Zoom).
 */
export function planSeriesTiming(draft: SeriesTimingDraft, limit: number = maxSeriesOccurrences): TimingPlan {
  const ruleIssues = timingRuleIssues(draft);
  if (ruleIssues.length > 0) return { ok: false, issues: ruleIssues };
  const timing = toSeriesTiming(draft);
  // One past the limit is enough to know it is passed.
  const instants = expandRecurrence(timing, limit + 1);
  const countIssues = expansionIssues(timing, instants, limit);
  return countIssues.length > 0 ? { ok: false, issues: countIssues } : { ok: true, timing, instants };
}

/** One occurrence as the `cadence expand` output and the app's preview show it. */
export interface Occurrence {
  index: number;
  start_time: string;
  end_time: string;
}

export type ExpandResult = { ok: true; occurrences: Occurrence[] } | { ok: false; issues: Issue[] };

/** Validates `{ timezone, start_time, recurrence }` and expands it, up to `limit` occurrences. */
export function expandSeries(input: unknown, limit: number = maxSeriesOccurrences): ExpandResult {
  const parsed = timingFieldsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error, (_, key) => recurrenceFieldHint(key)) };
  const plan = planSeriesTiming(parsed.data, limit);
  if (!plan.ok) {
    return {
      ok: false,
      issues: plan.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message })),
    };
  }
  return {
    ok: true,
    occurrences: plan.instants.map((o) => ({
      index: o.index,
      start_time: formatInstant(o.start),
      end_time: formatInstant(o.end),
    })),
  };
}

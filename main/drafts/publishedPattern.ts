import type { SeriesDraft } from '../../shared/drafts/seriesDraft';
import type { Issue } from '../../shared/ipc/envelope';
import { changedPatternFields, type PatternField } from '../../shared/recurrence/recurrencePattern';

const patternWords: Readonly<Record<PatternField, string>> = {
  type: 'how the series repeats',
  repeat_interval: 'how often it repeats',
  weekly_days: 'its days',
  monthly_days: 'its day of the month',
  monthly_week: 'its week of the month',
  monthly_week_day: 'its day of the week',
  end_times: 'its number of sessions',
  end_date_time: 'its end date',
};

/**
 * Zoom locks a published series' pattern: a change of its days, interval or count is refused at
 * each field that changed, saying what can still change. The start time and duration can.
 */
export function lockedPatternIssues(next: SeriesDraft, stored: SeriesDraft, isPublished: boolean): Issue[] {
  if (!isPublished || next.event_type !== 'RECURRING' || stored.event_type !== 'RECURRING') return [];
  return changedPatternFields(next.recurrence, stored.recurrence).map((field) => ({
    path: `recurrence.${field}`,
    message:
      `This series is published, and Zoom keeps ${patternWords[field]} as published. ` +
      'You can still change the start time and the duration, and move or cancel single sessions; a new pattern ' +
      'continues the series as a new event (Change the pattern, in the series, or cadence change-pattern).',
  }));
}

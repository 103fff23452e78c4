import { expandRecurrence } from '../recurrence/expandRecurrence';
import {
  expansionIssues,
  timingRuleIssues,
  toSeriesTiming,
  type PathIssue,
  type SeriesTimingDraft,
} from '../recurrence/seriesTiming';

/** The Meetings API schedules at most this many occurrences of a recurring meeting. */
export const maxMeetingOccurrences = 50;

/**
 * The rules of a meeting draft that involve several fields: its timing as a series' (the same
 * rules and expansion), with the Meetings API's own limit on occurrences in place of Zoom Events'.
 */
export function meetingRuleIssues(draft: SeriesTimingDraft): PathIssue[] {
  const ruleIssues = timingRuleIssues(draft);
  if (ruleIssues.length > 0) return ruleIssues;
  const timing = toSeriesTiming(draft);
  // One past the limit is enough to know it is passed.
  const instants = expandRecurrence(timing, maxMeetingOccurrences + 1);
  if (instants.length > maxMeetingOccurrences) {
    const field = draft.recurrence.end_times === undefined ? 'end_date_time' : 'end_times';
    return [
      {
        path: ['recurrence', field],
        message: `This gives more than ${String(maxMeetingOccurrences)} occurrences; Zoom allows at most ${String(maxMeetingOccurrences)} in a recurring meeting. Choose an earlier end date or fewer occurrences.`,
      },
    ];
  }
  return expansionIssues(timing, instants);
}

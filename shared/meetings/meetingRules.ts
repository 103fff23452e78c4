import { planSeriesTiming, type PathIssue, type SeriesTimingDraft } from '../recurrence/seriesTiming';

/** The Meetings API schedules at most this many occurrences of a recurring meeting. */
export const maxMeetingOccurrences = 50;

/**
 * The rules of a meeting draft that involve several fields: its timing as a series' (the same
 * rules and expansion), then the Meetings API's own limit on occurrences.
 */
export function meetingRuleIssues(draft: SeriesTimingDraft): PathIssue[] {
  const plan = planSeriesTiming(draft);
  if (!plan.ok) return plan.issues;
  if (plan.instants.length <= maxMeetingOccurrences) return [];
  const field = draft.recurrence.end_times === undefined ? 'end_date_time' : 'end_times';
  return [
    {
      path: ['recurrence', field],
      message: `This gives ${String(plan.instants.length)} occurrences; Zoom allows at most ${String(maxMeetingOccurrences)} in a recurring meeting. Choose an earlier end date or fewer occurrences.`,
    },
  ];
}

import type { MeetingDraft } from '../../../shared/meetings/meetingDraft';
import { maxMeetingOccurrences } from '../../../shared/meetings/meetingRules';
import { describeRecurrence } from '../../../shared/recurrence/describeRecurrence';
import type { Issue } from '../../../shared/ipc/envelope';
import { problemAt } from '../../lib/issues';
import { previewSessions, recurringSchedule } from '../../lib/schedulePreview';
import { plural } from '../../lib/words';
import { plannerTimeZone } from '../../lib/zonedTime';
import { OccurrenceTimes } from '../OccurrenceTimes';
import { SessionsList } from '../series/SessionsList';

/**
 * The occurrences as Zoom will schedule them, worked out by the same expansion as a series' sessions,
 * in the meeting's zone (and the planner's), the clocks' changes marked, and Zoom's limit of
 * occurrences checked.
 */
export function MeetingPreview({ draft, issues }: { draft: MeetingDraft; issues: readonly Issue[] }) {
  const sessions = previewSessions(recurringSchedule(draft));
  const { timezone } = draft;
  const mine = plannerTimeZone();
  const tooMany =
    problemAt(issues, 'recurrence.end_times') ?? problemAt(issues, 'recurrence.end_date_time') ?? undefined;
  const isOverLimit = sessions.length > maxMeetingOccurrences;
  return (
    <section className="panel preview" aria-labelledby="meeting-preview-heading">
      <h2 id="meeting-preview-heading">Occurrences</h2>
      <p className="preview-summary" aria-live="polite">
        {describeRecurrence(draft.recurrence)}
        {sessions.length > 0 && ` · ${plural(sessions.length, 'occurrence')}`}
      </p>
      {isOverLimit && tooMany !== undefined && (
        <p className="field-problem" role="alert">
          {tooMany}
        </p>
      )}
      <p className="muted small-print">
        Times in {timezone.replaceAll('_', ' ')}
        {mine !== timezone && `; yours (${mine.replaceAll('_', ' ')})`}.
      </p>
      {sessions.length === 0 ? (
        <p className="muted">Fix the schedule to see its occurrences.</p>
      ) : (
        <SessionsList
          sessions={sessions}
          timezone={timezone}
          label="Occurrences preview"
          itemName="Occurrence"
          renderSession={(session) => (
            <>
              <span className="session-number" aria-hidden="true">
                {session.occurrence}
              </span>
              <div className="session-when">
                <OccurrenceTimes session={session} timezone={timezone} />
                {session.occurrence > maxMeetingOccurrences && (
                  <span className="tag tag-cancelled">Beyond Zoom&apos;s limit of {maxMeetingOccurrences}</span>
                )}
              </div>
            </>
          )}
        />
      )}
    </section>
  );
}

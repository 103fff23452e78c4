import type { PreviewSession } from '../../lib/schedulePreview';
import { formatMoment } from '../../lib/zonedTime';

/**
 * The sessions a person attends: one radio button a session where attendees choose one, a check
 * box a session where they choose several, and the problem with the choice beneath.
 */
export function SessionChoiceFields({
  choice,
  sessions,
  timezone,
  chosen,
  onChange,
  problem,
  problemId,
}: {
  choice: 'one' | 'several';
  sessions: readonly PreviewSession[];
  timezone: string;
  chosen: readonly number[];
  onChange: (chosen: number[]) => void;
  problem: string | undefined;
  problemId: string;
}) {
  return (
    <fieldset className="session-choice">
      <legend>{choice === 'one' ? 'Session' : 'Sessions'}</legend>
      {sessions.map((session) => (
        <label key={session.occurrence} className="check">
          <input
            type={choice === 'one' ? 'radio' : 'checkbox'}
            name="occurrences"
            aria-invalid={problem !== undefined}
            aria-describedby={problem === undefined ? undefined : problemId}
            checked={chosen.includes(session.occurrence)}
            onChange={(event) =>
              onChange(
                choice === 'one'
                  ? [session.occurrence]
                  : event.target.checked
                    ? [...chosen, session.occurrence].sort((a, b) => a - b)
                    : chosen.filter((n) => n !== session.occurrence),
              )
            }
          />
          {String(session.occurrence)}. {formatMoment(session.start_time, timezone)}
        </label>
      ))}
      <p className="field-problem" id={problemId}>
        {problem ?? ''}
      </p>
    </fieldset>
  );
}

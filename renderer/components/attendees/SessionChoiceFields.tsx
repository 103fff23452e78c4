import { Fragment } from 'react';
import { partTitle, type PreviewPart } from '../../lib/previewParts';
import type { PreviewSession } from '../../lib/schedulePreview';
import { formatMoment } from '../../lib/zonedTime';

/**
 * The sessions a person attends: one radio button a session where attendees choose one, a check
 * box a session where they choose several, and the problem with the choice beneath. A series in
 * parts names each part above its first session: choosing there registers them in its event.
 */
export function SessionChoiceFields({
  choice,
  sessions,
  timezone,
  chosen,
  onChange,
  problem,
  problemId,
  parts = [],
}: {
  choice: 'one' | 'several';
  sessions: readonly PreviewSession[];
  timezone: string;
  chosen: readonly number[];
  onChange: (chosen: number[]) => void;
  problem: string | undefined;
  problemId: string;
  parts?: readonly PreviewPart[];
}) {
  const partOf = (occurrence: number) => parts.find((part) => occurrence >= part.first && occurrence <= part.last);
  return (
    <fieldset className="session-choice">
      <legend>{choice === 'one' ? 'Session' : 'Sessions'}</legend>
      {sessions.map((session, index) => {
        const part = partOf(session.occurrence);
        const previous = sessions[index - 1];
        const isPartStart = part !== undefined && (previous === undefined || partOf(previous.occurrence) !== part);
        return (
          <Fragment key={session.occurrence}>
            {isPartStart && <p className="choice-part">{partTitle(part.index, part.total)}</p>}
            <label className="check">
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
          </Fragment>
        );
      })}
      <p className="field-problem" id={problemId}>
        {problem ?? ''}
      </p>
    </fieldset>
  );
}

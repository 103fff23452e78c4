import { useEffect, useRef, useState } from 'react';
import type { OccurrenceChange } from '../../../shared/drafts/occurrenceChange';
import { describeRecurrence } from '../../../shared/recurrence/describeRecurrence';
import { problemWithin } from '../../lib/issues';
import { previewSessions, type PreviewSession } from '../../lib/schedulePreview';
import { sessionChoiceOf } from '../../lib/sessionsChoice';
import { plural } from '../../lib/words';
import { formatClock, formatDay, instantOfWallClock, plannerTimeZone, wallClockInputs } from '../../lib/zonedTime';
import { useAppStore } from '../../stores/useAppStore';
import { useEditorStore, type SeriesDetails } from '../../stores/useEditorStore';
import type { EditorPartProps } from './editing';
import { MovePicksPanel, type SessionPickers } from './MovePicksPanel';

function withChange(details: SeriesDetails, occurrence: number, change: OccurrenceChange | undefined): SeriesDetails {
  if (details.event_type !== 'RECURRING') return details;
  const others = details.occurrence_changes.filter((existing) => existing.occurrence !== occurrence);
  const changes = change === undefined ? others : [...others, change].sort((a, b) => a.occurrence - b.occurrence);
  return { ...details, occurrence_changes: changes };
}

const formatOffset = (minutes: number) => {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60))}${abs % 60 === 0 ? '' : `:${String(abs % 60).padStart(2, '0')}`}`;
};

/** One session of the preview, with Move and Cancel (or Restore). */
function SessionRow({
  session,
  details,
  edit,
  problem,
}: {
  session: PreviewSession;
  details: SeriesDetails;
  edit: EditorPartProps['edit'];
  problem: string | undefined;
}) {
  const [isMoving, setMoving] = useState(false);
  const [pickers, setPickers] = useState<SessionPickers>();
  const moveForm = useRef<HTMLFormElement>(null);
  const api = useAppStore((state) => state.api);
  const seriesId = useEditorStore((state) => state.seriesId);
  const wall = wallClockInputs(session.start_time, details.timezone);
  const [date, setDate] = useState(wall.date);
  const [time, setTime] = useState(wall.time);
  const mine = plannerTimeZone();
  const canChange = details.event_type === 'RECURRING';
  const label = `Session ${String(session.occurrence)}`;
  // Move opens on its first field (the new date), ready to type.
  useEffect(() => {
    if (isMoving) moveForm.current?.querySelector<HTMLElement>('input, [role="spinbutton"], select')?.focus();
  }, [isMoving]);
  const cancel = () =>
    edit((current) => withChange(current, session.occurrence, { occurrence: session.occurrence, action: 'cancel' }));
  // A session attendees chose is cancelled only once they are moved: their choice would be invalid.
  const askCancel = async () => {
    if (api === undefined || seriesId === undefined || sessionChoiceOf(details) === 'none') {
      cancel();
      return;
    }
    const found = await api.attendees.pickers({ seriesId, occurrence: session.occurrence });
    if (found.ok && found.value.count > 0) setPickers(found.value);
    else cancel();
  };
  return (
    <li
      className={`session session-${session.status}`}
      aria-label={`${label}, ${formatDay(session.start_time, details.timezone)}`}
    >
      <span className="session-number" aria-hidden="true">
        {session.occurrence}
      </span>
      <div className="session-when">
        <span className="session-day">{formatDay(session.start_time, details.timezone)}</span>
        <span>
          {formatClock(session.start_time, details.timezone)}
          {mine !== details.timezone && (
            <span className="muted"> · your time {formatClock(session.start_time, mine)}</span>
          )}
        </span>
        {session.clocksChanged && (
          <span className="tag tag-dst" title="The clocks change before this session; it keeps its local time.">
            Clocks change: {formatOffset(session.offsetMinutes)}
          </span>
        )}
        {session.status === 'moved' && (
          <span className="tag">Moved from {formatDay(session.planned_start, details.timezone)}</span>
        )}
        {session.status === 'cancelled' && <span className="tag tag-cancelled">Cancelled</span>}
        {problem !== undefined && <span className="field-problem">{problem}</span>}
      </div>
      {canChange && (
        <div className="session-actions">
          {session.status === 'scheduled' ? (
            <>
              <button
                type="button"
                className="button-quiet small"
                aria-label={`Move session ${String(session.occurrence)}`}
                aria-expanded={isMoving}
                onClick={() => setMoving(!isMoving)}
              >
                Move
              </button>
              <button
                type="button"
                className="button-quiet small"
                aria-label={`Cancel session ${String(session.occurrence)}`}
                onClick={() => void askCancel()}
              >
                Cancel
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button-quiet small"
              aria-label={`Restore session ${String(session.occurrence)}`}
              onClick={() => edit((current) => withChange(current, session.occurrence, undefined))}
            >
              Restore
            </button>
          )}
        </div>
      )}
      {pickers !== undefined && (
        <MovePicksPanel
          session={session}
          details={details}
          pickers={pickers}
          onMoved={() => {
            setPickers(undefined);
            cancel();
          }}
          onKeep={() => setPickers(undefined)}
        />
      )}
      {isMoving && (
        <form
          ref={moveForm}
          className="move-form"
          aria-label={`Move session ${String(session.occurrence)}`}
          onSubmit={(event) => {
            event.preventDefault();
            const start = instantOfWallClock(date, time, details.timezone);
            if (start === undefined) return;
            edit((current) =>
              withChange(current, session.occurrence, {
                occurrence: session.occurrence,
                action: 'move',
                start_time: start,
              }),
            );
            setMoving(false);
          }}
        >
          <input type="date" aria-label="New date" value={date} onChange={(event) => setDate(event.target.value)} />
          <input type="time" aria-label="New time" value={time} onChange={(event) => setTime(event.target.value)} />
          <button type="submit" className="button-primary small">
            Move session
          </button>
          <button type="button" className="button-quiet small" onClick={() => setMoving(false)}>
            Keep
          </button>
        </form>
      )}
    </li>
  );
}

/** The live preview: every session as the planner types, in the event's zone and their own. */
export function OccurrencePreview({ details, issues, edit }: Omit<EditorPartProps, 'api'>) {
  const sessions = previewSessions(details);
  const active = sessions.filter((session) => session.status !== 'cancelled').length;
  const mine = plannerTimeZone();
  const changeIndex = (occurrence: number) =>
    details.event_type === 'RECURRING'
      ? details.occurrence_changes.findIndex((change) => change.occurrence === occurrence)
      : -1;
  return (
    <section className="panel preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Sessions</h2>
      <p className="preview-summary" aria-live="polite">
        {details.event_type === 'RECURRING' ? describeRecurrence(details.recurrence) : 'One session'}
        {sessions.length > 0 && ` · ${plural(active, 'session')}`}
      </p>
      <p className="muted small-print">
        Times in {details.timezone.replaceAll('_', ' ')}
        {mine !== details.timezone ? `; yours (${mine.replaceAll('_', ' ')}) next to them` : ''}.
      </p>
      {sessions.length === 0 ? (
        <p className="muted">Fix the schedule to see its sessions.</p>
      ) : (
        <ol className="sessions" aria-label="Sessions preview">
          {sessions.map((session) => {
            const index = changeIndex(session.occurrence);
            return (
              <SessionRow
                key={`${String(session.occurrence)}-${session.start_time}`}
                session={session}
                details={details}
                edit={edit}
                problem={index < 0 ? undefined : problemWithin(issues, `occurrence_changes[${String(index)}]`)}
              />
            );
          })}
        </ol>
      )}
    </section>
  );
}

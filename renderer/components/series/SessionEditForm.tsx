import { useId, useState } from 'react';
import {
  applySessionEdit,
  type EditScope,
  type SessionEdit,
  type SessionEditResult,
  type SessionShift,
} from '../../../shared/drafts/sessionEdit';
import type { PreviewSession } from '../../lib/schedulePreview';
import { plural } from '../../lib/words';
import { formatClock, formatDay, instantOfWallClock, wallClockInputs } from '../../lib/zonedTime';
import { useEditorStore, type SeriesDetails } from '../../stores/useEditorStore';
import { DateEntry, TimeEntry } from '../WallClockFields';
import type { EditorPartProps } from './editing';

type Recurring = Extract<SeriesDetails, { event_type: 'RECURRING' }>;

const scopeWords: Readonly<Record<EditScope, string>> = {
  this: 'Only this session',
  following: 'This and following sessions',
  all: 'All sessions',
};

/** Shifts listed in full before the rest is counted. */
const shownShifts = 6;

/** The edit applied to a recurring series' details; anything else is left as it is. */
function editedDetails(details: SeriesDetails, edit: SessionEdit, scope: EditScope): SeriesDetails {
  if (details.event_type !== 'RECURRING') return details;
  const result = applySessionEdit<Recurring>(details, edit, scope);
  return result.ok ? result.schedule : details;
}

function shiftWords(shift: SessionShift, timezone: string): string {
  const { from, to } = shift;
  const day = (utc: string) => formatDay(utc, timezone);
  const span = (times: SessionShift['from']) =>
    `${formatClock(times.start_time, timezone)}–${formatClock(times.end_time, timezone)}`;
  const toDay = day(to.start_time) === day(from.start_time) ? '' : `${day(to.start_time)}, `;
  return `Session ${String(shift.occurrence)}, ${day(from.start_time)}: ${span(from)} → ${toDay}${span(to)}`;
}

/** What the edit will do, in words, from the same result that makes the change. */
function EditOutcome({
  result,
  scope,
  timezone,
  isPublished,
}: {
  result: SessionEditResult<Recurring> | undefined;
  scope: EditScope;
  timezone: string;
  isPublished: boolean;
}) {
  if (result === undefined) return <p className="muted">Choose a date, a time and a length.</p>;
  if (!result.ok) {
    if (result.reason === 'invalid_schedule') return <p className="muted">Fix the schedule first.</p>;
    return (
      <p className="notice" role="note">
        {scope === 'all' ? 'Moving every session' : 'Moving the following sessions'} to another day changes the days the
        series repeats on.{' '}
        {isPublished
          ? 'Zoom keeps the pattern of a published event: that needs a pattern change (a new event on Zoom, registrations carried over). Only this session can move to another day here.'
          : 'Change the days under Schedule, or move only this session.'}
      </p>
    );
  }
  if (result.shifts.length === 0) return <p className="muted">No session changes.</p>;
  const rest = result.shifts.length - shownShifts;
  return (
    <div className="stack">
      <p>
        {plural(result.shifts.length, 'session')} {result.shifts.length === 1 ? 'changes' : 'change'}
        {result.isSeriesTimeChanged ? ': the series’ start time and length change.' : ':'}
      </p>
      <ul className="shift-list">
        {result.shifts.slice(0, shownShifts).map((shift) => (
          <li key={shift.occurrence}>{shiftWords(shift, timezone)}</li>
        ))}
        {rest > 0 && <li>and {plural(rest, 'more session')}</li>}
      </ul>
      {isPublished && (
        <p className="muted">
          Zoom moves {result.shifts.length === 1 ? 'it' : 'them'} at the next sync; registrations stay with their
          sessions.
        </p>
      )}
    </div>
  );
}

/**
 * Moves a session or changes its length, for this session, this and the following ones, or all,
 * showing which sessions change before the planner confirms.
 */
export function SessionEditForm({
  session,
  timezone,
  edit,
  onDone,
}: {
  session: PreviewSession;
  timezone: string;
  edit: EditorPartProps['edit'];
  onDone: () => void;
}) {
  const details = useEditorStore((state) => state.details);
  const isPublished = useEditorStore((state) => state.isPublished);
  const scopeName = useId();
  const [date, setDate] = useState(() => wallClockInputs(session.start_time, timezone).date);
  const [time, setTime] = useState(() => wallClockInputs(session.start_time, timezone).time);
  const [minutes, setMinutes] = useState(() =>
    Math.round((Date.parse(session.end_time) - Date.parse(session.start_time)) / 60_000),
  );
  const [scope, setScope] = useState<EditScope>('this');
  const start = instantOfWallClock(date, time, timezone);
  const sessionEdit: SessionEdit | undefined =
    start === undefined || !Number.isInteger(minutes) || minutes < 1 || minutes > 1440
      ? undefined
      : { occurrence: session.occurrence, start_time: start, duration_minutes: minutes };
  const result =
    sessionEdit === undefined || details?.event_type !== 'RECURRING'
      ? undefined
      : applySessionEdit<Recurring>(details, sessionEdit, scope);
  const count = result?.ok === true ? result.shifts.length : 0;
  return (
    <form
      className="move-form"
      aria-label={`Move session ${String(session.occurrence)}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (sessionEdit === undefined || count === 0) return;
        edit((current) => editedDetails(current, sessionEdit, scope));
        onDone();
      }}
    >
      <DateEntry label="New date" isLabelHidden className="inline" value={date} onCommit={setDate} />
      <TimeEntry label="New time" isLabelHidden className="inline" value={time} onCommit={setTime} />
      <label className="inline">
        Length (minutes){' '}
        <input
          type="number"
          min={1}
          max={1440}
          value={Number.isFinite(minutes) ? minutes : ''}
          onChange={(event) => setMinutes(Number(event.target.value))}
        />
      </label>
      <fieldset className="scope-choice">
        <legend>Apply to</legend>
        {(['this', 'following', 'all'] as const).map((choice) => (
          <label key={choice} className="check">
            <input
              type="radio"
              name={scopeName}
              value={choice}
              checked={scope === choice}
              onChange={() => setScope(choice)}
            />
            {scopeWords[choice]}
          </label>
        ))}
      </fieldset>
      <div className="edit-outcome" aria-live="polite">
        <EditOutcome result={result} scope={scope} timezone={timezone} isPublished={isPublished} />
      </div>
      <button type="submit" className="button-primary small" disabled={count === 0}>
        {scope === 'this' ? 'Move session' : `Change ${plural(count, 'session')}`}
      </button>
      <button type="button" className="button-quiet small" onClick={() => onDone()}>
        Keep
      </button>
    </form>
  );
}

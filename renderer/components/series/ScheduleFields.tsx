import { useState } from 'react';
import { maxSessionsPerSeries } from '../../../shared/drafts/seriesParts';
import { formatInstant } from '../../../shared/recurrence/expandRecurrence';
import type { RecurrenceDraft } from '../../../shared/recurrence/recurrenceSchema';
import { useEditorStore, type SeriesDetails } from '../../stores/useEditorStore';
import { problemAt } from '../../lib/issues';
import { instantOfWallClock, skippedTimeNote, wallClockInputs } from '../../lib/zonedTime';
import { Field } from '../Field';
import { DateEntry, TimeEntry } from '../WallClockFields';
import { RecurrenceFields } from '../RecurrenceFields';
import { ZoneOptions } from '../ZoneOptions';
import { omit, withRecurrence, type EditorPartProps } from './editing';
import { PatternChangePanel } from './PatternChangePanel';

const repeatUnits: Readonly<Record<number, [string, string]>> = {
  1: ['day', 'days'],
  2: ['week', 'weeks'],
  3: ['month', 'months'],
};

function durationOf(details: SeriesDetails): number {
  if (details.event_type === 'RECURRING') return details.recurrence.duration;
  return Math.round((Date.parse(details.end_time) - Date.parse(details.start_time)) / 60_000);
}

/** Moves the start (and a single session's end) to a new wall-clock date and time. */
function withStart(details: SeriesDetails, start: string | undefined): SeriesDetails {
  if (start === undefined) return details;
  if (details.event_type === 'RECURRING') return { ...details, start_time: start };
  const duration = durationOf(details);
  return { ...details, start_time: start, end_time: formatInstant(Date.parse(start) + duration * 60_000) };
}

/** Turns the series into a single session or into a recurrence of the chosen kind. */
function withRepeats(details: SeriesDetails, repeats: string): SeriesDetails {
  const duration = Number.isFinite(durationOf(details)) ? durationOf(details) : 60;
  const startDay = new Date(Date.parse(details.start_time));
  const { date } = wallClockInputs(details.start_time, details.timezone);
  const localDay = date === '' ? startDay.getUTCDate() : Number(date.slice(8, 10));
  const localWeekday = date === '' ? startDay.getUTCDay() + 1 : new Date(`${date}T00:00:00Z`).getUTCDay() + 1;
  if (repeats === 'none') {
    if (details.event_type === 'SIMPLE_EVENT') return details;
    const rest = omit(details, ['recurrence', 'occurrence_changes', 'closed_days', 'registration']);
    const registration =
      details.registration === undefined ? undefined : omit(details.registration, ['recurring_registration_option']);
    const single: SeriesDetails = {
      ...rest,
      event_type: 'SIMPLE_EVENT',
      end_time: formatInstant(Date.parse(details.start_time) + duration * 60_000),
      ...(registration === undefined ? {} : { registration }),
    };
    return single;
  }
  const type = Number(repeats) as 1 | 2 | 3;
  const previous = details.event_type === 'RECURRING' ? details.recurrence : undefined;
  if (previous?.type === type) return details;
  const ends =
    previous?.end_date_time !== undefined
      ? { end_date_time: previous.end_date_time }
      : { end_times: previous?.end_times ?? 10 };
  const recurrence: RecurrenceDraft = {
    type,
    repeat_interval: previous?.type === type ? (previous.repeat_interval ?? 1) : 1,
    duration,
    ...ends,
    ...(type === 2 ? { weekly_days: previous?.type === 2 ? previous.weekly_days : [localWeekday] } : {}),
    ...(type === 3 ? { monthly_days: [localDay] } : {}),
  };
  if (details.event_type === 'RECURRING') return { ...details, recurrence };
  const rest = omit(details, ['end_time', 'registration']);
  const registration =
    details.registration === undefined
      ? undefined
      : { ...details.registration, recurring_registration_option: 'all_sessions' as const };
  return {
    ...rest,
    event_type: 'RECURRING',
    recurrence,
    occurrence_changes: [],
    ...(registration === undefined ? {} : { registration }),
  };
}

/** When and how often: time zone, start, length, the recurrence in plain words, and its end. */
export function ScheduleFields({ api, details, issues, edit }: EditorPartProps) {
  // The time as typed, while the start is what it became: a time the clocks skip is shown as typed
  // (with why it moved), not replaced under the planner's fingers by where it moved to.
  const [typedStart, setTypedStart] = useState<{ time: string; instant: string } | undefined>();
  // Zoom keeps a published event's pattern; its start time and duration change as moves of its sessions.
  const isPublished = useEditorStore((state) => state.isPublished);
  const isChangingPattern = useEditorStore((state) => state.isChangingPattern);
  const isLocked = isPublished && !isChangingPattern;
  const start = wallClockInputs(details.start_time, details.timezone);
  const isTypedShown = typedStart !== undefined && typedStart.instant === details.start_time;
  const startTime = isTypedShown ? typedStart.time : start.time;
  const skippedNote = isTypedShown ? skippedTimeNote(typedStart.time, details.start_time, details.timezone) : undefined;
  const recurrence = details.event_type === 'RECURRING' ? details.recurrence : undefined;
  const duration = durationOf(details);

  return (
    <section className="panel form-section" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">Schedule</h2>
      <Field label="Time zone" problem={problemAt(issues, 'timezone')}>
        <select
          value={details.timezone}
          onChange={(event) =>
            edit((current) => {
              // The planner means the same wall-clock time in the new zone.
              const wall = wallClockInputs(current.start_time, current.timezone);
              const moved = { ...current, timezone: event.target.value };
              return withStart(moved, instantOfWallClock(wall.date, wall.time, event.target.value));
            })
          }
        >
          <ZoneOptions current={details.timezone} />
        </select>
      </Field>
      <div className="field-row">
        <DateEntry
          label="Start date"
          value={start.date}
          problem={problemAt(issues, 'start_time')}
          onCommit={(date) =>
            edit((current) => withStart(current, instantOfWallClock(date, startTime, current.timezone)))
          }
        />
        <TimeEntry
          label="Start time"
          value={startTime}
          hint={skippedNote}
          onCommit={(time) => {
            const instant = instantOfWallClock(start.date, time, details.timezone);
            setTypedStart(instant === undefined ? undefined : { time, instant });
            edit((current) => withStart(current, instantOfWallClock(start.date, time, current.timezone)));
          }}
        />
        <Field
          label="Duration (minutes)"
          problem={problemAt(issues, 'recurrence.duration') ?? problemAt(issues, 'end_time')}
        >
          <input
            type="number"
            min={1}
            max={1440}
            value={Number.isFinite(duration) ? duration : ''}
            onChange={(event) => {
              const minutes = Number(event.target.value);
              edit((current) =>
                current.event_type === 'RECURRING'
                  ? withRecurrence(current, { duration: minutes })
                  : { ...current, end_time: formatInstant(Date.parse(current.start_time) + minutes * 60_000) },
              );
            }}
          />
        </Field>
      </div>
      {isLocked && (
        <p className="notice" role="note">
          This series is published on Zoom, which keeps the days it repeats on and its number of sessions. A new start
          time or duration moves every session still to come, registrations included; to change one session, move or
          cancel it in the list of sessions. To change the pattern, Cadence continues the series as a new event.
        </p>
      )}
      <fieldset className="repeat-fields" disabled={isLocked}>
        <div className="field-row">
          <Field label="Repeats" problem={problemAt(issues, 'recurrence.type')}>
            <select
              value={recurrence === undefined ? 'none' : String(recurrence.type)}
              onChange={(event) => edit((current) => withRepeats(current, event.target.value))}
            >
              <option value="none">Does not repeat (one session)</option>
              <option value="1">Daily</option>
              <option value="2">Weekly</option>
              <option value="3">Monthly</option>
            </select>
          </Field>
          {recurrence !== undefined && (
            <Field
              label={`Every how many ${repeatUnits[recurrence.type]?.[1] ?? ''}`}
              problem={problemAt(issues, 'recurrence.repeat_interval')}
            >
              <input
                type="number"
                min={1}
                value={recurrence.repeat_interval ?? 1}
                onChange={(event) =>
                  edit((current) => withRecurrence(current, { repeat_interval: Number(event.target.value) }))
                }
              />
            </Field>
          )}
        </div>
        {details.event_type === 'RECURRING' && (
          <RecurrenceFields
            timing={details}
            issues={issues}
            editRecurrence={(change) =>
              edit((current) =>
                current.event_type === 'RECURRING' ? { ...current, recurrence: change(current) } : current,
              )
            }
            repetitions="sessions"
            maxCount={maxSessionsPerSeries}
          />
        )}
      </fieldset>
      {isPublished && details.event_type === 'RECURRING' && <PatternChangePanel api={api} details={details} />}
    </section>
  );
}

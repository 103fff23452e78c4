import { useState } from 'react';
import { weekdayNames, weekOfMonthNames } from '../../../shared/recurrence/describeRecurrence';
import { formatInstant } from '../../../shared/recurrence/expandRecurrence';
import type { RecurrenceDraft } from '../../../shared/recurrence/recurrenceSchema';
import { useEditorStore, type SeriesDetails } from '../../stores/useEditorStore';
import { problemAt, problemWithin } from '../../lib/issues';
import { instantOfWallClock, skippedTimeNote, wallClockInputs } from '../../lib/zonedTime';
import { Field } from '../Field';
import { DateEntry, TimeEntry } from '../WallClockFields';
import { ZoneOptions } from '../ZoneOptions';
import { omit, withRecurrence, withoutRecurrenceFields, type EditorPartProps } from './editing';

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
    const rest = omit(details, ['recurrence', 'occurrence_changes', 'registration']);
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
export function ScheduleFields({ details, issues, edit }: EditorPartProps) {
  // The time as typed, while the start is what it became: a time the clocks skip is shown as typed
  // (with why it moved), not replaced under the planner's fingers by where it moved to.
  const [typedStart, setTypedStart] = useState<{ time: string; instant: string } | undefined>();
  // Zoom keeps a published event's pattern; its start time and duration change as moves of its sessions.
  const isLocked = useEditorStore((state) => state.isPublished);
  const start = wallClockInputs(details.start_time, details.timezone);
  const isTypedShown = typedStart !== undefined && typedStart.instant === details.start_time;
  const startTime = isTypedShown ? typedStart.time : start.time;
  const skippedNote = isTypedShown ? skippedTimeNote(typedStart.time, details.start_time, details.timezone) : undefined;
  const recurrence = details.event_type === 'RECURRING' ? details.recurrence : undefined;
  const duration = durationOf(details);
  const monthlyMode = recurrence?.monthly_week !== undefined ? 'weekday' : 'day';
  const endMode = recurrence?.end_date_time !== undefined ? 'date' : 'count';
  const weeklyDays = new Set<number>(recurrence?.weekly_days ?? []);
  const monthlyDay = Array.isArray(recurrence?.monthly_days) ? recurrence.monthly_days[0] : recurrence?.monthly_days;
  const endDate =
    recurrence?.end_date_time === undefined ? '' : wallClockInputs(recurrence.end_date_time, details.timezone).date;
  const setEndDate = (date: string) =>
    edit((current) => {
      const end = instantOfWallClock(date, '23:59', current.timezone);
      return end === undefined ? current : withRecurrence(current, { end_date_time: end.replace(/:00Z$/, ':59Z') });
    });

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
          cancel it in the list of sessions.
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
        {recurrence?.type === 2 && (
          <fieldset className="weekdays" aria-describedby="weekdays-problem">
            <legend>On these days</legend>
            {weekdayNames.map((name, index) => (
              <label key={name} className="chip-check">
                <input
                  type="checkbox"
                  checked={weeklyDays.has(index + 1)}
                  onChange={(event) =>
                    edit((current) => {
                      const days = new Set(weeklyDays);
                      if (event.target.checked) days.add(index + 1);
                      else days.delete(index + 1);
                      return withRecurrence(current, { weekly_days: [...days].sort((a, b) => a - b) });
                    })
                  }
                />
                {name}
              </label>
            ))}
            <p className="field-problem" id="weekdays-problem">
              {problemWithin(issues, 'recurrence.weekly_days') ?? ''}
            </p>
          </fieldset>
        )}
        {recurrence?.type === 3 && (
          <fieldset className="monthly">
            <legend>On which day of the month</legend>
            <div className="choice-line">
              <label className="radio">
                <input
                  type="radio"
                  name="monthly-mode"
                  checked={monthlyMode === 'day'}
                  onChange={() =>
                    edit((current) =>
                      withRecurrence(withoutRecurrenceFields(current, ['monthly_week', 'monthly_week_day']), {
                        monthly_days: [Number(start.date.slice(8, 10)) || 1],
                      }),
                    )
                  }
                />
                On day
              </label>
              <input
                type="number"
                aria-label="Day of the month"
                min={1}
                max={31}
                disabled={monthlyMode !== 'day'}
                value={monthlyDay ?? ''}
                onChange={(event) =>
                  edit((current) => withRecurrence(current, { monthly_days: [Number(event.target.value)] }))
                }
              />
              {monthlyMode === 'day' && (monthlyDay ?? 0) > 28 && (
                <span className="muted">(last day in shorter months)</span>
              )}
            </div>
            <div className="choice-line">
              <label className="radio">
                <input
                  type="radio"
                  name="monthly-mode"
                  checked={monthlyMode === 'weekday'}
                  onChange={() =>
                    edit((current) =>
                      withRecurrence(withoutRecurrenceFields(current, ['monthly_days']), {
                        monthly_week: 1,
                        monthly_week_day: new Date(`${start.date}T00:00:00Z`).getUTCDay() + 1 || 2,
                      }),
                    )
                  }
                />
                On the
              </label>
              <select
                aria-label="Week of the month"
                disabled={monthlyMode !== 'weekday'}
                value={recurrence.monthly_week ?? 1}
                onChange={(event) =>
                  edit((current) =>
                    withRecurrence(current, { monthly_week: Number(event.target.value) as 1 | 2 | 3 | 4 | -1 }),
                  )
                }
              >
                {[1, 2, 3, 4, -1].map((week) => (
                  <option key={week} value={week}>
                    {weekOfMonthNames[week]}
                  </option>
                ))}
              </select>
              <select
                aria-label="Weekday"
                disabled={monthlyMode !== 'weekday'}
                value={recurrence.monthly_week_day ?? 2}
                onChange={(event) =>
                  edit((current) => withRecurrence(current, { monthly_week_day: Number(event.target.value) }))
                }
              >
                {weekdayNames.map((name, index) => (
                  <option key={name} value={index + 1}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
            <p className="field-problem">{problemWithin(issues, 'recurrence.monthly') ?? ''}</p>
          </fieldset>
        )}
        {recurrence !== undefined && (
          <fieldset className="ends">
            <legend>Ends</legend>
            <div className="choice-line">
              <label className="radio">
                <input
                  type="radio"
                  name="end-mode"
                  checked={endMode === 'count'}
                  onChange={() =>
                    edit((current) =>
                      withRecurrence(withoutRecurrenceFields(current, ['end_date_time']), { end_times: 10 }),
                    )
                  }
                />
                After
              </label>
              <input
                type="number"
                aria-label="Number of sessions"
                min={1}
                max={60}
                disabled={endMode !== 'count'}
                value={recurrence.end_times ?? ''}
                onChange={(event) =>
                  edit((current) => withRecurrence(current, { end_times: Number(event.target.value) }))
                }
              />
              <span>sessions</span>
            </div>
            <div className="choice-line">
              <label className="radio">
                <input
                  type="radio"
                  name="end-mode"
                  checked={endMode === 'date'}
                  onChange={() =>
                    edit((current) => {
                      const later = new Date(Date.parse(current.start_time) + 90 * 86_400_000)
                        .toISOString()
                        .slice(0, 10);
                      const end = instantOfWallClock(later, '23:59', current.timezone);
                      return end === undefined
                        ? current
                        : withRecurrence(withoutRecurrenceFields(current, ['end_times']), {
                            end_date_time: end.replace(/:00Z$/, ':59Z'),
                          });
                    })
                  }
                />
                On
              </label>
              <DateEntry
                label="Last day"
                isLabelHidden
                className="inline"
                isDisabled={endMode !== 'date'}
                value={endDate}
                onCommit={setEndDate}
              />
            </div>
            <p className="field-problem" role="alert">
              {problemAt(issues, 'recurrence.end_times') ??
                problemAt(issues, 'recurrence.end_date_time') ??
                problemAt(issues, 'recurrence') ??
                ''}
            </p>
          </fieldset>
        )}
      </fieldset>
    </section>
  );
}

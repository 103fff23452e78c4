import { useState } from 'react';
import type { MeetingDraft } from '../../../shared/meetings/meetingDraft';
import { maxMeetingOccurrences } from '../../../shared/meetings/meetingRules';
import type { RecurrenceDraft } from '../../../shared/recurrence/recurrenceSchema';
import { problemAt } from '../../lib/issues';
import { instantOfWallClock, skippedTimeNote, wallClockInputs } from '../../lib/zonedTime';
import { Field } from '../Field';
import { RecurrenceFields } from '../RecurrenceFields';
import { DateEntry, TimeEntry } from '../WallClockFields';
import { ZoneOptions } from '../ZoneOptions';
import type { MeetingPartProps } from './meetingEditing';

const repeatUnits: Readonly<Record<number, string>> = { 1: 'days', 2: 'weeks', 3: 'months' };

/** The draft starting at a new instant; unchanged while the date or time is incomplete. */
function withStart(draft: MeetingDraft, start: string | undefined): MeetingDraft {
  return start === undefined ? draft : { ...draft, start_time: start };
}

/** The recurrence turned into another kind, its day taken from the start's own date in the zone. */
function withRepeats(draft: MeetingDraft, type: 1 | 2 | 3): MeetingDraft {
  const previous = draft.recurrence;
  if (previous.type === type) return draft;
  const { date } = wallClockInputs(draft.start_time, draft.timezone);
  const localDay = Number(date.slice(8, 10)) || 1;
  const localWeekday = date === '' ? 2 : new Date(`${date}T00:00:00Z`).getUTCDay() + 1;
  const ends =
    previous.end_date_time !== undefined
      ? { end_date_time: previous.end_date_time }
      : { end_times: previous.end_times ?? 10 };
  const recurrence: RecurrenceDraft = {
    type,
    repeat_interval: 1,
    duration: previous.duration,
    ...ends,
    ...(type === 2 ? { weekly_days: [localWeekday] } : {}),
    ...(type === 3 ? { monthly_days: [localDay] } : {}),
  };
  return { ...draft, recurrence };
}

/** When and how often: time zone, start, duration, how it repeats and when it ends. */
export function MeetingScheduleFields({ draft, issues, edit }: MeetingPartProps) {
  // The time as typed, while the start is what it became: a time the clocks skip is shown as typed
  // (with why it moved), not replaced under the planner's fingers by where it moved to.
  const [typedStart, setTypedStart] = useState<{ time: string; instant: string } | undefined>();
  const start = wallClockInputs(draft.start_time, draft.timezone);
  const isTypedShown = typedStart !== undefined && typedStart.instant === draft.start_time;
  const startTime = isTypedShown ? typedStart.time : start.time;
  const skippedNote = isTypedShown ? skippedTimeNote(typedStart.time, draft.start_time, draft.timezone) : undefined;
  const { recurrence } = draft;

  return (
    <section className="panel form-section" aria-labelledby="meeting-schedule-heading">
      <h2 id="meeting-schedule-heading">Schedule</h2>
      <Field label="Time zone" problem={problemAt(issues, 'timezone')}>
        <select
          value={draft.timezone}
          onChange={(event) =>
            edit((current) => {
              // The planner means the same wall-clock time in the new zone.
              const wall = wallClockInputs(current.start_time, current.timezone);
              const moved = { ...current, timezone: event.target.value };
              return withStart(moved, instantOfWallClock(wall.date, wall.time, event.target.value));
            })
          }
        >
          <ZoneOptions current={draft.timezone} />
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
            const instant = instantOfWallClock(start.date, time, draft.timezone);
            setTypedStart(instant === undefined ? undefined : { time, instant });
            edit((current) => withStart(current, instantOfWallClock(start.date, time, current.timezone)));
          }}
        />
        <Field label="Duration (minutes)" problem={problemAt(issues, 'recurrence.duration')}>
          <input
            type="number"
            min={1}
            max={1440}
            value={Number.isFinite(recurrence.duration) ? recurrence.duration : ''}
            onChange={(event) => {
              const duration = Number(event.target.value);
              edit((current) => ({ ...current, recurrence: { ...current.recurrence, duration } }));
            }}
          />
        </Field>
      </div>
      <div className="field-row">
        <Field label="Repeats" problem={problemAt(issues, 'recurrence.type')}>
          <select
            value={String(recurrence.type)}
            onChange={(event) => edit((current) => withRepeats(current, Number(event.target.value) as 1 | 2 | 3))}
          >
            <option value="1">Daily</option>
            <option value="2">Weekly</option>
            <option value="3">Monthly</option>
          </select>
        </Field>
        <Field
          label={`Every how many ${repeatUnits[recurrence.type] ?? ''}`}
          problem={problemAt(issues, 'recurrence.repeat_interval')}
        >
          <input
            type="number"
            min={1}
            value={recurrence.repeat_interval ?? 1}
            onChange={(event) => {
              const interval = Number(event.target.value);
              edit((current) => ({ ...current, recurrence: { ...current.recurrence, repeat_interval: interval } }));
            }}
          />
        </Field>
      </div>
      <RecurrenceFields
        timing={draft}
        issues={issues}
        editRecurrence={(change) => edit((current) => ({ ...current, recurrence: change(current) }))}
        repetitions="occurrences"
        maxCount={maxMeetingOccurrences}
      />
    </section>
  );
}

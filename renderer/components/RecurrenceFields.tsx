import { useId } from 'react';
import { weekdayNames, weekOfMonthNames } from '../../shared/recurrence/describeRecurrence';
import type { RecurrenceDraft } from '../../shared/recurrence/recurrenceSchema';
import type { Issue } from '../../shared/ipc/envelope';
import { problemAt, problemWithin } from '../lib/issues';
import { instantOfWallClock, wallClockInputs } from '../lib/zonedTime';
import { DateEntry } from './WallClockFields';

/** The fields a recurrence is edited against: where and when it starts, and how it repeats. */
export interface RecurringTiming {
  timezone: string;
  start_time: string;
  recurrence: RecurrenceDraft;
}

interface RecurrenceFieldsProps {
  timing: RecurringTiming;
  issues: readonly Issue[];
  /** Applies a change to the recurrence, given the timing as it is when the change is applied. */
  editRecurrence: (change: (timing: RecurringTiming) => RecurrenceDraft) => void;
  /** What the repetitions are called: a series has sessions, a meeting occurrences. */
  repetitions: string;
  /** The most repetitions the end may ask for. */
  maxCount: number;
}

/** The recurrence without some of its fields, then with others set. */
function reshaped(
  recurrence: RecurrenceDraft,
  without: readonly (keyof RecurrenceDraft)[],
  fields: Partial<RecurrenceDraft>,
): RecurrenceDraft {
  const kept = Object.fromEntries(
    Object.entries(recurrence).filter(([field]) => !without.includes(field as keyof RecurrenceDraft)),
  ) as RecurrenceDraft;
  return { ...kept, ...fields };
}

/** The last instant of a wall-clock day in the zone: an end date includes its whole day. */
function endOfDay(date: string, zone: string): string | undefined {
  return instantOfWallClock(date, '23:59', zone)?.replace(/:00Z$/, ':59Z');
}

/**
 * The parts of a recurrence after its kind and interval: the weekdays of a weekly one, the day of
 * a monthly one, and the end (a number of repetitions or a last day). The series editor and the
 * meeting editor show the same fields, with the same rules.
 */
export function RecurrenceFields({ timing, issues, editRecurrence, repetitions, maxCount }: RecurrenceFieldsProps) {
  const names = useId();
  const { recurrence } = timing;
  const start = wallClockInputs(timing.start_time, timing.timezone);
  const monthlyMode = recurrence.monthly_week !== undefined ? 'weekday' : 'day';
  const endMode = recurrence.end_date_time !== undefined ? 'date' : 'count';
  // Without days of its own, a weekly recurrence repeats on its start's weekday (docs/recurrence.md).
  const startWeekday = start.date === '' ? [] : [new Date(`${start.date}T00:00:00Z`).getUTCDay() + 1];
  const weeklyDays = new Set<number>(recurrence.weekly_days ?? startWeekday);
  const monthlyDay = Array.isArray(recurrence.monthly_days) ? recurrence.monthly_days[0] : recurrence.monthly_days;
  const endDate =
    recurrence.end_date_time === undefined ? '' : wallClockInputs(recurrence.end_date_time, timing.timezone).date;
  const set = (fields: Partial<RecurrenceDraft>) => editRecurrence((current) => ({ ...current.recurrence, ...fields }));
  const setEndDate = (date: string) =>
    editRecurrence((current) => {
      const end = endOfDay(date, current.timezone);
      return end === undefined ? current.recurrence : { ...current.recurrence, end_date_time: end };
    });

  return (
    <>
      {recurrence.type === 2 && (
        <fieldset className="weekdays" aria-describedby={`${names}-weekdays-problem`}>
          <legend>On these days</legend>
          {weekdayNames.map((name, index) => (
            <label key={name} className="chip-check">
              <input
                type="checkbox"
                checked={weeklyDays.has(index + 1)}
                onChange={(event) => {
                  const days = new Set(weeklyDays);
                  if (event.target.checked) days.add(index + 1);
                  else days.delete(index + 1);
                  set({ weekly_days: [...days].sort((a, b) => a - b) });
                }}
              />
              {name}
            </label>
          ))}
          <p className="field-problem" id={`${names}-weekdays-problem`}>
            {problemWithin(issues, 'recurrence.weekly_days') ?? ''}
          </p>
        </fieldset>
      )}
      {recurrence.type === 3 && (
        <fieldset className="monthly">
          <legend>On which day of the month</legend>
          <div className="choice-line">
            <label className="radio">
              <input
                type="radio"
                name={`${names}-monthly-mode`}
                checked={monthlyMode === 'day'}
                onChange={() =>
                  editRecurrence((current) =>
                    reshaped(current.recurrence, ['monthly_week', 'monthly_week_day'], {
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
              onChange={(event) => set({ monthly_days: [Number(event.target.value)] })}
            />
            {monthlyMode === 'day' && (monthlyDay ?? 0) > 28 && (
              <span className="muted">(last day in shorter months)</span>
            )}
          </div>
          <div className="choice-line">
            <label className="radio">
              <input
                type="radio"
                name={`${names}-monthly-mode`}
                checked={monthlyMode === 'weekday'}
                onChange={() =>
                  editRecurrence((current) =>
                    reshaped(current.recurrence, ['monthly_days'], {
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
              onChange={(event) => set({ monthly_week: Number(event.target.value) as 1 | 2 | 3 | 4 | -1 })}
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
              onChange={(event) => set({ monthly_week_day: Number(event.target.value) })}
            >
              {weekdayNames.map((name, index) => (
                <option key={name} value={index + 1}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <p className="field-problem">
            {problemWithin(issues, 'recurrence.monthly_days') ??
              problemWithin(issues, 'recurrence.monthly_week') ??
              problemWithin(issues, 'recurrence.monthly_week_day') ??
              ''}
          </p>
        </fieldset>
      )}
      <fieldset className="ends">
        <legend>Ends</legend>
        <div className="choice-line">
          <label className="radio">
            <input
              type="radio"
              name={`${names}-end-mode`}
              checked={endMode === 'count'}
              onChange={() =>
                editRecurrence((current) => reshaped(current.recurrence, ['end_date_time'], { end_times: 10 }))
              }
            />
            After
          </label>
          <input
            type="number"
            aria-label={`Number of ${repetitions}`}
            min={1}
            max={maxCount}
            disabled={endMode !== 'count'}
            value={recurrence.end_times ?? ''}
            onChange={(event) => set({ end_times: Number(event.target.value) })}
          />
          <span>{repetitions}</span>
        </div>
        <div className="choice-line">
          <label className="radio">
            <input
              type="radio"
              name={`${names}-end-mode`}
              checked={endMode === 'date'}
              onChange={() =>
                editRecurrence((current) => {
                  const later = new Date(Date.parse(current.start_time) + 90 * 86_400_000).toISOString().slice(0, 10);
                  const end = endOfDay(later, current.timezone);
                  return end === undefined
                    ? current.recurrence
                    : reshaped(current.recurrence, ['end_times'], { end_date_time: end });
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
    </>
  );
}

import { useEffect, useState } from 'react';
import { sameChanges, scheduleSpan, withClosedDayChanges } from '../../../shared/drafts/closedDayChanges';
import type { ClosedDays } from '../../../shared/drafts/closedDays';
import { timingFieldsSchema } from '../../../shared/recurrence/seriesTiming';
import type { CadenceApi } from '../../../shared/ipc/cadenceApi';
import { problemAt, problemWithin } from '../../lib/issues';
import { formatCivilDate } from '../../lib/closedDayWords';
import { plural } from '../../lib/words';
import { useEditorStore, type SeriesDetails } from '../../stores/useEditorStore';
import { useHolidayStore } from '../../stores/useHolidayStore';
import { Field } from '../Field';
import { DateEntry } from '../WallClockFields';
import type { EditorPartProps } from './editing';

const noClosedDays: ClosedDays = { dates: [], on_closed_day: 'cancel', kept: [] };

/** The details with their closed days changed; closed days that say nothing are left out. */
export function withClosedDays(details: SeriesDetails, change: (closed: ClosedDays) => ClosedDays): SeriesDetails {
  if (details.event_type !== 'RECURRING') return details;
  const next = change(details.closed_days ?? noClosedDays);
  const isEmpty =
    next.calendar === undefined && next.dates.length === 0 && next.kept.length === 0 && next.on_closed_day === 'cancel';
  if (!isEmpty) return { ...details, closed_days: next };
  const rest: Partial<typeof details> = { ...details };
  delete rest.closed_days;
  return rest as SeriesDetails;
}

/** The span of dates whose holidays the schedule needs, while it describes a schedule. */
function spanOf(details: SeriesDetails) {
  const timing = timingFieldsSchema.safeParse(details);
  return timing.success ? scheduleSpan(timing.data) : undefined;
}

/**
 * Keeps the editor's occurrence changes in step with its closed days as the planner types, by
 * the same rule main applies on save: holidays come from main, the rule runs here.
 */
function useClosedDayChanges(api: CadenceApi, details: SeriesDetails, edit: EditorPartProps['edit']): void {
  const holidaysFor = useHolidayStore((state) => state.holidaysFor);
  const isRecurring = details.event_type === 'RECURRING';
  const closedDays = isRecurring ? details.closed_days : undefined;
  const changes = isRecurring ? details.occurrence_changes : undefined;
  const recurrence = isRecurring ? details.recurrence : undefined;
  const { timezone, start_time: startTime } = details;
  useEffect(() => {
    const hasMarks = changes?.some((change) => change.closed_day !== undefined) ?? false;
    if (!isRecurring || (closedDays === undefined && !hasMarks)) return;
    const run = { isCurrent: true };
    void (async () => {
      const current = useEditorStore.getState().details;
      const span = current === undefined ? undefined : spanOf(current);
      const calendar = closedDays?.calendar;
      const holidays = calendar === undefined || span === undefined ? [] : await holidaysFor(api, calendar, span);
      const latest = useEditorStore.getState().details;
      if (!run.isCurrent || holidays === undefined || latest?.event_type !== 'RECURRING') return;
      const timing = timingFieldsSchema.safeParse(latest);
      // The schedule changed while the holidays were on their way: the next run has the right ones.
      if (!timing.success || JSON.stringify(spanOf(latest)) !== JSON.stringify(span)) return;
      const next = withClosedDayChanges({ ...latest, ...timing.data }, holidays, Date.now());
      if (sameChanges(next, latest.occurrence_changes)) return;
      edit((now) => (now === latest ? { ...latest, occurrence_changes: next } : now));
    })();
    return () => {
      run.isCurrent = false;
    };
  }, [api, edit, holidaysFor, isRecurring, closedDays, changes, recurrence, timezone, startTime]);
}

/** A date the planner closes, typed, with an optional name, added with a button. */
function OwnDateForm({ edit, problem }: { edit: EditorPartProps['edit']; problem: string | undefined }) {
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  return (
    <div className="field-row closed-date-form">
      <DateEntry label="Closed date" value={date} problem={problem} onCommit={setDate} />
      <Field label="What it is (optional)">
        <input type="text" value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
      </Field>
      <button
        type="button"
        className="button-quiet small"
        disabled={date === ''}
        onClick={() => {
          const own = { date, ...(name.trim() === '' ? {} : { name: name.trim() }) };
          edit((current) =>
            withClosedDays(current, (closed) => ({
              ...closed,
              dates: [...closed.dates.filter((entry) => entry.date !== date), own].sort((a, b) =>
                a.date.localeCompare(b.date),
              ),
            })),
          );
          setDate('');
          setName('');
        }}
      >
        Add closed date
      </button>
    </div>
  );
}

/**
 * The days a recurring series does not meet: a country's (and region's) public holidays and the
 * planner's own dates, and whether their sessions are cancelled or moved to the next working day.
 */
export function ClosedDaysFields({ api, details, issues, edit }: EditorPartProps) {
  const countries = useHolidayStore((state) => state.countries);
  const loadCountries = useHolidayStore((state) => state.loadCountries);
  const error = useHolidayStore((state) => state.error);
  useEffect(() => {
    void loadCountries(api);
  }, [api, loadCountries]);
  useClosedDayChanges(api, details, edit);
  if (details.event_type !== 'RECURRING') return null;
  const closed = details.closed_days ?? noClosedDays;
  const country = countries?.find((entry) => entry.code === closed.calendar?.country);
  const affected = details.occurrence_changes.filter((change) => change.closed_day !== undefined);
  const cancelled = affected.filter((change) => change.action === 'cancel').length;
  const setAction = (action: ClosedDays['on_closed_day']) =>
    edit((current) => withClosedDays(current, (days) => ({ ...days, on_closed_day: action })));

  return (
    <section className="panel form-section" aria-labelledby="closed-days-heading">
      <h2 id="closed-days-heading">Closed days</h2>
      <p className="muted small-print">
        Sessions on a public holiday or on a date you close are taken out of the series, here and on Zoom. Restore any
        of them in the list of sessions; Cadence will not take it out again.
      </p>
      <div className="field-row">
        <Field
          label="Public holidays of"
          problem={problemAt(issues, 'closed_days.calendar.country') ?? problemAt(issues, 'closed_days.calendar')}
        >
          <select
            value={closed.calendar?.country ?? ''}
            onChange={(event) => {
              const code = event.target.value;
              edit((current) =>
                withClosedDays(current, (days) => {
                  const rest = { ...days };
                  delete rest.calendar;
                  return code === '' ? rest : { ...days, calendar: { country: code } };
                }),
              );
            }}
          >
            <option value="">No holiday calendar</option>
            {closed.calendar !== undefined && country === undefined && (
              <option value={closed.calendar.country}>{closed.calendar.country}</option>
            )}
            {countries?.map((entry) => (
              <option key={entry.code} value={entry.code}>
                {entry.name}
              </option>
            ))}
          </select>
        </Field>
        {closed.calendar !== undefined && (country?.regions.length ?? 0) > 0 && (
          <Field label="Region or state" problem={problemAt(issues, 'closed_days.calendar.region')}>
            <select
              value={closed.calendar.region ?? ''}
              onChange={(event) => {
                const region = event.target.value;
                edit((current) =>
                  withClosedDays(current, (days) =>
                    days.calendar === undefined
                      ? days
                      : {
                          ...days,
                          calendar: { country: days.calendar.country, ...(region === '' ? {} : { region }) },
                        },
                  ),
                );
              }}
            >
              <option value="">Nationwide holidays only</option>
              {country?.regions.map((region) => (
                <option key={region.code} value={region.code}>
                  {region.name}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      {error !== undefined && (
        <p className="field-problem" role="alert">
          {error.message}
        </p>
      )}
      <fieldset className="options">
        <legend>A session on a closed day</legend>
        <label className="radio">
          <input
            type="radio"
            name="on-closed-day"
            checked={closed.on_closed_day === 'cancel'}
            onChange={() => setAction('cancel')}
          />
          Is cancelled
        </label>
        <label className="radio">
          <input
            type="radio"
            name="on-closed-day"
            checked={closed.on_closed_day === 'next_working_day'}
            onChange={() => setAction('next_working_day')}
          />
          Moves to the next working day (cancelled when that day has a session or is after the last one)
        </label>
      </fieldset>
      {closed.dates.length > 0 && (
        <ul className="closed-dates" aria-label="Your closed dates">
          {closed.dates.map((own) => (
            <li key={own.date}>
              {formatCivilDate(own.date)}
              {own.name !== undefined && ` · ${own.name}`}{' '}
              <button
                type="button"
                className="button-quiet small"
                aria-label={`Open again on ${formatCivilDate(own.date)}`}
                onClick={() =>
                  edit((current) =>
                    withClosedDays(current, (days) => ({
                      ...days,
                      dates: days.dates.filter((entry) => entry.date !== own.date),
                    })),
                  )
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <OwnDateForm edit={edit} problem={problemWithin(issues, 'closed_days.dates')} />
      {closed.kept.length > 0 && (
        <div className="kept-dates">
          <p className="muted small-print">Sessions you kept on closed days:</p>
          <ul aria-label="Kept on closed days">
            {closed.kept.map((date) => (
              <li key={date}>
                {formatCivilDate(date)}{' '}
                <button
                  type="button"
                  className="button-quiet small"
                  aria-label={`Skip ${formatCivilDate(date)} again`}
                  onClick={() =>
                    edit((current) =>
                      withClosedDays(current, (days) => ({ ...days, kept: days.kept.filter((kept) => kept !== date) })),
                    )
                  }
                >
                  Skip again
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="muted" aria-live="polite">
        {affected.length === 0
          ? 'No session falls on a closed day.'
          : `${plural(affected.length, 'session')} on closed days: ${String(cancelled)} cancelled, ${String(
              affected.length - cancelled,
            )} moved.`}
      </p>
    </section>
  );
}

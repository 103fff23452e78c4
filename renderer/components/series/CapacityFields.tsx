import { capacityRuleOf, type SessionCapacity } from '../../../shared/drafts/capacity';
import { problemAt } from '../../lib/issues';
import type { SeriesDetails } from '../../stores/useEditorStore';
import { Field } from '../Field';
import { omit, type EditorPartProps } from './editing';

/** A whole number typed in a field, or undefined while it is empty. */
function countOf(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

function withSessionCapacities(details: SeriesDetails, entries: readonly SessionCapacity[]): SeriesDetails {
  if (details.event_type !== 'RECURRING') return details;
  return entries.length === 0
    ? omit(details, ['session_capacities'])
    : { ...details, session_capacities: [...entries] };
}

function withCapacity(details: SeriesDetails, capacity: number | undefined): SeriesDetails {
  return capacity === undefined ? (omit(details, ['capacity']) as SeriesDetails) : { ...details, capacity };
}

/**
 * How many people may register: in the series, or in each session where attendees choose
 * sessions, with sessions of their own size. People beyond it wait in the waiting list.
 */
export function CapacityFields({ details, issues, edit }: EditorPartProps) {
  const rule = capacityRuleOf(details);
  const entries = details.event_type === 'RECURRING' ? (details.session_capacities ?? []) : [];
  const setEntry = (index: number, entry: Partial<SessionCapacity>) =>
    edit((current) =>
      withSessionCapacities(
        current,
        entries.map((old, at) => (at === index ? { ...old, ...entry } : old)),
      ),
    );
  return (
    <section className="panel form-section" aria-labelledby="places-heading">
      <h2 id="places-heading">Places</h2>
      <Field
        label={rule.scope === 'series' ? 'Places in the series' : 'Places in each session'}
        problem={problemAt(issues, 'capacity')}
        hint="Leave empty for no limit. People beyond it wait in the waiting list, in order, and are registered on Zoom as places free."
      >
        <input
          type="number"
          min={1}
          inputMode="numeric"
          value={details.capacity ?? ''}
          onChange={(event) => edit((current) => withCapacity(current, countOf(event.target.value)))}
        />
      </Field>
      {rule.scope === 'session' && (
        <fieldset className="options">
          <legend>Sessions with their own number of places</legend>
          {entries.map((entry, index) => (
            <div className="field-row" key={index}>
              <Field label="Session" problem={problemAt(issues, `session_capacities[${String(index)}].occurrence`)}>
                <input
                  type="number"
                  min={1}
                  value={entry.occurrence}
                  onChange={(event) => setEntry(index, { occurrence: Number(event.target.value) })}
                />
              </Field>
              <Field label="Places" problem={problemAt(issues, `session_capacities[${String(index)}].capacity`)}>
                <input
                  type="number"
                  min={1}
                  value={entry.capacity}
                  onChange={(event) => setEntry(index, { capacity: Number(event.target.value) })}
                />
              </Field>
              <button
                type="button"
                className="button-quiet small"
                aria-label={`Remove the places of session ${String(entry.occurrence)}`}
                onClick={() =>
                  edit((current) =>
                    withSessionCapacities(
                      current,
                      entries.filter((_, at) => at !== index),
                    ),
                  )
                }
              >
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button-quiet"
            onClick={() =>
              edit((current) =>
                withSessionCapacities(current, [
                  ...entries,
                  { occurrence: Math.max(0, ...entries.map((entry) => entry.occurrence)) + 1, capacity: 10 },
                ]),
              )
            }
          >
            Give a session its own number of places
          </button>
          <p className="field-problem">{problemAt(issues, 'session_capacities') ?? ''}</p>
        </fieldset>
      )}
    </section>
  );
}

import { useEffect, useState } from 'react';
import type { HistoryItem, HistorySource } from '../../../shared/history/seriesHistory';
import { changeWords, sourceOf, whenWords } from '../../lib/historyWords';
import { plannerTimeZone } from '../../lib/zonedTime';
import { useAppStore } from '../../stores/useAppStore';
import { useHistoryStore } from '../../stores/useHistoryStore';
import { useZoomOriginStore } from '../../stores/useZoomOriginStore';
import { ErrorBanner } from '../ErrorBanner';

/** The "who" filter: each choice stands for the sources a planner thinks of as one. */
const whoChoices: readonly { label: string; sources: readonly HistorySource[] }[] = [
  { label: 'This laptop', sources: ['here'] },
  { label: 'Zoom', sources: ['zoom', 'opened'] },
  { label: 'Another planner', sources: ['planner'] },
  { label: 'Resolutions', sources: ['resolution'] },
];

const whatChoices: readonly { label: string; items: readonly HistoryItem[] }[] = [
  { label: 'Event', items: ['event', 'series'] },
  { label: 'Sessions', items: ['session'] },
  { label: 'Ticket type', items: ['ticket_type'] },
  { label: 'Registration link', items: ['registration'] },
  { label: 'Attendees', items: ['attendee'] },
];

const typingPauseMs = 250;

/** Ticked choices as the query's list, or undefined when none is ticked (everything). */
function chosen<T>(
  choices: readonly { label: string }[],
  ticked: ReadonlySet<string>,
  of: (index: number) => readonly T[],
) {
  const values = choices.flatMap((choice, index) => (ticked.has(choice.label) ? of(index) : []));
  return values.length === 0 ? undefined : values;
}

/** A row of filter chips, one checkbox each; none ticked shows everything. */
function ChoiceFilter({
  legend,
  labels,
  ticked,
  onChange,
}: {
  legend: string;
  labels: readonly string[];
  ticked: ReadonlySet<string>;
  onChange: (ticked: ReadonlySet<string>) => void;
}) {
  return (
    <fieldset className="choice-line">
      <legend>{legend}</legend>
      {labels.map((label) => (
        <label key={label} className="chip-check">
          <input
            type="checkbox"
            checked={ticked.has(label)}
            onChange={(event) => {
              const next = new Set(ticked);
              if (event.target.checked) next.add(label);
              else next.delete(label);
              onChange(next);
            }}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Every change to a series with who made it, newest first: this laptop, Zoom, another planner,
 * a conflict's resolution. Filtered by who, what and text; the latest resolution of a conflict
 * that can still be undone offers "Undo", which opens the conflict again.
 */
export function HistoryPanel({ seriesId, zone }: { seriesId: string; zone: string }) {
  const api = useAppStore((state) => state.api);
  const { entries, nextBefore, error, message, load, loadMore, undo } = useHistoryStore();
  // A refresh from Zoom on this page brings changes too: its report is the sign to read again.
  const refreshed = useZoomOriginStore((state) => state.report);
  const [who, setWho] = useState<ReadonlySet<string>>(new Set());
  const [what, setWhat] = useState<ReadonlySet<string>>(new Set());
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');

  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), typingPauseMs);
    return () => window.clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    if (api === undefined) return;
    const source = chosen(whoChoices, who, (index) => whoChoices[index]?.sources ?? []);
    const item = chosen(whatChoices, what, (index) => whatChoices[index]?.items ?? []);
    const filter = {
      series_id: seriesId,
      ...(source === undefined ? {} : { source }),
      ...(item === undefined ? {} : { item }),
      ...(query === '' ? {} : { text: query }),
    };
    void load(api, filter);
    // A sync brings Zoom's changes and settles or opens conflicts: the list follows.
    return api.on('sync.finished', () => void load(api, filter));
  }, [api, load, seriesId, who, what, query, refreshed]);

  if (api === undefined) return null;
  const now = new Date();
  const plannerZone = plannerTimeZone();
  return (
    <section className="history" aria-labelledby="history-title">
      <h3 id="history-title" className="visually-hidden">
        History
      </h3>
      <div className="history-filters">
        <ChoiceFilter legend="Who" labels={whoChoices.map((c) => c.label)} ticked={who} onChange={setWho} />
        <ChoiceFilter legend="What" labels={whatChoices.map((c) => c.label)} ticked={what} onChange={setWhat} />
        <div className="field history-search">
          <label htmlFor="history-search">Search the history</label>
          <input id="history-search" type="search" value={text} onChange={(event) => setText(event.target.value)} />
        </div>
      </div>
      <ErrorBanner error={error} />
      <p role="status" aria-live="polite" className="history-message">
        {message}
      </p>
      {entries === undefined ? (
        <p className="muted">Reading the history…</p>
      ) : entries.length === 0 ? (
        <p className="muted">
          {who.size + what.size > 0 || query !== '' ? 'No change matches these filters.' : 'No changes yet.'}
        </p>
      ) : (
        <ol className="history-list" aria-label="Changes, newest first">
          {entries.map((entry) => {
            const words = changeWords(entry, zone);
            const conflictId = entry.conflict_id;
            return (
              <li key={entry.id} className="history-entry">
                <span className="history-change">{words}</span>
                <span className="history-meta">
                  <span className={`badge history-source-${entry.source}`}>{sourceOf(entry)}</span>{' '}
                  <time dateTime={entry.at}>{whenWords(entry.at, now, plannerZone)}</time>
                </span>
                {entry.can_undo && conflictId !== null && (
                  <button
                    type="button"
                    className="button-quiet"
                    aria-label={`Undo: ${words}`}
                    onClick={() => void undo(api, conflictId)}
                  >
                    Undo
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {nextBefore !== undefined && (
        <button type="button" className="button-quiet" onClick={() => void loadMore(api)}>
          Show older changes
        </button>
      )}
    </section>
  );
}

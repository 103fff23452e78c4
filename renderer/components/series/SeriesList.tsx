import { useEffect, useRef, type ChangeEvent } from 'react';
import { ConnectPrompt } from '../ConnectPrompt';
import { EmptyState } from '../EmptyState';
import { useAppStore } from '../../stores/useAppStore';
import { useEditorStore } from '../../stores/useEditorStore';
import { useSeriesStore, visibleSeries, type SeriesFilter } from '../../stores/useSeriesStore';
import { formatMoment } from '../../lib/zonedTime';
import { plural } from '../../lib/words';
import { ExportMenu } from './ExportMenu';
import { ReadinessToggle } from './ReadinessToggle';
import { SyncStateBadge, syncStateWords } from './SyncStateBadge';
import { replacedEventWords } from '../../../shared/drafts/replacedSeries';

const filters: readonly { value: SeriesFilter; label: string }[] = [
  { value: 'all', label: 'All series' },
  ...(['draft', 'waiting', 'synced', 'published', 'conflict'] as const).map((value) => ({
    value,
    label: syncStateWords[value],
  })),
];

/** Every draft and synced series: search, filter, create, import, export, duplicate, delete. */
export function SeriesList() {
  const api = useAppStore((state) => state.api);
  const navigate = useAppStore((state) => state.navigate);
  const {
    series,
    query,
    filter,
    error,
    imported,
    load,
    setQuery,
    setFilter,
    create,
    duplicate,
    remove,
    setReady,
    importFile,
    dismiss,
  } = useSeriesStore();
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // An edit the series editor has not yet saved is saved first, so the list shows it.
    if (api !== undefined)
      void useEditorStore
        .getState()
        .flush(api)
        .then(() => load(api));
  }, [api, load]);

  const createSeries = async () => {
    if (api === undefined) return;
    const id = await create(api);
    if (id !== undefined) navigate({ screen: 'series', seriesId: id, tab: 'details' });
  };
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file === undefined || api === undefined) return;
    await importFile(api, file);
  };
  const shown = series === undefined ? [] : visibleSeries(series, query, filter);

  return (
    <div className="stack">
      <div className="toolbar">
        <input
          type="search"
          className="search"
          aria-label="Search series"
          aria-keyshortcuts="/"
          placeholder="Search series   /"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          data-shortcut-target="search"
        />
        <select aria-label="Show" value={filter} onChange={(event) => setFilter(event.target.value as SeriesFilter)}>
          {filters.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <span className="toolbar-spacer" />
        {api !== undefined && series !== undefined && series.length > 0 && (
          <ExportMenu api={api} label="Export all series" />
        )}
        <button type="button" className="button-quiet" onClick={() => fileInput.current?.click()}>
          Import series file
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-label="Series file"
          hidden
          onChange={(event) => void onFile(event)}
        />
        <button type="button" className="button-primary" aria-keyshortcuts="N" onClick={() => void createSeries()}>
          New series
        </button>
      </div>
      {error !== undefined && (
        <div className="banner danger" role="alert">
          <p>{error.message}</p>
          {error.issues.length > 0 && (
            <ul className="issue-list">
              {error.issues.slice(0, 20).map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>
                  <code>{issue.path}</code> {issue.message}
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="button-quiet" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
      {imported !== undefined && (
        <div className="banner success" role="status">
          Imported {plural(imported.created, 'new series', 'new series')} and updated{' '}
          {plural(imported.updated, 'series', 'series')}.{' '}
          <button type="button" className="button-link" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
      {series !== undefined && series.length === 0 ? (
        <EmptyState icon="series" title="No series yet">
          <p>
            Draft a weekly standup, a monthly webinar or a training course with per-session registration. Every change
            is saved on this computer as you make it, and reaches Zoom when you sync.
          </p>
          <p className="muted">
            Press <kbd>N</kbd> for a new series.
          </p>
          <ConnectPrompt />
        </EmptyState>
      ) : (
        <table className="data-table series-table" aria-label="Series">
          <thead>
            <tr>
              <th scope="col">Series</th>
              <th scope="col">State</th>
              <th scope="col">Next session</th>
              <th scope="col" className="numeric">
                Sessions
              </th>
              <th scope="col" className="numeric">
                Attendees
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((entry) => (
              <tr key={entry.id} className={entry.replaced_by === null ? undefined : 'row-replaced'}>
                <th scope="row">
                  <a href={`#series/${encodeURIComponent(entry.id)}`} className="row-link">
                    {entry.name}
                  </a>
                  {entry.replaced_by !== null && (
                    <span className="row-sub">
                      <span className="tag">Replaced</span> Continues as{' '}
                      <a href={`#series/${encodeURIComponent(entry.replaced_by.series_id)}`}>
                        {entry.replaced_by.name}
                      </a>
                    </span>
                  )}
                  <span className="muted row-sub">
                    {entry.event_type === 'RECURRING' ? 'Recurring' : 'Single session'} · {entry.timezone}
                    {entry.hub_name !== null && ` · ${entry.hub_name}`}
                  </span>
                </th>
                <td>
                  {entry.replaced_by === null ? (
                    <SyncStateBadge state={entry.sync_state} />
                  ) : (
                    <span className="muted">Replaced — {replacedEventWords(entry.replaced_by)}</span>
                  )}
                  {entry.replaced_by === null && entry.pending_changes > 0 && entry.sync_state !== 'draft' && (
                    <span className="muted row-sub">{plural(entry.pending_changes, 'change')} waiting</span>
                  )}
                </td>
                <td>{entry.next_occurrence === null ? '—' : formatMoment(entry.next_occurrence, entry.timezone)}</td>
                <td className="numeric">
                  {entry.sessions}
                  {entry.parts > 1 && <span className="muted row-sub">in {plural(entry.parts, 'part')}</span>}
                </td>
                <td className="numeric">{entry.attendees.toLocaleString()}</td>
                <td className="row-actions">
                  {entry.replaced_by === null && (
                    <ReadinessToggle
                      seriesName={entry.name}
                      isReady={entry.is_ready}
                      onChange={(isReady) => api && void setReady(api, entry.id, isReady)}
                    />
                  )}
                  <button
                    type="button"
                    className="button-quiet"
                    aria-label={`Duplicate ${entry.name}`}
                    onClick={() =>
                      api &&
                      void duplicate(api, entry.id).then(
                        (id) => id && navigate({ screen: 'series', seriesId: id, tab: 'details' }),
                      )
                    }
                  >
                    Duplicate
                  </button>
                  {/* A replaced series stays for the record: it cannot be deleted. */}
                  {entry.replaced_by === null && (
                    <button
                      type="button"
                      className="button-quiet"
                      aria-label={`Delete ${entry.name}`}
                      onClick={() => {
                        const onZoom = entry.sync_state !== 'draft';
                        const onZoomAs = entry.parts > 1 ? `Its ${String(entry.parts)} events are` : 'It is';
                        const question = onZoom
                          ? `Delete "${entry.name}"? ${onZoomAs} deleted on Zoom at the next sync.`
                          : `Delete the draft "${entry.name}"?`;
                        if (api && window.confirm(question)) void remove(api, entry.id);
                      }}
                    >
                      Delete
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {series !== undefined && series.length > 0 && shown.length === 0 && (
        <p className="muted">No series match “{query}”.</p>
      )}
    </div>
  );
}

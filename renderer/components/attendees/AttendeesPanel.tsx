import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AttendeeOrigin, AttendeeRow, PartRegistration } from '../../../shared/drafts/attendeeList';
import { sessionChoiceOf } from '../../lib/sessionsChoice';
import { plural } from '../../lib/words';
import { useAppStore } from '../../stores/useAppStore';
import { useAttendeeStore } from '../../stores/useAttendeeStore';
import { useSyncStore } from '../../stores/useSyncStore';
import type { SeriesDetails } from '../../stores/useEditorStore';
import { AttendeeDialog } from './AttendeeDialog';
import { ChangeSessionsDialog } from './ChangeSessionsDialog';
import { CsvImportDialog } from './CsvImportDialog';
import { RefusedRegistrations } from './RefusedRegistrations';
import { WaitingListPanel } from './WaitingListPanel';
import { ErrorBanner } from '../ErrorBanner';

const rowHeight = 40;

/** Where a registration came from, when not from this laptop. */
const originWords: Readonly<Record<Exclude<AttendeeOrigin, 'here'>, string>> = {
  zoom: 'registered on Zoom',
  planner: 'added by another planner',
};

/** Where a person's registration stands: on Zoom, about to be sent, or waiting for a place. */
function registrationWords(row: AttendeeRow): string {
  if (row.parts.length > 0) return partsWords(row.parts);
  if (row.on_zoom) return 'Registered';
  if (row.waiting_place !== null) return `Waiting list, #${String(row.waiting_place)}`;
  return row.promoted ? 'Place freed, to send' : 'Waiting';
}

/** Where a person of a series in parts is registered: "Registered in parts 1–5", or which still wait. */
function partsWords(parts: readonly PartRegistration[]): string {
  const numbers = (of: readonly PartRegistration[]) => runs(of.map((entry) => entry.part + 1));
  const waiting = parts.filter((entry) => !entry.on_zoom);
  const held = parts.filter((entry) => entry.on_zoom);
  const inParts = (of: readonly PartRegistration[]) => `${of.length === 1 ? 'part' : 'parts'} ${numbers(of)}`;
  if (waiting.length === 0) return `Registered in ${inParts(held)}`;
  if (held.length === 0) return `Waiting for ${inParts(waiting)}`;
  return `Registered in ${inParts(held)}; waiting for ${inParts(waiting)}`;
}

/** "1–3, 5" */
function runs(numbers: readonly number[]): string {
  const spans: [number, number][] = [];
  for (const n of numbers) {
    const last = spans.at(-1);
    if (last !== undefined && last[1] + 1 === n) last[1] = n;
    else spans.push([n, n]);
  }
  return spans.map(([from, to]) => (from === to ? String(from) : `${String(from)}–${String(to)}`)).join(', ');
}

type SortKey = 'position' | 'email' | 'name' | 'organization' | 'sessions' | 'on_zoom';
type Sort = { key: SortKey; descending: boolean };

const sortText: Readonly<Record<Exclude<SortKey, 'position'>, (row: AttendeeRow) => string>> = {
  email: (row) => row.email.toLowerCase(),
  name: (row) => `${row.last_name ?? ''} ${row.first_name ?? ''}`.toLowerCase(),
  organization: (row) => (row.organization ?? '').toLowerCase(),
  sessions: (row) => (row.occurrences ?? []).map((n) => String(n).padStart(4, '0')).join(','),
  on_zoom: (row) => (row.on_zoom ? '1' : '0'),
};

function sorted(rows: readonly AttendeeRow[], sort: Sort): readonly AttendeeRow[] {
  if (sort.key === 'position') return rows;
  const text = sortText[sort.key];
  const collator = new Intl.Collator(undefined, { numeric: true });
  const direction = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => direction * collator.compare(text(a), text(b)));
}

/** A column heading that sorts the table, saying how it is sorted to assistive technology. */
function SortHeading({
  label,
  column,
  sort,
  onSort,
}: {
  label: string;
  column: Exclude<SortKey, 'position'>;
  sort: Sort;
  onSort: (sort: Sort) => void;
}) {
  const isSorted = sort.key === column;
  return (
    <span role="columnheader" aria-sort={isSorted ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className="sort-button"
        onClick={() =>
          onSort(
            !isSorted
              ? { key: column, descending: false }
              : sort.descending
                ? { key: 'position', descending: false }
                : { key: column, descending: true },
          )
        }
      >
        {label}
        <span aria-hidden="true">{isSorted ? (sort.descending ? ' ↓' : ' ↑') : ''}</span>
      </button>
    </span>
  );
}

function matches(row: AttendeeRow, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const text = `${row.email} ${row.first_name ?? ''} ${row.last_name ?? ''} ${row.organization ?? ''}`.toLowerCase();
  return words.every((word) => text.includes(word));
}

/**
 * The attendee table: only the rows in view are drawn, so 10,000 people scroll smoothly.
 * Add, edit, remove, and import from CSV; every change is saved at once. A replaced series' list
 * is read-only: its people moved to the series that continues it.
 */
export function AttendeesPanel({
  seriesId,
  details,
  isReadOnly = false,
}: {
  seriesId: string;
  details: SeriesDetails;
  isReadOnly?: boolean;
}) {
  const api = useAppStore((state) => state.api);
  const { rows, error, load, remove } = useAttendeeStore();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<AttendeeRow | 'new' | undefined>();
  const [isImporting, setImporting] = useState(false);
  const [changing, setChanging] = useState<AttendeeRow | undefined>();
  const scroller = useRef<HTMLDivElement>(null);
  const showSessions = sessionChoiceOf(details) !== 'none';
  const conflicts = useSyncStore((state) => state.conflicts);
  // People whose ticket Zoom refused hold no ticket there, whatever Cadence last recorded.
  const refusedIds = useMemo(
    () =>
      new Set(
        conflicts.flatMap((conflict) =>
          conflict.kind === 'ticket_refused' && conflict.target.item === 'registration'
            ? [conflict.target.attendee_id]
            : [],
        ),
      ),
    [conflicts],
  );

  useEffect(() => {
    if (api !== undefined) void load(api, seriesId);
  }, [api, load, seriesId]);

  const [sort, setSort] = useState<Sort>({ key: 'position', descending: false });
  const visible = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return sorted(
      (rows ?? []).filter((row) => matches(row, words)),
      sort,
    );
  }, [rows, query, sort]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read afresh on every render, as it requires
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const allShownSelected = visible.length > 0 && visible.every((row) => selected.has(row.id));
  const removeSelected = () => {
    if (api === undefined || selected.size === 0) return;
    const onZoom = (rows ?? []).filter((row) => selected.has(row.id) && row.on_zoom).length;
    const question =
      `Remove ${plural(selected.size, 'attendee')}?` +
      (onZoom > 0 ? ` ${plural(onZoom, 'registration')} on Zoom will be cancelled at the next sync.` : '');
    if (!window.confirm(question)) return;
    void remove(api, [...selected]).then(() => setSelected(new Set()));
  };

  return (
    <div className="stack attendees">
      <div className="toolbar">
        <input
          type="search"
          className="search"
          aria-label="Search attendees"
          placeholder="Search attendees   /"
          value={query}
          data-shortcut-target="search"
          onChange={(event) => setQuery(event.target.value)}
        />
        <span className="muted" role="status">
          {rows === undefined
            ? 'Loading…'
            : query === ''
              ? plural(rows.length, 'attendee')
              : `${visible.length.toLocaleString()} of ${plural(rows.length, 'attendee')}`}
        </span>
        <span className="toolbar-spacer" />
        {!isReadOnly && (
          <>
            {selected.size > 0 && (
              <button type="button" className="button-danger" onClick={removeSelected}>
                Remove {plural(selected.size, 'attendee')}
              </button>
            )}
            <button type="button" className="button-quiet" onClick={() => setImporting(true)}>
              Import CSV
            </button>
            <button type="button" className="button-primary" onClick={() => setEditing('new')}>
              Add attendee
            </button>
          </>
        )}
      </div>
      <ErrorBanner error={error} />
      <fieldset className="read-only-group" disabled={isReadOnly}>
        <RefusedRegistrations seriesId={seriesId} />
        <WaitingListPanel />
      </fieldset>
      <div
        className="grid-table"
        role="table"
        aria-label="Attendees"
        aria-rowcount={visible.length + 1}
        data-columns={showSessions ? 'sessions' : 'plain'}
      >
        <div role="rowgroup">
          <div role="row" className="grid-row grid-head" aria-rowindex={1}>
            <span role="columnheader" className="cell-check">
              <input
                type="checkbox"
                aria-label="Select all shown attendees"
                disabled={isReadOnly}
                checked={allShownSelected}
                onChange={() => setSelected(allShownSelected ? new Set() : new Set(visible.map((row) => row.id)))}
              />
            </span>
            <SortHeading label="Email" column="email" sort={sort} onSort={setSort} />
            <SortHeading label="Name" column="name" sort={sort} onSort={setSort} />
            <SortHeading label="Organization" column="organization" sort={sort} onSort={setSort} />
            {showSessions && <SortHeading label="Sessions" column="sessions" sort={sort} onSort={setSort} />}
            <SortHeading label="On Zoom" column="on_zoom" sort={sort} onSort={setSort} />
            <span role="columnheader">
              <span className="visually-hidden">Actions</span>
            </span>
          </div>
        </div>
        <div ref={scroller} className="grid-scroll" role="rowgroup" data-testid="attendee-scroll">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = visible[item.index];
              if (row === undefined) return null;
              const name = [row.first_name, row.last_name].filter(Boolean).join(' ');
              return (
                <div
                  key={row.id}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className="grid-row"
                  style={{ transform: `translateY(${String(item.start)}px)`, height: rowHeight }}
                >
                  <span role="cell" className="cell-check">
                    <input
                      type="checkbox"
                      aria-label={`Select ${row.email}`}
                      disabled={isReadOnly}
                      checked={selected.has(row.id)}
                      onChange={() => toggle(row.id)}
                    />
                  </span>
                  <span role="cell" className="cell-email">
                    {row.email}
                  </span>
                  <span role="cell">{name}</span>
                  <span role="cell">{row.organization ?? ''}</span>
                  {showSessions && <span role="cell">{row.occurrences?.join(', ') ?? '—'}</span>}
                  <span role="cell">
                    {refusedIds.has(row.id) ? 'Refused by Zoom' : registrationWords(row)}
                    {row.in_parts_only ? (
                      <span className="origin-mark">registered on that part's Zoom page only</span>
                    ) : (
                      row.origin !== 'here' && <span className="origin-mark">{originWords[row.origin]}</span>
                    )}
                    {row.promoted && row.on_zoom && <span className="origin-mark">from the waiting list</span>}
                  </span>
                  <span role="cell" className="cell-actions">
                    {showSessions && !isReadOnly && !row.in_parts_only && (
                      <button
                        type="button"
                        className="button-quiet small"
                        aria-label={`Change sessions of ${row.email}`}
                        onClick={() => setChanging(row)}
                      >
                        Change sessions
                      </button>
                    )}
                    {!isReadOnly && !row.in_parts_only && (
                      <button
                        type="button"
                        className="button-quiet small"
                        aria-label={`Edit ${row.email}`}
                        onClick={() => setEditing(row)}
                      >
                        Edit
                      </button>
                    )}
                  </span>
                </div>
              );
            })}
          </div>
          {rows !== undefined && rows.length === 0 && (
            <p className="grid-empty muted">No attendees yet. Add people one by one or import a CSV file.</p>
          )}
        </div>
      </div>
      {editing !== undefined && (
        <AttendeeDialog
          details={details}
          row={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
        />
      )}
      {changing !== undefined && (
        <ChangeSessionsDialog details={details} row={changing} onClose={() => setChanging(undefined)} />
      )}
      {isImporting && <CsvImportDialog details={details} onClose={() => setImporting(false)} />}
    </div>
  );
}

import { useEffect, useRef } from 'react';
import type { ConflictSummary } from '../../../shared/sync/conflicts';
import { nameOf } from '../../lib/fieldNames';
import { formatMoment, plannerTimeZone } from '../../lib/zonedTime';
import { useAppStore } from '../../stores/useAppStore';
import { useSyncStore } from '../../stores/useSyncStore';

export const conflictTitles: Readonly<Record<ConflictSummary['kind'], string>> = {
  event_fields: 'Changed here and on Zoom',
  item_fields: 'Changed here and on Zoom',
  remote_deleted: 'Deleted on Zoom',
  remote_cancelled: 'Cancelled on Zoom',
  session_moved: 'Session moved on Zoom',
  session_deleted: 'Session deleted on Zoom',
  schedule_drift: 'Zoom scheduled other sessions',
  ticket_refused: 'Registration refused by Zoom',
  not_editable: 'Zoom no longer allows this change',
  refused: 'Refused by Zoom',
  invalid_remote: 'Zoom holds a value Cadence cannot take',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value in words: times as times, yes and no, lists with commas, Zoom's codes (all_sessions) as words. */
function words(value: unknown, zone: string): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value))
    return formatMoment(value, zone);
  if (typeof value === 'string') return /^[a-z]+(_[a-z]+)+$/.test(value) ? value.replaceAll('_', ' ') : value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return value.toLocaleString();
  if (Array.isArray(value)) return value.map((item) => words(item, zone)).join(', ');
  if (isRecord(value)) {
    return Object.entries(value)
      .map(([field, item]) => `${nameOf(field)}: ${words(item, zone)}`)
      .join('; ');
  }
  // Conflicts carry JSON: nothing else can reach here.
  return '';
}

/** A value as a planner reads it, never as JSON: a group of fields (a ticket type) one per line. */
function Shown({ value, zone }: { value: unknown; zone: string }) {
  if (value === undefined || value === null || value === '') return <span className="muted">—</span>;
  if (!isRecord(value)) return <>{words(value, zone)}</>;
  return (
    <ul className="value-fields">
      {Object.entries(value).map(([field, item]) => (
        <li key={field}>
          {nameOf(field)}: {words(item, zone)}
        </li>
      ))}
    </ul>
  );
}

/** Base, mine and theirs side by side, one row per field; the fields that differ marked. */
function FieldComparison({ conflict, zone }: { conflict: ConflictSummary; zone: string }) {
  const base = isRecord(conflict.base) ? conflict.base : {};
  const local = isRecord(conflict.local) ? conflict.local : {};
  const remote = isRecord(conflict.remote) ? conflict.remote : {};
  const fields = [...new Set([...Object.keys(base), ...Object.keys(local), ...Object.keys(remote)])];
  if (fields.length === 0) return null;
  return (
    <table className="data-table comparison" aria-label="Versions side by side">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Last synced</th>
          <th scope="col">Mine</th>
          <th scope="col">Zoom's</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => (
          <tr key={field}>
            <th scope="row">{nameOf(field)}</th>
            <td>
              <Shown value={base[field]} zone={zone} />
            </td>
            <td className="mine">
              <Shown value={local[field]} zone={zone} />
            </td>
            <td className="theirs">
              <Shown value={remote[field]} zone={zone} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Cadence's planned sessions next to Zoom's, for schedule drift. */
function ScheduleComparison({ conflict, zone }: { conflict: ConflictSummary; zone: string }) {
  const mine = Array.isArray(conflict.local) ? (conflict.local as unknown[]) : [];
  const theirs = Array.isArray(conflict.remote) ? (conflict.remote as unknown[]) : [];
  const count = Math.max(mine.length, theirs.length);
  return (
    <table className="data-table comparison" aria-label="Both schedules">
      <thead>
        <tr>
          <th scope="col">Session</th>
          <th scope="col">Planned here</th>
          <th scope="col">On Zoom</th>
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: count }, (_, index) => (
          <tr key={index} className={mine[index] === theirs[index] ? '' : 'differs'}>
            <th scope="row">{index + 1}</th>
            <td>
              <Shown value={mine[index]} zone={zone} />
            </td>
            <td>
              <Shown value={theirs[index]} zone={zone} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One conflict: what happened, the versions side by side, and the planner's two choices. */
export function ConflictCard({ conflict }: { conflict: ConflictSummary }) {
  const api = useAppStore((state) => state.api);
  const settling = useSyncStore((state) => state.settling);
  const zone =
    useSyncStore((state) =>
      conflict.meeting_id === null ? state.seriesZones[conflict.series_id] : state.meetingZones[conflict.meeting_id],
    ) ?? plannerTimeZone();
  const resolve = useSyncStore((state) => state.resolve);
  const refused = useSyncStore((state) => (state.refused?.id === conflict.id ? state.refused.message : undefined));
  const isBusy = settling !== undefined;
  const title = conflictTitles[conflict.kind];
  const isRefusal =
    conflict.kind === 'refused' || conflict.kind === 'ticket_refused' || conflict.kind === 'not_editable';
  const zoomSaid = conflict.message.replace(/^[^:]*:\s*/, '');
  return (
    <li className="conflict" aria-label={`${conflict.series_name}: ${title}`}>
      <h3>
        {conflict.series_name} — {title} <span className="muted">({conflict.subject})</span>
      </h3>
      {isRefusal ? (
        <blockquote className="zoom-said" aria-label="Zoom's answer">
          {zoomSaid}
        </blockquote>
      ) : (
        <p>{conflict.message}</p>
      )}
      {conflict.kind === 'schedule_drift' ? (
        <ScheduleComparison conflict={conflict} zone={zone} />
      ) : (
        <FieldComparison conflict={conflict} zone={zone} />
      )}
      <div className="actions">
        <button
          type="button"
          className="button-primary"
          disabled={isBusy || api === undefined}
          onClick={() => api && void resolve(api, conflict.id, 'local')}
        >
          Keep mine
        </button>
        <button
          type="button"
          className="button-quiet"
          disabled={isBusy || api === undefined || conflict.remote_refused !== null}
          aria-describedby={conflict.remote_refused === null ? undefined : `why-not-theirs-${String(conflict.id)}`}
          onClick={() => api && void resolve(api, conflict.id, 'remote')}
        >
          Take theirs
        </button>
      </div>
      {refused === undefined ? null : <RefusedChoice message={refused} />}
      {conflict.remote_refused === null ? null : (
        <p className="muted" id={`why-not-theirs-${String(conflict.id)}`}>
          {conflict.remote_refused}
        </p>
      )}
    </li>
  );
}

/** Why the planner's choice could not be carried out; focused, so that it is read out where they clicked. */
function RefusedChoice({ message }: { message: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), [message]);
  return (
    <p className="field-problem" role="alert" tabIndex={-1} ref={ref}>
      {message}
    </p>
  );
}

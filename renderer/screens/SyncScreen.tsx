import { useEffect } from 'react';
import type { ConflictSummary } from '../../shared/sync/conflicts';
import { EmptyState } from '../components/EmptyState';
import { useAppStore } from '../stores/useAppStore';
import { useSyncStore } from '../stores/useSyncStore';

const kindTitles: Readonly<Record<ConflictSummary['kind'], string>> = {
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
};

function Version({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <div className="version">
      <h4>{label}</h4>
      <pre>{JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

function ConflictCard({ conflict }: { conflict: ConflictSummary }) {
  const api = useAppStore((state) => state.api);
  const settling = useSyncStore((state) => state.settling);
  const resolve = useSyncStore((state) => state.resolve);
  const isBusy = settling !== undefined;
  return (
    <li className="conflict" aria-label={`${conflict.series_name}: ${kindTitles[conflict.kind]}`}>
      <h3>
        {conflict.series_name} — {kindTitles[conflict.kind]} <span className="muted">({conflict.subject})</span>
      </h3>
      <p>{conflict.message}</p>
      <div className="versions">
        <Version label="Last synced" value={conflict.base} />
        <Version label="Yours" value={conflict.local} />
        <Version label="Zoom's" value={conflict.remote} />
      </div>
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
          disabled={isBusy || api === undefined}
          onClick={() => api && void resolve(api, conflict.id, 'remote')}
        >
          Take theirs
        </button>
      </div>
    </li>
  );
}

/** What is waiting to reach Zoom, the running sync, and the conflicts to settle. */
export function SyncScreen() {
  const api = useAppStore((state) => state.api);
  const isOnline = useAppStore((state) => state.online?.isOnline);
  const { status, conflicts, isRunning, progress, lastReport, error, load, run, cancel, setProgress } = useSyncStore();
  useEffect(() => {
    if (api === undefined) return;
    void load(api);
    return api.on('sync.progress', setProgress);
  }, [api, load, setProgress]);

  const waiting = status === undefined ? 0 : status.outbox.pending + status.outbox.in_flight + status.outbox.failed;
  if (status !== undefined && waiting === 0 && conflicts.length === 0 && lastReport === undefined && !isRunning) {
    return (
      <EmptyState icon="sync" title="Nothing waiting to sync">
        <p>
          Changes you make to series wait here until they are on Zoom. Anything someone changed on Zoom meanwhile is
          shown for you to settle, never overwritten.
        </p>
        <p>
          {isOnline ? 'Zoom is reachable now.' : 'Zoom is out of reach now; changes will wait safely on this computer.'}
        </p>
      </EmptyState>
    );
  }
  const share = progress === undefined || progress.total === 0 ? undefined : progress.done / progress.total;
  return (
    <div className="stack">
      <section className="panel" aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">Waiting for Zoom</h2>
        <p className="waiting-count" role="status">
          {isOnline === false ? 'Offline — ' : ''}
          {waiting === 1 ? '1 change waiting' : `${String(waiting)} changes waiting`}
          {status?.last_sync ? (
            <span className="muted"> · last synced {new Date(status.last_sync).toLocaleString()}</span>
          ) : null}
        </p>
        {isRunning && (
          <div className="sync-progress">
            <progress aria-label="Sync progress" max={1} value={share} />
            <p className="muted">
              {progress?.step ?? 'Starting…'}
              {progress?.eta_seconds != null ? ` · about ${String(progress.eta_seconds)} s left` : ''}
            </p>
          </div>
        )}
        {lastReport !== undefined && !isRunning && <p className="sync-report">{lastReport.message}</p>}
        {error !== undefined && (
          <div className="banner danger" role="alert">
            {error.message}
          </div>
        )}
        <div className="actions">
          {isRunning ? (
            <button type="button" className="button-quiet" onClick={() => api && void cancel(api)}>
              Stop syncing
            </button>
          ) : (
            <button
              type="button"
              className="button-primary"
              disabled={api === undefined}
              onClick={() => api && void run(api)}
            >
              Sync now
            </button>
          )}
        </div>
      </section>
      {conflicts.length > 0 && (
        <section className="panel" aria-labelledby="conflicts-heading">
          <h2 id="conflicts-heading">To settle ({conflicts.length})</h2>
          <p className="muted">
            Nothing on Zoom is overwritten until you choose. Only what depends on a conflict waits.
          </p>
          <ul className="conflicts">
            {conflicts.map((conflict) => (
              <ConflictCard key={conflict.id} conflict={conflict} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

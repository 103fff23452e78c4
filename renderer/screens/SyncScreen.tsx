import { useEffect } from 'react';
import type { PendingChange, SyncRun } from '../../shared/sync/syncRun';
import { ConnectPrompt } from '../components/ConnectPrompt';
import { EmptyState } from '../components/EmptyState';
import { ConflictCard } from '../components/sync/ConflictCard';
import { PublicChangesDialog } from '../components/sync/PublicChangesDialog';
import { plural } from '../lib/words';
import { formatLogTime } from '../lib/zonedTime';
import { useAppStore } from '../stores/useAppStore';
import { useSyncStore } from '../stores/useSyncStore';
import { ErrorBanner } from '../components/ErrorBanner';

const outcomeWords: Readonly<Record<SyncRun['outcome'], string>> = {
  succeeded: 'Done',
  needs_attention: 'Needs you',
  offline: 'Offline',
  cancelled: 'Stopped',
  failed: 'Failed',
  running: 'Running',
};

function RunLog({ runs, isRunning }: { runs: readonly SyncRun[]; isRunning: boolean }) {
  if (runs.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="runs-heading">
      <h2 id="runs-heading">Recent syncs</h2>
      <ol className="run-log">
        {runs.map((run, index) => {
          // A run that never finished and is not the one running now was cut short (a crash or quit).
          const outcome =
            run.outcome === 'running' && !(isRunning && index === 0) ? 'Interrupted' : outcomeWords[run.outcome];
          return (
            <li key={run.id} className={`run run-${run.outcome}`}>
              <span className="run-time">{formatLogTime(run.started_at)}</span>
              <span className={`badge badge-run-${run.outcome}`}>{outcome}</span>
              <span className="run-message">
                {run.message === '' ? 'The sync stopped before it finished; the next one carries on.' : run.message}
              </span>
              <span className="muted run-requests">{plural(run.requests, 'request')}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** What is waiting to reach Zoom, the running sync, the conflicts to settle, and the log. */
/** How a waiting change waits, in the planner's words; nothing for one the next sync sends. */
const waitingWords: Readonly<Record<PendingChange['state'], string>> = {
  pending: '',
  in_flight: 'on its way; checked on Zoom before anything is sent again',
  blocked: 'waits until a conflict below is settled',
  conflict: 'waits for you to settle a conflict',
  failed: 'refused by Zoom; see below',
  not_ready: 'the series is marked not ready, so syncs leave it out',
};

export function SyncScreen() {
  const api = useAppStore((state) => state.api);
  const isOnline = useAppStore((state) => state.online?.isOnline);
  const { status, conflicts, pending, runs, isRunning, progress, lastReport, error, load, run, cancel, setProgress } =
    useSyncStore();
  const settled = useSyncStore((state) => state.settled);
  const undo = useSyncStore((state) => state.undo);
  const publicChanges = useSyncStore((state) => state.publicChanges);
  const answer = useSyncStore((state) => state.answer);
  const dismiss = useSyncStore((state) => state.dismiss);
  useEffect(() => {
    if (api === undefined) return;
    void load(api);
    const stopProgress = api.on('sync.progress', setProgress);
    // A sync Cadence ran by itself (Zoom back) changed the counts.
    const stopFinished = api.on('sync.finished', () => void load(api));
    return () => {
      stopProgress();
      stopFinished();
    };
  }, [api, load, setProgress]);

  const waiting = status?.waiting ?? 0;
  if (
    status !== undefined &&
    waiting === 0 &&
    conflicts.length === 0 &&
    runs.length === 0 &&
    !isRunning &&
    publicChanges === undefined
  ) {
    return (
      <EmptyState icon="sync" title="Nothing waiting to sync">
        <p>
          Changes you make to series wait here until they are on Zoom. Anything someone changed on Zoom meanwhile is
          shown for you to settle, never overwritten.
        </p>
        <p>
          {isOnline === false
            ? 'Zoom is out of reach now; changes will wait safely on this computer.'
            : 'Zoom is reachable now.'}
        </p>
      </EmptyState>
    );
  }
  const question =
    publicChanges === undefined ? null : (
      <PublicChangesDialog
        changes={publicChanges}
        onAnswer={(makePublic) => api && void answer(api, makePublic)}
        onDismiss={dismiss}
      />
    );
  const share = progress === undefined || progress.total === 0 ? undefined : progress.done / progress.total;
  return (
    <div className="stack">
      {question}
      <ConnectPrompt />
      <section className="panel" aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">Waiting for Zoom</h2>
        <p className="waiting-count" role="status">
          {isOnline === false ? 'Offline — ' : ''}
          {waiting === 1 ? '1 change waiting' : `${waiting.toLocaleString()} changes waiting`}
          {status?.last_sync ? <span className="muted"> · last synced {formatLogTime(status.last_sync)}</span> : null}
        </p>
        {pending.length > 0 && (
          <ul className="pending-list" aria-label="Changes waiting">
            {pending.map((change) => (
              <li
                key={`${change.meeting_id ?? change.series_id}:${change.sentence}:${change.state}`}
                className={`waiting-${change.state}`}
              >
                {change.sentence}
                {waitingWords[change.state] === '' ? null : (
                  <span className="muted"> — {waitingWords[change.state]}</span>
                )}
              </li>
            ))}
          </ul>
        )}
        {isRunning && (
          <div className="sync-progress">
            <progress aria-label="Sync progress" max={1} value={share} />
            <p className="muted" aria-live="polite">
              {progress?.step ?? 'Starting…'}
              {progress !== undefined && progress.total > 0
                ? ` · ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}`
                : ''}
              {progress?.eta_seconds != null
                ? ` · about ${String(Math.max(1, Math.round(progress.eta_seconds)))} s left`
                : ''}
            </p>
          </div>
        )}
        {lastReport !== undefined && !isRunning && (
          <p className={`sync-report report-${lastReport.outcome}`} role="status">
            {lastReport.message}
          </p>
        )}
        <ErrorBanner error={error} />
        <div className="actions">
          {isRunning ? (
            <button type="button" className="button-quiet" onClick={() => api && void cancel(api)}>
              Stop syncing
            </button>
          ) : (
            <button
              type="button"
              className="button-primary"
              aria-keyshortcuts="S"
              disabled={api === undefined}
              onClick={() => api && void run(api)}
            >
              Sync now
            </button>
          )}
        </div>
      </section>
      {settled !== undefined && (
        <p className="settled" role="status">
          Settled. {settled.message}{' '}
          {settled.canUndo ? (
            <button type="button" className="button-link" onClick={() => api && void undo(api, settled.id)}>
              Undo
            </button>
          ) : null}
        </p>
      )}
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
      <RunLog runs={runs} isRunning={isRunning} />
    </div>
  );
}

import type { OnlineState } from '../../shared/appInfo';
import type { SyncProgress, SyncReport } from '../../shared/sync/syncReport';
import type { SyncService } from './syncService';

export interface AutoSyncDeps {
  sync: Pick<SyncService, 'run' | 'isRunning'>;
  /** The planner's setting, read at each reconnection. */
  isEnabled: () => boolean;
  /** Whether anything waits to be sent (pending or on its way). */
  hasWork: () => boolean;
  onProgress?: (progress: SyncProgress) => void;
  onFinished?: (report: SyncReport) => void;
  onError?: (error: unknown) => void;
}

/**
 * Follows Zoom's reachability and, when Zoom comes back after being out of reach, sends what waits
 * and makes nothing new public: the rest keeps waiting for the planner's word. Answers the
 * listener for the online monitor's changes, and the run it started, if any (for tests).
 */
export function autoSyncWhenOnline(deps: AutoSyncDeps): (state: OnlineState) => Promise<SyncReport> | undefined {
  let wasOffline = false;
  return (state) => {
    const isBack = wasOffline && state.isOnline;
    wasOffline = !state.isOnline && state.checkedAt !== null;
    if (!isBack || !deps.isEnabled() || deps.sync.isRunning() || !deps.hasWork()) return undefined;
    const run = deps.sync.run({
      withholdPublic: true,
      ...(deps.onProgress === undefined ? {} : { onProgress: deps.onProgress }),
    });
    run.then(
      (report) => deps.onFinished?.(report),
      (error: unknown) => deps.onError?.(error),
    );
    return run;
  };
}

import { request } from 'undici';
import type { OnlineState } from '../../shared/appInfo';

/** Answers whether Zoom can be reached at all; never throws. */
export type ReachabilityProbe = () => Promise<boolean>;

/**
 * Any HTTP answer from the API host counts as reachable (even 401 or 404): the question is whether
 * a sync could start, not whether a particular call would succeed. It gives up after 2.5 s, so a
 * check made when a request failed says "offline" within 3 s.
 */
export function httpReachabilityProbe(url: string | (() => string), timeoutMs = 2_500): ReachabilityProbe {
  return async () => {
    try {
      const response = await request(typeof url === 'string' ? url : url(), {
        method: 'HEAD',
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body.dump();
      return true;
    } catch {
      return false;
    }
  };
}

export interface OnlineMonitorOptions {
  probe: ReachabilityProbe;
  onChange: (state: OnlineState) => void;
  now?: () => Date;
  /** How often to check while online; offline checks run more often to notice a reconnect. */
  onlineIntervalMs?: number;
  offlineIntervalMs?: number;
}

/** Tracks Zoom reachability and reports each change; the first result is always reported. */
export interface OnlineMonitor {
  current(): OnlineState;
  checkNow(): Promise<OnlineState>;
  /**
   * What a request to Zoom just found: one that got no answer while Zoom counts as reachable (or an
   * answer while it counts as out of reach) is checked at once, not at the next scheduled check.
   */
  report(isReachable: boolean): void;
  start(): void;
  stop(): void;
}

export function createOnlineMonitor(options: OnlineMonitorOptions): OnlineMonitor {
  const now = options.now ?? (() => new Date());
  const onlineIntervalMs = options.onlineIntervalMs ?? 30_000;
  const offlineIntervalMs = options.offlineIntervalMs ?? 10_000;
  let state: OnlineState = { isOnline: false, checkedAt: null };
  let timer: NodeJS.Timeout | undefined;
  let isRunning = false;
  let inFlight: Promise<OnlineState> | undefined;

  async function check(): Promise<OnlineState> {
    const isOnline = await options.probe();
    const changed = isOnline !== state.isOnline || state.checkedAt === null;
    state = { isOnline, checkedAt: now().toISOString() };
    if (changed) options.onChange(state);
    return state;
  }

  function checkNow(): Promise<OnlineState> {
    // Callers arriving during a check share it rather than probing the network again.
    inFlight ??= check().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  function schedule(): void {
    if (!isRunning) return;
    const delay = state.isOnline ? onlineIntervalMs : offlineIntervalMs;
    timer = setTimeout(() => {
      void checkNow().finally(schedule);
    }, delay);
    timer.unref();
  }

  return {
    current: () => state,
    checkNow,
    report(isReachable) {
      if (!isRunning || state.checkedAt === null || isReachable === state.isOnline) return;
      void checkNow();
    },
    start() {
      if (isRunning) return;
      isRunning = true;
      void checkNow().finally(schedule);
    },
    stop() {
      isRunning = false;
      if (timer) clearTimeout(timer);
    },
  };
}

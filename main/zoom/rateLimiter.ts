import { setTimeout as sleepFor } from 'node:timers/promises';
import type { ZoomPlan } from '../../shared/zoomConnection';
import { requestsPerSecond, type RateLimitLabel } from './rateLimits';

export interface RateLimiterOptions {
  /** Read at every request, so a change of plan in the settings applies at once. */
  plan: () => ZoomPlan;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /**
   * Added to Zoom's one-second window: requests reach Zoom a few milliseconds apart from when
   * they start here, and that jitter alone must not push a second over the limit.
   */
  marginMs?: number;
}

/**
 * Keeps requests within Zoom's limits before Zoom has to refuse them: per account and label, no
 * more requests start in any one-second window than the plan allows, evenly spaced. A 429's
 * Retry-After pauses that account and label for everyone.
 */
export class RateLimiter {
  /** Start times of the requests of the last second, oldest first, per account and label. */
  private readonly starts = new Map<string, number[]>();
  private readonly pausedUntil = new Map<string, number>();
  /** Requests wait in line per key, so that they start in the order they asked. */
  private readonly queues = new Map<string, Promise<void>>();
  private readonly clock: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly windowMs: number;

  constructor(private readonly options: RateLimiterOptions) {
    this.windowMs = 1000 + (options.marginMs ?? 20);
    this.clock = options.clock ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => sleepFor(ms));
  }

  /** Resolves when a request of `label` for `account` may start, and counts it as started. */
  acquire(account: string, label: RateLimitLabel): Promise<void> {
    const key = `${account}\u0000${label}`;
    const turn = (this.queues.get(key) ?? Promise.resolve()).then(() => this.waitForSlot(key, label));
    // The line continues after this request whether or not it fails.
    this.queues.set(
      key,
      turn.catch(() => undefined),
    );
    return turn;
  }

  /** After a 429: no request of this account and label starts before `until`. */
  pause(account: string, label: RateLimitLabel, until: number): void {
    const key = `${account}\u0000${label}`;
    this.pausedUntil.set(key, Math.max(until, this.pausedUntil.get(key) ?? 0));
  }

  private async waitForSlot(key: string, label: RateLimitLabel): Promise<void> {
    for (;;) {
      const limit = requestsPerSecond[this.options.plan()][label];
      const now = this.clock();
      const starts = (this.starts.get(key) ?? []).filter((start) => start > now - this.windowMs);
      this.starts.set(key, starts);
      const paused = this.pausedUntil.get(key) ?? 0;
      const oldest = starts[0];
      const latest = starts.at(-1);
      // Starts are spread evenly over the window rather than sent in one burst: a burst reaches
      // Zoom spread by its own queueing, and that spread alone could put one request too many
      // into one of Zoom's seconds.
      const spacedFrom = latest === undefined ? now : latest + this.windowMs / limit;
      const fullUntil = starts.length >= limit && oldest !== undefined ? oldest + this.windowMs : now;
      const freeAt = Math.max(paused, spacedFrom, fullUntil);
      if (freeAt <= now) {
        starts.push(now);
        return;
      }
      await this.sleep(freeAt - now);
    }
  }
}

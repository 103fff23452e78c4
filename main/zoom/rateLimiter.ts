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
 * Which requests start first when several wait: `bulk` ones (batches of many items, which nothing
 * else waits for) give way to the rest, which unlock further work, so the limit stays filled.
 */
export type RequestPriority = 'first' | 'bulk';

interface Waiter {
  priority: RequestPriority;
  start: () => void;
  fail: (error: unknown) => void;
}

/**
 * Keeps requests within Zoom's limits before Zoom has to refuse them: per account and label, no
 * more requests start in any one-second window than the plan allows, evenly spaced. A 429's
 * Retry-After pauses that account and label for everyone. Waiting requests start in the order
 * they asked, `first` ones before `bulk` ones.
 */
export class RateLimiter {
  /** Start times of the requests of the last second, oldest first, per account and label. */
  private readonly starts = new Map<string, number[]>();
  private readonly pausedUntil = new Map<string, number>();
  /** When the latest start was due, per key: a timer that fires late must not push every later start back. */
  private readonly lastDue = new Map<string, number>();
  /** Requests waiting per key, in the order they asked; one pump per key grants the slots. */
  private readonly waiting = new Map<string, Waiter[]>();
  private readonly pumping = new Set<string>();
  private readonly clock: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly windowMs: number;
  /** How much of a late start the next one may make up: a quarter of the margin, so jitter keeps the rest. */
  private readonly catchUpMs: number;

  constructor(private readonly options: RateLimiterOptions) {
    this.windowMs = 1000 + (options.marginMs ?? 20);
    this.catchUpMs = (options.marginMs ?? 20) / 4;
    this.clock = options.clock ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => sleepFor(ms));
  }

  /** Resolves when a request of `label` for `account` may start, and counts it as started. */
  acquire(account: string, label: RateLimitLabel, priority: RequestPriority = 'first'): Promise<void> {
    const key = `${account}\u0000${label}`;
    return new Promise<void>((start, fail) => {
      const line = this.waiting.get(key) ?? [];
      line.push({ priority, start, fail });
      this.waiting.set(key, line);
      if (!this.pumping.has(key)) void this.pump(key, label);
    });
  }

  /** Grants the key's slots one by one to the waiting requests, `first` ones before `bulk` ones. */
  private async pump(key: string, label: RateLimitLabel): Promise<void> {
    this.pumping.add(key);
    try {
      for (let line = this.waiting.get(key); line !== undefined && line.length > 0; line = this.waiting.get(key)) {
        try {
          await this.waitForSlot(key, label);
        } catch (error) {
          // A clock or sleep that fails fails the request in line, and the line goes on.
          line.shift()?.fail(error);
          continue;
        }
        const index = line.findIndex((waiter) => waiter.priority === 'first');
        const [next] = line.splice(index === -1 ? 0 : index, 1);
        next?.start();
      }
    } finally {
      this.pumping.delete(key);
    }
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
      const starts = (this.starts.get(key) ?? []).filter((start) => start > now - 1000);
      this.starts.set(key, starts);
      const paused = this.pausedUntil.get(key) ?? 0;
      const oldest = starts[0];
      const latest = starts.at(-1);
      // Starts are spread evenly over the window rather than sent in one burst: a burst reaches
      // Zoom spread by its own queueing, and that spread alone could put one request too many
      // into one of Zoom's seconds.
      const spacing = this.windowMs / limit;
      const due = this.lastDue.get(key);
      const spacedFrom = due === undefined || latest === undefined ? now : due + spacing;
      // Never more than the limit in any second of local starts, whatever the spacing allowed.
      const fullUntil = starts.length >= limit && oldest !== undefined ? oldest + 1000 : -Infinity;
      const freeAt = Math.max(paused, spacedFrom, fullUntil);
      if (freeAt <= now) {
        starts.push(now);
        // A start that came late by up to the catch-up is made up by the next one; more (an idle
        // spell) is not, so a line never bursts.
        this.lastDue.set(key, Math.max(freeAt, now - Math.min(this.catchUpMs, spacing / 4)));
        return;
      }
      await this.sleep(freeAt - now);
    }
  }
}

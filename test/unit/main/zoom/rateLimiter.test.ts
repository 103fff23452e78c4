import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../../main/zoom/rateLimiter';
import { rateLimitLabelOf, type RateLimitLabel } from '../../../../main/zoom/rateLimits';
import type { ZoomPlan } from '../../../../shared/zoomConnection';

/** A virtual clock: sleeping parks a waiter until `run` moves time to its wake-up. */
function virtualTime() {
  let now = 0;
  const sleepers: { at: number; wake: () => void }[] = [];
  return {
    clock: () => now,
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        sleepers.push({ at: now + ms, wake: resolve });
      }),
    /** Lets every started task run to completion, moving time forward as they sleep. */
    async run<T>(tasks: Promise<T>[]): Promise<T[]> {
      const state = { isDone: false };
      const all = Promise.all(tasks).finally(() => {
        state.isDone = true;
      });
      while (!state.isDone) {
        await new Promise((resolve) => setImmediate(resolve));
        sleepers.sort((a, b) => a.at - b.at);
        const next = sleepers.shift();
        if (next === undefined) continue;
        now = Math.max(now, next.at);
        next.wake();
      }
      return all;
    },
  };
}

function limiterWith(plan: ZoomPlan = 'pro') {
  const time = virtualTime();
  const limiter = new RateLimiter({ plan: () => plan, clock: time.clock, sleep: time.sleep, marginMs: 0 });
  return { time, limiter };
}

/** The most starts in any one-second window. */
function busiestSecond(starts: readonly number[]): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    const first = sorted[i] ?? 0;
    most = Math.max(most, sorted.filter((t) => t >= first && t < first + 1000).length);
  }
  return most;
}

describe('rate limiter', () => {
  it('keeps the pace when timers fire late: lateness is made up, and no second holds more than the limit', async () => {
    const time = virtualTime();
    // Every sleep ends 3 ms late, as timers do on a busy event loop.
    const lateSleep = (ms: number) => time.sleep(ms + 3);
    const limiter = new RateLimiter({ plan: () => 'pro', clock: time.clock, sleep: lateSleep });
    const starts: number[] = [];
    await time.run(
      Array.from({ length: 301 }, () => limiter.acquire('acct', 'LIGHT').then(() => starts.push(time.clock()))),
    );
    const span = (starts.at(-1) ?? 0) - (starts[0] ?? 0);
    // 300 spacings of 1,020/30 ms (the default margin): 10.2 s on time; 11.1 s if each start waited
    // for the lateness of the one before.
    expect(span).toBeLessThan(10_250);
    expect(busiestSecond(starts)).toBeLessThanOrEqual(30);
  });

  it('starts waiting requests that unlock other work before bulk batches, within the same limit', async () => {
    const { time, limiter } = limiterWith('pro');
    const started: string[] = [];
    const starts: number[] = [];
    const ask = (name: string, priority: 'first' | 'bulk') =>
      limiter.acquire('acct', 'LIGHT', priority).then(() => {
        started.push(name);
        starts.push(time.clock());
      });
    const bulk = Array.from({ length: 40 }, (_, i) => ask(`batch ${String(i)}`, 'bulk'));
    // Asked while the batches wait: the publish goes next, not after forty batches.
    await new Promise((resolve) => setImmediate(resolve));
    const publish = ask('publish', 'first');
    await time.run([...bulk, publish]);
    expect(started.indexOf('publish')).toBeLessThan(3);
    expect(started.filter((name) => name.startsWith('batch'))).toEqual(
      Array.from({ length: 40 }, (_, i) => `batch ${String(i)}`),
    );
    expect(busiestSecond(starts)).toBe(30);
  });

  it('lets 30 LIGHT requests a second through on Pro, and no more, in the order they asked', async () => {
    const { time, limiter } = limiterWith('pro');
    const starts: number[] = [];
    const order: number[] = [];
    await time.run(
      Array.from({ length: 100 }, (_, i) =>
        limiter.acquire('acct', 'LIGHT').then(() => {
          starts.push(time.clock());
          order.push(i);
        }),
      ),
    );
    expect(busiestSecond(starts)).toBe(30);
    expect(order).toEqual(Array.from({ length: 100 }, (_, i) => i));
    // Evenly spaced, a thirtieth of a second apart: the 100th starts after 99 gaps.
    expect(Math.max(...starts)).toBeCloseTo(3300, 6);
  });

  it("keeps a margin beyond the second, so network jitter cannot crowd one of Zoom's seconds", async () => {
    const time = virtualTime();
    const limiter = new RateLimiter({ plan: () => 'pro', clock: time.clock, sleep: time.sleep, marginMs: 40 });
    const starts: number[] = [];
    await time.run(
      Array.from({ length: 61 }, () =>
        limiter.acquire('acct', 'LIGHT').then(() => {
          starts.push(time.clock());
        }),
      ),
    );
    // Each start a thirtieth of 1,040 ms after the previous: however late a request reaches Zoom,
    // up to 40 ms, no second of Zoom's holds more than 30.
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] ?? 0));
    expect(Math.min(...gaps)).toBeCloseTo(1040 / 30, 6);
    expect(Math.max(...starts)).toBeCloseTo(2080, 6);
  });

  it('follows the plan: Business+ allows 80 LIGHT and 40 HEAVY a second', async () => {
    const { time, limiter } = limiterWith('business');
    const light: number[] = [];
    const heavy: number[] = [];
    await time.run([
      ...Array.from({ length: 200 }, () => limiter.acquire('acct', 'LIGHT').then(() => light.push(time.clock()))),
      ...Array.from({ length: 100 }, () => limiter.acquire('acct', 'HEAVY').then(() => heavy.push(time.clock()))),
    ]);
    expect(busiestSecond(light)).toBe(80);
    expect(busiestSecond(heavy)).toBe(40);
  });

  it('counts each account on its own', async () => {
    const { time, limiter } = limiterWith('pro');
    const starts: number[] = [];
    await time.run(
      ['a', 'b'].flatMap((account) =>
        Array.from({ length: 30 }, () => limiter.acquire(account, 'LIGHT').then(() => starts.push(time.clock()))),
      ),
    );
    // Each account has its own 30 a second: the 60 requests take no longer than 30 would.
    expect(Math.max(...starts)).toBeCloseTo((29 * 1000) / 30, 6);
    expect(starts.filter((t) => t === 0)).toHaveLength(2);
  });

  it('after a 429, waits out Retry-After before the next request of that label', async () => {
    const { time, limiter } = limiterWith('pro');
    await time.run([limiter.acquire('acct', 'LIGHT')]);
    limiter.pause('acct', 'LIGHT', 2500);
    const starts: number[] = [];
    await time.run([
      limiter.acquire('acct', 'LIGHT').then(() => starts.push(time.clock())),
      limiter.acquire('acct', 'HEAVY').then(() => starts.push(time.clock())),
    ]);
    expect(starts.sort((a, b) => a - b)).toEqual([0, 2500]);
  });

  it('never lets more through in a second than the limit, whatever the arrivals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: 2000 }),
            label: fc.constantFrom<RateLimitLabel>('LIGHT', 'LIGHT', 'HEAVY'),
          }),
          {
            minLength: 40,
            maxLength: 200,
          },
        ),
        async (arrivals) => {
          const { time, limiter } = limiterWith('pro');
          const starts: Record<RateLimitLabel, number[]> = { LIGHT: [], MEDIUM: [], HEAVY: [] };
          await time.run(
            arrivals.map(async ({ at, label }) => {
              await time.sleep(at);
              await limiter.acquire('acct', label);
              starts[label].push(time.clock());
            }),
          );
          expect(busiestSecond(starts.LIGHT)).toBeLessThanOrEqual(30);
          expect(busiestSecond(starts.HEAVY)).toBeLessThanOrEqual(10);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('rate-limit labels', () => {
  it('are LIGHT for the operations Cadence uses and HEAVY for the reports', () => {
    for (const id of [
      'createEvent',
      'getEventSessionList',
      'createTickets',
      'UpdateEventAttendeeActions',
      'getHubList',
    ]) {
      expect(rateLimitLabelOf(id)).toBe('LIGHT');
    }
    expect(rateLimitLabelOf('EventAttendanceReport')).toBe('HEAVY');
  });
});

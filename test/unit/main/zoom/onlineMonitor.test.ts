import { describe, expect, it, vi } from 'vitest';
import { createOnlineMonitor } from '../../../../main/zoom/onlineMonitor';
import type { OnlineState } from '../../../../shared/appInfo';

function monitorWith(answers: boolean[]) {
  const changes: OnlineState[] = [];
  let clock = Date.parse('2026-11-22T10:00:00Z');
  const probe = vi.fn(() => Promise.resolve(answers.shift() ?? false));
  const monitor = createOnlineMonitor({
    probe,
    onChange: (state) => changes.push(state),
    now: () => new Date((clock += 1000)),
  });
  return { monitor, changes, probe };
}

describe('online monitor', () => {
  it('starts unknown, then reports the first answer even when it is "offline"', async () => {
    const { monitor, changes } = monitorWith([false]);
    expect(monitor.current()).toEqual({ isOnline: false, checkedAt: null });
    await monitor.checkNow();
    expect(changes).toEqual([{ isOnline: false, checkedAt: '2026-11-22T10:00:01.000Z' }]);
  });

  it('reports changes only, while keeping the time of the last check current', async () => {
    const { monitor, changes } = monitorWith([true, true, false, true]);
    for (let i = 0; i < 4; i += 1) await monitor.checkNow();
    expect(changes.map((state) => state.isOnline)).toEqual([true, false, true]);
    expect(monitor.current()).toEqual({ isOnline: true, checkedAt: '2026-11-22T10:00:04.000Z' });
  });

  it('shares one probe among callers that ask at the same time', async () => {
    const { monitor, probe } = monitorWith([true]);
    const results = await Promise.all([monitor.checkNow(), monitor.checkNow(), monitor.checkNow()]);
    expect(probe).toHaveBeenCalledOnce();
    expect(new Set(results).size).toBe(1);
  });

  it('checks on a schedule once started, faster while offline, and stops when told', async () => {
    vi.useFakeTimers();
    try {
      const { monitor, probe } = monitorWith([false, false, true, true]);
      monitor.start();
      await vi.advanceTimersByTimeAsync(0);
      expect(probe).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(probe).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(probe).toHaveBeenCalledTimes(3);
      // Online now: the next check waits the longer interval.
      await vi.advanceTimersByTimeAsync(10_000);
      expect(probe).toHaveBeenCalledTimes(3);
      await vi.advanceTimersByTimeAsync(20_000);
      expect(probe).toHaveBeenCalledTimes(4);
      monitor.stop();
      await vi.advanceTimersByTimeAsync(120_000);
      expect(probe).toHaveBeenCalledTimes(4);
    } finally {
      vi.useRealTimers();
    }
  });
});

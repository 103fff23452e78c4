import { afterEach, expect, it } from 'vitest';
import type { OnlineState } from '../../../shared/appInfo';
import { createOnlineMonitor, httpReachabilityProbe, type OnlineMonitor } from '../../../main/zoom/onlineMonitor';
import { sandboxHarness, type SandboxHarness } from '../../support/sandbox';

let h: SandboxHarness | undefined;
let monitor: OnlineMonitor | undefined;
afterEach(async () => {
  monitor?.stop();
  await h?.close();
});

it('says Zoom is out of reach within 3 s of a request that got no answer, long before the next check', async () => {
  h = await sandboxHarness();
  const changes: { state: OnlineState; at: number }[] = [];
  const watched = createOnlineMonitor({
    probe: httpReachabilityProbe(h.sandbox.apiUrl),
    onChange: (state) => changes.push({ state, at: Date.now() }),
    onlineIntervalMs: 60_000,
  });
  monitor = watched;
  const client = h.clientWith({
    onReachability: (isReachable) => watched.report(isReachable),
    retry: { maxRetries: 0 },
  });
  watched.start();
  await expect.poll(() => watched.current().isOnline).toBe(true);
  await client.api.listHubs();

  await h.sandbox.close();
  const failedAt = Date.now();
  await expect(client.api.listHubs()).rejects.toThrow(/cannot be reached/);
  await expect.poll(() => watched.current().isOnline, { timeout: 3_000 }).toBe(false);
  const wentOffline = changes.find((change) => !change.state.isOnline);
  expect((wentOffline?.at ?? Infinity) - failedAt).toBeLessThan(3_000);
});

it('says Zoom is out of reach within 3 s of a sign-in that got no answer', async () => {
  h = await sandboxHarness();
  const watched = createOnlineMonitor({ probe: httpReachabilityProbe(h.sandbox.apiUrl), onChange: () => undefined });
  monitor = watched;
  const client = h.clientWith({ onReachability: (isReachable) => watched.report(isReachable) });
  watched.start();
  await expect.poll(() => watched.current().isOnline).toBe(true);

  await h.sandbox.close();
  const failedAt = Date.now();
  await expect(client.tokens.token()).rejects.toThrow(/sign-in service .* cannot be reached/);
  await expect.poll(() => watched.current().isOnline, { timeout: 3_000 }).toBe(false);
  expect(Date.now() - failedAt).toBeLessThan(3_000);
});

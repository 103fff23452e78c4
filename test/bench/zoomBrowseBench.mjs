// Browsing Zoom's events: `cadence sandbox` in its own process, seeded with 51 events Cadence did
// not create (17 times the tutorial's three scenarios, 200 people registered on each), at a fixed
// 100 ms latency and the Pro plan's limits (LIGHT 30 requests per second; every read here is LIGHT).
// Each run asks for one page of 50 events, as the On Zoom screen does, through a fresh client.
// - requests ÷ minimum. Requests are everything the sandbox logged for the page: the OAuth token
//   and every API call, also those refused (429) or retried. The minimum is what the row of each
//   event needs: 1 token, 1 page of events (Zoom's page holds 50), 1 hub list (the hubs' names),
//   per event 1 registrant count (a page of one registrant and Zoom's total) and, for a recurring
//   event, 1 session list (its first and last session, with moves and deletions).
// - wall time, and T_min: the fastest the rate limit allows, the LIGHT requests ÷ 30 per second.
// Run: node test/bench/zoomBrowseBench.mjs (after `npm run build`: the sandbox is the built CLI).
import { control, startSandbox } from './benchSandbox.mjs';
import { importTasks } from './bundleTasks.mjs';

const runs = 3;
const pageSize = 50;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const tasks = await importTasks('test/bench/zoomBrowseTasks.ts');
  const sandbox = await startSandbox();
  try {
    for (let round = 0; round < 17; round += 1) await control(sandbox, 'POST', '/seed', { registrants: 200 });
    await control(sandbox, 'PUT', '/faults', {
      latencyMs: [100, 100],
      rateLimits: { LIGHT: 30, MEDIUM: 20, HEAVY: 10 },
    });
    const credentials = {
      account_id: sandbox.account_id,
      client_id: sandbox.client_id,
      client_secret: sandbox.client_secret,
    };
    const urls = { apiUrl: sandbox.api_url, oauthUrl: sandbox.oauth_url };
    const times = [];
    const ratios = [];
    let breakdown = {};
    for (let run = 0; run < runs; run += 1) {
      // Each run starts with the sandbox's one-second windows empty, as a fresh client would find Zoom.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await control(sandbox, 'DELETE', '/requests');
      const result = await tasks.browsePage(urls, credentials, pageSize);
      const seen = await control(sandbox, 'GET', '/requests');
      breakdown = {};
      for (const request of seen) {
        const key = request.operationId ?? 'token';
        breakdown[key] = (breakdown[key] ?? 0) + 1;
      }
      const minimum = 1 + 1 + 1 + result.events * 2;
      ratios.push(seen.length / minimum);
      times.push(result.elapsedMs);
      if (result.events !== pageSize)
        throw new Error(`a page of ${String(result.events)} events, not ${String(pageSize)}`);
    }
    const light = Object.entries(breakdown)
      .filter(([operation]) => operation !== 'token')
      .reduce((sum, [, count]) => sum + count, 0);
    console.log(
      `browsing Zoom: one page of ${pageSize} events (51 seeded, 200 registrants each), 100 ms latency, Pro limits (${runs} runs):`,
    );
    console.log(
      `  requests ÷ minimum: median ${median(ratios).toFixed(3)} (${ratios.map((r) => r.toFixed(3)).join(', ')})`,
    );
    console.log(`  requests by operation (last run): ${JSON.stringify(breakdown)}`);
    console.log(
      `  wall time: median ${(median(times) / 1000).toFixed(2)} s (${times.map((t) => (t / 1000).toFixed(2)).join(', ')})`,
    );
    console.log(`  T_min at 30 LIGHT requests/s: ${(light / 30).toFixed(2)} s`);
  } finally {
    sandbox.child.kill('SIGTERM');
  }
}

await main();

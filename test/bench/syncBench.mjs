// The sync engine against `cadence sandbox` (its own process):
// (a) requests sent ÷ the minimum for a clean sync of the tutorial's 12-week standup with 300
//     attendees (a token, create, ticket type, link, publish, one session list, 10 ticket batches);
// (b) 3,000 registrations across 10 series with the sandbox at 30 requests/s and 100 ms latency:
//     the achieved request rate ÷ the limit;
// (c) the same work at the Meetings script's pace (one call, then a one-second pause): the ratio
//     of the two wall times.
// Run: node test/bench/syncBench.mjs (npm run bench does). (c) takes about three minutes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { control, startSandbox } from './benchSandbox.mjs';
import { importTasks } from './bundleTasks.mjs';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const limit = 30;

async function main() {
  const tasks = await importTasks('test/bench/syncTasks.ts');
  const root = mkdtempSync(join(tmpdir(), 'cadence-sync-bench-'));
  const sandbox = await startSandbox();
  const urls = { apiUrl: sandbox.api_url, oauthUrl: sandbox.oauth_url };
  const credentials = {
    account_id: sandbox.account_id,
    client_id: sandbox.client_id,
    client_secret: sandbox.client_secret,
  };
  try {
    // (a)
    const ratios = [];
    for (let run = 0; run < 3; run += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const dataDir = join(root, `a-${run}`);
      tasks.importDrafts(dataDir, tasks.seriesFile(1, 300));
      await control(sandbox, 'DELETE', '/requests');
      const { report } = await tasks.runSync(dataDir, urls, credentials, 'limiter');
      const seen = (await control(sandbox, 'GET', '/requests')).length;
      if (report.outcome !== 'succeeded') throw new Error(`(a) ended ${report.outcome}: ${report.message}`);
      ratios.push(seen / 16);
    }
    console.log('sync, the tutorial standup (12 weeks, 300 attendees), clean, 3 runs:');
    console.log(`  (a) requests ÷ minimum (16): ${ratios.map((r) => r.toFixed(2)).join(', ')}; goal 1.00`);

    // (b)
    await control(sandbox, 'PUT', '/faults', {
      latencyMs: [100, 100],
      rateLimits: { LIGHT: limit, MEDIUM: 20, HEAVY: 10 },
    });
    const rates = [];
    const walls = [];
    let refusals = [];
    for (let run = 0; run < 3; run += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const dataDir = join(root, `b-${run}`);
      tasks.importDrafts(dataDir, tasks.seriesFile(10, 300));
      await control(sandbox, 'DELETE', '/requests');
      const { report, elapsedMs } = await tasks.runSync(dataDir, urls, credentials, 'limiter');
      if (report.outcome !== 'succeeded') throw new Error(`(b) ended ${report.outcome}: ${report.message}`);
      const seen = (await control(sandbox, 'GET', '/requests')).filter((r) => r.operationId !== undefined);
      refusals.push(seen.filter((r) => r.status === 429).length);
      rates.push(seen.length / (elapsedMs / 1000) / limit);
      walls.push(elapsedMs);
    }
    console.log('sync, 10 series × 300 registrations (3,000), sandbox at 30 requests/s with 100 ms latency, 3 runs:');
    console.log(
      `  (b) request rate ÷ limit: median ${median(rates).toFixed(3)} (${rates.map((r) => r.toFixed(3)).join(', ')}); goal ≥ 0.9`,
    );
    console.log(`      wall time: median ${(median(walls) / 1000).toFixed(2)} s; 429 answers: ${refusals.join(', ')}`);

    // (c)
    if (process.env.CADENCE_BENCH_SKIP_PACED === '1') return;
    const dataDir = join(root, 'c');
    tasks.importDrafts(dataDir, tasks.seriesFile(10, 300));
    const paced = await tasks.runSync(dataDir, urls, credentials, 'one-per-second');
    if (paced.report.outcome !== 'succeeded') throw new Error(`(c) ended ${paced.report.outcome}`);
    console.log(
      `  (c) the same work one call then a 1 s pause: ${(paced.elapsedMs / 1000).toFixed(1)} s; ratio to (b): ${(paced.elapsedMs / median(walls)).toFixed(1)}×`,
    );
    console.log(`  peak RSS of the syncing process: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB`);
  } finally {
    sandbox.child.kill('SIGTERM');
    rmSync(root, { recursive: true, force: true });
  }
}

await main();

// The client against the sandbox set to Zoom's Pro limit (LIGHT 30 requests/s) with 100 ms of
// latency: 600 GETs, asked for all at once. Reports the achieved rate ÷ the limit and the 429s
// the sandbox answered. The sandbox runs as its own process (`cadence sandbox`), as Zoom would.
// Run: node test/bench/zoomClientBench.mjs (npm run bench does).
import { control, startSandbox } from './benchSandbox.mjs';
import { importTasks } from './bundleTasks.mjs';

const runs = 3;
const requests = 600;
const limit = 30;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The most requests that arrived in any one-second window. */
function busiestSecond(times) {
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i += 1) {
    while (times[j] < times[i] - 999) j += 1;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

async function main() {
  const tasks = await importTasks('test/bench/zoomClientTasks.ts');
  const sandbox = await startSandbox();
  try {
    await control(sandbox, 'PUT', '/faults', {
      latencyMs: [100, 100],
      rateLimits: { LIGHT: limit, MEDIUM: 20, HEAVY: 10 },
    });
    const credentials = {
      account_id: sandbox.account_id,
      client_id: sandbox.client_id,
      client_secret: sandbox.client_secret,
    };
    const ratios = [];
    const overall = [];
    const refusals = [];
    const busiest = [];
    for (let run = 0; run < runs; run += 1) {
      // Each run starts with the sandbox's one-second windows empty, as a fresh client would find Zoom.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await control(sandbox, 'DELETE', '/requests');
      const result = await tasks.runGets(
        { apiUrl: sandbox.api_url, oauthUrl: sandbox.oauth_url },
        credentials,
        requests,
      );
      const seen = (await control(sandbox, 'GET', '/requests')).filter((r) => r.operationId === 'getHubList');
      const arrivals = seen.map((r) => r.at).sort((a, b) => a - b);
      // Arrivals are evenly spaced: n arrivals span n − 1 gaps.
      const steady = (arrivals.length - 1) / ((arrivals.at(-1) - arrivals[0]) / 1000);
      ratios.push(steady / limit);
      overall.push(requests / (result.elapsedMs / 1000) / limit);
      refusals.push(seen.filter((r) => r.status === 429).length);
      busiest.push(busiestSecond(arrivals));
      if (result.failed > 0) throw new Error(`${result.failed} of ${requests} GETs failed`);
    }
    const peakRss = process.resourceUsage().maxRSS / 1024;
    console.log(
      `zoom client, ${requests} GETs against the sandbox at ${limit} requests/s with 100 ms latency (${runs} runs):`,
    );
    console.log(
      `  rate at the sandbox ÷ limit: median ${median(ratios).toFixed(3)} (${ratios.map((r) => r.toFixed(3)).join(', ')}); goal ≥ 0.9`,
    );
    console.log(
      `  ${requests} ÷ wall time ÷ limit: median ${median(overall).toFixed(3)} (${overall.map((r) => r.toFixed(3)).join(', ')})`,
    );
    console.log(`  429 answers: ${refusals.join(', ')}; goal 0`);
    console.log(`  busiest second at the sandbox: ${busiest.join(', ')} requests (limit ${limit})`);
    console.log(`  peak RSS of the client process: ${peakRss.toFixed(1)} MiB`);
  } finally {
    sandbox.child.kill('SIGTERM');
  }
}

await main();

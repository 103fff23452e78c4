// Opening a hub from Zoom: `cadence sandbox` in its own process, seeded with 50 events Cadence did
// not create (25 times the tutorial's weekly standup and monthly webinar, both in the Engineering
// Team Hub), 200 people registered on each, at a fixed 100 ms latency and the Pro plan's limits
// (LIGHT 30 requests per second; every read here is LIGHT). Each run opens the hub with `--hub`'s
// code path into a fresh data folder, in a child process of its own (so that its CPU time and peak
// RSS are its own). 3 runs, on a reset and freshly seeded sandbox; medians and the 3 values:
// - requests ÷ minimum. Requests are everything the sandbox logged from the seeding to the end:
//   the OAuth token and every API call, also those refused (429) or retried. The minimum is every
//   read the series need at Zoom's largest page (300): 1 token; per status listed (upcoming, draft)
//   ceil(events of that status ÷ 300) pages, at least 1; 1 hub list (the hub's name on the series
//   page); per event 1 event, 1 session list (recurring), 1 ticket-type list, 1 access-link list,
//   ceil(tickets ÷ 300) ticket pages (at least 1), 1 speaker list, 1 registration-question list.
//   The breakdown per operation is printed with its minimum.
// - wall time W: from the first request's arrival to the last answer (the sandbox's `at` and
//   `answeredAt`); also the opening's own time in the child, its CPU time and peak RSS.
// - T_min: the fastest the rate limit allows, the requests counted against LIGHT ÷ 30 per second.
// Nothing is asserted, but a run where an event fails to open or leaves something to send stops
// the benchmark. Figures are printed and written to test-results/zoom-open-bench.json.
// Run: node test/bench/zoomOpenBench.mjs (npm run bench does; the sandbox is the built CLI, so run
// `npm run build` after changing main/).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { control, startSandbox } from './benchSandbox.mjs';
import { bundlePath, importTasks } from './bundleTasks.mjs';

const tasksEntry = 'test/bench/zoomOpenTasks.ts';
const runs = 3;
const latencyMs = 100;
const proLimits = { LIGHT: 30, MEDIUM: 20, HEAVY: 10 };
const hubId = 'hub-engineering-team';
const events = 50;
const registrants = 200;
const pageSize = 300;
const resultsFile = join('test-results', 'zoom-open-bench.json');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const minOf = (values) => values.reduce((a, b) => Math.min(a, b), Infinity);
const maxOf = (values) => values.reduce((a, b) => Math.max(a, b), -Infinity);
const pages = (count) => Math.max(1, Math.ceil(count / pageSize));

async function child(spec) {
  const tasks = await import(pathToFileURL(bundlePath(tasksEntry)).href);
  const result = await tasks.openHub(spec.dataDir, spec.urls, spec.credentials, spec.hubId);
  process.stdout.write(JSON.stringify({ ...result, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
}

function openInChild(spec) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [process.argv[1], '--child', JSON.stringify(spec)],
      { encoding: 'utf8', maxBuffer: 2 ** 24 },
      (error, stdout, stderr) => {
        process.stderr.write(stderr);
        if (error === null) resolve(JSON.parse(stdout));
        else reject(error);
      },
    );
  });
}

/** The minimum per operation, from what the sandbox holds (see the header). */
function minimumByOperation(state) {
  const inHub = state.events.filter((event) => event.hub_id === hubId);
  const hosted = new Set(state.hubs.filter((hub) => hub.host).map((hub) => hub.hub_id));
  const listed = state.events.filter((event) => hosted.has(event.hub_id));
  const published = listed.filter((event) => event.status === 'PUBLISHED').length;
  const drafts = listed.filter((event) => event.status === 'DRAFT').length;
  const tickets = (event) => state.tickets.filter((ticket) => ticket.event_id === event.event_id).length;
  const recurring = inHub.filter((event) => event.event_type === 'RECURRING').length;
  return {
    token: 1,
    getEvents: pages(published) + pages(drafts),
    getHubList: 1,
    getEventInfo: inHub.length,
    getEventSessionList: recurring,
    getEventTicketTypes: inHub.length,
    getEventAccessLinks: inHub.length,
    getTickets: inHub.reduce((sum, event) => sum + pages(tickets(event)), 0),
    getSpeakers: inHub.length,
    getRegistrationQuestionsForEvent: inHub.length,
  };
}

function figures(log, minimum, opened) {
  const byOperation = {};
  for (const r of log) {
    const key = r.operationId ?? (r.path.startsWith('/oauth/token') ? 'token' : r.path);
    byOperation[key] = (byOperation[key] ?? 0) + 1;
  }
  const minimumTotal = Object.values(minimum).reduce((a, b) => a + b, 0);
  const first = minOf(log.map((r) => r.at));
  const wallMs = maxOf(log.map((r) => r.answeredAt)) - first;
  const light = log.filter((r) => r.label === 'LIGHT' && r.status !== 429).length;
  return {
    requests: log.length,
    minimum: minimumTotal,
    requestRatio: log.length / minimumTotal,
    byOperation,
    refused429: log.filter((r) => r.status === 429).length,
    wallMs,
    fastestMs: (light / proLimits.LIGHT) * 1000,
    openElapsedMs: opened.elapsedMs,
    cpuMs: opened.cpuMicros / 1000,
    peakRssMiB: opened.maxRssBytes / 2 ** 20,
    reportedRequests: opened.requests,
  };
}

const fmt = {
  ratio: (v) => v.toFixed(3),
  s: (v) => `${(v / 1000).toFixed(2)} s`,
  ms: (v) => `${v.toFixed(0)} ms`,
  mib: (v) => `${v.toFixed(0)} MiB`,
  int: (v) => String(v),
};

function summary(measured, key, format) {
  const values = measured.map((r) => r[key]);
  return `${format(median(values))} (${values.map(format).join(', ')})`;
}

async function main() {
  await importTasks(tasksEntry);
  const root = mkdtempSync(join(tmpdir(), 'cadence-zoom-open-bench-'));
  const sandbox = await startSandbox();
  const spec = {
    urls: { apiUrl: sandbox.api_url, oauthUrl: sandbox.oauth_url },
    credentials: { account_id: sandbox.account_id, client_id: sandbox.client_id, client_secret: sandbox.client_secret },
    hubId,
  };
  const started = performance.now();
  try {
    const measured = [];
    let minimum;
    for (let run = 0; run < runs; run += 1) {
      // A fresh Zoom account holding the hub's 50 events, then the latency for the opening only.
      await control(sandbox, 'POST', '/reset');
      await control(sandbox, 'PUT', '/faults', { latencyMs: [0, 0], rateLimits: proLimits });
      for (let i = 0; i < events / 2; i += 1) {
        await control(sandbox, 'POST', '/seed', { scenarios: ['weekly-standup', 'monthly-webinar'], registrants });
      }
      minimum = minimumByOperation(await control(sandbox, 'GET', '/state'));
      await control(sandbox, 'PUT', '/faults', { latencyMs: [latencyMs, latencyMs] });
      await control(sandbox, 'DELETE', '/requests');
      const dataDir = join(root, String(run));
      const opened = await openInChild({ ...spec, dataDir });
      if (opened.opened !== events || opened.failed.length > 0 || opened.waiting > 0) {
        throw new Error(`run ${String(run + 1)}: ${JSON.stringify(opened)}`);
      }
      measured.push(figures(await control(sandbox, 'GET', '/requests'), minimum, opened));
      rmSync(dataDir, { recursive: true, force: true });
      console.log(
        `run ${String(run + 1)}: ${String(opened.opened)} events, ${String(opened.attendees)} attendees opened, nothing to send; W ${fmt.s(measured.at(-1).wallMs)}`,
      );
    }
    console.log(
      `\nopening a hub of ${String(events)} events × ${String(registrants)} registrants, sandbox at ${String(latencyMs)} ms latency, Pro limits (LIGHT 30/s); median (3 runs):`,
    );
    console.log(
      `  requests ÷ minimum (${String(measured[0].minimum)}): ${summary(measured, 'requestRatio', fmt.ratio)}`,
    );
    console.log(
      `  requests: ${summary(measured, 'requests', fmt.int)}; 429 answers: ${summary(measured, 'refused429', fmt.int)}`,
    );
    console.log(
      `  wall time W: ${summary(measured, 'wallMs', fmt.s)}; T_min at the rate limit: ${summary(measured, 'fastestMs', fmt.s)}`,
    );
    console.log(
      `  the opening's own time: ${summary(measured, 'openElapsedMs', fmt.s)}; CPU: ${summary(measured, 'cpuMs', fmt.ms)}`,
    );
    console.log(`  peak RSS: ${summary(measured, 'peakRssMiB', fmt.mib)}`);
    console.log('  per operation, requests (minimum):');
    const operations = [...new Set([...Object.keys(minimum), ...Object.keys(measured[0].byOperation)])];
    for (const operation of operations) {
      const counts = measured.map((r) => r.byOperation[operation] ?? 0);
      console.log(
        `    ${operation.padEnd(34)} ${String(median(counts)).padStart(5)} (${String(minimum[operation] ?? 0)})`,
      );
    }
    mkdirSync('test-results', { recursive: true });
    writeFileSync(
      resultsFile,
      `${JSON.stringify({ sandbox: { latencyMs, rateLimits: proLimits }, events, registrants, runs: measured, minimum }, null, 2)}\n`,
    );
    console.log(`\n${resultsFile} written; the benchmark took ${fmt.s(performance.now() - started)}.`);
  } finally {
    sandbox.child.kill('SIGTERM');
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(JSON.parse(process.argv[3]));
else await main();

// The sync engine against `cadence sandbox` in its own process, at a fixed 100 ms latency and the
// Pro plan's limits (LIGHT 30, MEDIUM 20, HEAVY 10 requests per second per account and label).
// Three scenarios of weekly series of 12 sessions, registration to all sessions, each run 3 times
// on a fresh data folder and a reset sandbox; each sync runs in a child process of its own (so
// that its CPU time and peak RSS are its own), started with `concurrency: 16` (the default):
//   1. 1 series × 3,000 attendees   2. 10 series × 1,000 attendees   3. 50 series × 200 attendees
// Figures per scenario (median of the 3 runs, and the 3 values):
// - requests ÷ minimum (goal 1.00). Requests are everything the sandbox logged (`/_sandbox/requests`)
//   from the reset before the sync to its end: the OAuth token request, every API call, and also
//   the calls it refused (429), failed or whose answer it lost, and any retry: each is a request
//   sent to Zoom. The minimum is what the drafts need: 1 token + per series (create event, ticket
//   type, registration link, publish, one session list — the series are recurring) + per series
//   ceil(attendees ÷ 30) ticket batches. No hub lookup: the drafts name their hub. (1 × 300 gives
//   the 16 of the previous benchmark.)
// - use of the rate limits (goal ≥ 0.95 for scenarios 2 and 3). Limits are per label, so the
//   request rate ÷ "the" limit means little when labels mix. Instead: the fastest the limits allow,
//   T_min = max over labels of (requests of that label the sandbox counted against its limit, i.e.
//   not refused with 429) ÷ (that label's limit) seconds — ignoring the order the calls must come
//   in — divided by the wall time W, from the first request's arrival to the last answer (the
//   sandbox's `at` and `answeredAt`). 1.00 means the sync went as fast as the limits allow. The
//   token request has no label and counts in W only. For comparison the plain figure is printed
//   too: ticket batches ÷ W ÷ their label's limit.
// - first request → first ticket batch: from the first request's arrival to the first ticket
//   batch's arrival at the sandbox.
// - local CPU per registration (goal < 0.2 ms): process.cpuUsage() (user + system) of the process
//   running the sync, around the sync only (not opening the data folder, nor the import of the
//   drafts, which happens in the parent), ÷ attendees registered. The sandbox's CPU is not in it.
//   The process is warm, as the app's is after its first sync: a sync of one small series (30
//   attendees, not counted anywhere) runs in it first, so that compiling schemas and validators
//   once per process is not charged to the registrations.
//   Peak RSS is that process's maxRSS (Node and the modules loaded included).
// - also: wall time W, the 429 answers, the sync's own elapsed time (performance.now around it).
// Nothing is asserted: the figures are printed as a table at the end and written to
// test-results/sync-bench.json. A sync that does not end `succeeded` stops the benchmark.
// The previous benchmark's (c), the same work at one call then a one-second pause, is dropped: at
// these sizes it alone would take 7 to 10 minutes.
// Run: node test/bench/syncBench.mjs (npm run bench does; the sandbox is the built CLI, so run
// `npm run build` after changing main/). About 3.5 minutes on 2 cores with
// the engine before its rebuild; less as the engine gets faster.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { control, startSandbox } from './benchSandbox.mjs';
import { bundlePath, importTasks } from './bundleTasks.mjs';

const tasksEntry = 'test/bench/syncTasks.ts';
const runs = 3;
const latencyMs = 100;
const proLimits = { LIGHT: 30, MEDIUM: 20, HEAVY: 10 };
const ticketsPerBatch = 30;
const concurrency = 16;
const scenarios = [
  { name: '1 × 3,000', series: 1, attendees: 3000, rateGoal: undefined },
  { name: '10 × 1,000', series: 10, attendees: 1000, rateGoal: 0.95 },
  { name: '50 × 200', series: 50, attendees: 200, rateGoal: 0.95 },
];
const goals = { requestRatio: 1, cpuMsPerRegistration: 0.2 };
const resultsFile = join('test-results', 'sync-bench.json');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const minOf = (values) => values.reduce((a, b) => Math.min(a, b), Infinity);
const maxOf = (values) => values.reduce((a, b) => Math.max(a, b), -Infinity);

/** Requests a clean sync of these drafts needs at least (see the header). */
const minimumRequests = ({ series, attendees }) => 1 + series * (5 + Math.ceil(attendees / ticketsPerBatch));

/**
 * In the child: a small warm-up sync first (another series, its own data folder), so that the
 * measured one runs in a warm process as the app's syncs do: compiled schemas and validators, a
 * token. The sandbox's log is cleared after it, so it counts in no figure. Then the measured sync,
 * its figures as JSON on stdout.
 */
async function child(spec) {
  const tasks = await import(pathToFileURL(bundlePath(tasksEntry)).href);
  const warmUpDir = `${spec.dataDir}-warm-up`;
  tasks.importDrafts(warmUpDir, tasks.warmUpFile());
  const warm = await tasks.measuredSync(warmUpDir, spec.urls, spec.credentials, spec.concurrency);
  if (warm.outcome !== 'succeeded') throw new Error(`the warm-up sync ended ${warm.outcome}`);
  await fetch(`${spec.urls.apiUrl.replace(/\/v2$/, '')}/_sandbox/requests`, { method: 'DELETE' });
  const result = await tasks.measuredSync(spec.dataDir, spec.urls, spec.credentials, spec.concurrency);
  process.stdout.write(JSON.stringify({ ...result, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
}

/**
 * Runs `child` in a new process. Not execFileSync: the parent's event loop must keep running, or
 * the sandbox's closing of an idle keep-alive connection goes unseen and the next control call fails.
 */
function syncInChild(spec) {
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

/** One run's figures from the sandbox's log of it and the child's measurements. */
function figures(scenario, log, synced) {
  if (log.length === 0) throw new Error('The sandbox logged no request.');
  if (log.some((r) => typeof r.answeredAt !== 'number')) {
    throw new Error('The sandbox does not log answeredAt: dist/ is older than main/sandbox/. Run npm run build.');
  }
  const registrations = scenario.series * scenario.attendees;
  const first = minOf(log.map((r) => r.at));
  const wallMs = maxOf(log.map((r) => r.answeredAt)) - first;
  const counted = { LIGHT: 0, MEDIUM: 0, HEAVY: 0 };
  for (const r of log) if (r.label !== undefined && r.status !== 429) counted[r.label] += 1;
  const fastestMs = maxOf(Object.entries(counted).map(([label, n]) => (n / proLimits[label]) * 1000));
  const batches = log.filter((r) => r.operationId === 'createTickets' && r.status !== 429);
  const batchLabel = batches[0]?.label ?? 'LIGHT';
  return {
    requests: log.length,
    minimum: minimumRequests(scenario),
    requestRatio: log.length / minimumRequests(scenario),
    refused429: log.filter((r) => r.status === 429).length,
    countedByLabel: counted,
    wallMs,
    fastestMs,
    limitUse: fastestMs / wallMs,
    ticketBatches: batches.length,
    ticketBatchRateToLimit: batches.length / (wallMs / 1000) / proLimits[batchLabel],
    firstTicketBatchMs: minOf(batches.map((r) => r.at)) - first,
    syncElapsedMs: synced.elapsedMs,
    cpuMs: synced.cpuMicros / 1000,
    cpuMsPerRegistration: synced.cpuMicros / 1000 / registrations,
    peakRssMiB: synced.maxRssBytes / 2 ** 20,
    rssBeforeSyncMiB: synced.rssBeforeBytes / 2 ** 20,
  };
}

const fmt = {
  ratio: (v) => v.toFixed(3),
  share: (v) => v.toFixed(3),
  s: (v) => `${(v / 1000).toFixed(2)} s`,
  ms: (v) => `${v.toFixed(0)} ms`,
  cpu: (v) => `${v.toFixed(3)} ms`,
  mib: (v) => `${v.toFixed(0)} MiB`,
  int: (v) => String(v),
};

/** "median (a, b, c)" of one figure across the runs. */
function summary(runsOf, key, format) {
  const values = runsOf.map((r) => r[key]);
  return `${format(median(values))} (${values.map(format).join(', ')})`;
}

function table(results) {
  const rows = [
    ['requests ÷ minimum', 'requestRatio', fmt.ratio, () => 'goal 1.00'],
    ['limit use (T_min ÷ W)', 'limitUse', fmt.share, (s) => (s.rateGoal === undefined ? '' : `goal ≥ ${s.rateGoal}`)],
    ['ticket batches/s ÷ limit', 'ticketBatchRateToLimit', fmt.share, () => ''],
    ['first request → 1st batch', 'firstTicketBatchMs', fmt.ms, () => ''],
    ['CPU per registration', 'cpuMsPerRegistration', fmt.cpu, () => 'goal < 0.2 ms'],
    ['peak RSS (RSS before the sync)', 'peakRssMiB', fmt.mib, () => ''],
    ['wall time W', 'wallMs', fmt.s, () => ''],
    ["the sync's own time", 'syncElapsedMs', fmt.s, () => ''],
    ['requests (minimum)', 'requests', fmt.int, () => ''],
    ['429 answers', 'refused429', fmt.int, () => ''],
  ];
  const header = [
    'median of 3',
    ...results.map((r) => `${r.scenario.name}${r.scenario.series > 1 ? ', 16 at once' : ''}`),
  ];
  const body = rows.map(([label, key, format, goal]) => [
    label,
    ...results.map((r) => {
      const value = format(median(r.runs.map((run) => run[key])));
      const extra =
        key === 'requests'
          ? ` (${String(r.runs[0].minimum)})`
          : key === 'peakRssMiB'
            ? ` (${fmt.mib(median(r.runs.map((run) => run.rssBeforeSyncMiB)))})`
            : '';
      const aim = goal(r.scenario);
      return `${value}${extra}${aim === '' ? '' : `  ${aim}`}`;
    }),
  ]);
  const widths = header.map((_, i) => maxOf([header, ...body].map((row) => row[i].length)));
  const line = (row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]))
      .join(' │ ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...body.map(line)].join('\n');
}

async function main() {
  const tasks = await importTasks(tasksEntry);
  const root = mkdtempSync(join(tmpdir(), 'cadence-sync-bench-'));
  const sandbox = await startSandbox();
  const spec = {
    urls: { apiUrl: sandbox.api_url, oauthUrl: sandbox.oauth_url },
    credentials: {
      account_id: sandbox.account_id,
      client_id: sandbox.client_id,
      client_secret: sandbox.client_secret,
    },
    concurrency,
  };
  const started = performance.now();
  try {
    await control(sandbox, 'PUT', '/faults', { latencyMs: [latencyMs, latencyMs], rateLimits: proLimits });
    const results = [];
    for (const [index, scenario] of scenarios.entries()) {
      console.log(
        `sync ${String(index + 1)}: ${scenario.name} attendees (${String(scenario.series)} series, concurrency ${String(concurrency)}), ${String(runs)} runs:`,
      );
      const measured = [];
      for (let run = 0; run < runs; run += 1) {
        const dataDir = join(root, `${String(index + 1)}-${String(run)}`);
        tasks.importDrafts(dataDir, tasks.seriesFile(scenario.series, scenario.attendees));
        // A fresh Zoom account: no events, tokens, rate-limit history or log from earlier runs.
        await control(sandbox, 'POST', '/reset');
        const synced = await syncInChild({ ...spec, dataDir });
        if (synced.outcome !== 'succeeded')
          throw new Error(`${scenario.name} ended ${synced.outcome}: ${synced.message}`);
        measured.push(figures(scenario, await control(sandbox, 'GET', '/requests'), synced));
        rmSync(dataDir, { recursive: true, force: true });
      }
      results.push({ scenario, runs: measured });
      console.log(
        `  requests ÷ minimum (${String(measured[0].minimum)}): ${summary(measured, 'requestRatio', fmt.ratio)}`,
      );
      console.log(`  limit use, T_min ÷ W: ${summary(measured, 'limitUse', fmt.share)}`);
      console.log(`  ticket batches/s ÷ limit: ${summary(measured, 'ticketBatchRateToLimit', fmt.share)}`);
      console.log(`  first request → first ticket batch: ${summary(measured, 'firstTicketBatchMs', fmt.ms)}`);
      console.log(`  CPU per registration: ${summary(measured, 'cpuMsPerRegistration', fmt.cpu)}`);
      console.log(`  peak RSS: ${summary(measured, 'peakRssMiB', fmt.mib)}`);
      console.log(
        `  wall time W: ${summary(measured, 'wallMs', fmt.s)}; the sync's own time: ${summary(measured, 'syncElapsedMs', fmt.s)}; 429 answers: ${summary(measured, 'refused429', fmt.int)}`,
      );
    }
    console.log(
      `\nsync benchmark, sandbox at ${String(latencyMs)} ms latency and Pro limits (LIGHT 30, MEDIUM 20, HEAVY 10):`,
    );
    console.log(table(results));
    mkdirSync('test-results', { recursive: true });
    writeFileSync(
      resultsFile,
      `${JSON.stringify(
        {
          sandbox: { latencyMs, rateLimits: proLimits },
          concurrency,
          runs,
          goals: { ...goals, limitUse: 0.95 },
          scenarios: results.map(({ scenario, runs: measured }) => ({
            name: scenario.name,
            series: scenario.series,
            attendees: scenario.attendees,
            medians: Object.fromEntries(
              Object.keys(measured[0])
                .filter((key) => typeof measured[0][key] === 'number')
                .map((key) => [key, median(measured.map((r) => r[key]))]),
            ),
            runs: measured,
          })),
        },
        null,
        2,
      )}\n`,
    );
    console.log(`\n${resultsFile} written; the benchmark took ${fmt.s(performance.now() - started)}.`);
  } finally {
    sandbox.child.kill('SIGTERM');
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(JSON.parse(process.argv[3]));
else await main();

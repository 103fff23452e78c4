// `cadence meetings create` against `cadence sandbox`, each in its own process, over HTTP at a
// fixed 100 ms latency and the Pro plan's limits (the Meetings API's create and list are MEDIUM,
// 20 requests per second per account; a meeting's read is LIGHT, 30). One config of 100 weekly
// meetings for 20 hosts (5 each, 8 occurrences), as the recurring-meetings script would take it,
// its zoom_api block giving the sandbox's credentials. Run 3 times, each on a fresh data folder, a
// fresh CSV and a reset sandbox. Figures (median of the 3 runs, and the 3 values):
// - requests ÷ minimum. Requests are everything the sandbox logged from the reset to the end of
//   the command: the token, every API call, and any refused (429), failed or repeated one. The
//   minimum is 1 token + 100 creates: Zoom has no batch create, and each create's answer carries
//   the meeting's ID, links and occurrences, all the script's CSV needs. Cadence also reads each
//   meeting back once for its CSV row (the occurrences Zoom scheduled, past ones included), so its
//   floor today is 201; the reads are counted apart.
// - wall time of the command (process start to exit: opening the data folder, the import, the
//   sync, the CSV) and the sandbox's own span (first request's arrival to the last answer).
// - beside it, the script's own pace: one call, then one second, for every create: at least
//   100 × (1 s + the latency) = 110 s here (its token and `--verbose` host checks not counted).
// A run that does not end with exit 0, 100 meetings on the sandbox and 100 CSV rows stops the
// benchmark. Nothing is asserted beyond that; the table is printed and written to
// test-results/meetings-bench.json.
// Run: node test/bench/meetingsBench.mjs (npm run bench does; both processes are the built CLI,
// so run `npm run build` after changing main/). About a minute on 2 cores.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { control, startSandbox } from './benchSandbox.mjs';

const runs = 3;
const latencyMs = 100;
const hosts = 20;
const meetingsPerHost = 5;
const meetings = hosts * meetingsPerHost;
const minimumRequests = 1 + meetings;
const scriptPauseMs = 1000;
const resultsFile = join('test-results', 'meetings-bench.json');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function config(sandbox) {
  const hostEmails = Array.from({ length: hosts }, (_, i) => `host${String(i + 1).padStart(2, '0')}@bench.example`);
  return {
    hostEmails,
    json: {
      zoom_api: {
        account_id: sandbox.account_id,
        client_id: sandbox.client_id,
        client_secret: sandbox.client_secret,
      },
      output_file: 'bench_meetings.csv',
      meetings: hostEmails.flatMap((host_email, h) =>
        Array.from({ length: meetingsPerHost }, (_, m) => ({
          host_email,
          topic: `Team ${String(h + 1)} meeting ${String(m + 1)}`,
          agenda: 'Benchmark meeting',
          start_date: '2027-03-01',
          start_time: `${String(9 + m).padStart(2, '0')}:00:00`,
          duration: 45,
          timezone: 'America/New_York',
          recurrence_type: 'weekly',
          weekly_days: String(2 + m),
          occurrences: 8,
        })),
      ),
    },
  };
}

function runCreate(dataDir, configPath, env) {
  return new Promise((resolve) => {
    const started = performance.now();
    execFile(
      process.execPath,
      ['main/cli/bin.js', '--json', '--data-dir', dataDir, 'meetings', 'create', configPath],
      { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ status: error?.code ?? 0, stdout, stderr, wallMs: performance.now() - started });
      },
    );
  });
}

const kindOf = (request) => {
  const path = request.path.replace(/\?.*$/, '');
  if (path.includes('/oauth')) return 'token';
  if (request.method === 'POST' && path.endsWith('/meetings')) return 'create';
  if (request.method === 'GET' && /\/meetings\/\d+$/.test(path)) return 'read';
  if (request.method === 'GET' && path.endsWith('/meetings')) return 'list';
  return 'other';
};

async function oneRun(sandbox, index) {
  await control(sandbox, 'POST', '/reset');
  const { hostEmails, json } = config(sandbox);
  for (const email of hostEmails) await control(sandbox, 'POST', '/users', { email });
  await control(sandbox, 'PUT', '/faults', { latencyMs: [latencyMs, latencyMs] });
  await control(sandbox, 'DELETE', '/requests');
  const dir = mkdtempSync(join(tmpdir(), 'cadence-meetings-bench-'));
  try {
    const configPath = join(dir, 'meetings.json');
    writeFileSync(configPath, JSON.stringify(json));
    const env = {
      CADENCE_ZOOM_API_URL: sandbox.api_url,
      CADENCE_ZOOM_OAUTH_URL: sandbox.oauth_url,
      CADENCE_KEYCHAIN_SERVICE: `Cadence bench ${String(process.pid)} ${String(index)}`,
      ZOOM_ACCOUNT_ID: '',
      ZOOM_CLIENT_ID: '',
      ZOOM_CLIENT_SECRET: '',
    };
    const run = await runCreate(join(dir, 'data'), configPath, env);
    if (run.status !== 0) throw new Error(`meetings create exited ${String(run.status)}: ${run.stderr}`);
    const requests = await control(sandbox, 'GET', '/requests');
    const state = await control(sandbox, 'GET', '/state');
    const rows = readFileSync(join(dir, 'bench_meetings.csv'), 'utf8').trim().split('\r\n').length - 1;
    if (state.meetings.length !== meetings || rows !== meetings) {
      throw new Error(
        `expected ${String(meetings)} meetings and rows, got ${String(state.meetings.length)} and ${String(rows)}`,
      );
    }
    const byKind = {};
    for (const request of requests) byKind[kindOf(request)] = (byKind[kindOf(request)] ?? 0) + 1;
    const spanMs =
      Math.max(...requests.map((request) => request.answeredAt)) - Math.min(...requests.map((request) => request.at));
    return {
      requests: requests.length,
      ratio: requests.length / minimumRequests,
      byKind,
      refused429: requests.filter((request) => request.status === 429).length,
      wallMs: run.wallMs,
      sandboxSpanMs: spanMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sandbox = await startSandbox();
try {
  const results = [];
  for (let i = 0; i < runs; i += 1) results.push(await oneRun(sandbox, i));
  const scriptFloorMs = meetings * (scriptPauseMs + latencyMs);
  const summary = {
    meetings,
    hosts,
    latency_ms: latencyMs,
    minimum_requests: minimumRequests,
    requests: { median: median(results.map((r) => r.requests)), runs: results.map((r) => r.requests) },
    requests_over_minimum: { median: median(results.map((r) => r.ratio)), runs: results.map((r) => r.ratio) },
    requests_by_kind: results.map((r) => r.byKind),
    refused_429: results.map((r) => r.refused429),
    wall_s: { median: median(results.map((r) => r.wallMs)) / 1000, runs: results.map((r) => r.wallMs / 1000) },
    sandbox_span_s: {
      median: median(results.map((r) => r.sandboxSpanMs)) / 1000,
      runs: results.map((r) => r.sandboxSpanMs / 1000),
    },
    script_floor_s: scriptFloorMs / 1000,
  };
  const fmt = (value) => value.toFixed(2);
  console.log(
    `\nmeetings create: ${String(meetings)} meetings for ${String(hosts)} hosts, ${String(latencyMs)} ms latency`,
  );
  console.log(`  requests            ${String(summary.requests.median)} (runs ${summary.requests.runs.join(', ')})`);
  console.log(
    `  requests ÷ minimum  ${fmt(summary.requests_over_minimum.median)} (minimum ${String(minimumRequests)}: 1 token + ${String(meetings)} creates; runs ${summary.requests_over_minimum.runs.map(fmt).join(', ')})`,
  );
  console.log(
    `  by kind             ${JSON.stringify(summary.requests_by_kind[0])}; 429s: ${summary.refused_429.join(', ')}`,
  );
  console.log(
    `  wall time           ${fmt(summary.wall_s.median)} s (runs ${summary.wall_s.runs.map(fmt).join(', ')})`,
  );
  console.log(`  sandbox span        ${fmt(summary.sandbox_span_s.median)} s`);
  console.log(`  the script's pace   ≥ ${fmt(summary.script_floor_s)} s (one call, then one second, per create)`);
  mkdirSync('test-results', { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(summary, null, 2)}\n`);
} finally {
  sandbox.child.kill('SIGTERM');
}

// Uploading 5,000 check-ins of one event from one desk to `cadence sandbox` in its own process, at
// a fixed 100 ms latency and the Pro plan's limits (LIGHT 30 requests per second). Each of 5 runs
// starts a fresh sandbox (the event and its 5,000 registrants in its state file) and a fresh desk
// data folder with the 5,000 check-ins waiting, then times `upload()` in this process
// (performance.now around it: the batches, their answers written to SQLite, and the read-back of
// everyone's check-ins).
// Figures: PATCH attendee_action requests (goal 17 = ceil(5,000 ÷ 300)), the read-back's requests
// (goal 17: 5,000 listed 300 a page), all requests including the token, and the time (median of
// the runs, and every run). Written to test-results/checkin-upload-bench.json.
// Run: node test/bench/checkInUploadBench.mjs (npm run bench does; the sandbox is the built CLI,
// so run `npm run build` after changing main/).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { control, startSandbox } from './benchSandbox.mjs';
import { importTasks } from './bundleTasks.mjs';

const runs = 5;
const people = 5000;
const latencyMs = 100;
const goals = { patches: Math.ceil(people / 300), readBack: Math.ceil(people / 300) };
const resultsFile = join('test-results', 'checkin-upload-bench.json');

const tasks = await importTasks('test/bench/checkInUploadTasks.ts');
const results = [];
for (let run = 0; run < runs; run += 1) {
  const root = mkdtempSync(join(tmpdir(), 'cadence-checkin-bench-'));
  const statePath = join(root, 'sandbox.json');
  const { eventId, emails } = tasks.writeSandboxState(statePath, people);
  const sandbox = await startSandbox(['--state', statePath]);
  try {
    await control(sandbox, 'PUT', '/faults', { latencyMs: [latencyMs, latencyMs] });
    await control(sandbox, 'DELETE', '/requests');
    const { report, ms } = await tasks.uploadOnce(join(root, 'desks'), eventId, emails, sandbox);
    if (report.outcome !== 'uploaded' || report.uploaded !== people) {
      throw new Error(`The upload ended ${report.outcome} with ${String(report.uploaded)} uploaded: ${report.message}`);
    }
    const logged = await control(sandbox, 'GET', '/requests');
    const patches = logged.filter((r) => r.method === 'PATCH' && r.path.endsWith('/attendee_action')).length;
    results.push({ ms, patches, readBack: report.readBackRequests, requests: report.requests, logged: logged.length });
    console.log(
      `run ${String(run + 1)}: ${ms.toFixed(0)} ms, ${String(patches)} PATCH, ${String(report.readBackRequests)} read-back, ${String(report.requests)} requests`,
    );
  } finally {
    sandbox.child.kill();
    rmSync(root, { recursive: true, force: true });
  }
}

const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = {
  people,
  latencyMs,
  runs,
  medianMs: median(results.map((r) => r.ms)),
  patches: median(results.map((r) => r.patches)),
  readBackRequests: median(results.map((r) => r.readBack)),
  requests: median(results.map((r) => r.requests)),
  goals,
  results,
};
mkdirSync('test-results', { recursive: true });
writeFileSync(resultsFile, `${JSON.stringify(summary, null, 2)}\n`);
console.table([
  {
    'check-ins': people,
    'PATCH requests': `${String(summary.patches)} (goal ${String(goals.patches)})`,
    'read-back requests': `${String(summary.readBackRequests)} (goal ${String(goals.readBack)})`,
    'all requests': summary.requests,
    'median time': `${(summary.medianMs / 1000).toFixed(2)} s`,
    'every run': results.map((r) => `${(r.ms / 1000).toFixed(2)} s`).join(', '),
  },
]);

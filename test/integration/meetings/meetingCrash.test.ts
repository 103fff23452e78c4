import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../../main/db/database';
import { createServices } from '../../../main/services';
import { startSandbox, type Sandbox } from '../../../main/sandbox/sandboxServer';
import { bundleWorker } from '../../support/bundleWorker';
import { SandboxControl } from '../../support/sandbox';
import { makeTempDir } from '../../support/tempDir';

// A sync process killed with SIGKILL while its meeting creates are on their way, again and again,
// with a fifth of the sandbox's answers lost after the create was made: the sync that finishes
// leaves Zoom with each meeting once, every meeting here linked to its own.
const meetings = 40;
const hosts = ['ann@example.com', 'ben@example.com', 'cy@example.com'];
const dir = makeTempDir();
const dataDir = join(dir.path, 'data');
let workerFile: string;
let sandbox: Sandbox;

beforeAll(async () => {
  workerFile = await bundleWorker('test/support/syncWorker.ts', 'meetingSyncWorker.mjs');
  sandbox = await startSandbox({ seed: 11, users: hosts, faults: { lostResponseRate: 0.2, latencyMs: [10, 30] } });
  const { db } = openDatabase(databaseFile(dataDir));
  const services = createServices({ db });
  for (let i = 0; i < meetings; i += 1) {
    services.meetings.save(undefined, {
      key: `m${String(i)}`,
      host_email: hosts[i % hosts.length] ?? '',
      topic: `Meeting ${String(i)}`,
      timezone: 'Europe/Berlin',
      start_time: `2027-03-${String(1 + (i % 20)).padStart(2, '0')}T09:00:00Z`,
      recurrence: { type: 2, end_times: 6, duration: 30 },
    });
  }
  db.close();
});
afterAll(async () => {
  await sandbox.close();
  dir.remove();
});

const creates = () => sandbox.requests.filter((r) => r.operationId === 'meetingCreate').length;

/** One sync process; killed with SIGKILL once the sandbox has received `killAtCreates` more creates, unless it finishes first. */
function runSync(killAtCreates?: number): Promise<{ killed: boolean; output: string }> {
  const target = killAtCreates === undefined ? undefined : creates() + killAtCreates;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [workerFile], {
      env: {
        ...process.env,
        CADENCE_SYNC_DATA_DIR: dataDir,
        CADENCE_ZOOM_API_URL: sandbox.apiUrl,
        CADENCE_ZOOM_OAUTH_URL: sandbox.oauthUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The sandbox runs in this process: its requests say when creates are on their way.
    const watch =
      target === undefined
        ? undefined
        : setInterval(() => {
            if (creates() >= target) child.kill('SIGKILL');
          }, 2);
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearInterval(watch);
      if (signal === 'SIGKILL') resolve({ killed: true, output });
      else if (code === 0) resolve({ killed: false, output });
      else reject(new Error(`the sync process failed (${String(code)}): ${errors}`));
    });
  });
}

const linked = () => {
  const { db } = openDatabase(databaseFile(dataDir));
  const rows = db.prepare('SELECT key, zoom_meeting_id FROM meeting').all() as {
    key: string;
    zoom_meeting_id: string | null;
  }[];
  const inFlight = db.prepare(`SELECT count(*) FROM outbox WHERE state = 'in_flight'`).pluck().get() as number;
  db.close();
  return { rows, inFlight };
};

it('killed mid-sync and resumed, creates each meeting on Zoom once', async () => {
  let kills = 0;
  let leftInFlight = 0;
  for (const killAtCreates of [1, 4, 8]) {
    const result = await runSync(killAtCreates);
    // What the killed process had sent still lands on the sandbox; the next round starts after it.
    await new Promise((resolve) => setTimeout(resolve, 150));
    if (result.killed) kills += 1;
    leftInFlight += linked().inFlight;
  }
  expect(kills).toBe(3);
  // Some kills caught a create on its way: the next sync had to look for it on Zoom first.
  expect(leftInFlight).toBeGreaterThan(0);
  await new SandboxControl(sandbox.url).setFaults({ lostResponseRate: 0, latencyMs: [0, 0] });
  const final = await runSync();
  expect(JSON.parse(final.output.split('\n')[1] ?? '{}')).toMatchObject({ outcome: 'succeeded', conflicts: 0 });

  const topics = sandbox.data.meetings.map((m) => m.topic).sort();
  expect(topics).toEqual(Array.from({ length: meetings }, (_, i) => `Meeting ${String(i)}`).sort());
  const { rows } = linked();
  expect(new Set(rows.map((row) => row.zoom_meeting_id)).size).toBe(meetings);
  for (const row of rows) {
    const onZoom = sandbox.data.meetings.find((m) => String(m.id) === row.zoom_meeting_id);
    expect(onZoom?.topic).toBe(`Meeting ${row.key.slice(1)}`);
  }
}, 120_000);

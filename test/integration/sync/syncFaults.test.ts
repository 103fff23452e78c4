import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../../main/db/database';
import { createServices } from '../../../main/services';
import { startSandbox, type Sandbox } from '../../../main/sandbox/sandboxServer';
import { SandboxControl } from '../../support/sandbox';
import { standupSeries } from '../../support/syncHarness';
import { bundleWorker } from '../../support/bundleWorker';
import { makeTempDir } from '../../support/tempDir';

// Exactly once through faults: the sandbox loses 15% of answers after applying the change, fails
// 10% with 5xx and answers in 5–40 ms, while a sync process is killed with SIGKILL at random
// moments, 50 times, and the planner keeps adding attendees between rounds. Then a clean sync
// finishes, and Zoom must hold every draft once, whole.
const rounds = 50;
const dir = makeTempDir();
let workerFile: string;
const dataDir = join(dir.path, 'data');
let sandbox: Sandbox;
let control: SandboxControl;

const series: Record<string, unknown>[] = [
  standupSeries(75, {
    key: 'standup',
    occurrence_changes: [
      { occurrence: 7, action: 'cancel' },
      { occurrence: 3, action: 'move', start_time: '2027-01-20T15:00:00Z' },
    ],
  }),
  {
    ...standupSeries(40, { key: 'training', name: 'Training Course' }),
    registration: { link_name: 'Pick your sessions', recurring_registration_option: 'multiple_sessions' },
    attendees: Array.from({ length: 40 }, (_, i) => ({
      email: `trainee${String(i)}@example.com`,
      occurrences: [1 + (i % 5), 6],
    })),
  },
  {
    key: 'launch',
    hub_id: 'hub-sandbox-main',
    name: 'Launch Party',
    timezone: 'Europe/Paris',
    event_type: 'SIMPLE_EVENT',
    start_time: '2027-06-12T17:00:00Z',
    end_time: '2027-06-12T19:00:00Z',
    ticket_type: { name: 'Guest', free: true, currency: 'EUR' },
    registration: { link_name: 'RSVP' },
    attendees: Array.from({ length: 31 }, (_, i) => ({ email: `guest${String(i)}@example.com` })),
    publish: true,
  },
];

beforeAll(async () => {
  workerFile = await bundleWorker('test/support/syncWorker.ts', 'syncWorker.mjs');
  sandbox = await startSandbox({
    seed: 7,
    faults: {
      lostResponseRate: 0.15,
      serverErrorRate: 0.1,
      latencyMs: [5, 40],
      rateLimits: { LIGHT: 80, MEDIUM: 60, HEAVY: 40 },
    },
  });
  control = new SandboxControl(sandbox.url);
  saveDrafts();
});

function saveDrafts(): void {
  const { db } = openDatabase(databaseFile(dataDir));
  createServices({ db }).drafts.importFile({ version: 1, series }, { dryRun: false });
  db.close();
}

/** The planner adds a few attendees to one series between two syncs. */
function addAttendees(round: number): void {
  const target = series[round % series.length] as { key: string; attendees: Record<string, unknown>[] };
  for (let i = 0; i < 7; i += 1) {
    const email = `late${String(round)}-${String(i)}@example.com`;
    target.attendees.push(target.key === 'training' ? { email, occurrences: [2, 4] } : { email });
  }
}

const attendeesOf = (key: string) => (series.find((s) => s.key === key) as { attendees: unknown[] }).attendees.length;
afterAll(async () => {
  await sandbox.close();
  dir.remove();
});

/** Runs one sync process; kills it with SIGKILL after `killAfterMs` unless it finishes first. */
function runSync(killAfterMs?: number): Promise<{ killed: boolean; output: string }> {
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
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (killAfterMs !== undefined && output === 'ready\n') setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ killed: true, output });
      else if (code === 0) resolve({ killed: false, output });
      else reject(new Error(`the sync process failed (${String(code)}): ${errors}`));
    });
  });
}

describe('exactly once through lost answers, 5xx and SIGKILL', () => {
  it(`leaves no duplicate and every draft whole after ${String(rounds)} killed syncs and a clean one`, async () => {
    let kills = 0;
    for (let round = 0; round < rounds; round += 1) {
      addAttendees(round);
      saveDrafts();
      const result = await runSync(Math.floor(Math.random() * 150));
      if (result.killed) kills += 1;
    }
    expect(kills).toBeGreaterThan(rounds / 2);
    await control.setFaults({ lostResponseRate: 0, serverErrorRate: 0, latencyMs: [0, 0] });
    const final = await runSync();
    const report = JSON.parse(final.output.split('\n')[1] ?? '{}') as { outcome: string; conflicts: number };
    const { db } = openDatabase(databaseFile(dataDir));
    const open = db.prepare('SELECT kind, subject, message FROM conflict').all();
    db.close();
    expect(open).toEqual([]);
    expect(report, JSON.stringify(report)).toMatchObject({ outcome: 'succeeded', conflicts: 0 });

    const data = sandbox.data;
    const own = data.events.filter((e) => e.hub_id === 'hub-sandbox-main');
    expect(own.map((e) => e.name).sort()).toEqual([
      'Engineering Team Weekly Standup',
      'Launch Party',
      'Training Course',
    ]);
    expect(own.every((e) => e.status === 'PUBLISHED')).toBe(true);
    for (const event of own) {
      expect(data.ticketTypes.filter((t) => t.event_id === event.event_id)).toHaveLength(1);
      expect(data.accessLinks.filter((l) => l.event_id === event.event_id)).toHaveLength(1);
    }
    const ticketsOf = (name: string) => {
      const event = own.find((e) => e.name === name);
      return data.tickets.filter((t) => t.event_id === event?.event_id);
    };
    // One ticket per registration: no registration ID twice, none missing.
    for (const [name, count] of [
      ['Engineering Team Weekly Standup', attendeesOf('standup')],
      ['Training Course', attendeesOf('training')],
      ['Launch Party', attendeesOf('launch')],
    ] as const) {
      const tickets = ticketsOf(name);
      expect(tickets).toHaveLength(count);
      expect(new Set(tickets.map((t) => t.external_ticket_id)).size).toBe(count);
    }
    // The trainees' chosen sessions, by Zoom's session IDs.
    const training = own.find((e) => e.name === 'Training Course');
    const trainingSessions = data.sessions.filter((s) => s.event_id === training?.event_id).map((s) => s.session_id);
    const trainee0 = ticketsOf('Training Course').find((t) => t.email === 'trainee0@example.com');
    expect(trainee0?.session_ids).toEqual([trainingSessions[0], trainingSessions[5]]);
    // The standup's occurrence changes: session 3 moved, session 7 cancelled.
    const standup = own.find((e) => e.name === 'Engineering Team Weekly Standup');
    const standupSessions = data.sessions.filter((s) => s.event_id === standup?.event_id);
    expect(standupSessions).toHaveLength(11);
    expect(standupSessions.map((s) => s.start_time)).toContain('2027-01-20T15:00:00Z');
    expect(standupSessions.map((s) => s.start_time)).not.toContain('2027-02-16T15:00:00Z');
    // Every request body fitted Zoom's OpenAPI document.
    expect(sandbox.requests.filter((r) => r.bodyIssues.length > 0)).toEqual([]);
    // And the next sync has nothing to send: it only reads each series back from Zoom.
    await control.clearRequests();
    const again = await runSync();
    expect(JSON.parse(again.output.split('\n')[1] ?? '{}')).toMatchObject({ outcome: 'succeeded', done: 0 });
    const reads = (await control.requests()).filter((r) => r.operationId !== undefined);
    const perSeries = ['getEventInfo', 'getEventTicketTypes', 'getEventAccessLinks', 'getTickets'];
    const expected = series.flatMap((one) =>
      one.event_type === 'SIMPLE_EVENT' ? perSeries : [...perSeries, 'getEventSessionList'],
    );
    expect(reads.map((r) => r.operationId).sort()).toEqual(expected.sort());
  }, 240_000);
});

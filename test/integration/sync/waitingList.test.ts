import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../../main/db/database';
import { startSandbox, type Sandbox } from '../../../main/sandbox/sandboxServer';
import { createServices } from '../../../main/services';
import { SandboxControl } from '../../support/sandbox';
import { bundleWorker } from '../../support/bundleWorker';
import { standupSeries } from '../../support/syncHarness';
import { makeTempDir } from '../../support/tempDir';

// Capacity and the waiting list against the sandbox over HTTP, synced by a real sync process.
// Session 3 of a workshop has two places; a cancellation frees one, the next person in line is
// registered on Zoom, and syncs killed with SIGKILL at each step of the way never register them
// twice nor lose them.

const dir = makeTempDir();
const dataDir = join(dir.path, 'data');
let workerFile: string;
let sandbox: Sandbox;
let control: SandboxControl;

const workshop = standupSeries(0, {
  key: 'workshop',
  name: 'Pottery Workshop',
  registration: { link_name: 'Pick your sessions', recurring_registration_option: 'multiple_sessions' },
  capacity: 3,
  session_capacities: [{ occurrence: 3, capacity: 2 }],
  attendees: [
    { email: 'rui@example.com', first_name: 'Rui', last_name: 'Costa', occurrences: [1, 3] },
    { email: 'mei@example.com', first_name: 'Mei', last_name: 'Chen', occurrences: [3] },
    { email: 'ana@example.com', first_name: 'Ana', last_name: 'Lima', occurrences: [3, 4] },
    { email: 'dev@example.com', first_name: 'Dev', last_name: 'Patel', occurrences: [5] },
    { email: 'eva@example.com', first_name: 'Eva', last_name: 'Berg', occurrences: [3] },
  ],
  publish: true,
});

/** Opens the data folder with the services every host runs, for one step of the test. */
function withServices<T>(work: (services: ReturnType<typeof createServices>) => T): T {
  const { db } = openDatabase(databaseFile(dataDir));
  try {
    return work(createServices({ db }));
  } finally {
    db.close();
  }
}

function seriesId(): string {
  return withServices((services) => services.stores.series.idForKey('workshop') ?? '');
}

function waitingEmails(): string[] {
  return withServices((services) =>
    services.attendees
      .list(seriesId())
      .filter((row) => row.waiting_place !== null)
      .sort((a, b) => (a.waiting_place ?? 0) - (b.waiting_place ?? 0))
      .map((row) => row.email),
  );
}

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

/** Zoom's tickets of the workshop by email, each with how many tickets the person holds. */
async function ticketsByEmail(): Promise<Map<string, number>> {
  const state = await control.state();
  const counts = new Map<string, number>();
  for (const ticket of state.tickets) counts.set(ticket.email, (counts.get(ticket.email) ?? 0) + 1);
  return counts;
}

beforeAll(async () => {
  workerFile = await bundleWorker('test/support/syncWorker.ts', 'syncWorker.mjs');
  sandbox = await startSandbox({ seed: 11 });
  control = new SandboxControl(sandbox.url);
});
afterAll(async () => {
  await sandbox.close();
  dir.remove();
});

describe('a waiting list per session', () => {
  it('registers who fits, keeps the rest waiting in order, and never sends them to Zoom', async () => {
    withServices((services) => services.drafts.importFile({ version: 1, series: [workshop] }, { dryRun: false }));
    expect(waitingEmails()).toEqual(['ana@example.com', 'eva@example.com']);
    const places = withServices((services) => services.attendees.places(seriesId()));
    expect(places.find((count) => count.pool === 3)).toEqual({ pool: 3, capacity: 2, taken: 2, waiting: 2 });

    const result = await runSync();
    expect(JSON.parse(result.output.split('\n')[1] ?? '{}')).toMatchObject({ outcome: 'succeeded', conflicts: 0 });
    expect(await ticketsByEmail()).toEqual(
      new Map([
        ['rui@example.com', 1],
        ['mei@example.com', 1],
        ['dev@example.com', 1],
      ]),
    );
  });

  it('moves a person up the list, and refuses someone who is not on it', () => {
    const id = seriesId();
    withServices((services) => {
      const eva = services.attendees.list(id).find((row) => row.email === 'eva@example.com');
      expect(services.attendees.moveWaiting(id, eva?.id ?? '', 1)).toEqual({ place: 1 });
      const rui = services.attendees.list(id).find((row) => row.email === 'rui@example.com');
      expect(() => services.attendees.moveWaiting(id, rui?.id ?? '', 1)).toThrow(/no longer on the waiting list/);
    });
    expect(waitingEmails()).toEqual(['eva@example.com', 'ana@example.com']);
    withServices((services) => {
      const ana = services.attendees.list(id).find((row) => row.email === 'ana@example.com');
      services.attendees.moveWaiting(id, ana?.id ?? '', 1);
    });
    expect(waitingEmails()).toEqual(['ana@example.com', 'eva@example.com']);
  });

  it('gives a freed place to the next person, says so before the sync, and registers them once across kills', async () => {
    const id = seriesId();
    withServices((services) => {
      const mei = services.attendees.list(id).find((row) => row.email === 'mei@example.com');
      services.attendees.remove(id, [mei?.id ?? '']);
      // The promotion and its registration were written in the one transaction of the removal.
      const ana = services.attendees.list(id).find((row) => row.email === 'ana@example.com');
      expect(ana).toMatchObject({ waiting_place: null, promoted: true, on_zoom: false });
      const pending = services.sync.pending().map((change) => change.sentence);
      expect(pending).toContain(
        'Register 1 person for "Pottery Workshop"; Ana Lima will be registered: a place freed in session 3',
      );
      const history = services.stores.history.list({ series_id: id, text: 'promotion' }).entries;
      expect(history.map((entry) => [entry.subject, entry.old, entry.new])).toContainEqual([
        'ana@example.com',
        'waiting, 1st, for session 3',
        'registered: a place freed in session 3',
      ]);
    });
    const plan = await withServicesAsync((services) => services.sync.plan());
    expect(plan.map((call) => call.what)).toContain(
      'registering 1 attendees; Ana Lima will be registered: a place freed in session 3',
    );
    expect(waitingEmails()).toEqual(['eva@example.com']);

    // Slow answers, and a sync killed at each step: after the delete, during the create, after it.
    await control.setFaults({ latencyMs: [40, 40] });
    let kills = 0;
    for (let killAfterMs = 60; kills < 4; killAfterMs += 90) {
      const result = await runSync(killAfterMs);
      if (!result.killed) break;
      kills += 1;
    }
    expect(kills).toBeGreaterThan(1);
    await control.setFaults({ latencyMs: [0, 0] });
    const final = await runSync();
    expect(JSON.parse(final.output.split('\n')[1] ?? '{}')).toMatchObject({ outcome: 'succeeded', conflicts: 0 });

    expect(await ticketsByEmail()).toEqual(
      new Map([
        ['rui@example.com', 1],
        ['ana@example.com', 1],
        ['dev@example.com', 1],
      ]),
    );
    const anaTicket = (await control.state()).tickets.find((ticket) => ticket.email === 'ana@example.com');
    expect(anaTicket?.session_ids?.length).toBe(2);
    expect(waitingEmails()).toEqual(['eva@example.com']);
  }, 60_000);

  it('lets a raised capacity take the next person; a lowered one removes nobody', async () => {
    const id = seriesId();
    withServices((services) => {
      const draft: Record<string, unknown> = { ...services.drafts.get(id, { withAttendees: false }).draft };
      delete draft.attendees;
      services.drafts.saveDetails(id, { ...draft, session_capacities: [{ occurrence: 3, capacity: 1 }] });
      expect(services.attendees.places(id).find((count) => count.pool === 3)).toEqual({
        pool: 3,
        capacity: 1,
        taken: 2,
        waiting: 1,
      });
      services.drafts.saveDetails(id, { ...draft, session_capacities: [{ occurrence: 3, capacity: 3 }] });
    });
    expect(waitingEmails()).toEqual([]);
    await runSync();
    expect((await ticketsByEmail()).get('eva@example.com')).toBe(1);
    expect((await ticketsByEmail()).size).toBe(4);
  });
});

describe('registrations made on Zoom', () => {
  it('take places, even beyond the capacity, and free them when cancelled there', async () => {
    const id = seriesId();
    const state = await control.state();
    const eventId = state.events.find((event) => event.name === 'Pottery Workshop')?.event_id ?? '';
    const sessionThree = state.sessions
      .filter((session) => session.event_id === eventId)
      .sort((a, b) => a.start_time.localeCompare(b.start_time))[2];
    const registered = await control.edit({
      kind: 'register',
      event_id: eventId,
      email: 'walk-in@example.com',
      session_ids: [sessionThree?.session_id ?? ''],
    });
    expect(registered.status).toBe(201);
    await runSync();
    // Rui, Ana, Eva and the walk-in: one more than session 3's three places, and nobody removed.
    withServices((services) => {
      expect(services.attendees.places(id).find((count) => count.pool === 3)).toEqual({
        pool: 3,
        capacity: 3,
        taken: 4,
        waiting: 0,
      });
      services.attendees.save(id, undefined, { email: 'late@example.com', occurrences: [3] });
      // A fourth place: the walk-in has taken it already.
      const draft: Record<string, unknown> = { ...services.drafts.get(id, { withAttendees: false }).draft };
      delete draft.attendees;
      services.drafts.saveDetails(id, { ...draft, session_capacities: [{ occurrence: 3, capacity: 4 }] });
    });
    expect(waitingEmails()).toEqual(['late@example.com']);

    const walkIn = (await control.state()).tickets.find((ticket) => ticket.email === 'walk-in@example.com');
    await control.edit({ kind: 'delete-ticket', event_id: eventId, ticket_id: walkIn?.ticket_id ?? '' });
    await runSync();
    expect(waitingEmails()).toEqual([]);
    const tickets = await ticketsByEmail();
    expect(tickets.get('late@example.com')).toBe(1);
    expect(tickets.has('walk-in@example.com')).toBe(false);
  });
});

async function withServicesAsync<T>(work: (services: ReturnType<typeof createServices>) => Promise<T>): Promise<T> {
  const { db } = openDatabase(databaseFile(dataDir));
  const services = createServices({ db });
  try {
    return await work(services);
  } finally {
    await services.close();
    db.close();
  }
}

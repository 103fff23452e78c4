import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../../main/db/database';
import { removedRegistrantRefusal } from '../../../main/sandbox/sandboxOperations';
import { createServices } from '../../../main/services';
import { bundleWorker } from '../../support/bundleWorker';
import { sandboxHarness, type SandboxHarness } from '../../support/sandbox';
import { standupSeries } from '../../support/syncHarness';
import { makeTempDir } from '../../support/tempDir';

// Changing an attendee's sessions: Zoom cannot change a ticket's sessions, so the ticket is deleted
// and made again. Exactly once with the sync process killed between the delete and the create, and
// after the create before Cadence records it; a refusal of the new ticket is a conflict on the person.
const dir = makeTempDir();
const dataDir = join(dir.path, 'data');
let workerFile: string;
let h: SandboxHarness;
let db: ReturnType<typeof openDatabase>['db'];
let services: ReturnType<typeof createServices>;
let seriesId: string;

beforeAll(async () => {
  workerFile = await bundleWorker('test/support/stepKillWorker.ts', 'stepKillWorker.mjs');
  h = await sandboxHarness({ faults: { rateLimits: { LIGHT: 80, MEDIUM: 60, HEAVY: 40 } } });
  db = openDatabase(databaseFile(dataDir)).db;
  services = createServices({ db, zoom: () => Promise.resolve(h.client) });
  const imported = services.drafts.importFile(
    {
      version: 1,
      series: [
        {
          ...standupSeries(0, { key: 'training', name: 'Training' }),
          registration: { link_name: 'Pick', recurring_registration_option: 'multiple_sessions' },
          attendees: [
            { email: 'a@example.com', occurrences: [1, 2] },
            { email: 'b@example.com', occurrences: [3] },
          ],
        },
      ],
    },
    { dryRun: false },
  );
  seriesId = imported.series[0]?.id ?? '';
  expect((await services.sync.run()).outcome).toBe('succeeded');
});
afterAll(async () => {
  await services.close();
  await h.close();
  db.close();
  dir.remove();
});

/** Runs one sync in its own process, which kills itself once Zoom answered `killAfter`. */
function syncKilledAfter(killAfter: string): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [workerFile], {
      env: {
        ...process.env,
        CADENCE_SYNC_DATA_DIR: dataDir,
        CADENCE_ZOOM_API_URL: h.sandbox.apiUrl,
        CADENCE_ZOOM_OAUTH_URL: h.sandbox.oauthUrl,
        CADENCE_KILL_AFTER: killAfter,
      },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve(signal));
  });
}

const attendeeId = (email: string) => services.attendees.list(seriesId).find((row) => row.email === email)?.id ?? '';
const choose = (email: string, occurrences: number[]) =>
  services.attendees.save(seriesId, attendeeId(email), { email, occurrences });
const sessionIds = (occurrences: number[]) => {
  const sessions = [...h.sandbox.data.sessions].sort((x, y) => x.start_time.localeCompare(y.start_time));
  return occurrences.map((n) => sessions[n - 1]?.session_id);
};
const ticketsOf = (email: string) => h.sandbox.data.tickets.filter((ticket) => ticket.email === email);
const sent = async (operationId: string) =>
  (await h.control.requests()).filter((request) => request.operationId === operationId && request.status < 400).length;
const openConflicts = () => services.conflicts.list().filter((conflict) => conflict.kind === 'ticket_refused');

describe('changing an attendee’s sessions', () => {
  it('never leaves the person without a ticket when the sync dies between the delete and the create', async () => {
    choose('a@example.com', [4, 5]);
    expect(await syncKilledAfter('deleteTicket')).toBe('SIGKILL');
    expect(ticketsOf('a@example.com')).toHaveLength(0);
    await h.control.clearRequests();
    expect((await services.sync.run()).outcome).toBe('succeeded');
    expect(ticketsOf('a@example.com').map((ticket) => ticket.session_ids)).toEqual([sessionIds([4, 5])]);
    expect(await sent('deleteTicket')).toBe(0);
    expect(await sent('createTickets')).toBe(1);
    expect(ticketsOf('b@example.com').map((ticket) => ticket.session_ids)).toEqual([sessionIds([3])]);
  });

  it('keeps the ticket a lost create made instead of making a second one', async () => {
    choose('a@example.com', [6]);
    expect(await syncKilledAfter('createTickets')).toBe('SIGKILL');
    const made = ticketsOf('a@example.com');
    expect(made.map((ticket) => ticket.session_ids)).toEqual([sessionIds([6])]);
    await h.control.clearRequests();
    expect((await services.sync.run()).outcome).toBe('succeeded');
    expect(ticketsOf('a@example.com')).toEqual(made);
    expect(await sent('createTickets')).toBe(0);
    expect(await sent('deleteTicket')).toBe(0);
    expect(services.attendees.list(seriesId).find((row) => row.email === 'a@example.com')).toMatchObject({
      occurrences: [6],
      on_zoom: true,
    });
  });

  it('shows Zoom’s refusal of the new ticket on the person; keep mine tries again', async () => {
    await h.control.setFaults({ blockRemovedRegistrants: true });
    choose('a@example.com', [8]);
    expect((await services.sync.run()).conflicts).toBe(1);
    const [conflict] = openConflicts();
    expect(conflict).toMatchObject({
      target: { item: 'registration', operation: 'ticket.update', email: 'a@example.com' },
      subject: 'a@example.com',
      local: { occurrences: [8] },
      remote: { email: 'a@example.com', message: removedRegistrantRefusal },
    });
    expect(conflict?.message).toContain(removedRegistrantRefusal);
    expect(ticketsOf('a@example.com')).toHaveLength(0);
    // Nothing else is lost: the person's row and choice stay, and the others keep their tickets.
    expect(services.attendees.list(seriesId).find((row) => row.email === 'a@example.com')?.occurrences).toEqual([8]);
    expect(ticketsOf('b@example.com')).toHaveLength(1);
    await h.control.setFaults({ blockRemovedRegistrants: false });
    services.conflicts.resolve(conflict?.id ?? 0, 'local');
    expect((await services.sync.run()).outcome).toBe('succeeded');
    expect(ticketsOf('a@example.com').map((ticket) => ticket.session_ids)).toEqual([sessionIds([8])]);
    expect(openConflicts()).toHaveLength(0);
  });

  it('drops a refused change: the person goes back to their sessions and is registered for them', async () => {
    await h.control.setFaults({ blockRemovedRegistrants: true });
    choose('b@example.com', [9]);
    expect((await services.sync.run()).conflicts).toBe(1);
    const [conflict] = openConflicts();
    expect(ticketsOf('b@example.com')).toHaveLength(0);
    await h.control.setFaults({ blockRemovedRegistrants: false });
    expect(services.conflicts.resolve(conflict?.id ?? 0, 'remote')).toMatchObject({ can_undo: true });
    expect(services.attendees.list(seriesId).find((row) => row.email === 'b@example.com')?.occurrences).toEqual([3]);
    expect((await services.sync.run()).outcome).toBe('succeeded');
    expect(ticketsOf('b@example.com').map((ticket) => ticket.session_ids)).toEqual([sessionIds([3])]);
    expect(openConflicts()).toHaveLength(0);
  });

  it('changes the sessions of someone who registered on Zoom’s page: one ticket for the new sessions, and they stay', async () => {
    const eventId = services.stores.outbox.zoomState(seriesId).eventId ?? '';
    await h.control.edit({
      kind: 'register',
      event_id: eventId,
      email: 'zoe@example.com',
      session_ids: sessionIds([2]).map(String),
    });
    // The next sync's read-back brings her in, linked to the ticket Zoom made without Cadence's ID.
    expect((await services.sync.run()).outcome).toBe('succeeded');
    expect(services.attendees.list(seriesId).find((row) => row.email === 'zoe@example.com')).toMatchObject({
      origin: 'zoom',
      occurrences: [2],
      on_zoom: true,
    });

    choose('zoe@example.com', [3]);
    expect((await services.sync.run()).outcome).toBe('succeeded');
    expect(ticketsOf('zoe@example.com').map((ticket) => ticket.session_ids)).toEqual([sessionIds([3])]);
    // Later syncs read her one ticket back and keep her as she is.
    expect((await services.sync.run()).outcome).toBe('succeeded');
    expect((await services.sync.run()).outcome).toBe('succeeded');
    expect(services.attendees.list(seriesId).find((row) => row.email === 'zoe@example.com')).toMatchObject({
      occurrences: [3],
      on_zoom: true,
    });
    expect(ticketsOf('zoe@example.com').map((ticket) => ticket.session_ids)).toEqual([sessionIds([3])]);
  });
});

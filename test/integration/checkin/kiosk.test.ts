import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core';
import { CheckInListStore } from '../../../main/db/checkInListStore';
import { databaseFile, openDatabase } from '../../../main/db/database';
import { makeTempDir } from '../../support/tempDir';

// The kiosk through main's real router, as every host reaches it; its lock is kept in the data folder.
const offline = () => Promise.resolve(false);
let dir: ReturnType<typeof makeTempDir>;
let core: Core;

function start(): Core {
  return createCore({ dataDir: join(dir.path, 'data'), host: 'serve', version: '0.0.0', probe: offline });
}

/** A downloaded event with two sessions; Ana has a ticket for the first only. */
function downloadSummit(): void {
  const { db } = openDatabase(databaseFile(join(dir.path, 'data')));
  const ticket = (ticketId: string, sessionId: string | null) => ({ ticketId, sessionId, qrCodeUrl: null });
  const session = (n: number) => ({
    sessionId: `s${String(n)}`,
    position: n,
    name: 'Summit',
    startTime: `2027-03-0${String(n)}T09:00:00Z`,
    endTime: `2027-03-0${String(n)}T17:00:00Z`,
  });
  const person = (email: string, firstName: string, tickets: ReturnType<typeof ticket>[]) => ({
    email,
    firstName,
    lastName: 'Example',
    organisation: '',
    ticketType: 'Pass',
    tickets,
  });
  const base = {
    seriesId: null,
    timezone: 'UTC',
    attendanceType: 'IN_PERSON' as const,
    downloadedAt: '2027-03-01T08:00:00Z',
  };
  const list = new CheckInListStore(db);
  list.replace({
    ...base,
    eventId: 'summit',
    name: 'Summit',
    sessions: [session(1), session(2)],
    registrants: [
      person('ana@example.com', 'Ana', [ticket('T1', 's1')]),
      person('ben@example.com', 'Ben', [ticket('T2', null)]),
    ],
  });
  list.replace({
    ...base,
    eventId: 'gala',
    name: 'Gala',
    sessions: [],
    registrants: [person('ana@example.com', 'Ana', [])],
  });
  db.close();
}

async function call(channel: string, payload: unknown = {}) {
  return core.router.dispatch(channel, payload);
}

async function value(channel: string, payload: unknown = {}): Promise<unknown> {
  const answer = await call(channel, payload);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value;
}

const locked = {
  ok: false,
  error: { code: 'locked', message: 'Cadence is locked to self check-in; leave it with the PIN.', issues: [] },
};

beforeEach(() => {
  dir = makeTempDir();
  core = start();
  downloadSummit();
});
afterEach(async () => {
  await core.close();
  dir.remove();
});

describe('the kiosk', () => {
  it('cannot lock before a PIN is set', async () => {
    const answer = await call('checkin.lockKiosk', { scope: { eventId: 'summit', sessionId: 's1' } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: 'scope' }] } });
  });

  it('keeps the PIN only as a salted hash, never in the database, the log or an answer', async () => {
    const settings = await value('checkin.setKioskPin', { pin: '482913' });
    expect(settings).toMatchObject({ kioskPinSet: true });
    expect(JSON.stringify(settings)).not.toContain('482913');
    await value('checkin.lockKiosk', { scope: { eventId: 'summit', sessionId: 's1' } });
    await value('checkin.unlockKiosk', { pin: '000000' });
    await core.close();
    for (const file of [databaseFile(join(dir.path, 'data')), join(dir.path, 'data', 'logs', 'cadence.log')]) {
      expect(readFileSync(file).includes('482913')).toBe(false);
    }
    core = start();
  });

  it('while locked answers only what self check-in needs, held to its event and session, across restarts', async () => {
    await value('checkin.setKioskPin', { pin: '4829' });
    expect(await value('checkin.lockKiosk', { scope: { eventId: 'summit', sessionId: 's1' } })).toEqual({
      locked: true,
      scope: { eventId: 'summit', sessionId: 's1' },
      retryAfter: null,
    });
    await core.close();
    core = start();

    expect(await call('drafts.list')).toEqual(locked);
    expect(await call('checkin.exportCsv', { eventId: 'summit' })).toEqual(locked);
    expect(await call('checkin.changeSettings', { desk: 'Elsewhere' })).toEqual(locked);
    expect(await call('checkin.setKioskPin', { pin: '1111' })).toEqual(locked);
    expect(await call('zoom.status')).toEqual(locked);
    expect(await value('checkin.kiosk')).toMatchObject({ locked: true });
    expect(await value('app.info')).toMatchObject({ host: 'serve' });

    // Whatever the page asks, the search and the check-in are the kiosk's session.
    const found = await value('checkin.search', { eventId: 'gala', sessionId: null, query: 'ana' });
    expect(found).toMatchObject({ total: 1, people: [{ email: 'ana@example.com', admitted: true }] });
    const recorded = (await value('checkin.record', {
      eventId: 'gala',
      sessionId: null,
      who: { kind: 'person', email: 'ana@example.com' },
    })) as { outcome: string; checkIn: { id: string; eventId: string; sessionId: string } };
    expect(recorded).toMatchObject({ outcome: 'checked_in', checkIn: { eventId: 'summit', sessionId: 's1' } });

    // No walk-ins at a kiosk: a stranger cannot check themselves in.
    const stranger = await value('checkin.record', {
      eventId: 'summit',
      sessionId: 's1',
      who: { kind: 'walk_in', email: 'stranger@example.com', firstName: 'Sam' },
    });
    expect(stranger).toMatchObject({ outcome: 'not_registered', checkIn: null });

    // Only the kiosk's own last check-in can be taken back.
    const ben = (await value('checkin.record', {
      eventId: 'summit',
      sessionId: 's1',
      who: { kind: 'person', email: 'ben@example.com' },
    })) as { checkIn: { id: string } };
    expect(await call('checkin.undo', { checkInId: recorded.checkIn.id })).toEqual(locked);
    expect(await value('checkin.undo', { checkInId: ben.checkIn.id })).toEqual({ undone: true });

    expect(await value('checkin.unlockKiosk', { pin: '4829' })).toEqual({
      locked: false,
      scope: null,
      retryAfter: null,
    });
    expect(await call('drafts.list')).toEqual({ ok: true, value: [] });
  });

  it('after 5 wrong PINs waits 30 s before the next try, even across a restart', async () => {
    await value('checkin.setKioskPin', { pin: '4829' });
    await value('checkin.lockKiosk', { scope: { eventId: 'summit', sessionId: null } });
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(await value('checkin.unlockKiosk', { pin: '0000' })).toMatchObject({ locked: true, retryAfter: null });
    }
    const before = Date.now();
    const fifth = (await value('checkin.unlockKiosk', { pin: '0000' })) as { locked: boolean; retryAfter: string };
    const after = Date.now();
    expect(fifth.locked).toBe(true);
    // 30 s from the moment the fifth try was refused (within the call, slow under load), up to the next whole second.
    expect(Date.parse(fifth.retryAfter)).toBeGreaterThanOrEqual(before + 30_000);
    expect(Date.parse(fifth.retryAfter)).toBeLessThanOrEqual(after + 31_000);

    await core.close();
    core = start();
    // The right PIN during the wait is not even tried.
    expect(await value('checkin.unlockKiosk', { pin: '4829' })).toMatchObject({
      locked: true,
      retryAfter: fifth.retryAfter,
    });

    // Thirty seconds on (the stored wait moved into the past), the right PIN opens it.
    const { db } = openDatabase(databaseFile(join(dir.path, 'data')));
    db.prepare("UPDATE checkin_settings SET kiosk_retry_after = '2020-01-01T00:00:00Z'").run();
    db.close();
    expect(await value('checkin.unlockKiosk', { pin: '4829' })).toEqual({
      locked: false,
      scope: null,
      retryAfter: null,
    });
  });
});

describe('check-in settings', () => {
  it("start from this computer's name and the defaults, and change one by one", async () => {
    const settings = (await value('checkin.settings')) as { desk: string };
    expect(settings).toMatchObject({
      listOnlyWhenSearching: false,
      badgeLayout: 'name_organisation_ticket',
      badgeSize: '4x3in',
      uploadAutomatically: true,
      kioskPinSet: false,
    });
    expect(settings.desk.length).toBeGreaterThan(0);
    expect(settings.desk.length).toBeLessThanOrEqual(40);
    expect(await value('checkin.changeSettings', { desk: 'Door B', listOnlyWhenSearching: true })).toMatchObject({
      desk: 'Door B',
      listOnlyWhenSearching: true,
      badgeSize: '4x3in',
    });
    expect(await call('checkin.changeSettings', { desk: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'desk', message: 'The desk name cannot be empty.' }] },
    });
  });

  it('name the desk in what is recorded, and count per desk, per session and per quarter hour', async () => {
    await value('checkin.changeSettings', { desk: 'Door B' });
    await value('checkin.record', {
      eventId: 'summit',
      sessionId: 's1',
      who: { kind: 'person', email: 'ana@example.com' },
    });
    await value('checkin.record', {
      eventId: 'summit',
      sessionId: 's2',
      who: { kind: 'person', email: 'ben@example.com' },
      desk: 'Door C',
    });
    const numbers = (await value('checkin.numbers', { eventId: 'summit', sessionId: null })) as {
      overTime: { from: string; checkedIn: number }[];
    };
    expect(numbers).toMatchObject({
      counts: { registered: 2, checkedIn: 2, waiting: 2, refused: 0 },
      sessions: [
        { sessionId: 's1', position: 1, registered: 2, checkedIn: 1 },
        { sessionId: 's2', position: 2, registered: 1, checkedIn: 1 },
      ],
      desks: [
        { desk: 'Door B', checkedIn: 1, waiting: 1, refused: 0 },
        { desk: 'Door C', checkedIn: 1, waiting: 1, refused: 0 },
      ],
    });
    expect(numbers.overTime).toHaveLength(1);
    expect(Date.parse(numbers.overTime[0]?.from ?? '') % 900_000).toBe(0);
    const status = (await value('checkin.status')) as { desk: string; events: { eventId: string; counts: unknown }[] };
    expect(status.desk).toBe('Door B');
    expect(status.events.find((event) => event.eventId === 'summit')?.counts).toEqual({
      registered: 2,
      checkedIn: 2,
      waiting: 2,
      refused: 0,
    });
  });
});

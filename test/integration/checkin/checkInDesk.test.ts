import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../../main/db/database';
import { badgeQrCodeUrl } from '../../../main/sandbox/sandboxOperations';
import { createServices } from '../../../main/services';
import { CadenceError } from '../../../shared/errors';
import { syncHarness } from '../../support/syncHarness';
import { makeTempDir } from '../../support/tempDir';
import { summitSeries } from './checkInSeries';

// The desk against the sandbox over HTTP, with a real SQLite file: download, find, record, undo.
// Planned before the summit, checked in at its first session (10:42:07 in New York).
const atTheDoor = () => Date.parse('2027-01-05T15:42:07Z');
const clock = { now: atTheDoor };
let h: Awaited<ReturnType<typeof syncHarness>>;
let seriesId: string;

beforeEach(async () => {
  clock.now = () => Date.parse('2027-01-01T09:00:00Z');
  h = await syncHarness({ clock: () => clock.now() }, { now: () => clock.now() });
  seriesId = h.importSeries([summitSeries()]).series[0]?.id ?? '';
  await h.services.sync.run();
  clock.now = atTheDoor;
});
afterEach(async () => {
  await h.close();
});

function zoomEventId(): string {
  const event = h.sandbox.sandbox.data.events.find((candidate) => candidate.name === 'Spring Summit');
  return event?.event_id ?? '';
}

async function failure(work: () => unknown): Promise<CadenceError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof CadenceError) return error;
    throw error;
  }
  throw new Error('expected a CadenceError');
}

describe('downloading an event for check-in', () => {
  it("by series: the event, its sessions in order, and each person with Cadence's names and their sessions", async () => {
    await h.sandbox.control.clearRequests();
    const event = await h.services.checkIn.download({ seriesId });
    expect(event).toMatchObject({
      eventId: zoomEventId(),
      seriesId,
      name: 'Spring Summit',
      timezone: 'America/New_York',
      attendanceType: 'IN_PERSON',
      downloadedAt: '2027-01-05T15:42:07Z',
      lastUploadAt: null,
      counts: { registered: 3, checkedIn: 0, waiting: 0, refused: 0 },
    });
    expect(event.sessions.map((session) => session.position)).toEqual(
      Array.from({ length: event.sessions.length }, (_, i) => i + 1),
    );
    const registrantPages = (await h.sandbox.control.requests()).filter((r) => r.operationId === 'getRegistrants');
    expect(registrantPages.map((r) => r.path)).toEqual([expect.stringContaining('page_size=300')]);

    const { people } = h.services.checkIn.service.search({
      eventId: event.eventId,
      sessionId: event.sessions[2]?.sessionId ?? null,
      query: 'mull',
      limit: 50,
    });
    expect(people).toEqual([
      expect.objectContaining({
        email: 'Anna.Muller@example.com',
        firstName: 'Anna',
        lastName: 'Müller',
        organisation: 'Acme',
        ticketType: 'Team Member Pass',
        sessionIds: [event.sessions[0]?.sessionId, event.sessions[1]?.sessionId],
        admitted: false,
        checkIn: null,
      }),
    ]);
  });

  it('by series not yet on Zoom: refused, naming the series field', async () => {
    clock.now = () => Date.parse('2027-01-01T09:00:00Z');
    const fresh = h.importSeries([{ ...summitSeries([]), key: 'autumn', name: 'Autumn Fair' }]).series[0]?.id ?? '';
    const error = await failure(() => h.services.checkIn.download({ seriesId: fresh }));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('“Autumn Fair” is not on Zoom yet: sync it first, then download its registrants.');
    expect(error.issues).toEqual([{ path: 'from.seriesId', message: 'This series is not on Zoom yet.' }]);
  });

  it("by Zoom event ID on a laptop without the series: names from Zoom's answer, no organisation", async () => {
    const dir = makeTempDir();
    const { db } = openDatabase(databaseFile(join(dir.path, 'other')));
    const other = createServices({ db, zoom: () => Promise.resolve(h.sandbox.client) });
    try {
      const event = await other.checkIn.download({ eventId: zoomEventId() });
      expect(event).toMatchObject({ seriesId: null, name: 'Spring Summit', counts: { registered: 3 } });
      const found = other.checkIn.service.search({ eventId: event.eventId, sessionId: null, query: 'chlo', limit: 5 });
      expect(found.people).toEqual([
        expect.objectContaining({ email: 'chloe@example.org', firstName: 'Chloé', organisation: '', ticketType: '' }),
      ]);
    } finally {
      await other.close();
      db.close();
      dir.remove();
    }
  });

  it("by Zoom event ID of a series Cadence has: the series' own names", async () => {
    const event = await h.services.checkIn.download({ eventId: zoomEventId() });
    expect(event.seriesId).toBe(seriesId);
    const found = h.services.checkIn.service.search({
      eventId: event.eventId,
      sessionId: null,
      query: 'acme',
      limit: 5,
    });
    expect(found.total).toBe(0);
    const anna = h.services.checkIn.service.search({
      eventId: event.eventId,
      sessionId: null,
      query: 'anna',
      limit: 5,
    });
    expect(anna.people[0]).toMatchObject({ organisation: 'Acme', ticketType: 'Team Member Pass' });
  });

  it('by a Zoom event ID Zoom does not know: refused, naming the field, and nothing kept', async () => {
    const error = await failure(() => h.services.checkIn.download({ eventId: 'e-nowhere' }));
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('Zoom has no event e-nowhere that this account can open.');
    expect(error.issues[0]?.path).toBe('from.eventId');
    expect(h.services.checkIn.overview.events()).toEqual([]);
  });

  it('again: the list is replaced, the check-ins recorded here are kept', async () => {
    const event = await h.services.checkIn.download({ seriesId });
    const recorded = h.services.checkIn.service.record({
      eventId: event.eventId,
      sessionId: null,
      who: { kind: 'person', email: 'bob@example.com' },
      desk: 'Door A',
    });
    clock.now = () => Date.parse('2027-01-05T16:00:00Z');
    const again = await h.services.checkIn.download({ seriesId });
    expect(again.downloadedAt).toBe('2027-01-05T16:00:00Z');
    expect(again.counts).toEqual({ registered: 3, checkedIn: 1, waiting: 1, refused: 0 });
    const bob = h.services.checkIn.service.search({ eventId: event.eventId, sessionId: null, query: 'bob', limit: 5 });
    expect(bob.people[0]?.checkIn?.id).toBe(recorded.checkIn?.id);
  });
});

describe('recording a check-in', () => {
  async function downloaded() {
    const event = await h.services.checkIn.download({ seriesId });
    const session = (position: number) => event.sessions[position - 1]?.sessionId ?? null;
    const record = (who: Parameters<typeof h.services.checkIn.service.record>[0]['who'], sessionId: string | null) =>
      h.services.checkIn.service.record({ eventId: event.eventId, sessionId, who, desk: 'Door A' });
    return { event, session, record };
  }

  it('green for a person on the list, amber with when and where the second time', async () => {
    const { record, session } = await downloaded();
    const first = record({ kind: 'person', email: 'anna.muller@example.com' }, session(1));
    expect(first).toMatchObject({
      outcome: 'checked_in',
      message: 'Checked in: Anna Müller',
      checkIn: { recordedAt: '2027-01-05T15:42:07Z', desk: 'Door A', origin: 'here', state: 'waiting', walkIn: false },
    });
    expect(first.checkIn?.id).toMatch(/^[0-9a-f-]{36}$/);
    clock.now = () => Date.parse('2027-01-05T15:50:00Z');
    const second = record({ kind: 'person', email: 'ANNA.MULLER@example.com' }, session(1));
    expect(second).toMatchObject({ outcome: 'already_checked_in', message: 'Already checked in at 10:42 at Door A' });
    expect(second.checkIn?.id).toBe(first.checkIn?.id);
  });

  it('red, and nothing recorded, for a session their tickets do not admit to', async () => {
    const { record, session, event } = await downloaded();
    const result = record({ kind: 'person', email: 'anna.muller@example.com' }, session(3));
    expect(result.outcome).toBe('no_ticket_for_session');
    expect(result.message).toMatch(/^Anna Müller has no ticket for session 3 \(/);
    expect(h.services.checkIn.overview.numbers({ eventId: event.eventId, sessionId: null }).counts.waiting).toBe(0);
  });

  it("checks in from a scanned badge's QR code, or a ticket ID inside a link; an unknown code records nothing", async () => {
    const { record, session } = await downloaded();
    const bobsTicket = h.sandbox.sandbox.data.tickets.find((ticket) => ticket.email === 'bob@example.com');
    const byQr = record({ kind: 'scan', text: badgeQrCodeUrl(bobsTicket?.ticket_id ?? '') }, session(3));
    expect(byQr).toMatchObject({ outcome: 'checked_in', person: { email: 'bob@example.com' } });
    const chloesTicket = h.sandbox.sandbox.data.tickets.find((ticket) => ticket.email === 'chloe@example.org');
    const inLink = record(
      { kind: 'scan', text: `https://tickets.example.com/t/${chloesTicket?.ticket_id ?? ''}?x=1` },
      session(3),
    );
    expect(inLink).toMatchObject({ outcome: 'checked_in', person: { email: 'chloe@example.org' } });
    const unknown = record({ kind: 'scan', text: 'https://zoom.us/qr?t=9&ein=nobody' }, session(3));
    expect(unknown).toEqual({
      outcome: 'not_registered',
      person: null,
      checkIn: null,
      message: 'Not registered: nobody on the list has this ticket.',
    });
  });

  it('records a walk-in not on the list in amber, and a walk-in on the list as a normal check-in', async () => {
    const { record, event } = await downloaded();
    const walkIn = record(
      { kind: 'walk_in', email: 'late@example.com', firstName: 'Lee', lastName: 'Late', organisation: 'Globex' },
      null,
    );
    expect(walkIn).toMatchObject({
      outcome: 'walk_in',
      person: { email: 'late@example.com', firstName: 'Lee', organisation: 'Globex' },
      checkIn: { walkIn: true, state: 'waiting' },
    });
    const listed = record(
      { kind: 'walk_in', email: 'bob@example.com', firstName: '', lastName: '', organisation: '' },
      null,
    );
    expect(listed).toMatchObject({ outcome: 'checked_in', checkIn: { walkIn: false } });
    const csv = h.services.checkIn.exportCsv(event.eventId);
    expect(csv.fileName).toBe('Spring Summit check-ins.csv');
    expect(csv.csv.split('\r\n')).toEqual([
      "email,first name,last name,organisation,session,checked in at,desk,state,Zoom's refusal",
      'late@example.com,Lee,Late,Globex,,2027-01-05T10:42:07-05:00,Door A,waiting,',
      "bob@example.com,Bob,O'Brien,,,2027-01-05T10:42:07-05:00,Door A,waiting,",
    ]);
  });

  it('undoes a waiting check-in, keeping it; a check-in sent to Zoom cannot be undone', async () => {
    const { record, event } = await downloaded();
    const first = record({ kind: 'person', email: 'bob@example.com' }, null);
    const id = first.checkIn?.id ?? '';
    expect(h.services.checkIn.service.undo(id)).toEqual({ undone: true });
    expect(h.services.checkIn.service.undo(id)).toEqual({ undone: false });
    expect(h.services.checkIn.checkIns.get(id)?.state).toBe('undone');
    const again = record({ kind: 'person', email: 'bob@example.com' }, null);
    expect(again.outcome).toBe('checked_in');
    h.db.prepare("UPDATE check_in SET state = 'uploaded' WHERE id = ?").run(again.checkIn?.id);
    const error = await failure(() => h.services.checkIn.service.undo(again.checkIn?.id ?? ''));
    expect(error.code).toBe('conflict');
    expect(error.issues).toEqual([{ path: 'checkInId', message: 'Sent to Zoom.' }]);
    expect(h.services.checkIn.exportCsv(event.eventId).csv.split('\r\n')).toHaveLength(2);
  });

  it('names the field when the event is not downloaded or the session is not its own', async () => {
    const { event } = await downloaded();
    const who = { kind: 'person' as const, email: 'bob@example.com' };
    const missing = await failure(() =>
      h.services.checkIn.service.record({ eventId: 'e-nowhere', sessionId: null, who }),
    );
    expect(missing.code).toBe('not_found');
    expect(missing.issues[0]?.path).toBe('eventId');
    const wrongSession = await failure(() =>
      h.services.checkIn.service.record({ eventId: event.eventId, sessionId: 's-nowhere', who }),
    );
    expect(wrongSession.issues[0]?.path).toBe('sessionId');
  });
});

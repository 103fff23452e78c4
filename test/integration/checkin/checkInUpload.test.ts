import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandboxHarness, type SandboxHarness } from '../../support/sandbox';
import { emailsSent, eventOnSandbox, openDesk, type Desk } from '../../support/checkInDesks';
import { makeTempDir } from '../../support/tempDir';

// Desks are data folders with real SQLite files; Zoom is the sandbox over HTTP.
let harness: SandboxHarness;
let dir: ReturnType<typeof makeTempDir>;
const desks: Desk[] = [];

beforeEach(async () => {
  harness = await sandboxHarness({ faults: { rateLimits: { LIGHT: 1000, MEDIUM: 1000, HEAVY: 1000 } } });
  dir = makeTempDir();
});
afterEach(async () => {
  await Promise.all(desks.splice(0).map((d) => d.close()));
  await harness.close();
  dir.remove();
});

function desk(name: string, event: { eventId: string; sessionIds?: string[] }): Desk {
  const opened = openDesk(dir.path, name, event, harness.clientWith({}));
  desks.push(opened);
  return opened;
}

async function patches() {
  return (await harness.control.requests()).filter((r) => r.checkInEmails !== undefined);
}

describe('check-in upload', () => {
  it('uploads 5,000 check-ins of one event in 17 requests, each person once', async () => {
    const event = eventOnSandbox(harness.sandbox.data, { people: 5000 });
    const door = desk('Door A', event);
    door.record(event.emails);
    await harness.control.clearRequests();

    const report = await door.services.checkInUploader.upload();

    expect(report).toMatchObject({ outcome: 'uploaded', uploaded: 5000, alreadyOnZoom: 0, refusals: [], waiting: 0 });
    const sent = await patches();
    expect(sent).toHaveLength(17);
    expect(Math.max(...sent.map((r) => r.checkInEmails?.length ?? 0))).toBe(300);
    expect([...emailsSent(sent).values()].every((n) => n === 1)).toBe(true);
    expect(emailsSent(sent).size).toBe(5000);
    expect(harness.sandbox.data.checkIns.filter((c) => c.event_id === event.eventId)).toHaveLength(5000);
    expect(harness.sandbox.data.checkIns[0]?.source).toMatch(/^Door A · [0-9a-f]{12}$/);
    expect([...door.checkIns().values()].every((c) => c.state === 'uploaded')).toBe(true);
    // Reading back: the event's list, 300 a page.
    expect(report.readBackRequests).toBe(17);
  });

  it('two desks that checked in overlapping people offline each upload; Zoom has everyone once and each desk sees the other', async () => {
    const event = eventOnSandbox(harness.sandbox.data, { people: 40 });
    const doorA = desk('Door A', event);
    const doorB = desk('Door B', event);
    doorA.record(event.emails.slice(0, 25));
    doorB.record(event.emails.slice(15, 40));

    const first = await doorA.services.checkInUploader.upload();
    const second = await doorB.services.checkInUploader.upload();
    const again = await doorA.services.checkInUploader.upload();

    expect(first).toMatchObject({ outcome: 'uploaded', uploaded: 25, refusals: [] });
    // Door B's ten people Door A had already: refused by Zoom as already checked in, done by Zoom's list.
    expect(second).toMatchObject({ outcome: 'uploaded', uploaded: 25, alreadyOnZoom: 10, refusals: [], waiting: 0 });
    expect(again.outcome).toBe('nothing_to_upload');
    const onZoom = harness.sandbox.data.checkIns.filter((c) => c.event_id === event.eventId).map((c) => c.email);
    expect(onZoom.toSorted()).toEqual(event.emails.toSorted());

    const seenByA = doorA.checkIns();
    expect(seenByA.size).toBe(40);
    expect(seenByA.get('guest30@example.com')).toEqual({ origin: 'elsewhere', state: 'uploaded', desk: 'Door B' });
    expect(seenByA.get('guest20@example.com')).toMatchObject({ origin: 'here', state: 'uploaded' });
    const seenByB = doorB.checkIns();
    expect(seenByB.get('guest3@example.com')).toEqual({ origin: 'elsewhere', state: 'uploaded', desk: 'Door A' });
    expect(seenByB.get('guest20@example.com')).toMatchObject({ origin: 'here', state: 'uploaded' });
  });

  it('a desk that downloads the list sees who came in at other desks, and its own record shows them as already checked in', async () => {
    const event = eventOnSandbox(harness.sandbox.data, { people: 30 });
    await harness.control.edit({
      kind: 'check-in-many',
      event_id: event.eventId,
      emails: event.emails.slice(0, 10),
      source: 'Door B · 4f2a9c',
    });
    await harness.control.edit({
      kind: 'check-in',
      event_id: event.eventId,
      email: 'guest10@example.com',
      source: 'Zoom app',
    });
    const client = harness.clientWith({});
    const door = openDesk(dir.path, 'Door A', undefined, client);
    desks.push(door);

    const downloaded = await door.services.checkIn.download({ eventId: event.eventId });

    expect(downloaded.counts).toMatchObject({ registered: 30, checkedIn: 11, waiting: 0 });
    expect(downloaded.lastCheckInsReadAt).not.toBeNull();
    const again = door.services.checkIn.service.record({
      eventId: event.eventId,
      sessionId: null,
      who: { kind: 'person', email: 'guest3@example.com' },
    });
    expect(again).toMatchObject({ outcome: 'already_checked_in', checkIn: { origin: 'elsewhere', desk: 'Door B' } });
    const fresh = door.services.checkIn.service.record({
      eventId: event.eventId,
      sessionId: null,
      who: { kind: 'person', email: 'guest20@example.com' },
    });
    expect(fresh.outcome).toBe('checked_in');
    const seen = door.checkIns(null, event.eventId);
    expect(seen.get('guest10@example.com')).toEqual({ origin: 'elsewhere', state: 'uploaded', desk: 'Zoom app' });

    const report = await door.services.checkInUploader.upload();
    expect(report).toMatchObject({ outcome: 'uploaded', uploaded: 1, alreadyOnZoom: 0, refusals: [], waiting: 0 });
    expect(harness.sandbox.data.checkIns.find((c) => c.email === 'guest20@example.com')?.source).toMatch(/^Door A · /);
  });

  it('ten desks upload at the same moment: nothing lost, nothing doubled', async () => {
    const event = eventOnSandbox(harness.sandbox.data, { people: 1000 });
    const all = Array.from({ length: 10 }, (_, i) => desk(`Door ${String(i)}`, event));
    // Each desk has its own 100 people and 20 it shares with the next desk.
    for (const [i, d] of all.entries())
      d.record(event.emails.slice(i * 100, i * 100 + 120 > 1000 ? 1000 : i * 100 + 120));

    const reports = await Promise.all(all.map((d) => d.services.checkInUploader.upload()));

    expect(reports.every((r) => r.outcome === 'uploaded' && r.refusals.length === 0 && r.waiting === 0)).toBe(true);
    const onZoom = harness.sandbox.data.checkIns.filter((c) => c.event_id === event.eventId).map((c) => c.email);
    expect(onZoom).toHaveLength(1000);
    expect(new Set(onZoom).size).toBe(1000);
    const local = all.flatMap((d) => [...d.checkIns().values()].filter((c) => c.origin === 'here'));
    expect(local).toHaveLength(1180);
    expect(local.every((c) => c.state === 'uploaded')).toBe(true);
  });

  it('an upload asked for while a read-back runs waits for it, then uploads; one asked during an upload joins it', async () => {
    const event = eventOnSandbox(harness.sandbox.data, { people: 10 });
    const door = desk('Door A', event);
    await harness.control.setFaults({ latencyMs: [200, 200] });
    const reading = door.services.checkInUploader.readBack(event.eventId);
    door.record(event.emails.slice(0, 4));
    const uploading = door.services.checkInUploader.upload(event.eventId);
    const joining = door.services.checkInUploader.upload(event.eventId);

    expect((await reading).outcome).toBe('nothing_to_upload');
    expect(await uploading).toMatchObject({ outcome: 'uploaded', uploaded: 4 });
    expect(await joining).toMatchObject({ outcome: 'uploaded', uploaded: 4 });
    expect((await patches()).length).toBe(1);
  });

  it('settles a batch whose answer was lost by listing Zoom, not by sending it again', async () => {
    const event = eventOnSandbox(harness.sandbox.data, { people: 10 });
    const door = desk('Door A', event);
    door.record(event.emails);
    await harness.control.clearRequests();
    await harness.control.setFaults({ loseNextResponses: 1 });

    const report = await door.services.checkInUploader.upload();

    expect(report).toMatchObject({ outcome: 'uploaded', uploaded: 10, alreadyOnZoom: 10, refusals: [], waiting: 0 });
    const sent = await patches();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.lost).toBe(true);
    const listings = (await harness.control.requests()).filter((r) => r.operationId === 'ListEventAttendeeActions');
    expect(listings.length).toBeGreaterThanOrEqual(1);
    expect(harness.sandbox.data.checkIns.filter((c) => c.event_id === event.eventId)).toHaveLength(10);
  });

  it('keeps each refusal with Zoom words; a session check-in goes to its session', async () => {
    const event = eventOnSandbox(harness.sandbox.data, { people: 3, sessions: 2 });
    const door = desk('Door A', event);
    const session = event.sessionIds[0] ?? '';
    door.record(['guest0@example.com', 'late.registration@example.com'], session);

    const report = await door.services.checkInUploader.upload();

    expect(report.outcome).toBe('refusals');
    expect(report.uploaded).toBe(1);
    expect(report.refusals).toEqual([
      expect.objectContaining({
        email: 'late.registration@example.com',
        sessionId: session,
        desk: 'Door A',
        message: 'User is not registered for this event.',
      }),
    ]);
    expect(door.checkIns(session).get('late.registration@example.com')?.state).toBe('refused');
    expect(harness.sandbox.data.checkIns.map((c) => [c.email, c.session_id])).toEqual([
      ['guest0@example.com', session],
    ]);
    // Refusals are not sent again.
    expect((await door.services.checkInUploader.upload()).outcome).toBe('nothing_to_upload');
  });

  it("keeps Zoom's words for each check-in of a batch Zoom refused whole (the event not published)", async () => {
    const event = eventOnSandbox(harness.sandbox.data, { people: 3 });
    const onZoom = harness.sandbox.data.events.find((e) => e.event_id === event.eventId);
    if (onZoom !== undefined) onZoom.status = 'DRAFT';
    const door = desk('Door A', event);
    door.record(event.emails);

    const report = await door.services.checkInUploader.upload();

    expect(report.outcome).toBe('refusals');
    expect(report.refusals.map((r) => [r.email, r.message])).toEqual(
      event.emails.map((email) => [email, 'Event is not published yet.']),
    );
    expect([...door.checkIns().values()].every((c) => c.state === 'refused')).toBe(true);
  });

  it("keeps Zoom's words when the session is gone from Zoom, and still reads the rest back", async () => {
    const event = eventOnSandbox(harness.sandbox.data, { people: 4, sessions: 2 });
    const [gone = '', kept = ''] = event.sessionIds;
    const door = desk('Door A', event);
    door.record(['guest0@example.com'], gone);
    door.record(['guest1@example.com'], kept);
    await harness.control.edit({
      kind: 'check-in',
      event_id: event.eventId,
      email: 'guest2@example.com',
      source: 'Door B · 1',
      session_id: kept,
    });
    await harness.control.edit({ kind: 'delete-session', event_id: event.eventId, session_id: gone });

    const report = await door.services.checkInUploader.upload();

    expect(report.outcome).toBe('refusals');
    expect(report.refusals).toEqual([
      expect.objectContaining({ email: 'guest0@example.com', sessionId: gone, message: 'Session not found.' }),
    ]);
    expect(door.checkIns(kept).get('guest1@example.com')?.state).toBe('uploaded');
    expect(door.checkIns(kept).get('guest2@example.com')).toEqual({
      origin: 'elsewhere',
      state: 'uploaded',
      desk: 'Door B',
    });
  });

  it('goes offline when Zoom takes more than 3 s to answer, and settles that batch by listing when Zoom is back', async () => {
    const event = eventOnSandbox(harness.sandbox.data, { people: 5 });
    const slow = desk('Door A', event);
    slow.record(event.emails);
    await harness.control.setFaults({ latencyMs: [3500, 3500] });
    const started = Date.now();

    const offline = await slow.services.checkInUploader.upload();

    // The batch waited 3 s for its answer, then Zoom's list 3 s more: the desk stops there, where
    // waiting for both answers would have taken 7 s and uploaded them (the states below say which).
    expect(Date.now() - started).toBeLessThan(9000);
    expect(offline).toMatchObject({ outcome: 'offline', uploaded: 0, waiting: 5 });
    expect([...slow.checkIns().values()].every((c) => c.state === 'sending')).toBe(true);
    await harness.control.setFaults({ latencyMs: [0, 0] });
    // The sandbox applied the batch after the desk stopped waiting: Zoom's list says so.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await harness.control.clearRequests();

    const back = await slow.services.checkInUploader.upload();

    expect(back).toMatchObject({ outcome: 'uploaded', uploaded: 5, alreadyOnZoom: 5, refusals: [], waiting: 0 });
    expect(await patches()).toEqual([]);
  });

  it('a laptop with no event downloaded and no account has nothing to read back, and asks Zoom nothing', async () => {
    const fresh = openDesk(dir.path, 'Door Z', undefined);
    desks.push(fresh);
    await harness.control.clearRequests();

    expect((await fresh.services.checkInUploader.readBack()).outcome).toBe('nothing_to_upload');
    expect((await fresh.services.checkInUploader.upload()).outcome).toBe('nothing_to_upload');
    expect(await harness.control.requests()).toEqual([]);
  });

  it('is offline with everything kept when Zoom does not answer', async () => {
    const event = eventOnSandbox(harness.sandbox.data, { people: 5 });
    const door = desk('Door A', event);
    door.record(event.emails);
    await harness.sandbox.close();

    const report = await door.services.checkInUploader.upload();

    expect(report).toMatchObject({ outcome: 'offline', uploaded: 0, waiting: 5 });
    expect([...door.checkIns().values()].every((c) => c.state === 'waiting')).toBe(true);
  });
});

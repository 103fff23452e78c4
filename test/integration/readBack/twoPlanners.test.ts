import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import { databaseFile, openDatabase } from '../../../main/db/database';
import { createServices, type Services } from '../../../main/services';
import { sandboxHarness, type SandboxHarness } from '../../support/sandbox';
import { standupSeries } from '../../support/syncHarness';
import { makeTempDir } from '../../support/tempDir';

// Two planners on two laptops: two data folders (two Cadence services, each its own SQLite file
// and Zoom client) against one sandbox, which is the only thing they share. A drafts and syncs,
// B opens the event from Zoom, both edit and sync in either order.

interface Laptop {
  services: Services;
  seriesId: string;
  close(): Promise<void>;
}

let sandbox: SandboxHarness;
let laptops: Laptop[];
let eventId: string;

function laptop(): Laptop {
  const dir = makeTempDir();
  const { db } = openDatabase(databaseFile(join(dir.path, 'data')));
  const client = sandbox.clientWith({});
  const services = createServices({ db, zoom: () => Promise.resolve(client) });
  const one: Laptop = {
    services,
    seriesId: '',
    async close() {
      await services.close();
      db.close();
      dir.remove();
    },
  };
  laptops.push(one);
  return one;
}

let a: Laptop;
let b: Laptop;

beforeEach(async () => {
  sandbox = await sandboxHarness();
  laptops = [];
  a = laptop();
  b = laptop();
  const imported = a.services.drafts.importFile(
    {
      version: 1,
      series: [standupSeries(2, { ticket_type: { name: 'Pass', free: true, quantity: 50, currency: 'USD' } })],
    },
    { dryRun: false },
  );
  a.seriesId = imported.series[0]?.id ?? '';
  expect((await a.services.sync.run()).outcome).toBe('succeeded');
  eventId = sandbox.sandbox.data.events.find((event) => event.hub_id === 'hub-sandbox-main')?.event_id ?? '';
  const report = await b.services.zoomOpener.open({ event_ids: [eventId] });
  expect(report.results).toMatchObject([{ outcome: 'opened' }]);
  b.seriesId = report.results[0]?.series_id ?? '';
});
afterEach(async () => {
  for (const one of laptops) await one.close();
  await sandbox.close();
});

const draftOf = (one: Laptop) => one.services.drafts.get(one.seriesId).draft;
function edit(one: Laptop, change: (draft: SeriesDraft) => SeriesDraft): void {
  one.services.drafts.save(one.seriesId, change(draftOf(one)));
}
function addAttendee(one: Laptop, email: string): void {
  one.services.attendees.save(one.seriesId, undefined, { email, first_name: email.split('@')[0] });
}
const zoomEvent = () => sandbox.sandbox.data.events.find((event) => event.event_id === eventId);
const ticketsOnZoom = () => sandbox.sandbox.data.tickets.filter((ticket) => ticket.event_id === eventId);
const sessionsOnZoom = () =>
  sandbox.sandbox.data.sessions
    .filter((session) => session.event_id === eventId)
    .sort((x, y) => Date.parse(x.start_time) - Date.parse(y.start_time));
const emailsOf = (one: Laptop) =>
  one.services.attendees
    .list(one.seriesId)
    .map((row) => row.email)
    .sort();
const occurrenceChanges = (one: Laptop) => {
  const draft = draftOf(one);
  return draft.event_type === 'RECURRING'
    ? [...draft.occurrence_changes].sort((x, y) => x.occurrence - y.occurrence)
    : [];
};
/** A sync that must write nothing to Zoom (it reads the series back, nothing more). */
async function expectSettled(one: Laptop): Promise<void> {
  await sandbox.control.clearRequests();
  expect(await one.services.sync.run()).toMatchObject({ outcome: 'succeeded', conflicts: 0, waiting: 0 });
  const writes = (await sandbox.control.requests()).filter((r) => r.method !== 'GET' && r.operationId !== undefined);
  expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  expect(one.services.conflicts.list()).toEqual([]);
}

it('B opens what A synced with nothing left to send: the same series on both laptops', async () => {
  expect(draftOf(b)).toMatchObject({
    name: draftOf(a).name,
    ticket_type: { name: 'Pass', quantity: 50 },
    registration: { link_name: draftOf(a).registration?.link_name },
  });
  expect(emailsOf(b)).toEqual(emailsOf(a));
  expect(b.services.attendees.list(b.seriesId).map((row) => row.origin)).toEqual(['planner', 'planner']);
  await expectSettled(b);
  await expectSettled(a);
});

describe.each([
  ['A syncs first', () => [a, b] as const],
  ['B syncs first', () => [b, a] as const],
])('both edit, %s', (_, order) => {
  it('a field both changed is a conflict for the second; the rest reaches Zoom and both laptops once', async () => {
    const [first, second] = order();
    const [firstSession] = sessionsOnZoom();
    if (firstSession === undefined) throw new Error('no sessions');
    // The same field on both laptops.
    edit(a, (draft) => ({ ...draft, name: 'Standup (A)' }));
    edit(b, (draft) => ({ ...draft, name: 'Standup (B)' }));
    // Different fields: A the description, B the ticket type's quantity.
    edit(a, (draft) => ({ ...draft, description: 'Written on A' }));
    edit(b, (draft) => ({ ...draft, ticket_type: draft.ticket_type && { ...draft.ticket_type, quantity: 20 } }));
    // Occurrences: A moves session 2, B cancels session 5.
    const moved = { start_time: '2027-01-12T17:00:00Z', end_time: '2027-01-12T17:30:00Z' };
    edit(a, (draft) =>
      draft.event_type === 'RECURRING'
        ? { ...draft, occurrence_changes: [{ occurrence: 2, action: 'move', ...moved }] }
        : draft,
    );
    edit(b, (draft) =>
      draft.event_type === 'RECURRING'
        ? { ...draft, occurrence_changes: [{ occurrence: 5, action: 'cancel' }] }
        : draft,
    );
    // Attendees: one each, and the same person on both.
    addAttendee(a, 'from-a@example.com');
    addAttendee(b, 'from-b@example.com');
    addAttendee(a, 'both@example.com');
    addAttendee(b, 'both@example.com');

    expect(await first.services.sync.run()).toMatchObject({ outcome: 'succeeded', conflicts: 0 });
    const firstName = draftOf(first).name;
    const secondName = draftOf(second).name;
    const report = await second.services.sync.run();
    expect(report).toMatchObject({ outcome: 'needs_attention', conflicts: 1 });
    expect(second.services.conflicts.list()).toMatchObject([
      { kind: 'event_fields', subject: 'name', local: { name: secondName }, remote: { name: firstName } },
    ]);
    expect(first.services.conflicts.list()).toEqual([]);

    // On Zoom: the first planner's name (nothing overwritten silently), everyone's other changes.
    expect(zoomEvent()).toMatchObject({ name: firstName, description: 'Written on A' });
    expect(sandbox.sandbox.data.ticketTypes.find((t) => t.event_id === eventId)).toMatchObject({ quantity: 20 });
    const sessions = sessionsOnZoom();
    expect(sessions).toHaveLength(11);
    expect(sessions.map((s) => s.start_time)).toContain(moved.start_time);
    const emails = ticketsOnZoom().map((t) => t.email);
    expect(emails.sort()).toEqual(
      [
        'both@example.com',
        'from-a@example.com',
        'from-b@example.com',
        'person0@example.com',
        'person1@example.com',
      ].sort(),
    );

    // The first planner's next sync takes what the second sent.
    expect(await first.services.sync.run()).toMatchObject({ outcome: 'succeeded', conflicts: 0 });
    for (const one of [a, b]) {
      expect(draftOf(one)).toMatchObject({ description: 'Written on A', ticket_type: { quantity: 20 } });
      expect(occurrenceChanges(one)).toEqual([
        { occurrence: 2, action: 'move', ...moved },
        { occurrence: 5, action: 'cancel' },
      ]);
      expect(emailsOf(one)).toEqual(emails);
    }
    expect(draftOf(first).name).toBe(firstName);
    expect(draftOf(second).name).toBe(secondName);

    // Settled: the second takes the first's name; nothing is left to send on either laptop.
    const [conflict] = second.services.conflicts.list();
    second.services.conflicts.resolve(conflict?.id ?? 0, 'remote');
    await expectSettled(second);
    await expectSettled(first);
    expect(draftOf(second).name).toBe(firstName);
    expect(zoomEvent()?.name).toBe(firstName);
    expect(ticketsOnZoom()).toHaveLength(5);
  });
});

it('someone registering on the registration page appears on both laptops after their next sync', async () => {
  await sandbox.control.edit({
    kind: 'register',
    event_id: eventId,
    email: 'walkup@example.com',
    first_name: 'Walk',
  });
  for (const one of [a, b]) {
    expect(await one.services.sync.run()).toMatchObject({ outcome: 'succeeded', conflicts: 0 });
    expect(one.services.attendees.list(one.seriesId).find((row) => row.email === 'walkup@example.com')).toMatchObject({
      origin: 'zoom',
      on_zoom: true,
      first_name: 'Walk',
    });
    await expectSettled(one);
  }
  expect(ticketsOnZoom().filter((t) => t.email === 'walkup@example.com')).toHaveLength(1);
});

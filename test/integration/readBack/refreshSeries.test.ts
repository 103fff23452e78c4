import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import { standupSeries, syncHarness } from '../../support/syncHarness';

// Refreshing a synced series from Zoom, on request: what changed on Zoom comes into the draft (and
// the next sync sends none of it back), what changed on both sides is a conflict, registrations
// made on Zoom become attendees. A real SQLite file, the real keychain, the sandbox over HTTP.
let h: Awaited<ReturnType<typeof syncHarness>>;
let seriesId: string;
let eventId: string;

beforeEach(async () => {
  h = await syncHarness();
  const imported = h.importSeries([
    standupSeries(3, { ticket_type: { name: 'Pass', free: true, quantity: 10, currency: 'USD' } }),
  ]);
  seriesId = imported.series[0]?.id ?? '';
  expect((await h.sync()).outcome).toBe('succeeded');
  eventId = h.sandbox.sandbox.data.events.find((e) => e.hub_id === 'hub-sandbox-main')?.event_id ?? '';
});
afterEach(async () => {
  await h.close();
});

const refresh = () => h.services.zoomRefresh.refresh(seriesId);
const draft = () => h.drafts.get(seriesId).draft;
const attendees = () => h.services.attendees.list(seriesId);
const ticketsOnZoom = () => h.sandbox.sandbox.data.tickets.filter((t) => t.event_id === eventId);
const sessionsOnZoom = () =>
  h.sandbox.sandbox.data.sessions
    .filter((s) => s.event_id === eventId)
    .sort((a, b) => Date.parse(a.start_time) - Date.parse(b.start_time));
function edit(change: (current: SeriesDraft) => SeriesDraft): void {
  h.drafts.save(seriesId, change(draft()));
}
/** A sync that must write nothing: only reads reach Zoom. */
async function expectNothingSent() {
  await h.sandbox.control.clearRequests();
  const report = await h.sync();
  expect(report.outcome).toBe('succeeded');
  const writes = (await h.sandbox.control.requests()).filter((r) => r.method !== 'GET' && !r.path.includes('oauth'));
  expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([]);
}

describe('event fields, ticket type and link', () => {
  it('takes what changed on Zoom only into the draft and the snapshot, so the next sync sends nothing', async () => {
    await h.sandbox.control.edit({ kind: 'update-event', event_id: eventId, fields: { description: 'Their words' } });
    const ticketTypeId = h.sandbox.sandbox.data.ticketTypes.find((t) => t.event_id === eventId)?.ticket_type_id ?? '';
    await h.sandbox.control.edit({
      kind: 'update-ticket-type',
      event_id: eventId,
      ticket_type_id: ticketTypeId,
      fields: { quantity: 25 },
    });
    const report = await refresh();
    expect(report).toMatchObject({ series_id: seriesId, changes: 2, conflicts: 0, is_gone: false });
    expect(draft()).toMatchObject({ description: 'Their words', ticket_type: { quantity: 25 } });
    expect(h.services.sync.pending()).toEqual([]);
    await expectNothingSent();
  });

  it('makes a field changed on both sides a conflict holding the waiting change; taking theirs settles it', async () => {
    await h.sandbox.control.edit({ kind: 'rename-event', event_id: eventId, name: 'Their name' });
    edit((current) => ({ ...current, name: 'My name', description: 'Mine only' }));
    const report = await refresh();
    expect(report).toMatchObject({ changes: 0, conflicts: 1 });
    const [conflict] = h.services.conflicts.list();
    expect(conflict).toMatchObject({
      kind: 'event_fields',
      subject: 'name',
      local: { name: 'My name' },
      remote: { name: 'Their name' },
    });
    expect(draft().name).toBe('My name');
    h.services.conflicts.resolve(conflict?.id ?? 0, 'remote');
    expect(draft()).toMatchObject({ name: 'Their name', description: 'Mine only' });
    expect((await h.sync()).outcome).toBe('succeeded');
    expect(h.sandbox.sandbox.data.events.find((e) => e.event_id === eventId)).toMatchObject({
      name: 'Their name',
      description: 'Mine only',
    });
  });

  it('says so when the event was cancelled or deleted on Zoom', async () => {
    await h.sandbox.control.edit({ kind: 'cancel-event', event_id: eventId });
    expect(await refresh()).toMatchObject({ is_gone: true, conflicts: 1 });
    expect(h.services.conflicts.list().map((c) => c.kind)).toEqual(['remote_cancelled']);
    await h.sandbox.control.edit({ kind: 'delete-event', event_id: eventId });
    expect(await refresh()).toMatchObject({ is_gone: true, conflicts: 1 });
    expect(h.services.conflicts.list().map((c) => c.kind)).toEqual(['remote_cancelled', 'remote_deleted']);
  });

  it('refuses a series that is not on Zoom yet, naming it', async () => {
    const imported = h.importSeries([standupSeries(0, { key: 'new', name: 'Not yet synced' })]);
    await expect(h.services.zoomRefresh.refresh(imported.series[0]?.id ?? '')).rejects.toThrow(
      /"Not yet synced" is not on Zoom yet/,
    );
  });
});

describe('sessions', () => {
  it('takes a session moved and one deleted on Zoom as occurrence changes', async () => {
    const [, second, third] = sessionsOnZoom();
    if (second === undefined || third === undefined) throw new Error('no sessions');
    const start = Date.parse(second.start_time) + 3_600_000;
    const moved = { start_time: new Date(start).toISOString().replace('.000', ''), end_time: '' };
    moved.end_time = new Date(start + Date.parse(second.end_time) - Date.parse(second.start_time))
      .toISOString()
      .replace('.000', '');
    await h.sandbox.control.edit({ kind: 'move-session', event_id: eventId, session_id: second.session_id, ...moved });
    await h.sandbox.control.edit({ kind: 'delete-session', event_id: eventId, session_id: third.session_id });
    expect(await refresh()).toMatchObject({ changes: 2, conflicts: 0 });
    const current = draft();
    if (current.event_type !== 'RECURRING') throw new Error('not recurring');
    expect(current.occurrence_changes).toEqual(
      expect.arrayContaining([
        { occurrence: 2, action: 'move', ...moved },
        { occurrence: 3, action: 'cancel' },
      ]),
    );
    await expectNothingSent();
  });

  it('makes a session moved on Zoom and cancelled here a conflict', async () => {
    const [first] = sessionsOnZoom();
    if (first === undefined) throw new Error('no sessions');
    const start = new Date(Date.parse(first.start_time) + 7_200_000).toISOString().replace('.000', '');
    const end = new Date(Date.parse(first.end_time) + 7_200_000).toISOString().replace('.000', '');
    await h.sandbox.control.edit({
      kind: 'move-session',
      event_id: eventId,
      session_id: first.session_id,
      start_time: start,
      end_time: end,
    });
    edit((current) =>
      current.event_type === 'RECURRING'
        ? { ...current, occurrence_changes: [{ occurrence: 1, action: 'cancel' }] }
        : current,
    );
    expect(await refresh()).toMatchObject({ changes: 0, conflicts: 1 });
    expect(h.services.conflicts.list()).toMatchObject([
      { kind: 'session_moved', subject: 'session 1', remote: { start_time: start } },
    ]);
  });
});

describe('registrations', () => {
  it('makes a registration from Zoom’s registration page an attendee registered on Zoom', async () => {
    await h.sandbox.control.edit({
      kind: 'register',
      event_id: eventId,
      email: 'walkup@example.com',
      first_name: 'Walk',
      last_name: 'Up',
    });
    expect(await refresh()).toMatchObject({ new_registrations: 1, conflicts: 0 });
    expect(attendees().find((a) => a.email === 'walkup@example.com')).toMatchObject({
      origin: 'zoom',
      on_zoom: true,
      first_name: 'Walk',
    });
    await expectNothingSent();
    expect(ticketsOnZoom().filter((t) => t.email === 'walkup@example.com')).toHaveLength(1);
  });

  it('links a person added here and registered on Zoom before the sync, so they are registered once', async () => {
    h.services.attendees.save(seriesId, undefined, { email: 'both@example.com', first_name: 'Both' });
    await h.sandbox.control.edit({ kind: 'register', event_id: eventId, email: 'both@example.com' });
    expect(await refresh()).toMatchObject({ new_registrations: 0 });
    expect(attendees().filter((a) => a.email === 'both@example.com')).toMatchObject([{ on_zoom: true }]);
    expect((await h.sync()).outcome).toBe('succeeded');
    expect(ticketsOnZoom().filter((t) => t.email === 'both@example.com')).toMatchObject([{ first_name: 'Both' }]);
  });

  it('takes details corrected on Zoom and removes a registration deleted there', async () => {
    const [first, second] = ticketsOnZoom();
    if (first === undefined || second === undefined) throw new Error('no tickets');
    await h.sandbox.control.edit({
      kind: 'update-ticket',
      event_id: eventId,
      ticket_id: first.ticket_id,
      fields: { first_name: 'Corrected' },
    });
    await h.sandbox.control.edit({ kind: 'delete-ticket', event_id: eventId, ticket_id: second.ticket_id });
    expect(await refresh()).toMatchObject({ changes: 1, removed_registrations: 1, conflicts: 0 });
    expect(attendees().map((a) => a.email)).not.toContain(second.email);
    expect(attendees().find((a) => a.email === first.email)?.first_name).toBe('Corrected');
    await expectNothingSent();
    expect(ticketsOnZoom()).toHaveLength(2);
  });

  it('makes details corrected both on Zoom and here a conflict; taking theirs keeps Zoom’s', async () => {
    const [first] = ticketsOnZoom();
    if (first === undefined) throw new Error('no tickets');
    const row = attendees().find((a) => a.email === first.email);
    h.services.attendees.save(seriesId, row?.id, { email: first.email, first_name: 'Mine' });
    await h.sandbox.control.edit({
      kind: 'update-ticket',
      event_id: eventId,
      ticket_id: first.ticket_id,
      fields: { first_name: 'Theirs' },
    });
    expect(await refresh()).toMatchObject({ changes: 0, conflicts: 1 });
    const [conflict] = h.services.conflicts.list();
    expect(conflict).toMatchObject({
      kind: 'item_fields',
      local: { first_name: 'Mine' },
      remote: { first_name: 'Theirs' },
    });
    h.services.conflicts.resolve(conflict?.id ?? 0, 'remote');
    expect(attendees().find((a) => a.email === first.email)?.first_name).toBe('Theirs');
    await expectNothingSent();
  });

  it('makes a registration removed on Zoom and changed here a conflict; keeping mine registers them again', async () => {
    const [first] = ticketsOnZoom();
    if (first === undefined) throw new Error('no tickets');
    const row = attendees().find((a) => a.email === first.email);
    h.services.attendees.save(seriesId, row?.id, { email: first.email, first_name: 'Mine' });
    await h.sandbox.control.edit({ kind: 'delete-ticket', event_id: eventId, ticket_id: first.ticket_id });
    expect(await refresh()).toMatchObject({ removed_registrations: 0, conflicts: 1 });
    const [conflict] = h.services.conflicts.list();
    expect(conflict).toMatchObject({ kind: 'ticket_refused', subject: first.email });
    h.services.conflicts.resolve(conflict?.id ?? 0, 'local');
    expect((await h.sync()).outcome).toBe('succeeded');
    expect(ticketsOnZoom().filter((t) => t.email === first.email)).toMatchObject([{ first_name: 'Mine' }]);
  });
});

describe("at a sync's start", () => {
  it('reads the series back before sending, and Zoom out of reach ends the run with the edit still waiting', async () => {
    edit((current) => ({ ...current, description: 'Mine' }));
    await h.sandbox.control.setFaults({ failNextRequests: 30 });
    const report = await h.sync();
    expect(report).toMatchObject({ outcome: 'offline', done: 0, waiting: 1 });
    expect(h.services.sync.pending()).toMatchObject([{ sentence: expect.stringContaining('Update') as unknown }]);
    await h.sandbox.control.setFaults({ failNextRequests: 0 });
    expect(await h.sync()).toMatchObject({ outcome: 'succeeded', done: 1 });
    expect(h.sandbox.sandbox.data.events.find((e) => e.event_id === eventId)?.description).toBe('Mine');
  });

  it('updates the event with what its read-back read: the event is read once per run', async () => {
    edit((current) => ({ ...current, description: 'Mine' }));
    expect(await h.syncRequests()).toMatchObject({
      outcome: 'succeeded',
      requests: [...h.refreshReads(), `updateEvent ${eventId}`].sort(),
    });
    expect(h.sandbox.sandbox.data.events.find((e) => e.event_id === eventId)?.description).toBe('Mine');
  });

  it('stops when cancelled before the read-back, sending nothing', async () => {
    edit((current) => ({ ...current, description: 'Mine' }));
    const controller = new AbortController();
    controller.abort();
    await h.sandbox.control.clearRequests();
    expect(await h.sync({ signal: controller.signal })).toMatchObject({ outcome: 'cancelled', done: 0 });
    expect((await h.sandbox.control.requests()).filter((r) => r.operationId !== undefined)).toEqual([]);
  });
});

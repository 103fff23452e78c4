import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import { standupSeries, syncHarness } from '../../support/syncHarness';

// Every conflict kind, made by the sandbox's "another planner", detected by a sync, and settled
// both ways — with nothing on Zoom overwritten that the planner did not choose to overwrite.
let h: Awaited<ReturnType<typeof syncHarness>>;
let seriesId: string;
let eventId: string;

beforeEach(async () => {
  h = await syncHarness();
  const imported = h.importSeries([
    standupSeries(3, { ticket_type: { name: 'Pass', free: true, quantity: 10, currency: 'USD' } }),
  ]);
  seriesId = imported.series[0]?.id ?? '';
  const first = await h.sync();
  expect(first.outcome).toBe('succeeded');
  eventId = h.sandbox.sandbox.data.events.find((e) => e.hub_id === 'hub-sandbox-main')?.event_id ?? '';
});
afterEach(async () => {
  await h.close();
});

function edit(change: (draft: SeriesDraft) => SeriesDraft): void {
  h.drafts.save(seriesId, change(h.drafts.get(seriesId).draft));
}
function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${String(index)}`);
  return item;
}
const resolver = () => h.services.conflicts;
const zoomEvent = () => h.sandbox.sandbox.data.events.find((e) => e.event_id === eventId);
const sessionsOnZoom = () => h.sandbox.sandbox.data.sessions.filter((s) => s.event_id === eventId);

/**
 * A series Cadence synced unpublished and someone then published on Zoom: its pattern is still
 * open here, and locked there. Returns its ID and its sessions on Zoom.
 */
async function publishedOnZoomOnly() {
  const imported = h.importSeries([standupSeries(0, { key: 'quiet', name: 'Quiet series', publish: false })]);
  const quietId = imported.series[0]?.id ?? '';
  expect((await h.sync()).outcome).toBe('succeeded');
  const quiet = h.sandbox.sandbox.data.events.find((e) => e.name === 'Quiet series');
  await h.sandbox.control.edit({ kind: 'publish-event', event_id: quiet?.event_id ?? '' });
  const draft = h.drafts.get(quietId).draft;
  if (draft.event_type !== 'RECURRING') throw new Error('not a recurring series');
  h.drafts.save(quietId, { ...draft, recurrence: { ...draft.recurrence, end_times: 10 } });
  return {
    quietId,
    sessions: () => h.sandbox.sandbox.data.sessions.filter((s) => s.event_id === quiet?.event_id),
  };
}

async function syncWithOneConflict(kind: string) {
  const report = await h.sync();
  expect(report.outcome).toBe('needs_attention');
  const conflicts = resolver().list();
  expect(conflicts.map((c) => c.kind)).toEqual([kind]);
  const [conflict] = conflicts;
  if (conflict === undefined) throw new Error('no conflict');
  return conflict;
}

/** A sync that finds these conflicts, in this order. */
async function syncWithConflicts(kinds: readonly string[]) {
  const report = await h.sync();
  expect(report.outcome).toBe('needs_attention');
  const conflicts = resolver().list();
  expect(conflicts.map((c) => c.kind)).toEqual(kinds);
  return conflicts.map((_, i) => nth(conflicts, i));
}

describe('event fields', () => {
  it('pushes local-only changes and adopts remote-only ones without a conflict', async () => {
    await h.sandbox.control.edit({ kind: 'update-event', event_id: eventId, fields: { description: 'Their words' } });
    edit((draft) => ({ ...draft, name: 'My name' }));
    expect((await h.sync()).outcome).toBe('succeeded');
    expect(zoomEvent()).toMatchObject({ name: 'My name', description: 'Their words' });
    expect(h.drafts.get(seriesId).draft).toMatchObject({ name: 'My name', description: 'Their words' });
    expect((await h.syncRequests()).requests).toEqual(h.refreshReads());
  });

  it('takes a recurrence without repeat_interval as Zoom’s every-week one: no false conflict', async () => {
    // Zoom answers repeat_interval 1, and may list the days in its own order.
    const imported = h.importSeries([
      standupSeries(0, {
        key: 'bare',
        name: 'Bare recurrence',
        publish: false,
        recurrence: { type: 2, weekly_days: [4, 2], end_times: 6, duration: 30 },
      }),
    ]);
    const bareId = imported.series[0]?.id ?? '';
    expect((await h.sync()).outcome).toBe('succeeded');
    const draft = h.drafts.get(bareId).draft;
    if (draft.event_type !== 'RECURRING') throw new Error('not a recurring series');
    h.drafts.save(bareId, { ...draft, recurrence: { ...draft.recurrence, end_times: 8 } });
    expect(await h.sync()).toMatchObject({ outcome: 'succeeded', conflicts: 0 });
    expect(resolver().list()).toEqual([]);
    const bare = h.sandbox.sandbox.data.events.find((e) => e.name === 'Bare recurrence');
    expect(h.sandbox.sandbox.data.sessions.filter((s) => s.event_id === bare?.event_id)).toHaveLength(8);
  });

  it('holds a field changed on both sides; keep mine sends it', async () => {
    await h.sandbox.control.edit({ kind: 'rename-event', event_id: eventId, name: 'Their name' });
    edit((draft) => ({ ...draft, name: 'My name' }));
    const conflict = await syncWithOneConflict('event_fields');
    expect(conflict).toMatchObject({
      subject: 'name',
      base: { name: 'Engineering Team Weekly Standup' },
      local: { name: 'My name' },
      remote: { name: 'Their name' },
    });
    expect(zoomEvent()?.name).toBe('Their name');
    resolver().resolve(conflict.id, 'local');
    expect((await h.sync()).outcome).toBe('succeeded');
    expect(zoomEvent()?.name).toBe('My name');
  });

  it('take theirs writes Zoom’s value into the draft and sends nothing', async () => {
    await h.sandbox.control.edit({ kind: 'rename-event', event_id: eventId, name: 'Their name' });
    edit((draft) => ({ ...draft, name: 'My name' }));
    const conflict = await syncWithOneConflict('event_fields');
    resolver().resolve(conflict.id, 'remote');
    expect(h.drafts.get(seriesId).draft.name).toBe('Their name');
    await h.sandbox.control.clearRequests();
    expect(await h.syncRequests()).toMatchObject({ outcome: 'succeeded', requests: h.refreshReads() });
  });

  it('reports a change Zoom does not allow after publishing; take theirs reverts it', async () => {
    const quiet = await publishedOnZoomOnly();
    const conflict = await syncWithOneConflict('not_editable');
    expect(conflict.message).toMatch(/Zoom no longer allows this event to be edited/);
    expect(quiet.sessions()).toHaveLength(12);
    resolver().resolve(conflict.id, 'remote');
    const draft = h.drafts.get(quiet.quietId).draft;
    expect(draft.event_type === 'RECURRING' && draft.recurrence.end_times).toBe(12);
    expect(await h.syncRequests()).toMatchObject({ outcome: 'succeeded', requests: h.refreshReads() });
  });
});

describe('ticket type and link', () => {
  it('sends what changed here, takes what changed on Zoom, and leaves the sale window to Zoom', async () => {
    const ticketType = nth(h.sandbox.sandbox.data.ticketTypes, 0);
    await h.sandbox.control.edit({
      kind: 'update-ticket-type',
      event_id: eventId,
      ticket_type_id: ticketType.ticket_type_id,
      fields: { description: 'For the team' },
    });
    edit((draft) => ({
      ...draft,
      name: 'Renamed',
      ticket_type: draft.ticket_type && { ...draft.ticket_type, quantity: 25 },
      registration: draft.registration && { ...draft.registration, link_name: 'Sign up here' },
    }));
    expect(await h.sync()).toMatchObject({ outcome: 'succeeded', conflicts: 0 });
    expect(h.sandbox.sandbox.data.ticketTypes[0]).toMatchObject({ quantity: 25, description: 'For the team' });
    expect(h.sandbox.sandbox.data.accessLinks[0]?.name).toBe('Sign up here');
    const draft = h.drafts.get(seriesId).draft;
    expect(draft).toMatchObject({ name: 'Renamed', ticket_type: { quantity: 25, description: 'For the team' } });
    expect(draft.ticket_type?.start_time).toBeUndefined();
    await h.sandbox.control.clearRequests();
    expect(await h.syncRequests()).toMatchObject({ outcome: 'succeeded', requests: h.refreshReads() });
  });

  it('a quantity changed on both sides: keep mine sends mine, take theirs keeps Zoom’s', async () => {
    const ticketType = nth(h.sandbox.sandbox.data.ticketTypes, 0);
    const change = async (theirs: number, mine: number) => {
      await h.sandbox.control.edit({
        kind: 'update-ticket-type',
        event_id: eventId,
        ticket_type_id: ticketType.ticket_type_id,
        fields: { quantity: theirs },
      });
      edit((draft) => ({ ...draft, ticket_type: draft.ticket_type && { ...draft.ticket_type, quantity: mine } }));
      return syncWithOneConflict('item_fields');
    };
    const first = await change(20, 30);
    expect(first).toMatchObject({
      subject: 'ticket type: quantity',
      base: { quantity: 10 },
      local: { quantity: 30 },
      remote: { quantity: 20 },
    });
    expect(h.sandbox.sandbox.data.ticketTypes[0]?.quantity).toBe(20);
    resolver().resolve(first.id, 'local');
    expect((await h.sync()).outcome).toBe('succeeded');
    expect(h.sandbox.sandbox.data.ticketTypes[0]?.quantity).toBe(30);

    const second = await change(40, 50);
    resolver().resolve(second.id, 'remote');
    expect(h.drafts.get(seriesId).draft.ticket_type?.quantity).toBe(40);
    expect(await h.syncRequests()).toMatchObject({ outcome: 'succeeded', requests: h.refreshReads() });
    expect(h.sandbox.sandbox.data.ticketTypes[0]?.quantity).toBe(40);
  });
});

describe('a registration’s details', () => {
  it('a city corrected on Zoom and changed here: keep mine sends mine, take theirs keeps Zoom’s', async () => {
    const person0 = () => h.sandbox.sandbox.data.tickets.find((t) => t.email === 'person0@example.com');
    const change = async (theirs: string, mine: string) => {
      await h.sandbox.control.edit({
        kind: 'update-ticket',
        event_id: eventId,
        ticket_id: person0()?.ticket_id ?? '',
        fields: { city: theirs },
      });
      edit((draft) => ({
        ...draft,
        attendees: draft.attendees.map((a) => (a.email === 'person0@example.com' ? { ...a, city: mine } : a)),
      }));
      return syncWithOneConflict('item_fields');
    };
    const first = await change('Porto', 'Lisbon');
    expect(first).toMatchObject({
      subject: 'registration of person0@example.com: city',
      local: { city: 'Lisbon' },
      remote: { city: 'Porto' },
    });
    expect(person0()?.profile.city).toBe('Porto');
    resolver().resolve(first.id, 'local');
    expect((await h.sync()).outcome).toBe('succeeded');
    expect(person0()?.profile.city).toBe('Lisbon');

    const second = await change('Faro', 'Braga');
    resolver().resolve(second.id, 'remote');
    expect(h.drafts.get(seriesId).draft.attendees.find((a) => a.email === 'person0@example.com')?.city).toBe('Faro');
    expect(await h.syncRequests()).toMatchObject({ outcome: 'succeeded', requests: h.refreshReads() });
    expect(person0()?.profile.city).toBe('Faro');
  });
});

describe('a link name Zoom already has', () => {
  it('refused as a duplicate (261203): keep mine tries again, take theirs adopts Zoom’s link', async () => {
    const imported = h.importSeries([
      standupSeries(0, { key: 'no-link', name: 'Office hours', registration: undefined, publish: false }),
    ]);
    const id = imported.series[0]?.id ?? '';
    expect((await h.sync()).outcome).toBe('succeeded');
    const event = h.sandbox.sandbox.data.events.find((e) => e.name === 'Office hours');
    const ticketType = h.sandbox.sandbox.data.ticketTypes.find((t) => t.event_id === event?.event_id);
    await h.sandbox.control.edit({
      kind: 'create-access-link',
      event_id: event?.event_id ?? '',
      name: 'Register',
      ticket_type_id: ticketType?.ticket_type_id,
    });
    h.drafts.save(id, { ...h.drafts.get(id).draft, registration: { link_name: 'Register' } });
    const first = await syncWithOneConflict('refused');
    expect(first.message).toMatch(/already has a registration link with this name/);
    resolver().resolve(first.id, 'local');
    const again = await syncWithOneConflict('refused');
    resolver().resolve(again.id, 'remote');
    expect((await h.sync()).outcome).toBe('succeeded');
    const links = h.sandbox.sandbox.data.accessLinks.filter((l) => l.event_id === event?.event_id);
    expect(links.map((l) => l.name)).toEqual(['Register']);
    const row = h.db.prepare('SELECT zoom_access_link_id FROM registration_link WHERE series_id = ?').pluck().get(id);
    expect(row).toBe(links[0]?.access_link_id);
  });
});

describe('the event gone from Zoom', () => {
  it('deleted there: one conflict; keep mine creates it again with its registrations', async () => {
    await h.sandbox.control.edit({ kind: 'delete-event', event_id: eventId });
    edit((draft) => ({ ...draft, name: 'Renamed', attendees: [...draft.attendees, { email: 'late@example.com' }] }));
    const conflict = await syncWithOneConflict('remote_deleted');
    resolver().resolve(conflict.id, 'local');
    expect((await h.sync()).outcome).toBe('succeeded');
    const recreated = h.sandbox.sandbox.data.events.filter((e) => e.hub_id === 'hub-sandbox-main');
    expect(recreated.map((e) => e.name)).toEqual(['Renamed']);
    expect(h.sandbox.sandbox.data.tickets.filter((t) => t.event_id === recreated[0]?.event_id)).toHaveLength(4);
  });

  it('cancelled there: take theirs removes the series here', async () => {
    await h.sandbox.control.edit({ kind: 'cancel-event', event_id: eventId });
    edit((draft) => ({ ...draft, name: 'Renamed' }));
    const conflict = await syncWithOneConflict('remote_cancelled');
    expect(zoomEvent()).toMatchObject({ name: 'Engineering Team Weekly Standup', status: 'CANCELLED' });
    resolver().resolve(conflict.id, 'remote');
    expect(h.drafts.list()).toEqual([]);
    expect(await h.syncRequests()).toMatchObject({ outcome: 'succeeded', requests: h.refreshReads() });
  });
});

describe('each kind, the other way', () => {
  it('deleted on Zoom: take theirs removes the series here', async () => {
    await h.sandbox.control.edit({ kind: 'delete-event', event_id: eventId });
    edit((draft) => ({ ...draft, name: 'Renamed' }));
    const conflict = await syncWithOneConflict('remote_deleted');
    resolver().resolve(conflict.id, 'remote');
    expect(h.drafts.list()).toEqual([]);
    expect(await h.syncRequests()).toMatchObject({ outcome: 'succeeded', requests: h.refreshReads() });
  });

  it('cancelled on Zoom: keep mine creates a new event, and the cancelled one stays as Zoom has it', async () => {
    await h.sandbox.control.edit({ kind: 'cancel-event', event_id: eventId });
    edit((draft) => ({ ...draft, name: 'Renamed' }));
    const conflict = await syncWithOneConflict('remote_cancelled');
    resolver().resolve(conflict.id, 'local');
    expect((await h.sync()).outcome).toBe('succeeded');
    const own = h.sandbox.sandbox.data.events.filter((e) => e.hub_id === 'hub-sandbox-main');
    expect(own.map((e) => [e.name, e.status]).sort()).toEqual([
      ['Engineering Team Weekly Standup', 'CANCELLED'],
      ['Renamed', 'PUBLISHED'],
    ]);
  });

  it('not allowed after publishing: keep mine tries again, and Zoom refuses again', async () => {
    const quiet = await publishedOnZoomOnly();
    const conflict = await syncWithOneConflict('not_editable');
    resolver().resolve(conflict.id, 'local');
    const again = await syncWithOneConflict('not_editable');
    expect(again.id).not.toBe(conflict.id);
    expect(quiet.sessions()).toHaveLength(12);
  });

  it('a batch refused whole (no ticket left): keep mine goes again once there is room; take theirs withdraws it', async () => {
    const ticketType = nth(h.sandbox.sandbox.data.ticketTypes, 0);
    await h.sandbox.control.edit({
      kind: 'update-ticket-type',
      event_id: eventId,
      ticket_type_id: ticketType.ticket_type_id,
      fields: { quantity: 3 },
    });
    edit((draft) => ({ ...draft, attendees: [...draft.attendees, { email: 'fourth@example.com' }] }));
    // Zoom's quantity of 3 cannot hold the draft's four attendees: shown at the sync's start, not taken.
    const [quantity, conflict] = await syncWithConflicts(['invalid_remote', 'refused']);
    expect(quantity).toMatchObject({ subject: 'quantity', local: { quantity: 10 }, remote: { quantity: 3 } });
    expect(conflict?.message).toMatch(/sold out/);
    await h.sandbox.control.edit({
      kind: 'update-ticket-type',
      event_id: eventId,
      ticket_type_id: ticketType.ticket_type_id,
      fields: { quantity: 10 },
    });
    resolver().resolve(quantity?.id ?? 0, 'local');
    resolver().resolve(conflict?.id ?? 0, 'local');
    expect((await h.sync()).outcome).toBe('succeeded');
    expect(h.sandbox.sandbox.data.tickets.map((t) => t.email)).toContain('fourth@example.com');

    await h.sandbox.control.edit({
      kind: 'update-ticket-type',
      event_id: eventId,
      ticket_type_id: ticketType.ticket_type_id,
      fields: { quantity: 4 },
    });
    edit((draft) => ({ ...draft, attendees: [...draft.attendees, { email: 'fifth@example.com' }] }));
    const [secondQuantity, second] = await syncWithConflicts(['invalid_remote', 'refused']);
    resolver().resolve(second?.id ?? 0, 'remote');
    resolver().resolve(secondQuantity?.id ?? 0, 'local');
    // The planner kept their quantity: it is the next sync's one write, its step reading the ticket type first.
    expect(await h.syncRequests()).toMatchObject({
      outcome: 'succeeded',
      requests: [...h.refreshReads(), `getEventTicketTypes ${eventId}`, `updateTicketType ${eventId}`].sort(),
    });
    expect(h.sandbox.sandbox.data.tickets.map((t) => t.email)).not.toContain('fifth@example.com');
    expect(h.drafts.get(seriesId).draft.attendees.map((a) => a.email)).not.toContain('fifth@example.com');
  });
});

describe('sessions', () => {
  const move = (occurrence: number, start: string, end: string) => (draft: SeriesDraft) =>
    draft.event_type === 'RECURRING'
      ? { ...draft, occurrence_changes: [{ occurrence, action: 'move' as const, start_time: start, end_time: end }] }
      : draft;

  /** Another planner moves session 3 on Zoom to 18:00 UTC; here it moves to the next day. */
  async function moveThirdSessionOnBothSides() {
    const third = nth(sessionsOnZoom(), 2);
    await h.sandbox.control.edit({
      kind: 'move-session',
      event_id: eventId,
      session_id: third.session_id,
      start_time: '2027-01-19T18:00:00Z',
      end_time: '2027-01-19T18:30:00Z',
    });
    edit(move(3, '2027-01-20T15:00:00Z', '2027-01-20T15:30:00Z'));
    return { third, conflict: await syncWithOneConflict('session_moved') };
  }

  it('moved both here and on Zoom: keep mine moves it to my time', async () => {
    const { third, conflict } = await moveThirdSessionOnBothSides();
    expect(conflict.remote).toEqual({ start_time: '2027-01-19T18:00:00Z', end_time: '2027-01-19T18:30:00Z' });
    expect(sessionsOnZoom()[2]?.start_time).toBe('2027-01-19T18:00:00Z');
    resolver().resolve(conflict.id, 'local');
    expect((await h.sync()).outcome).toBe('succeeded');
    expect(sessionsOnZoom().find((s) => s.session_id === third.session_id)?.start_time).toBe('2027-01-20T15:00:00Z');
  });

  it('moved here and on Zoom: take theirs keeps Zoom’s time in the draft', async () => {
    const { conflict } = await moveThirdSessionOnBothSides();
    resolver().resolve(conflict.id, 'remote');
    const draft = h.drafts.get(seriesId).draft;
    expect(draft.event_type === 'RECURRING' && draft.occurrence_changes).toEqual([
      { occurrence: 3, action: 'move', start_time: '2027-01-19T18:00:00Z', end_time: '2027-01-19T18:30:00Z' },
    ]);
    expect(await h.syncRequests()).toMatchObject({ outcome: 'succeeded', requests: h.refreshReads() });
  });

  it('deleted on Zoom and moved here: keep mine is refused, take theirs cancels it here', async () => {
    const fourth = nth(sessionsOnZoom(), 3);
    await h.sandbox.control.edit({ kind: 'delete-session', event_id: eventId, session_id: fourth.session_id });
    edit(move(4, '2027-01-27T16:00:00Z', '2027-01-27T16:30:00Z'));
    const conflict = await syncWithOneConflict('session_deleted');
    expect(() => resolver().resolve(conflict.id, 'local')).toThrow(/cannot bring back a deleted session/);
    resolver().resolve(conflict.id, 'remote');
    const draft = h.drafts.get(seriesId).draft;
    expect(draft.event_type === 'RECURRING' && draft.occurrence_changes).toEqual([{ occurrence: 4, action: 'cancel' }]);
    expect(await h.syncRequests()).toMatchObject({ outcome: 'succeeded', requests: h.refreshReads() });
  });
});

describe('items Zoom refuses', () => {
  it('a registration refused for a sold-out ticket type: take theirs removes the attendee', async () => {
    const ticketType = nth(h.sandbox.sandbox.data.ticketTypes, 0);
    await h.sandbox.control.edit({
      kind: 'update-ticket-type',
      event_id: eventId,
      ticket_type_id: ticketType.ticket_type_id,
      fields: { quantity: 4 },
    });
    edit((draft) => ({
      ...draft,
      attendees: [...draft.attendees, { email: 'fourth@example.com' }, { email: 'fifth@example.com' }],
    }));
    const [quantity, conflict] = await syncWithConflicts(['invalid_remote', 'ticket_refused']);
    expect(quantity).toMatchObject({ subject: 'quantity', remote: { quantity: 4 } });
    expect(conflict).toMatchObject({ subject: 'fifth@example.com' });
    expect(conflict?.message).toMatch(/sold out/);
    resolver().resolve(conflict?.id ?? 0, 'remote');
    expect(h.drafts.get(seriesId).draft.attendees.map((a) => a.email)).not.toContain('fifth@example.com');
    resolver().resolve(quantity?.id ?? 0, 'local');
    // The planner kept their quantity: it is the next sync's one write, its step reading the ticket type first.
    expect(await h.syncRequests()).toMatchObject({
      outcome: 'succeeded',
      requests: [...h.refreshReads(), `getEventTicketTypes ${eventId}`, `updateTicketType ${eventId}`].sort(),
    });
  });

  it('keep mine tries again, and succeeds once Zoom has room', async () => {
    const ticketType = nth(h.sandbox.sandbox.data.ticketTypes, 0);
    await h.sandbox.control.edit({
      kind: 'update-ticket-type',
      event_id: eventId,
      ticket_type_id: ticketType.ticket_type_id,
      fields: { quantity: 4 },
    });
    edit((draft) => ({
      ...draft,
      attendees: [...draft.attendees, { email: 'fourth@example.com' }, { email: 'fifth@example.com' }],
    }));
    const [quantity, conflict] = await syncWithConflicts(['invalid_remote', 'ticket_refused']);
    await h.sandbox.control.edit({
      kind: 'update-ticket-type',
      event_id: eventId,
      ticket_type_id: ticketType.ticket_type_id,
      fields: { quantity: 10 },
    });
    resolver().resolve(quantity?.id ?? 0, 'local');
    resolver().resolve(conflict?.id ?? 0, 'local');
    expect((await h.sync()).outcome).toBe('succeeded');
    expect(h.sandbox.sandbox.data.tickets.map((t) => t.email)).toContain('fifth@example.com');
  });
});

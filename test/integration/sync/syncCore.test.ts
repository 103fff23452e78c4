import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import type { PlannedCall } from '../../../shared/sync/syncReport';
import { ZoomEventsApi } from '../../../main/zoom/zoomEventsApi';
import { ZoomMeetingsClient } from '../../../main/zoom/zoomMeetingsApi';
import type { ZoomCall, ZoomTransport } from '../../../main/zoom/zoomHttp';
import { plannedCallOf } from '../../../main/sync/dryRun';
import { SyncEngine } from '../../../main/sync/syncEngine';
import { standupSeries, syncHarness } from '../../support/syncHarness';

// The rebuilt core: every conflict of a run found in one pass, a value from Zoom that Cadence
// cannot hold never reaching the draft, and the dry run being the sync's own steps.
let h: Awaited<ReturnType<typeof syncHarness>>;

// One clock for the dry run and the real sync, whose bodies carry "now" (a sale that opens now).
const frozenNow = Date.now();

beforeEach(async () => {
  h = await syncHarness(undefined, { now: () => frozenNow });
});
afterEach(async () => {
  await h.close();
});

function edit(seriesId: string, change: (draft: SeriesDraft) => SeriesDraft): void {
  h.drafts.save(seriesId, change(h.drafts.get(seriesId).draft));
}
const eventOf = (name: string) => h.sandbox.sandbox.data.events.find((event) => event.name === name);
const sessionsOf = (eventId: string) => h.sandbox.sandbox.data.sessions.filter((s) => s.event_id === eventId);

async function syncedStandup(attendees = 3) {
  const seriesId = h.importSeries([standupSeries(attendees)]).series[0]?.id ?? '';
  expect((await h.sync()).outcome).toBe('succeeded');
  const eventId = eventOf('Engineering Team Weekly Standup')?.event_id ?? '';
  return { seriesId, eventId };
}

describe('every conflict in one pass', () => {
  it('a rename on both sides and a session moved here but deleted on Zoom: both after one sync, nothing waiting after settling', async () => {
    const { seriesId, eventId } = await syncedStandup();
    const second = sessionsOf(eventId)[1];
    if (second === undefined) throw new Error('no second session');
    await h.sandbox.control.edit({ kind: 'rename-event', event_id: eventId, name: 'Their name' });
    await h.sandbox.control.edit({ kind: 'delete-session', event_id: eventId, session_id: second.session_id });
    edit(seriesId, (draft) =>
      draft.event_type === 'RECURRING'
        ? {
            ...draft,
            name: 'My name',
            occurrence_changes: [
              { occurrence: 2, action: 'move', start_time: '2027-01-13T16:00:00Z', end_time: '2027-01-13T16:30:00Z' },
            ],
          }
        : draft,
    );

    const report = await h.sync();
    expect(report).toMatchObject({ outcome: 'needs_attention', conflicts: 2 });
    const conflicts = h.services.conflicts.list();
    expect(conflicts.map((c) => [c.kind, c.target])).toEqual([
      ['event_fields', { item: 'event', operation: 'event.update', zoom_id: eventId }],
      ['session_deleted', { item: 'session', occurrence: 2, operation: 'session.update', zoom_id: second.session_id }],
    ]);

    const [name, session] = conflicts;
    h.services.conflicts.resolve(name?.id ?? 0, 'local');
    h.services.conflicts.resolve(session?.id ?? 0, 'remote');
    expect(await h.sync()).toMatchObject({ outcome: 'succeeded', waiting: 0, conflicts: 0 });
    expect(eventOf('My name')?.event_id).toBe(eventId);
    expect(h.services.sync.pending()).toEqual([]);
  });

  it('the resolver acts on the target, whatever the words say', async () => {
    const { seriesId, eventId } = await syncedStandup();
    await h.sandbox.control.edit({ kind: 'rename-event', event_id: eventId, name: 'Their name' });
    edit(seriesId, (draft) => ({ ...draft, name: 'My name' }));
    await h.sync();
    const [conflict] = h.services.conflicts.list();
    h.db
      .prepare("UPDATE conflict SET subject = 'registration of x@example.com: ticket type 7', message = 'reworded'")
      .run();
    h.services.conflicts.resolve(conflict?.id ?? 0, 'remote');
    expect(h.drafts.get(seriesId).draft.name).toBe('Their name');
  });
});

describe('values from Zoom pass the draft’s rules', () => {
  it('a 256-character name from Zoom becomes a conflict; take theirs is refused with the reason, keep mine sends mine', async () => {
    const { seriesId, eventId } = await syncedStandup();
    const long = 'N'.repeat(256);
    await h.sandbox.control.edit({ kind: 'rename-event', event_id: eventId, name: long });
    edit(seriesId, (draft) => ({ ...draft, description: 'Mine' }));

    const report = await h.sync();
    expect(report.outcome).toBe('needs_attention');
    expect(report.outcome).not.toBe('failed');
    const [conflict] = h.services.conflicts.list();
    expect(conflict).toMatchObject({
      kind: 'invalid_remote',
      target: { item: 'event' },
      subject: 'name',
      local: { name: 'Engineering Team Weekly Standup' },
      remote: { name: long },
    });
    expect(conflict?.remote_refused).toMatch(/name: The series name is at most 200 characters/);
    // The series still loads, lists and syncs.
    expect(h.drafts.get(seriesId).draft.name).toBe('Engineering Team Weekly Standup');
    expect(h.drafts.list().map((d) => d.name)).toEqual(['Engineering Team Weekly Standup']);
    expect(eventOf(long)?.description).toBe('Mine');

    expect(() => h.services.conflicts.resolve(conflict?.id ?? 0, 'remote')).toThrow(/at most 200 characters/);
    h.services.conflicts.resolve(conflict?.id ?? 0, 'local');
    expect(await h.sync()).toMatchObject({ outcome: 'succeeded', waiting: 0 });
    expect(h.sandbox.sandbox.data.events.find((e) => e.event_id === eventId)?.name).toBe(
      'Engineering Team Weekly Standup',
    );
  });
});

/** The calls a real sync makes, recorded on their way to the sandbox. */
class SpyTransport implements ZoomTransport {
  readonly calls: PlannedCall[] = [];
  constructor(private readonly inner: ZoomTransport) {}
  call(operationId: string, call: ZoomCall, schema?: never): Promise<never> {
    this.calls.push(plannedCallOf(operationId, call, ''));
    return (this.inner.call as (id: string, c: ZoomCall, s?: never) => Promise<never>)(operationId, call, schema);
  }
}

const idKeys = new Set(['ticket_type_id', 'event_id', 'session_id', 'hub_id']);
/** A call with Zoom's IDs (or the dry run's placeholders for them) taken out. */
function shape(call: PlannedCall): string {
  const path = call.path.replace(/\/(events|sessions|ticket_types|access_links|tickets|meetings)\/[^/?]+/g, '/$1/{id}');
  const body = JSON.stringify(call.body ?? null, (key, value: unknown) =>
    idKeys.has(key) ? '{id}' : key === 'session_ids' ? (value as unknown[]).map(() => '{id}') : value,
  );
  return `${call.method} ${path} ${body}`;
}

describe('the dry run is the sync', () => {
  async function realCalls(now: number): Promise<string[]> {
    const spy = new SpyTransport(h.sandbox.client.transport);
    const { stores } = h.services;
    const parts = {
      outbox: stores.outbox,
      drafts: stores.series,
      attendees: stores.attendees,
      log: stores.log,
      api: new ZoomEventsApi(spy),
      meetings: { api: new ZoomMeetingsClient(spy), store: stores.meetings, quota: stores.meetingQuota },
    };
    const report = await new SyncEngine(parts, { isSerial: true, now: () => now }).run();
    expect([report.outcome, h.services.conflicts.list().map((c) => c.message)]).toEqual(['succeeded', []]);
    return spy.calls.map(shape);
  }
  async function dryCalls(): Promise<string[]> {
    const calls = await h.services.sync.plan();
    expect(calls[0]?.path).toBe('/oauth/token?grant_type=account_credentials');
    return calls.slice(1).map(shape);
  }

  it('makes the same calls, in the same order, for a first sync and for every kind of update', async () => {
    const now = frozenNow;
    const training = standupSeries(4, {
      key: 'training',
      name: 'Training',
      registration: { link_name: 'Sign up', recurring_registration_option: 'multiple_sessions' },
      attendees: [1, 2, 3, 4].map((i) => ({
        email: `p${String(i)}@example.com`,
        first_name: `P${String(i)}`,
        occurrences: [1, 2],
      })),
      occurrence_changes: [{ occurrence: 5, action: 'cancel' }],
    });
    const [first, second] = h
      .importSeries([training, standupSeries(0, { key: 'other', name: 'Other', publish: false })])
      .series.map((s) => s.id ?? '');
    const firstDry = await dryCalls();
    expect(firstDry.length).toBeGreaterThan(8);
    expect(await realCalls(now)).toEqual(firstDry);

    // Every kind of update at once: event fields, ticket type, link, a move, a cancel, a
    // registration's details, its sessions, a removal, a new registration, and a deleted series.
    edit(first ?? '', (draft) =>
      draft.event_type === 'RECURRING'
        ? {
            ...draft,
            name: 'Training, renamed',
            ticket_type: draft.ticket_type && { ...draft.ticket_type, quantity: 77 },
            registration: draft.registration && { ...draft.registration, link_name: 'Join us' },
            occurrence_changes: [
              ...draft.occurrence_changes,
              { occurrence: 3, action: 'move', start_time: '2027-01-20T17:00:00Z', end_time: '2027-01-20T17:30:00Z' },
              { occurrence: 4, action: 'cancel' },
            ],
            attendees: [
              { ...draft.attendees[0], email: 'p1@example.com', first_name: 'Renamed' },
              { ...draft.attendees[1], email: 'p2@example.com', occurrences: [1, 3] },
              { email: 'p5@example.com', occurrences: [2] },
              ...draft.attendees.slice(3),
            ],
          }
        : draft,
    );
    h.drafts.delete(second ?? '');
    const updateDry = await dryCalls();
    expect(updateDry.map((call) => call.split(' ').slice(0, 2).join(' '))).toEqual(
      expect.arrayContaining([
        'DELETE /zoom_events/events/{id}',
        'PATCH /zoom_events/events/{id}',
        'PATCH /zoom_events/events/{id}/ticket_types/{id}',
        'PATCH /zoom_events/events/{id}/access_links/{id}',
        'PATCH /zoom_events/events/{id}/sessions/{id}',
        'DELETE /zoom_events/events/{id}/sessions/{id}',
        'PATCH /zoom_events/events/{id}/tickets/{id}',
        'DELETE /zoom_events/events/{id}/tickets/{id}',
        'POST /zoom_events/events/{id}/tickets',
      ]),
    );
    expect(await realCalls(now)).toEqual(updateDry);
    // Nothing left to send: the next sync only signs in and reads the training back from Zoom.
    const reads = (await h.services.sync.plan()).slice(1);
    expect(reads.every((call) => call.method === 'GET')).toBe(true);
    expect(reads).toHaveLength(h.refreshReads().length);

    // A new pattern: a new event with every registration, then the old event cancelled.
    const stored = h.drafts.get(first ?? '', { withAttendees: false }).draft;
    if (stored.event_type !== 'RECURRING') throw new Error('the training repeats');
    const details: Record<string, unknown> = { ...stored, recurrence: { ...stored.recurrence, weekly_days: [3] } };
    delete details.attendees;
    h.services.patternChange.confirm({ id: first ?? '', draft: details, cancelMessage: 'Moved to Tuesdays.' });
    const changeDry = await dryCalls();
    expect(changeDry.at(-1)).toBe(
      'POST /zoom_events/events/{id}/event_actions {"operation":"cancel","cancel_message":"Moved to Tuesdays."}',
    );
    expect(await realCalls(now)).toEqual(changeDry);
  });

  it('makes the same calls for the meeting kinds: create, update and delete', async () => {
    const meeting = (key: string, topic: string) => ({
      key,
      host_email: 'user@yourorganization.com',
      topic,
      timezone: 'Europe/Berlin',
      start_time: '2027-03-01T09:00:00Z',
      recurrence: { type: 2 as const, weekly_days: [2, 5], end_times: 10, duration: 45 },
    });
    const first = h.services.meetings.save(undefined, meeting('a', 'Design review')).id;
    const second = h.services.meetings.save(undefined, meeting('b', 'Office hours')).id;
    const createDry = await dryCalls();
    expect(createDry.map((call) => call.split(' ').slice(0, 2).join(' '))).toEqual([
      'POST /users/user@yourorganization.com/meetings',
      'POST /users/user@yourorganization.com/meetings',
    ]);
    expect(await realCalls(frozenNow)).toEqual(createDry);

    h.services.meetings.save(first, { ...meeting('a', 'Design review, weekly'), settings: { waiting_room: false } });
    h.services.meetings.delete(second);
    const changeDry = await dryCalls();
    expect(changeDry.map((call) => call.split(' ').slice(0, 2).join(' '))).toEqual([
      'GET /meetings/{id}',
      'PATCH /meetings/{id}',
      'DELETE /meetings/{id}',
    ]);
    expect(await realCalls(frozenNow)).toEqual(changeDry);
    expect(await h.services.sync.plan()).toEqual([]);
  });
});

describe('settling, undone', () => {
  it('take theirs, then undo: my value is back in the draft, the conflict is open again and holds the change', async () => {
    const { seriesId, eventId } = await syncedStandup();
    await h.sandbox.control.edit({ kind: 'rename-event', event_id: eventId, name: 'Their name' });
    edit(seriesId, (draft) => ({ ...draft, name: 'My name' }));
    await h.sync();
    const [conflict] = h.services.conflicts.list();
    const id = conflict?.id ?? 0;
    expect(h.services.conflicts.resolve(id, 'remote')).toMatchObject({ can_undo: true });
    expect(h.drafts.get(seriesId).draft.name).toBe('Their name');

    expect(h.services.conflicts.undo(id).message).toMatch(/back in the draft/);
    expect(h.drafts.get(seriesId).draft.name).toBe('My name');
    expect(h.services.conflicts.list().map((c) => [c.id, c.kind])).toEqual([[id, 'event_fields']]);
    expect(h.services.sync.pending()).toMatchObject([{ state: 'conflict' }]);
    await h.sandbox.control.clearRequests();
    expect(await h.syncRequests()).toMatchObject({ outcome: 'needs_attention', requests: h.refreshReads() });
    expect(() => h.services.conflicts.undo(id)).toThrow(/nothing to undo/);

    h.services.conflicts.resolve(id, 'local');
    expect(await h.sync()).toMatchObject({ outcome: 'succeeded', waiting: 0 });
    expect(eventOf('My name')?.event_id).toBe(eventId);
  });

  it('keep mine replaced nothing of the draft: there is nothing to undo', async () => {
    const { seriesId, eventId } = await syncedStandup();
    await h.sandbox.control.edit({ kind: 'rename-event', event_id: eventId, name: 'Their name' });
    edit(seriesId, (draft) => ({ ...draft, name: 'My name' }));
    await h.sync();
    const [conflict] = h.services.conflicts.list();
    expect(h.services.conflicts.resolve(conflict?.id ?? 0, 'local')).toMatchObject({ can_undo: false });
    expect(() => h.services.conflicts.undo(conflict?.id ?? 0)).toThrow(/nothing to undo/);
  });
});

describe('what Zoom refuses never blocks the queue', () => {
  it('a registration Zoom refuses is shown as refused; the other series and registrations go on', async () => {
    const { seriesId, eventId } = await syncedStandup(1);
    const ticketType = h.sandbox.sandbox.data.ticketTypes.find((t) => t.event_id === eventId);
    await h.sandbox.control.edit({
      kind: 'update-ticket-type',
      event_id: eventId,
      ticket_type_id: ticketType?.ticket_type_id ?? '',
      fields: { quantity: 1 },
    });
    edit(seriesId, (draft) => ({ ...draft, attendees: [...draft.attendees, { email: 'refused@example.com' }] }));
    h.importSeries([standupSeries(2, { key: 'other', name: 'Other' })]);
    const report = await h.sync();
    // Zoom's quantity of 1 cannot hold the two attendees (shown, not taken), and the refused registration.
    expect(report).toMatchObject({ outcome: 'needs_attention', conflicts: 2, waiting: 1 });
    expect(h.services.conflicts.list().map((c) => [c.kind, c.subject])).toEqual([
      ['invalid_remote', 'quantity'],
      ['refused', 'registering refused@example.com'],
    ]);
    const other = eventOf('Other')?.event_id;
    expect(h.sandbox.sandbox.data.tickets.filter((t) => t.event_id === other)).toHaveLength(2);
    expect(h.services.sync.pending()).toEqual([
      {
        series_id: seriesId,
        series_name: 'Engineering Team Weekly Standup',
        meeting_id: null,
        sentence: 'Register 1 person for "Engineering Team Weekly Standup"',
        operations: 1,
        state: 'failed',
        public_effect: null,
      },
    ]);
    expect(h.services.drafts.status()).toMatchObject({ waiting: 1, outbox: { failed: 1, pending: 0 } });
  });

  it('what depends on a refused create shows as blocked; the rest of the run goes on; settled, it all goes', async () => {
    const [blocked] = h
      .importSeries([
        standupSeries(2, { key: 'elsewhere', name: 'Elsewhere', hub_id: 'hub-sandbox-other' }),
        standupSeries(2, { key: 'fine', name: 'Fine' }),
      ])
      .series.map((s) => s.id ?? '');
    const report = await h.sync();
    expect(report).toMatchObject({ outcome: 'needs_attention', conflicts: 1 });
    expect(eventOf('Fine')).toBeDefined();
    const [refused] = h.services.conflicts.list();
    expect(refused).toMatchObject({ kind: 'refused', target: { item: 'event', operation: 'event.create' } });
    expect(h.services.sync.pending().map((change) => [change.sentence, change.state])).toEqual([
      ['Create "Elsewhere" with 12 sessions', 'failed'],
      ['Add the ticket type "Team Member Pass" to "Elsewhere"', 'blocked'],
      ['Create the registration link "Team Registration Link" for "Elsewhere"', 'blocked'],
      ['Publish "Elsewhere"', 'blocked'],
      ['Register 2 people for "Elsewhere"', 'blocked'],
    ]);
    expect(h.services.drafts.status().outbox).toMatchObject({ failed: 1, pending: 5, blocked: 5 });

    h.drafts.save(blocked ?? '', { ...h.drafts.get(blocked ?? '').draft, hub_id: 'hub-sandbox-main' });
    h.services.conflicts.resolve(refused?.id ?? 0, 'local');
    expect(await h.sync()).toMatchObject({ outcome: 'succeeded', waiting: 0 });
    expect(h.sandbox.sandbox.data.tickets.filter((t) => t.event_id === eventOf('Elsewhere')?.event_id)).toHaveLength(2);
  });
});

describe('planning after a sync', () => {
  it('a series whose hub Zoom chose plans nothing more once synced, even when planned again', async () => {
    const seriesId = h.importSeries([standupSeries(2, { hub_id: undefined })]).series[0]?.id ?? '';
    expect((await h.sync()).outcome).toBe('succeeded');
    h.services.stores.series.replan(seriesId);
    expect(h.services.sync.pending()).toEqual([]);
    await h.sandbox.control.clearRequests();
    expect(await h.syncRequests()).toMatchObject({ outcome: 'succeeded', requests: h.refreshReads() });
  });
});

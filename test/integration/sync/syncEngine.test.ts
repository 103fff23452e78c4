import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { standupSeries, syncHarness } from '../../support/syncHarness';

// The sync engine against the sandbox over HTTP: a clean sync, the second sync, occurrence changes.
let h: Awaited<ReturnType<typeof syncHarness>>;
beforeEach(async () => {
  h = await syncHarness();
});
afterEach(async () => {
  await h.close();
});

const own = (data: { events: { hub_id: string }[] }) => data.events.filter((e) => e.hub_id === 'hub-sandbox-main');

describe('sync', () => {
  it('syncs the tutorial standup with 300 attendees in the fewest requests, then sends nothing', async () => {
    h.importSeries([standupSeries(300)]);
    const report = await h.sync();
    expect(report).toMatchObject({ outcome: 'succeeded', conflicts: 0, waiting: 0 });
    const data = h.sandbox.sandbox.data;
    expect(own(data)).toMatchObject([{ name: 'Engineering Team Weekly Standup', status: 'PUBLISHED' }]);
    expect(data.ticketTypes).toHaveLength(1);
    expect(data.accessLinks).toHaveLength(1);
    expect(data.tickets).toHaveLength(300);
    expect(new Set(data.tickets.map((t) => t.external_ticket_id)).size).toBe(300);
    // A token, the event, the ticket type, the link, publishing, one session list, 10 batches of 30.
    const sent = await h.sandbox.control.requests();
    const names = sent.map((r) => r.operationId ?? r.path);
    expect([...names].sort()).toEqual(
      [
        '/oauth/token',
        'createEvent',
        'createTicketType',
        'createEventAccessLink',
        'EventActions',
        'getEventSessionList',
        ...Array.from({ length: 10 }, () => 'createTickets'),
      ].sort(),
    );
    // In Zoom's order: the event first; the tickets only once it is published.
    expect(names.slice(0, 2)).toEqual(['/oauth/token', 'createEvent']);
    expect(names.indexOf('createTicketType')).toBeLessThan(names.indexOf('createEventAccessLink'));
    expect(names.indexOf('createEventAccessLink')).toBeLessThan(names.indexOf('EventActions'));
    expect(names.indexOf('EventActions')).toBeLessThan(names.indexOf('createTickets'));
    expect(report.requests).toBe(16);
    expect(sent.every((r) => r.bodyIssues.length === 0)).toBe(true);

    // The next sync writes nothing: it only reads the series back from Zoom.
    expect(await h.syncRequests()).toMatchObject({ outcome: 'succeeded', done: 0, requests: h.refreshReads() });
  });

  it('applies occurrence changes: a moved session is patched, a cancelled one deleted', async () => {
    h.importSeries([
      standupSeries(2, {
        occurrence_changes: [
          { occurrence: 7, action: 'cancel' },
          { occurrence: 3, action: 'move', start_time: '2027-01-20T15:00:00Z' },
        ],
      }),
    ]);
    const report = await h.sync();
    expect(report.outcome).toBe('succeeded');
    const sessions = h.sandbox.sandbox.data.sessions;
    expect(sessions).toHaveLength(11);
    expect(sessions.some((s) => s.start_time === '2027-01-20T15:00:00Z')).toBe(true);
    expect(sessions.some((s) => s.start_time === '2027-02-16T15:00:00Z')).toBe(false);
  });

  it('sends later edits as the right calls: a renamed attendee is updated, a removed one deleted, a new one registered', async () => {
    const imported = h.importSeries([standupSeries(3)]);
    const id = imported.series[0]?.id ?? '';
    expect((await h.sync()).outcome).toBe('succeeded');
    const draft = h.drafts.get(id).draft;
    h.drafts.save(id, {
      ...draft,
      attendees: [
        { ...draft.attendees[0], first_name: 'Renamed', city: 'Lisbon' },
        draft.attendees[1],
        { email: 'new@example.com' },
      ],
    });
    const reads = h.refreshReads();
    const { outcome, requests } = await h.syncRequests();
    expect(outcome).toBe('succeeded');
    // The series is read back first; then the ticket is read again before its update: someone may
    // have changed the same details on Zoom meanwhile.
    expect(requests.map((call) => call.split(' ')[0])).toEqual(
      [
        ...reads.map((read) => read.split(' ')[0]),
        'Updateticket',
        'createTickets',
        'deleteTicket',
        'getTicketDetails',
      ].sort(),
    );
    const tickets = h.sandbox.sandbox.data.tickets;
    expect(tickets.map((t) => t.email).sort()).toEqual([
      'new@example.com',
      'person0@example.com',
      'person1@example.com',
    ]);
    expect(tickets.find((t) => t.email === 'person0@example.com')).toMatchObject({
      first_name: 'Renamed',
      profile: { city: 'Lisbon' },
    });
    await h.sandbox.control.clearRequests();
    expect(await h.syncRequests()).toMatchObject({ outcome: 'succeeded', requests: h.refreshReads() });
  });

  it('registers again for other sessions: Zoom cannot change a ticket’s sessions', async () => {
    const imported = h.importSeries([
      {
        ...standupSeries(2, { key: 'training', name: 'Training' }),
        registration: { link_name: 'Pick', recurring_registration_option: 'multiple_sessions' },
        attendees: [
          { email: 'a@example.com', occurrences: [1, 2] },
          { email: 'b@example.com', occurrences: [3] },
        ],
      },
    ]);
    const id = imported.series[0]?.id ?? '';
    expect((await h.sync()).outcome).toBe('succeeded');
    const draft = h.drafts.get(id).draft;
    h.drafts.save(id, { ...draft, attendees: [{ email: 'a@example.com', occurrences: [4, 5] }, draft.attendees[1]] });
    expect((await h.sync()).outcome).toBe('succeeded');
    const sessions = h.sandbox.sandbox.data.sessions.map((s) => s.session_id);
    const tickets = h.sandbox.sandbox.data.tickets.filter((t) => t.email === 'a@example.com');
    expect(tickets.map((t) => t.session_ids)).toEqual([[sessions[3], sessions[4]]]);
    await h.sandbox.control.clearRequests();
    expect(await h.syncRequests()).toMatchObject({ outcome: 'succeeded', requests: h.refreshReads() });
  });
});

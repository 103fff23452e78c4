import { afterEach, describe, expect, it } from 'vitest';
import { standupSeries, syncHarness } from '../../support/syncHarness';

// Zoom's documents disagree: its tutorial creates a ticket type for each recurring event, its API
// reference says such events come with one and refuse another. Cadence works either way.
let h: Awaited<ReturnType<typeof syncHarness>> | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function harness(ticketTypes: 'tutorial' | 'reference') {
  h = await syncHarness({ behaviour: { ticketTypes } });
  return h;
}

const single = {
  key: 'launch',
  name: 'Product Launch',
  hub_id: 'hub-sandbox-main',
  timezone: 'UTC',
  event_type: 'SIMPLE_EVENT',
  start_time: '2027-02-02T17:00:00Z',
  end_time: '2027-02-02T18:00:00Z',
  ticket_type: { name: 'Launch Pass', free: true, quantity: 50, currency: 'USD' },
  registration: { link_name: 'Launch Registration' },
  attendees: [{ email: 'ada@example.com', first_name: 'Ada' }],
  publish: true,
};

describe.each(['tutorial', 'reference'] as const)('ticket types as the %s says', (mode) => {
  it('a recurring series: one ticket type on Zoom with the draft’s fields, registrations with it, nothing left to send', async () => {
    const h = await harness(mode);
    h.importSeries([standupSeries(40)]);
    expect(await h.sync()).toMatchObject({ outcome: 'succeeded', conflicts: 0, waiting: 0 });
    const { events, ticketTypes, accessLinks, tickets } = h.sandbox.sandbox.data;
    const event = events.find((e) => e.hub_id === 'hub-sandbox-main');
    const own = ticketTypes.filter((t) => t.event_id === event?.event_id);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ name: 'Team Member Pass', quantity: 1000 });
    expect(accessLinks.find((l) => l.event_id === event?.event_id)?.ticket_type_id).toBe(own[0]?.ticket_type_id);
    expect(tickets.filter((t) => t.event_id === event?.event_id)).toHaveLength(40);
    expect(new Set(tickets.map((t) => t.ticket_type_id))).toEqual(new Set([own[0]?.ticket_type_id]));
    await h.sandbox.control.clearRequests();
    expect(await h.syncRequests()).toMatchObject({ outcome: 'succeeded', requests: h.refreshReads() });
  });
});

describe('a single-session event whose ticket type Zoom keeps as it is (the reference)', () => {
  it('registers with Zoom’s ticket type and shows what Zoom kept; take theirs writes it into the draft', async () => {
    const h = await harness('reference');
    const seriesId = h.importSeries([single]).series[0]?.id ?? '';
    const report = await h.sync();
    expect(report).toMatchObject({ outcome: 'needs_attention', conflicts: 1 });
    const { ticketTypes, tickets } = h.sandbox.sandbox.data;
    expect(ticketTypes).toHaveLength(1);
    expect(tickets.map((t) => [t.email, t.ticket_type_id])).toEqual([
      ['ada@example.com', ticketTypes[0]?.ticket_type_id],
    ]);
    const [kept] = h.services.conflicts.list();
    expect(kept).toMatchObject({
      kind: 'refused',
      target: { item: 'ticket_type', zoom_id: ticketTypes[0]?.ticket_type_id },
      local: { name: 'Launch Pass', quantity: 50 },
      remote: { name: 'General Admission Ticket' },
    });
    expect(kept?.message).toMatch(/Zoom gives this event its own ticket type \("General Admission Ticket"\)/);

    h.services.conflicts.resolve(kept?.id ?? 0, 'remote');
    expect(h.drafts.get(seriesId).draft.ticket_type).toMatchObject({ name: 'General Admission Ticket' });
    await h.sandbox.control.clearRequests();
    expect(await h.syncRequests()).toMatchObject({ outcome: 'succeeded', requests: h.refreshReads() });
  });
});

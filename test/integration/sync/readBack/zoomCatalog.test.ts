import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ZoomEventListItem } from '../../../../shared/zoom/zoomCatalog';
import { standupSeries, syncHarness } from '../../../support/syncHarness';

// Browsing the account's events on Zoom: the real services over a real SQLite file, the sandbox
// over HTTP, seeded with events Cadence did not create.
let harness: Awaited<ReturnType<typeof syncHarness>>;
beforeEach(async () => {
  harness = await syncHarness();
});
afterEach(async () => {
  await harness.close();
});

async function everyPage(query: { hub_id?: string; page_size: number }): Promise<ZoomEventListItem[][]> {
  const pages: ZoomEventListItem[][] = [];
  let token: string | undefined;
  do {
    const page = await harness.services.zoomCatalog.page({
      ...query,
      ...(token === undefined ? {} : { page_token: token }),
    });
    pages.push(page.events);
    token = page.next_page_token;
  } while (token !== undefined);
  return pages;
}

describe("browsing the account's events on Zoom", () => {
  it('lists each event once over every page, with its hub, sessions and registrations counted', async () => {
    const seeded = await harness.sandbox.control.seed({ registrants: 7 });
    const pages = await everyPage({ page_size: 1 });
    const events = pages.flat();
    expect(Math.max(...pages.map((page) => page.length))).toBe(1);
    expect(events.map((event) => event.event_id).sort()).toEqual(seeded.map((event) => event.event_id).sort());
    const standup = events.find((event) => event.name === 'Engineering Team Weekly Standup');
    expect(standup).toMatchObject({
      event_type: 'RECURRING',
      status: 'published',
      hub_id: 'hub-engineering-team',
      hub_name: 'Engineering Team Hub',
      timezone: 'America/New_York',
      // Twelve Mondays, one deleted on Zoom.
      sessions: 11,
      registrations: 7,
      series_id: null,
      cannot_open: null,
    });
    expect(Date.parse(standup?.last_start ?? '') - Date.parse(standup?.first_start ?? '')).toBeGreaterThan(
      9 * 7 * 86_400_000,
    );
  });

  it('filters by hub, and counts one request per event for its registrations', async () => {
    await harness.sandbox.control.seed({ registrants: 3 });
    await harness.sandbox.control.clearRequests();
    const pages = await everyPage({ hub_id: 'hub-sandbox-main', page_size: 30 });
    expect(pages.flat().map((event) => [event.name, event.hub_name, event.registrations])).toEqual([
      ['Git & GitHub Training Series', 'Sandbox Hub', 3],
    ]);
    const operations = (await harness.sandbox.control.requests()).flatMap((request) => request.operationId ?? []);
    // Zoom lists by status, not hub: both statuses' pages, the hubs' names, and one event's sessions and count.
    expect(operations.sort()).toEqual([
      'getEventSessionList',
      'getEvents',
      'getEvents',
      'getHubList',
      'getRegistrants',
    ]);
  });

  it('says which events are series here already, and which Cadence cannot open', async () => {
    const imported = harness.importSeries([standupSeries(2)]);
    expect(imported.created).toBe(1);
    await harness.sync();
    const conference = await harness.sandbox.client.api.createEvent({
      hub_id: 'hub-sandbox-main',
      name: 'Annual Conference',
      description: '',
      timezone: 'UTC',
      event_type: 'SIMPLE_EVENT',
      access_level: 'PRIVATE_UNRESTRICTED',
      attendance_type: 'virtual',
      calendar: [{ start_time: '2027-05-01T09:00:00Z', end_time: '2027-05-02T17:00:00Z' }],
    });
    // Made a conference on Zoom's console: the API's create takes no such type.
    await harness.sandbox.control.edit({
      kind: 'update-event',
      event_id: conference.event_id,
      fields: { event_type: 'CONFERENCE' },
    });
    const events = (await everyPage({ page_size: 30 })).flat();
    const seriesId = harness.drafts.list()[0]?.id;
    expect(events.find((event) => event.series_id !== null)).toMatchObject({ series_id: seriesId });
    expect(events.find((event) => event.event_id === conference.event_id)?.cannot_open).toMatch(/conference/i);
  });

  it('refuses a page token that is not one of its pages, naming it', async () => {
    await expect(
      harness.services.zoomCatalog.page({ page_token: 'bm90LWEtY3Vyc29y', page_size: 5 }),
    ).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: 'page_token' }] });
  });
});

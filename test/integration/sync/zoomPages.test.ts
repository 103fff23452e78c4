import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readZoomPages } from '../../../main/sync/zoomPageReader';
import { standupSeries, syncHarness } from '../../support/syncHarness';

// What a planner opens and shares, read from the sandbox over HTTP after the app's sync.
let h: Awaited<ReturnType<typeof syncHarness>>;
beforeEach(async () => {
  h = await syncHarness();
});
afterEach(async () => {
  await h.close();
});

describe("a synced series' pages on Zoom", () => {
  it("are read once after the app's sync: the hub's name, the event's page and the registration link", async () => {
    const [imported] = h.importSeries([standupSeries(0)]).series;
    const seriesId = imported?.id ?? '';
    expect(h.services.stores.pages.get(seriesId)).toEqual({ hub_name: null, event_url: null, registration_url: null });

    await h.services.sync.run();
    const data = h.sandbox.sandbox.data;
    const event = data.events.find((candidate) => candidate.hub_id === 'hub-sandbox-main');
    const link = data.accessLinks.find((candidate) => candidate.event_id === event?.event_id);
    expect(h.services.stores.pages.get(seriesId)).toEqual({
      hub_name: 'Sandbox Hub',
      event_url: `https://events.zoom.us/ev/${event?.event_id ?? ''}`,
      registration_url: link?.url,
    });
    expect(h.drafts.list()[0]?.hub_name).toBe('Sandbox Hub');

    // Everything known: the next sync reads the series back from Zoom, and nothing for its pages.
    await h.sandbox.control.clearRequests();
    await h.services.sync.run();
    const operations = (await h.sandbox.control.requests()).map((request) => request.operationId ?? request.path);
    expect(operations.sort()).toEqual(h.refreshReads().map((read) => read.split(' ')[0]));
  });

  it('keeps only web addresses from Zoom, and asks again at the next sync for what Zoom did not answer', async () => {
    const [imported] = h.importSeries([standupSeries(0)]).series;
    const seriesId = imported?.id ?? '';
    await h.sync();
    const api = h.sandbox.client.api;
    await readZoomPages(h.services.stores.pages, {
      getEvent: async (eventId) => ({ ...(await api.getEvent(eventId)), event_url: 'javascript:alert(1)' }),
      getAccessLink: () => Promise.reject(new Error('Zoom did not answer')),
      listHubs: () => api.listHubs(),
    });
    expect(h.services.stores.pages.get(seriesId)).toEqual({
      hub_name: 'Sandbox Hub',
      event_url: null,
      registration_url: null,
    });
    expect(h.services.stores.pages.toRead().map((due) => due.seriesId)).toEqual([seriesId]);
  });
});

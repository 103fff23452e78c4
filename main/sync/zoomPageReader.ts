import { zoomPageUrlSchema } from '../../shared/zoom/zoomPages';
import type { ZoomPageStore } from '../db/zoomPageStore';
import type { ZoomEventsApi } from '../zoom/zoomEventsApi';

/** An address from Zoom's answer, kept only when it is a web page. */
function pageUrl(value: string | undefined): string | null {
  const parsed = zoomPageUrlSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Reads from Zoom what a planner opens and shares for each synced series still missing some of
 * it: the event's hub name and page (`GET` the event) and the registration link's address (`GET`
 * the link; Zoom's create answer leaves it out). Reads only what is missing, so once every page is
 * known a sync reads nothing more. A series Zoom does not answer for is read again at the next sync.
 */
export async function readZoomPages(
  store: ZoomPageStore,
  api: Pick<ZoomEventsApi, 'getEvent' | 'getAccessLink' | 'listHubs'>,
  signal?: AbortSignal,
): Promise<void> {
  let hubNames: Promise<Map<string, string>> | undefined;
  const hubName = async (hubId: string) => {
    hubNames ??= api.listHubs().then((hubs) => new Map(hubs.map((hub) => [hub.hub_id, hub.name])));
    return (await hubNames).get(hubId) ?? null;
  };
  for (const due of store.toRead()) {
    if (signal?.aborted === true) return;
    const pages = { ...due.pages };
    // Each read on its own: what one gave is kept when the other fails.
    await unlessZoomFails(async () => {
      if (pages.hub_name !== null && pages.event_url !== null) return;
      const event = await api.getEvent(due.eventId);
      pages.event_url = pageUrl(event.event_url) ?? pages.event_url;
      if (pages.hub_name === null && event.hub_id !== undefined) pages.hub_name = await hubName(event.hub_id);
    });
    await unlessZoomFails(async () => {
      if (pages.registration_url !== null || due.accessLinkId === undefined) return;
      pages.registration_url = pageUrl((await api.getAccessLink(due.eventId, due.accessLinkId)).url);
    });
    store.record(due.seriesId, pages);
  }
}

/** Nothing depends on these pages: what Zoom does not answer now is asked again at the next sync. */
async function unlessZoomFails(read: () => Promise<void>): Promise<void> {
  try {
    await read();
  } catch {
    // Left unknown; `ZoomPageStore.toRead` lists it again.
  }
}

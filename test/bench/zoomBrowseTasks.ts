import { ZoomCatalog } from '../../main/sync/readBack/zoomCatalog';
import { createZoomClient } from '../../main/zoom/zoomClient';

export interface BrowseRun {
  /** Milliseconds from asking for the page to having it. */
  elapsedMs: number;
  events: number;
  registrations: number;
}

/** One page of the account's events, as the On Zoom screen asks for it, through a fresh client. */
export async function browsePage(
  urls: { apiUrl: string; oauthUrl: string },
  credentials: { account_id: string; client_id: string; client_secret: string },
  pageSize: number,
): Promise<BrowseRun> {
  const client = createZoomClient({ urls, credentials: () => Promise.resolve(credentials), plan: () => 'pro' });
  try {
    const catalog = new ZoomCatalog({ api: () => Promise.resolve(client.api), seriesOfEvents: () => new Map() });
    const started = performance.now();
    const page = await catalog.page({ page_size: pageSize });
    const elapsedMs = performance.now() - started;
    const registrations = page.events.reduce((sum, event) => sum + (event.registrations ?? 0), 0);
    return { elapsedMs, events: page.events.length, registrations };
  } finally {
    await client.close();
  }
}

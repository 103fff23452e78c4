import { databaseFile, openDatabase } from '../../main/db/database';
import { createServices } from '../../main/services';
import { createZoomClient } from '../../main/zoom/zoomClient';

/**
 * Opens every upcoming and draft event of a hub into a new data folder, as `cadence zoom open
 * --hub` does, on the Pro plan; the wall and CPU time of this process measured around the opening
 * only, and what the outbox has to send afterwards (nothing, when the series are what Zoom holds).
 */
export async function openHub(
  dataDir: string,
  urls: { apiUrl: string; oauthUrl: string },
  credentials: { account_id: string; client_id: string; client_secret: string },
  hubId: string,
) {
  const { db } = openDatabase(databaseFile(dataDir));
  const client = createZoomClient({ urls, credentials: () => Promise.resolve(credentials), plan: () => 'pro' });
  const services = createServices({ db, zoom: () => Promise.resolve(client) });
  try {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const report = await services.zoomOpener.open({ hub_id: hubId });
    const elapsedMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    return {
      opened: report.results.filter((result) => result.outcome === 'opened').length,
      failed: report.results.filter((result) => result.outcome === 'failed').map((result) => result.error?.message),
      requests: report.requests,
      waiting: services.stores.outbox.waiting().length,
      attendees: Number(db.prepare('SELECT COUNT(*) FROM attendee').pluck().get()),
      elapsedMs,
      cpuMicros: cpu.user + cpu.system,
    };
  } finally {
    await services.close();
    await client.close();
    db.close();
  }
}

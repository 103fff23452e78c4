// Runs one sync of a data directory against the sandbox, and kills itself with SIGKILL as soon as
// Zoom has answered the API call named by CADENCE_KILL_AFTER (before Cadence records the answer).
// Run by test/integration/sync/changeSessions.test.ts, bundled with esbuild. CADENCE_SYNC_DATA_DIR,
// CADENCE_ZOOM_API_URL and CADENCE_ZOOM_OAUTH_URL say where.
import { databaseFile, openDatabase } from '../../main/db/database';
import { sandboxDefaultCredentials } from '../../main/sandbox/sandboxServer';
import { createServices } from '../../main/services';
import { createZoomClient } from '../../main/zoom/zoomClient';

const killAfter = process.env.CADENCE_KILL_AFTER ?? '';
const { db } = openDatabase(databaseFile(process.env.CADENCE_SYNC_DATA_DIR ?? ''));
const client = createZoomClient({
  urls: { apiUrl: process.env.CADENCE_ZOOM_API_URL ?? '', oauthUrl: process.env.CADENCE_ZOOM_OAUTH_URL ?? '' },
  credentials: () => Promise.resolve(sandboxDefaultCredentials),
  plan: () => 'business',
});
const api = new Proxy(client.api, {
  get(target, property, receiver) {
    const value = Reflect.get(target, property, receiver) as unknown;
    if (property !== killAfter || typeof value !== 'function') return value;
    return async (...args: unknown[]) => {
      await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      process.kill(process.pid, 'SIGKILL');
    };
  },
});
const services = createServices({ db, zoom: () => Promise.resolve({ ...client, api }) });
const report = await services.sync.run();
process.stdout.write(`${JSON.stringify(report)}\n`);
await client.close();
db.close();

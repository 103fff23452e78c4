// Runs one sync of a data directory against the sandbox and prints the report as JSON.
// Run by test/integration/sync/syncFaults.test.ts (bundled with esbuild), which kills it at random
// moments. CADENCE_SYNC_DATA_DIR, CADENCE_ZOOM_API_URL and CADENCE_ZOOM_OAUTH_URL say where.
import { databaseFile, openDatabase } from '../../main/db/database';
import { sandboxDefaultCredentials } from '../../main/sandbox/sandboxServer';
import { createServices } from '../../main/services';
import { createZoomClient } from '../../main/zoom/zoomClient';

const dataDir = process.env.CADENCE_SYNC_DATA_DIR ?? '';
const { db } = openDatabase(databaseFile(dataDir));
const client = createZoomClient({
  urls: { apiUrl: process.env.CADENCE_ZOOM_API_URL ?? '', oauthUrl: process.env.CADENCE_ZOOM_OAUTH_URL ?? '' },
  credentials: () => Promise.resolve(sandboxDefaultCredentials),
  plan: () => 'business',
  retry: { minDelayMs: 5, maxDelayMs: 50 },
});
const services = createServices({ db, zoom: () => Promise.resolve(client) });
process.stdout.write('ready\n');
const report = await services.sync.run();
process.stdout.write(`${JSON.stringify(report)}\n`);
await client.close();
db.close();

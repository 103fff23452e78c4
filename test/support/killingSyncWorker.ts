// Runs one sync of a data directory against the sandbox and kills itself with SIGKILL right after
// Zoom answered the call CADENCE_KILL_AFTER names ("createTickets", "eventAction:cancel"), before
// Cadence records the answer: the crash that leaves a change made on Zoom and unknown here.
// Prints the report as JSON when it was not killed. Bundled by the tests that run it.
import { databaseFile, openDatabase } from '../../main/db/database';
import { sandboxDefaultCredentials } from '../../main/sandbox/sandboxServer';
import { createServices } from '../../main/services';
import { createZoomClient, type ZoomClient } from '../../main/zoom/zoomClient';

const dataDir = process.env.CADENCE_SYNC_DATA_DIR ?? '';
const killAfter = process.env.CADENCE_KILL_AFTER ?? '';
const { db } = openDatabase(databaseFile(dataDir));
const client = createZoomClient({
  urls: { apiUrl: process.env.CADENCE_ZOOM_API_URL ?? '', oauthUrl: process.env.CADENCE_ZOOM_OAUTH_URL ?? '' },
  credentials: () => Promise.resolve(sandboxDefaultCredentials),
  plan: () => 'business',
  retry: { minDelayMs: 5, maxDelayMs: 50 },
});

/** The call's name as CADENCE_KILL_AFTER spells it: the method, and an event action's operation. */
function callName(method: string, args: unknown[]): string {
  const action = method === 'eventAction' ? (args[1] as { operation?: string } | undefined)?.operation : undefined;
  return action === undefined ? method : `${method}:${action}`;
}

const api = new Proxy(client.api, {
  get(target, property, receiver) {
    const value = Reflect.get(target, property, receiver) as unknown;
    if (typeof value !== 'function' || typeof property !== 'string') return value;
    return async (...args: unknown[]) => {
      const answer = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      if (callName(property, args) === killAfter) process.kill(process.pid, 'SIGKILL');
      return answer;
    };
  },
});
const killing: ZoomClient = { ...client, api };
const services = createServices({ db, zoom: () => Promise.resolve(killing) });
const report = await services.sync.run();
process.stdout.write(`${JSON.stringify(report)}\n`);
await client.close();
db.close();

import { setTimeout as sleep } from 'node:timers/promises';
import { databaseFile, openDatabase } from '../../main/db/database';
import { createServices } from '../../main/services';
import { createZoomClient } from '../../main/zoom/zoomClient';
import type { ZoomEventsApi } from '../../main/zoom/zoomEventsApi';


/** `count` weekly series of 12 sessions, each with `attendees` people, in the sandbox's hub. */
export function seriesFile(count: number, attendees: number) {
  return {
    version: 1,
    series: Array.from({ length: count }, (_, s) => ({
      key: `bench-${String(s)}`,
      hub_id: 'hub-sandbox-main',
      name: `Engineering Team Weekly Standup ${String(s + 1)}`,
      timezone: 'America/New_York',
      event_type: 'RECURRING',
      meeting_type: 'MEETING',
      start_time: '2027-01-05T15:00:00Z',
      recurrence: { type: 2, repeat_interval: 1, weekly_days: [3], end_times: 12, duration: 30 },
      ticket_type: { name: 'Team Member Pass', free: true, quantity: attendees + 10, currency: 'USD' },
      registration: { link_name: 'Team Registration Link', recurring_registration_option: 'all_sessions' },
      attendees: Array.from({ length: attendees }, (_, i) => ({
        email: `person${String(i)}@example.com`,
        first_name: `Person${String(i)}`,
      })),
      publish: true,
    })),
  };
}

export function importDrafts(dataDir: string, file: unknown): void {
  const { db } = openDatabase(databaseFile(dataDir));
  createServices({ db }).drafts.importFile(file, { dryRun: false });
  db.close();
}

/**
 * The Meetings script's pace: one call at a time, then a one-second pause, whatever the limits.
 * Every method of the API waits for the previous call and its pause.
 */
function oneCallThenPause(api: ZoomEventsApi): ZoomEventsApi {
  let line: Promise<unknown> = Promise.resolve();
  return new Proxy(api, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const turn = line.then(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
        line = turn.then(
          () => sleep(1000),
          () => sleep(1000),
        );
        return turn;
      };
    },
  });
}

export async function runSync(
  dataDir: string,
  urls: { apiUrl: string; oauthUrl: string },
  credentials: { account_id: string; client_id: string; client_secret: string },
  pace: 'limiter' | 'one-per-second',
) {
  const { db } = openDatabase(databaseFile(dataDir));
  const client = createZoomClient({ urls, credentials: () => Promise.resolve(credentials), plan: () => 'pro' });
  try {
    const api = pace === 'limiter' ? client.api : oneCallThenPause(client.api);
    const started = performance.now();
    const services = createServices({ db, zoom: () => Promise.resolve({ ...client, api }) });
    const report = await services.sync.run();
    return { report, elapsedMs: performance.now() - started };
  } finally {
    await client.close();
    db.close();
  }
}

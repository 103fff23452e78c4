import { databaseFile, openDatabase } from '../../main/db/database';
import { createServices } from '../../main/services';
import { createZoomClient, type ZoomClient } from '../../main/zoom/zoomClient';

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

/** The warm-up's drafts: one small series of its own, so that it shares nothing with the measured ones. */
export function warmUpFile() {
  const file = seriesFile(1, 30);
  return { ...file, series: file.series.map((series) => ({ ...series, key: 'warm-up', name: 'Warm-up Standup' })) };
}

export function importDrafts(dataDir: string, file: unknown): void {
  const { db } = openDatabase(databaseFile(dataDir));
  createServices({ db }).drafts.importFile(file, { dryRun: false });
  db.close();
}

/** What the benchmark needs of a finished sync. */
export interface SyncResult {
  outcome: string;
  message: string;
}

/** What `runSync` is given: an open data folder and a Zoom client signed in to the sandbox. */
export interface SyncContext {
  dataDir: string;
  db: ReturnType<typeof openDatabase>['db'];
  client: ZoomClient;
  /** Series synced at once. */
  concurrency: number;
}

/**
 * The one place that starts a sync: when the engine's constructor or API changes, adapt these
 * few lines (and only these) so that they run one whole sync of the data folder and answer how
 * it ended.
 */
export async function runSync({ db, client, concurrency }: SyncContext): Promise<SyncResult> {
  const services = createServices({ db, zoom: () => Promise.resolve(client), engine: { concurrency } });
  const report = await services.sync.run();
  return { outcome: report.outcome, message: report.message };
}

/**
 * One sync of `dataDir` against the sandbox on the Pro plan, with the CPU time (user + system,
 * microseconds) and wall time of this process measured around `runSync` only: opening the data
 * folder and making the client happen before, closing them after.
 */
export async function measuredSync(
  dataDir: string,
  urls: { apiUrl: string; oauthUrl: string },
  credentials: { account_id: string; client_id: string; client_secret: string },
  concurrency: number,
) {
  const { db } = openDatabase(databaseFile(dataDir));
  const client = createZoomClient({ urls, credentials: () => Promise.resolve(credentials), plan: () => 'pro' });
  try {
    const rssBeforeBytes = process.memoryUsage.rss();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const result = await runSync({ dataDir, db, client, concurrency });
    const elapsedMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    return { ...result, elapsedMs, cpuMicros: cpu.user + cpu.system, rssBeforeBytes };
  } finally {
    await client.close();
    db.close();
  }
}

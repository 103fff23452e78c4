import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { databaseFile, openDatabase } from '../../main/db/database';
import { createServices } from '../../main/services';
import type { SyncOptions } from '../../main/sync/syncEngine';
import { SyncEngine } from '../../main/sync/syncEngine';
import { sandboxHarness, type SandboxHarness } from './sandbox';
import { makeTempDir } from './tempDir';

const example = JSON.parse(readFileSync('test/fixtures/series-file-example.json', 'utf8')) as {
  series: Record<string, unknown>[];
};

/** The tutorial's 12-week standup in the sandbox's hub, with `attendees` people and no occurrence changes. */
export function standupSeries(attendees: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...example.series[0],
    key: `standup-${String(attendees)}`,
    hub_id: 'hub-sandbox-main',
    start_time: '2027-01-05T15:00:00Z',
    occurrence_changes: [],
    ticket_type: { name: 'Team Member Pass', free: true, quantity: 1000, currency: 'USD' },
    attendees: Array.from({ length: attendees }, (_, i) => ({
      email: `person${String(i)}@example.com`,
      first_name: `Person${String(i)}`,
      last_name: 'Example',
    })),
    ...overrides,
  };
}

/** The event a request's path names, if any. */
function eventIdIn(path: string): string {
  return /\/events\/([^/?]+)/.exec(path)?.[1] ?? '';
}

/** A data directory with the services every host runs, and a sandbox with a client signed in to it. */
export async function syncHarness(options?: Parameters<typeof sandboxHarness>[0], clock?: { now: () => number }) {
  const dir = makeTempDir();
  const { db } = openDatabase(databaseFile(join(dir.path, 'data')));
  const sandbox: SandboxHarness = await sandboxHarness(options);
  const services = createServices({ db, zoom: () => Promise.resolve(sandbox.client), ...clock });
  return {
    db,
    /** The data folder, for a sync process of its own. */
    dataDir: join(dir.path, 'data'),
    services,
    drafts: services.drafts,
    sandbox,
    importSeries(series: Record<string, unknown>[]) {
      return services.drafts.importFile({ version: 1, series }, { dryRun: false });
    },
    /** One sync with the engine's options (the app's sync is `services.sync.run()`). */
    sync(syncOptions: SyncOptions = {}) {
      const { stores } = services;
      const parts = {
        outbox: stores.outbox,
        drafts: stores.series,
        attendees: stores.attendees,
        log: stores.log,
        api: sandbox.client.api,
        meetings: { api: sandbox.client.meetings, store: stores.meetings, quota: stores.meetingQuota },
      };
      return new SyncEngine(parts, { requestCount: () => sandbox.client.requestCount(), ...syncOptions }).run();
    },
    /**
     * The reads a sync starts with: each linked, ready series read back from Zoom (its event, its
     * sessions if recurring, ticket types, links and one page of tickets), as `operation event`, sorted.
     */
    refreshReads(): string[] {
      const linked = db
        .prepare(
          'SELECT zoom_event_id AS eventId, event_type AS type FROM series WHERE zoom_event_id IS NOT NULL AND deleted_at IS NULL AND is_ready = 1',
        )
        .all() as { eventId: string; type: string }[];
      return linked
        .flatMap(({ eventId, type }) =>
          [
            'getEventInfo',
            ...(type === 'RECURRING' ? ['getEventSessionList'] : []),
            'getEventTicketTypes',
            'getEventAccessLinks',
            'getTickets',
          ].map((operation) => `${operation} ${eventId}`),
        )
        .sort();
    },
    /**
     * One sync and what Zoom answered: its outcome, each request as `operation event`, sorted, and
     * how many Zoom refused with a 429 (sent again later, so counted apart: a busy machine can make
     * the client's pace and Zoom's count of arrivals disagree).
     */
    async syncRequests(syncOptions: SyncOptions = {}) {
      await sandbox.control.clearRequests();
      const report = await this.sync(syncOptions);
      const seen = (await sandbox.control.requests()).filter((request) => request.operationId !== undefined);
      const requests = seen
        .filter((request) => request.status !== 429)
        .map((request) => `${request.operationId ?? ''} ${eventIdIn(request.path)}`)
        .sort();
      return { outcome: report.outcome, done: report.done, requests, refused: seen.length - requests.length };
    },
    async close() {
      await services.close();
      await sandbox.close();
      db.close();
      dir.remove();
    },
  };
}

import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { databaseFile, openDatabase } from '../../main/db/database';
import { SyncStore } from '../../main/db/syncStore';
import { DraftService } from '../../main/drafts/draftService';
import { SyncEngine, type SyncOptions } from '../../main/sync/syncEngine';
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

/** A data directory with drafts, and a sandbox with a client signed in to it. */
export async function syncHarness() {
  const dir = makeTempDir();
  const { db } = openDatabase(databaseFile(join(dir.path, 'data')));
  const drafts = new DraftService(db);
  const sandbox: SandboxHarness = await sandboxHarness();
  return {
    db,
    drafts,
    sandbox,
    store: new SyncStore(db, () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')),
    importSeries(series: Record<string, unknown>[]) {
      return drafts.importFile({ version: 1, series }, { dryRun: false });
    },
    sync(options: SyncOptions = {}) {
      const engine = new SyncEngine(
        new SyncStore(db, () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')),
        sandbox.client.api,
        { requestCount: () => sandbox.client.requestCount(), ...options },
      );
      return engine.run();
    },
    async close() {
      await sandbox.close();
      db.close();
      dir.remove();
    },
  };
}

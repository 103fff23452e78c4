import type Database from 'better-sqlite3';
import { CadenceError } from '../../shared/errors';
import type { PlannedCall, SyncProgress, SyncReport } from '../../shared/sync/syncReport';
import { SyncStore } from '../db/syncStore';
import type { ZoomConnection } from '../account/zoomConnection';
import { plannedCalls } from './dryRun';
import { SyncEngine } from './syncEngine';

const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Runs syncs for the app and the CLI: one at a time, cancellable, with progress. */
export class SyncService {
  private running: { controller: AbortController; done: Promise<SyncReport> } | undefined;

  constructor(
    private readonly db: Database.Database,
    private readonly connection: ZoomConnection,
  ) {}

  /** Every call a sync would make now, in order; no network. */
  plan(): PlannedCall[] {
    return plannedCalls(new SyncStore(this.db, isoNow), Date.now());
  }

  isRunning(): boolean {
    return this.running !== undefined;
  }

  async run(
    options: { onProgress?: (progress: SyncProgress) => void; signal?: AbortSignal } = {},
  ): Promise<SyncReport> {
    if (this.running !== undefined) throw new CadenceError('conflict', 'A sync is already running.');
    const controller = new AbortController();
    options.signal?.addEventListener('abort', () => {
      controller.abort();
    });
    const done = (async () => {
      const client = await this.connection.zoom();
      const engine = new SyncEngine(new SyncStore(this.db, isoNow), client.api, {
        signal: controller.signal,
        requestCount: () => client.requestCount(),
        warmUp: () => client.tokens.token(),
        ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      });
      return engine.run();
    })();
    this.running = { controller, done };
    try {
      return await done;
    } finally {
      this.running = undefined;
    }
  }

  /** Stops the running sync after the calls already on their way; what is left waits. */
  cancel(): boolean {
    if (this.running === undefined) return false;
    this.running.controller.abort();
    return true;
  }
}

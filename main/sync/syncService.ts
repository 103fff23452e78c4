import { CadenceError } from '../../shared/errors';
import type { PendingChange } from '../../shared/sync/syncRun';
import type { PlannedCall, SyncProgress, SyncReport } from '../../shared/sync/syncReport';
import type { Stores } from '../db/stores';
import type { ZoomClient } from '../zoom/zoomClient';
import { ZoomEventsApi } from '../zoom/zoomEventsApi';
import { RecordingZoomTransport } from './dryRun';
import { LastSyncedZoom } from './lastSyncedZoom';
import { operationKindOf } from './operations/registry';
import { SyncEngine, type SyncOptions, type SyncParts } from './syncEngine';
import { waitingChanges, waitingMeetingChanges } from './waitingChanges';
import { ZoomMeetingsClient, type ZoomMeetingsApi } from '../zoom/zoomMeetingsApi';
import { readZoomPages } from './zoomPageReader';

export interface SyncServiceDeps {
  stores: Stores;
  /** The signed-in Zoom client (the account's). */
  zoom: () => Promise<Pick<ZoomClient, 'api' | 'meetings' | 'requestCount' | 'tokens'>>;
  /** A throwaway copy of the stores for the dry run: the real steps run over it and it is closed after. */
  copyStores: () => Stores & { close(): void };
  now: () => number;
  /** Engine settings the hosts and tests choose (series at once). */
  engine?: Pick<SyncOptions, 'concurrency' | 'maxUnknownOutcomes'>;
}

function partsOf(stores: Stores, api: ZoomEventsApi, meetings: ZoomMeetingsApi): SyncParts {
  return {
    outbox: stores.outbox,
    drafts: stores.series,
    attendees: stores.attendees,
    log: stores.log,
    api,
    meetings: { api: meetings, store: stores.meetings, quota: stores.meetingQuota },
  };
}

/** Runs syncs for every host: one at a time, cancellable, with progress; the waiting list and the dry run. */
export class SyncService {
  private running: { controller: AbortController; done: Promise<SyncReport> } | undefined;

  constructor(private readonly deps: SyncServiceDeps) {}

  /** What waits for Zoom, in the planner's words. */
  pending(): PendingChange[] {
    const { outbox } = this.deps.stores;
    return [
      ...waitingChanges(outbox.waiting(), (seriesId) => outbox.liveSessionCount(seriesId)),
      ...waitingMeetingChanges(outbox.meetings.waiting()),
    ];
  }

  /**
   * Every call a sync would make now, in order, without touching the network: the sync's own
   * steps, one at a time, over a copy of the data and a Zoom that answers as last synced.
   */
  async plan(): Promise<PlannedCall[]> {
    const copy = this.deps.copyStores();
    try {
      // Nothing to send and nothing to read back: no call at all, not even signing in.
      const hasWork =
        copy.outbox.work().length > 0 ||
        copy.outbox.linkedSeries().length > 0 ||
        copy.outbox.meetings.work().length > 0;
      if (!hasWork) return [];
      const transport = new RecordingZoomTransport(new LastSyncedZoom(copy.db, (id) => copy.series.get(id)));
      const parts = partsOf(copy, new ZoomEventsApi(transport), new ZoomMeetingsClient(transport));
      await new SyncEngine(parts, {
        isSerial: true,
        now: this.deps.now,
        // A create or update beyond its host's daily limit is listed where it would have gone, saying until when it waits.
        onQuotaWait: (wait) => transport.calls.push(wait),
      }).run();
      const signIn: PlannedCall = {
        series: '',
        method: 'POST',
        path: '/oauth/token?grant_type=account_credentials',
        what: 'signing in',
      };
      return [signIn, ...transport.calls];
    } finally {
      copy.close();
    }
  }

  isRunning(): boolean {
    return this.running !== undefined;
  }

  /**
   * Sends what waits. With `withholdPublic`, what would become visible to the public (a new event,
   * publishing, a cancellation that emails registrants) and what depends on it keep waiting.
   */
  async run(
    options: { onProgress?: (progress: SyncProgress) => void; signal?: AbortSignal; withholdPublic?: boolean } = {},
  ): Promise<SyncReport> {
    if (this.running !== undefined) throw new CadenceError('conflict', 'A sync is already running.');
    const controller = new AbortController();
    options.signal?.addEventListener('abort', () => {
      controller.abort();
    });
    const done = (async () => {
      const client = await this.deps.zoom();
      const report = await new SyncEngine(partsOf(this.deps.stores, client.api, client.meetings), {
        ...this.deps.engine,
        now: this.deps.now,
        signal: controller.signal,
        requestCount: () => client.requestCount(),
        warmUp: () => client.tokens.token(),
        ...(options.withholdPublic === true
          ? { isWithheld: (op) => operationKindOf(op.kind)?.kind.publicEffect !== undefined }
          : {}),
        ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      }).run();
      // After the changes, when Zoom answered: what the planner opens and shares, read once Zoom has it.
      if (report.outcome === 'succeeded' || report.outcome === 'needs_attention') {
        await readZoomPages(this.deps.stores.pages, client.api, controller.signal);
      }
      return report;
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

import type { SeriesDraft } from '../../shared/drafts/seriesDraft';
import { seriesDraftSchema } from '../../shared/drafts/seriesDraft';
import { draftIssues } from '../../shared/drafts/seriesFile';
import { CadenceError } from '../../shared/errors';
import type { ChangeSource } from '../../shared/history/seriesHistory';
import type { SyncProgress } from '../../shared/sync/syncReport';
import type { ConflictInput, Outbox } from '../db/outbox/outbox';
import type { SyncLog } from '../db/syncLog';
import type { ZoomEventsApi } from '../zoom/zoomEventsApi';
import { ZoomOutcomeUnknownError } from '../zoom/zoomErrors';
import type { Adoption, Delivery, Operation, RunContext, SeriesLinks, SeriesRun } from './operations/operation';
import { mapSessions } from './operations/session';
import { Cancelled, NotSent, Offline, RateLimited, zoomCall } from './runSignals';

/** Where the sync reads and writes drafts: the one store that saves a draft with its outbox. */
export interface DraftWriter {
  get(id: string, options?: { withAttendees: boolean }): SeriesDraft | undefined;
  /** Saves everything but the attendees, re-planning the outbox, in the caller's transaction. */
  saveDetails(draft: SeriesDraft, id: string, by?: ChangeSource): unknown;
}

export interface RunContextOptions {
  api: ZoomEventsApi;
  outbox: Outbox;
  drafts: DraftWriter;
  log: SyncLog;
  now: () => number;
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  /** Tries of a create whose outcome stayed unknown, within one run. */
  maxUnknownOutcomes?: number;
}

/** Writes Zoom keeps answering 429 to before the write waits for the next sync. */
const maxRateLimitedWrites = 5;

/** The context of one run: what steps may use, and the run's counts. */
export class EngineContext implements RunContext {
  readonly api: ZoomEventsApi;
  readonly outbox: Outbox;
  conflicts = 0;
  done = 0;
  total = 0;
  private readonly started: number;
  private hubs: Promise<string[]> | undefined;

  constructor(private readonly options: RunContextOptions) {
    this.api = options.api;
    this.outbox = options.outbox;
    this.started = options.now();
  }

  now(): number {
    return this.options.now();
  }

  call<T>(work: () => Promise<T>): Promise<T> {
    return zoomCall(work);
  }

  throwIfCancelled(): void {
    if (this.options.signal?.aborted === true) throw new Cancelled('cancelled');
  }

  progress(step: string, finished: number): void {
    this.done += finished;
    const elapsed = (this.now() - this.started) / 1000;
    const eta = this.done === 0 ? null : Math.round((elapsed / this.done) * Math.max(0, this.total - this.done));
    this.options.onProgress?.({ done: this.done, total: this.total, step, eta_seconds: eta });
  }

  conflict(input: ConflictInput): void {
    this.conflicts += 1;
    this.outbox.openConflict(input);
  }

  exactlyOnce<T>(
    op: Operation,
    send: () => Promise<T>,
    lookup: () => Promise<T | undefined>,
    record: (result: T) => void,
  ): Promise<void> {
    return this.deliver([op], {
      async lookup() {
        const found = await lookup();
        if (found === undefined) return [op];
        record(found);
        return [];
      },
      async send() {
        record(await send());
      },
    });
  }

  async deliver<O extends Operation>(ops: readonly O[], delivery: Delivery<O>): Promise<void> {
    const maxUnknown = this.options.maxUnknownOutcomes ?? 3;
    const ids = (some: readonly O[]) => some.map((op) => op.id);
    let pending = ops;
    let isLookupFirst = ops.some((op) => op.state === 'in_flight');
    for (let unknown = 0, limited = 0; pending.length > 0;) {
      if (isLookupFirst) {
        const current = pending;
        pending = await this.call(() => delivery.lookup(current));
        if (pending.length === 0) return;
      }
      try {
        const current = pending;
        await this.call(() => delivery.send(current));
        return;
      } catch (error) {
        if (error instanceof NotSent) this.outbox.markPending(ids(pending));
        if (error instanceof RateLimited && limited < maxRateLimitedWrites) {
          // A 429 means Zoom did nothing: the same write goes again, without a look-up.
          limited += 1;
          isLookupFirst = false;
          continue;
        }
        if (!(error instanceof ZoomOutcomeUnknownError)) throw error;
        unknown += 1;
        if (unknown >= maxUnknown) throw new Offline(error.message);
        isLookupFirst = true;
      }
    }
  }

  adopt(adoption: Adoption): boolean {
    const { series } = adoption;
    const current = this.options.drafts.get(series.seriesId);
    if (current === undefined) return true;
    const parsed = seriesDraftSchema.safeParse(adoption.change(current));
    if (parsed.success) {
      this.options.drafts.saveDetails(parsed.data, series.seriesId, { source: 'zoom' });
      this.options.log.adopted(series.seriesId, adoption.remote);
      return true;
    }
    // A value Zoom accepts but Cadence's own rules refuse must never reach the draft: the series
    // would no longer load. The planner keeps theirs or changes the series.
    const problems = draftIssues(parsed.error).map((issue) => `${issue.path}: ${issue.message}`);
    const fields = Object.keys(adoption.remote);
    const same = { seriesId: series.seriesId, kind: 'invalid_remote' as const, target: adoption.target };
    // Read back again at the next sync, the same refusal is already waiting for the planner.
    if (this.outbox.hasOpenConflictOn({ ...same, subject: fields.join(', ') })) return false;
    this.conflict({
      seriesId: series.seriesId,
      operationId: adoption.operationId,
      kind: 'invalid_remote',
      target: adoption.target,
      subject: fields.join(', '),
      local: adoption.local,
      remote: adoption.remote,
      message: `${series.name}: ${adoption.what} ${fields.join(', ')} changed on Zoom to a value Cadence cannot hold (${problems.join('; ')}).`,
      remoteRefused: `Zoom's version breaks the series' rules: ${problems.join('; ')}. Keep yours, or change the series and sync again.`,
    });
    return false;
  }

  firstHub(): Promise<string> {
    this.hubs ??= this.call(() => this.api.listHubs()).then((hubs) => hubs.map((hub) => hub.hub_id));
    return this.hubs.then(([first]) => {
      if (first === undefined) {
        throw new CadenceError(
          'conflict',
          'The Zoom account hosts no hub to create events in. Ask a hub owner to add it as a host.',
        );
      }
      return first;
    });
  }
}

/** A series during a run, its sessions mapped once when first needed. */
export class RunningSeries implements SeriesRun {
  private mapping: Promise<void> | undefined;

  constructor(
    private readonly ctx: RunContext,
    readonly seriesId: string,
    readonly name: string,
    readonly draft: SeriesDraft | undefined,
    readonly links: SeriesLinks,
  ) {}

  async sessionIds(): Promise<ReadonlyMap<number, string>> {
    if (
      this.links.sessionIds.size === 0 &&
      this.draft?.event_type === 'RECURRING' &&
      this.links.eventId !== undefined
    ) {
      this.mapping ??= mapSessions(this.ctx, this);
      await this.mapping;
    }
    return this.links.sessionIds;
  }

  forgetSessions(): void {
    this.ctx.outbox.records.sessionsRegenerated(this.seriesId);
    this.links.sessionIds.clear();
    this.mapping = undefined;
  }
}

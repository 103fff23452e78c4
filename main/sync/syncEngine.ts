import { CadenceError } from '../../shared/errors';
import type { ConflictKind } from '../../shared/sync/conflicts';
import type { SyncOutcome, SyncProgress, SyncReport } from '../../shared/sync/syncReport';
import type { Outbox, StoredOperation } from '../db/outbox/outbox';
import type { SyncLog } from '../db/syncLog';
import type { ZoomEvent } from '../../shared/zoom/zoomReadShapes';
import type { ZoomEventsApi } from '../zoom/zoomEventsApi';
import { ZoomApiError } from '../zoom/zoomErrors';
import type { Operation, OperationKind } from './operations/operation';
import { operationKindOf } from './operations/registry';
import { carryLateRegistrants } from './readBack/lateRegistrants';
import { readForRefresh } from './readBack/readForRefresh';
import { refreshFromZoom, type ReadZoomSeries } from './readBack/refreshFromZoom';
import type { RefreshStores } from './readBack/refreshTally';
import { MeetingScheduler, type ScheduledMeetingOperation } from './meetingScheduler';
import { EngineContext, RunningSeries, type DraftWriter, type MeetingSyncParts, type QuotaWait } from './runContext';
import { Cancelled, isRefusal, Offline, RateLimited } from './runSignals';

export interface SyncOptions {
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  /** The run's clock, in milliseconds. */
  now?: () => number;
  /** Series synced at once; within a series, every operation whose dependencies are met runs at once. */
  concurrency?: number;
  /** One call at a time, in the registry's order: the dry run's listing, and its test. */
  isSerial?: boolean;
  /** Tries of a create whose outcome stayed unknown, within one run. */
  maxUnknownOutcomes?: number;
  /** HTTP requests the client has sent so far, for the report. */
  requestCount?: () => number;
  /** Started before the outbox is read, so that signing in overlaps it (the token request). */
  warmUp?: () => Promise<unknown>;
  /**
   * Operations this run leaves waiting (what would go public without the planner's word): they
   * hold their keys as a conflict would, so what depends on them waits too.
   */
  isWithheld?: (op: StoredOperation) => boolean;
  /** How a linked series' event is read back at the run's start; what a refresh compares, by default. */
  readBack?: ReadZoomSeries;
  /** Told of each meeting create or update left for its host's next UTC day (the dry run lists them). */
  onQuotaWait?: (wait: QuotaWait) => void;
}

/** What a run works with: the outbox's owner, the drafts and attendees, its log, and Zoom. */
export interface SyncParts {
  outbox: Outbox;
  drafts: DraftWriter & { revision(seriesId: string): number; replan(seriesId: string): void };
  /** Registrations read back from Zoom are written through the attendee store. */
  attendees: RefreshStores['attendees'];
  log: SyncLog;
  api: ZoomEventsApi;
  /** The Meetings API, meeting drafts and hosts' daily limits; absent, the run syncs no meetings. */
  meetings?: MeetingSyncParts;
}

type Scheduled = Operation & { module: OperationKind; order: number };

/** Series whose operations Zoom kept answering 429 to before the run gives up until later. */
const maxRateLimitedSeries = 3;

/**
 * Sends the outbox to Zoom, exactly once (the steps look for a lost call's effect before any
 * resend). The engine only schedules: series run concurrently within the client's rate limiter;
 * within a series each operation starts as soon as the keys it depends on are done, ready
 * operations of one kind go in batches, and a held operation holds only what depends on it, so
 * one run finds every conflict it can.
 */
export class SyncEngine {
  private readonly ctx: EngineContext;
  private readonly now: () => number;
  private stopped: Error | undefined;
  private rateLimited = 0;
  /** Series a step of which had nothing to do yet: what it waited for may be done by the run's end. */
  private readonly skipped = new Set<string>();

  constructor(
    private readonly parts: SyncParts,
    private readonly options: SyncOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.ctx = new EngineContext({
      api: parts.api,
      outbox: parts.outbox,
      drafts: parts.drafts,
      log: parts.log,
      now: this.now,
      ...(parts.meetings === undefined ? {} : { meetings: parts.meetings }),
      ...(options.onQuotaWait === undefined ? {} : { onQuotaWait: options.onQuotaWait }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      ...(options.maxUnknownOutcomes === undefined ? {} : { maxUnknownOutcomes: options.maxUnknownOutcomes }),
    });
  }

  async run(): Promise<SyncReport> {
    const warm = this.options.warmUp?.().catch(() => undefined);
    if (warm !== undefined) await new Promise((resolve) => setImmediate(resolve));
    const runId = this.parts.log.startRun();
    const requestsBefore = this.requestCount();
    let outcome: SyncOutcome = 'succeeded';
    let message = '';
    try {
      this.ctx.progress('Reading Zoom', 0);
      // What changed on Zoom comes in first, so that the work below is planned against it.
      await this.readBack(runId);
      const work = this.parts.outbox.work();
      const isWithheld = this.options.isWithheld ?? (() => false);
      const bySeries = this.schedule(work.filter((op) => !isWithheld(op)));
      this.ctx.total = [...bySeries.values()].reduce((sum, ops) => sum + ops.length, 0);
      const held = this.parts.outbox.heldKeys();
      for (const op of work.filter(isWithheld)) held.set(op.seriesId, new Set(held.get(op.seriesId)).add(op.key));
      const meetings = this.meetingScheduler();
      const byMeeting =
        meetings?.schedule(this.parts.outbox.meetings.work()) ?? new Map<string, ScheduledMeetingOperation[]>();
      this.ctx.total += [...byMeeting.values()].reduce((sum, ops) => sum + ops.length, 0);
      const meetingHeld = this.parts.outbox.meetings.heldKeys();
      this.ctx.progress('Starting', 0);
      const queue = [...bySeries.entries()];
      const width = this.options.isSerial === true ? 1 : (this.options.concurrency ?? 16);
      const workers = Array.from({ length: Math.min(width, queue.length) }, async () => {
        for (let next = queue.shift(); next !== undefined && this.stopped === undefined; next = queue.shift()) {
          await this.runSeries(next[0], next[1], held.get(next[0]) ?? new Set());
        }
      });
      // Meetings run beside the series within the same rate limiter; a serial run takes them after.
      if (this.options.isSerial === true) await Promise.allSettled(workers);
      const meetingRun = meetings?.run(byMeeting, meetingHeld, width) ?? Promise.resolve();
      // Every worker finishes the calls it has on their way before the run ends, even when another
      // has stopped: a run that ended early could overlap the next one.
      await Promise.allSettled([...workers, meetingRun]);
      if (this.stopped !== undefined) throw this.stopped;
      await this.runSkippedAgain(isWithheld);
    } catch (error) {
      if (error instanceof Offline) {
        outcome = 'offline';
        message = error.message;
      } else if (error instanceof Cancelled) {
        outcome = 'cancelled';
      } else {
        outcome = 'failed';
        message = error instanceof Error ? error.message : String(error);
        this.parts.log.write(runId, 'error', null, 'sync failed', { message });
      }
    }
    // The counts the planner reads are the outbox's and the open conflicts', as every screen shows them.
    const waiting = this.parts.outbox.waitingCount();
    const toSettle = this.parts.outbox.openConflictCount();
    const { done, conflicts } = this.ctx;
    if (outcome === 'succeeded' && (toSettle > 0 || waiting > 0)) outcome = 'needs_attention';
    if (message === '') message = summary(outcome, done, waiting, toSettle);
    if (this.ctx.quotaWaits > 0) {
      message += ` ${plural(this.ctx.quotaWaits, 'meeting change')} wait for the host's daily limit of Zoom until the next UTC day; the next sync after 00:00 UTC sends them.`;
    }
    if (outcome === 'offline') message = `Offline — ${plural(waiting, 'change')} waiting. ${message}`;
    const notReady = this.parts.outbox.notReadyWaiting();
    if (notReady.length > 0) message += ` Kept out as not ready: ${notReady.map((name) => `"${name}"`).join(', ')}.`;
    const requests = this.requestCount() - requestsBefore;
    const report: SyncReport = { outcome, done, waiting, conflicts, requests, message };
    this.parts.log.finishRun(runId, outcome, requests, report);
    return report;
  }

  /**
   * Refreshes every linked, ready series from Zoom, concurrently within the client's rate limiter.
   * A series whose event Zoom answers with what Cadence cannot hold is left as it is (its own steps
   * still run); the run's signals (offline, 429, cancelled) end the run.
   */
  private async readBack(runId: number): Promise<void> {
    const readBack = this.options.readBack ?? readForRefresh;
    // The event each read-back reads is kept for the run's own event update, which compares it again.
    const read: ReadZoomSeries = (api, eventId) =>
      readBack(
        eventsKeptBy(api, (event) => {
          this.ctx.readBack(event);
        }),
        eventId,
      );
    const stores = { outbox: this.parts.outbox, drafts: this.parts.drafts, attendees: this.parts.attendees };
    const queue = this.parts.outbox.linkedSeries();
    const width = this.options.isSerial === true ? 1 : (this.options.concurrency ?? 16);
    const workers = Array.from({ length: Math.min(width, queue.length) }, async () => {
      for (let next = queue.shift(); next !== undefined && this.stopped === undefined; next = queue.shift()) {
        const seriesId = next;
        await this.guarded(async () => {
          try {
            await refreshFromZoom(this.ctx, seriesId, read, stores, { stepsFollow: true });
          } catch (error) {
            if (!isRefusal(error)) throw error;
            this.parts.log.write(runId, 'warn', seriesId, 'not refreshed from Zoom', { message: error.message });
          }
        });
      }
    });
    await Promise.allSettled(workers);
    if (this.stopped === undefined) await this.carryLateRegistrants(runId, stores);
    if (this.stopped !== undefined) throw this.stopped;
  }

  /** People who registered for an event a pattern change replaced, carried to its successor before it is cancelled. */
  private async carryLateRegistrants(runId: number, stores: RefreshStores & { outbox: Outbox }): Promise<void> {
    for (const seriesId of this.parts.outbox.replacingSeries()) {
      await this.guarded(async () => {
        try {
          await carryLateRegistrants(this.ctx, seriesId, stores);
        } catch (error) {
          if (!isRefusal(error)) throw error;
          this.parts.log.write(runId, 'warn', seriesId, 'late registrations of the replaced event not read', {
            message: error.message,
          });
        }
      });
    }
  }

  /**
   * One more turn for the series a step of which had nothing to do yet, now that every other
   * series of the run has had its turn: the cancel of an old event a new pattern replaced waits for
   * every part of the new series to hold its registrations, and those parts run beside it.
   */
  private async runSkippedAgain(isWithheld: (op: StoredOperation) => boolean): Promise<void> {
    const again = new Set(this.skipped);
    this.skipped.clear();
    if (again.size === 0) return;
    const work = this.parts.outbox.work().filter((op) => again.has(op.seriesId));
    // Held as they are now: a conflict found in this run holds what depends on it.
    const held = this.parts.outbox.heldKeys();
    for (const op of work.filter(isWithheld)) held.set(op.seriesId, new Set(held.get(op.seriesId)).add(op.key));
    for (const [seriesId, ops] of this.schedule(work.filter((op) => !isWithheld(op)))) {
      if (this.stopped !== undefined) break;
      await this.runSeries(seriesId, ops, held.get(seriesId) ?? new Set());
    }
    if (this.stopped !== undefined) throw this.stopped;
  }

  /** The meetings' part of the run, reporting its signals to this run. */
  private meetingScheduler(): MeetingScheduler | undefined {
    const parts = this.parts.meetings;
    if (parts === undefined) return undefined;
    return new MeetingScheduler(this.ctx, this.parts.outbox, parts.store, {
      isStopped: () => this.stopped !== undefined,
      stop: (error) => {
        this.stopped ??= error;
      },
      onRateLimited: (error) => {
        this.rateLimited += 1;
        if (this.rateLimited >= maxRateLimitedSeries) this.stopped ??= error;
      },
    });
  }

  private requestCount(): number {
    return this.options.requestCount?.() ?? 0;
  }

  /** The work by series, each operation with its kind's module; one this build cannot read is refused, shown, and skipped. */
  private schedule(work: readonly StoredOperation[]): Map<string, Scheduled[]> {
    const bySeries = new Map<string, Scheduled[]>();
    for (const stored of work) {
      const known = operationKindOf(stored.kind);
      const payload = known?.kind.payload.safeParse(stored.payload);
      if (known === undefined || payload?.success !== true) {
        this.ctx.conflict({
          seriesId: stored.seriesId,
          operationId: stored.id,
          kind: 'refused',
          target: { item: 'event', operation: stored.kind },
          subject: stored.kind,
          local: stored.payload,
          message: `A waiting change (${stored.kind}) cannot be read by this version of Cadence; take Zoom's version to withdraw it.`,
        });
        continue;
      }
      const op: Scheduled = { ...stored, payload: payload.data, module: known.kind, order: known.order };
      bySeries.set(stored.seriesId, [...(bySeries.get(stored.seriesId) ?? []), op]);
    }
    return bySeries;
  }

  /**
   * One series: an operation starts once no unfinished operation of a key it depends on is left
   * (in this run, or held by a conflict). What stays blocked waits for the planner.
   */
  private async runSeries(seriesId: string, ops: Scheduled[], heldKeys: ReadonlySet<string>): Promise<void> {
    const { outbox } = this.parts;
    if (outbox.hasOpenConflict(seriesId, 'remote_deleted') || outbox.hasOpenConflict(seriesId, 'remote_cancelled')) {
      // The event is gone from Zoom (seen at the run's start): everything waits for the planner's choice.
      for (const op of ops) outbox.holdBehind(op.id, 'The event is no longer on Zoom.');
      return;
    }
    const revision = this.parts.drafts.revision(seriesId);
    const state = this.parts.outbox.zoomState(seriesId);
    // The steps need the series' own fields; the attendees travel in their operations' payloads.
    const draft = this.parts.drafts.get(seriesId, { withAttendees: false });
    const series = new RunningSeries(this.ctx, seriesId, draft?.name ?? this.parts.outbox.seriesName(seriesId), draft, {
      eventId: state.eventId,
      ticketTypeId: state.ticketTypeId,
      accessLinkId: state.accessLinkId,
      sessionIds: new Map(
        [...state.sessions]
          .filter(([, session]) => session.sessionId !== '')
          .map(([occurrence, session]) => [occurrence, session.sessionId]),
      ),
    });
    const unfinished = new Map<string, number>();
    for (const key of [...heldKeys, ...ops.map((op) => op.key)]) unfinished.set(key, (unfinished.get(key) ?? 0) + 1);
    let waiting = [...ops].sort((a, b) => a.order - b.order || a.id - b.id);
    const running = new Set<Promise<void>>();
    const track = (task: Promise<void>) => {
      const tracked = task.finally(() => running.delete(tracked));
      running.add(tracked);
      return tracked;
    };
    let isMapping = false;
    while (this.stopped === undefined) {
      if (!isMapping && series.links.eventId !== undefined) {
        // Zoom's sessions are mapped (and a schedule that drifted reported) as soon as the event
        // exists, alongside whatever else is ready.
        isMapping = true;
        const mapping = track(
          this.guarded(async () => {
            await series.sessionIds();
          }),
        );
        if (this.options.isSerial === true) await mapping;
      }
      const isReady = (op: Scheduled) =>
        op.dependsOn.every((key) => key === op.key || (unfinished.get(key) ?? 0) === 0);
      const ready = waiting.filter(isReady);
      waiting = waiting.filter((op) => !isReady(op));
      const groups = batches(ready);
      for (const group of groups) {
        const tracked = track(
          this.runGroup(series, group).then((done) => {
            for (const op of done) unfinished.set(op.key, (unfinished.get(op.key) ?? 1) - 1);
          }),
        );
        if (this.options.isSerial === true) await tracked;
      }
      if (running.size > 0) await Promise.race(running);
      else if (groups.length === 0) break;
    }
    await Promise.allSettled(running);
    // Edits made while the series synced, or while an earlier run's calls were on their way (their
    // keys were left alone then), are planned now.
    const wasInFlight = ops.some((op) => op.state === 'in_flight');
    if (wasInFlight || this.parts.drafts.revision(seriesId) !== revision) this.parts.drafts.replan(seriesId);
  }

  /** Work outside any operation (reading Zoom's sessions): the run's signals stop the run, a refusal is left for the steps. */
  private async guarded(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (!isRefusal(error)) this.stopped ??= error instanceof Error ? error : new Error(String(error));
    }
  }

  /**
   * One step, its operations marked in flight in one transaction first (so that a re-plan while
   * it runs leaves them alone). A refusal is recorded as such and the rest goes on; the run's own
   * signals stop the run. Returns the operations it finished.
   */
  private async runGroup(series: RunningSeries, group: readonly Scheduled[]): Promise<Scheduled[]> {
    const [first] = group;
    if (first === undefined || this.stopped !== undefined) return [];
    const ids = group.map((op) => op.id);
    const step =
      group.length === 1
        ? first.module.describe(first.payload)
        : first.module.sentence(
            { name: series.name, sessions: 0 },
            group.map((op) => op.payload),
          );
    try {
      this.ctx.throwIfCancelled();
      this.parts.outbox.markInFlight(ids);
      await first.module.step(this.ctx, series, group);
      const states = this.parts.outbox.statesOf(ids);
      // A step that had nothing to do yet (what it needs is not on Zoom) leaves its operations in line.
      const skipped = group.filter((op) => states.get(op.id) === 'in_flight');
      if (skipped.length > 0) {
        this.parts.outbox.markPending(skipped.map((op) => op.id));
        this.skipped.add(series.seriesId);
      }
      const done = group.filter((op) => states.get(op.id) === 'done');
      this.ctx.progress(`${series.name}: ${step}`, done.length);
      return done;
    } catch (error) {
      if (error instanceof RateLimited) {
        // Zoom did none of it: back in line for the next sync; the rest goes on unless Zoom keeps refusing.
        this.parts.outbox.markPending(
          group.map((op) => op.id),
          error.message,
        );
        this.rateLimited += 1;
        if (this.rateLimited >= maxRateLimitedSeries) this.stopped ??= error;
        return [];
      }
      if (error instanceof Offline || error instanceof Cancelled || !isRefusal(error)) {
        this.stopped ??= error instanceof Error ? error : new Error(String(error));
        return [];
      }
      this.refuse(series, group, error);
      return [];
    }
  }

  /** Zoom refused: a conflict with Zoom's own message per operation; an event gone from Zoom is one conflict for the series. */
  private refuse(series: RunningSeries, group: readonly Scheduled[], error: ZoomApiError | CadenceError): void {
    const zoomCode = error instanceof ZoomApiError ? error.zoomCode : undefined;
    const kind: ConflictKind =
      zoomCode === 2002 || zoomCode === 2003 ? 'remote_deleted' : zoomCode === 260209 ? 'not_editable' : 'refused';
    for (const op of group) {
      if (kind === 'remote_deleted' && this.parts.outbox.hasOpenConflict(series.seriesId, kind)) {
        this.parts.outbox.holdBehind(op.id, error.message);
        continue;
      }
      this.ctx.conflict({
        seriesId: series.seriesId,
        operationId: op.id,
        kind,
        target: op.module.target(op.payload, series.links),
        subject: op.module.describe(op.payload),
        local: op.payload,
        message: `${series.name}: ${error.message}`,
      });
    }
  }
}

/** The API with every event it reads handed to `keep` too. */
function eventsKeptBy(api: ZoomEventsApi, keep: (event: ZoomEvent) => void): ZoomEventsApi {
  return new Proxy(api, {
    get(target, property, receiver) {
      if (property !== 'getEvent') return Reflect.get(target, property, receiver) as unknown;
      return async (eventId: string) => {
        const event = await target.getEvent(eventId);
        keep(event);
        return event;
      };
    },
  });
}

/** Ready operations in steps: consecutive operations of one kind, in batches of the kind's size. */
function batches(ready: readonly Scheduled[]): Scheduled[][] {
  const groups: Scheduled[][] = [];
  for (const op of ready) {
    const last = groups.at(-1);
    if (last?.[0]?.kind === op.kind && last.length < op.module.batchSize) last.push(op);
    else groups.push([op]);
  }
  return groups;
}

const plural = (n: number, one: string) => `${String(n)} ${one}${n === 1 ? '' : 's'}`;

function summary(outcome: SyncOutcome, done: number, waiting: number, toSettle: number): string {
  switch (outcome) {
    case 'succeeded':
      return done === 0
        ? 'Everything is in sync with Zoom.'
        : `Sent ${plural(done, 'change')} to Zoom; everything is in sync.`;
    case 'needs_attention':
      return `Sent ${plural(done, 'change')}; ${plural(toSettle, 'conflict')} to settle, ${plural(waiting, 'change')} waiting.`;
    case 'cancelled':
      return `Stopped after ${plural(done, 'change')}; ${plural(waiting, 'change')} waiting for the next sync.`;
    default:
      return `${plural(waiting, 'change')} waiting.`;
  }
}

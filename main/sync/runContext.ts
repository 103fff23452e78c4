import type { SeriesDraft } from '../../shared/drafts/seriesDraft';
import { seriesDraftSchema } from '../../shared/drafts/seriesDraft';
import { draftIssues } from '../../shared/drafts/seriesFile';
import { CadenceError } from '../../shared/errors';
import type { ChangeSource } from '../../shared/history/seriesHistory';
import type { SyncProgress } from '../../shared/sync/syncReport';
import type { ConflictInput, Outbox } from '../db/outbox/outbox';
import type { SyncLog } from '../db/syncLog';
import type { ZoomEvent } from '../../shared/zoom/zoomReadShapes';
import type { ZoomEventsApi } from '../zoom/zoomEventsApi';
import { ZoomOutcomeUnknownError } from '../zoom/zoomErrors';
import type { Adoption, Delivery, Operation, RunContext, SeriesLinks, SeriesRun } from './operations/operation';
import { mapSessions } from './operations/session';
import { Cancelled, NotSent, Offline, RateLimited, zoomCall } from './runSignals';
import { meetingDraftSchema, type MeetingDraft } from '../../shared/meetings/meetingDraft';
import { withMeetingFieldValues } from '../../shared/meetings/meetingFieldValues';
import { nextUtcMidnight, utcDayOf } from '../../shared/meetings/meetingQuota';
import type { PlannedCall } from '../../shared/sync/syncReport';
import type { MeetingQuotaStore } from '../db/meetingQuotaStore';
import type { MeetingRow } from '../db/meetingStore';
import type { MeetingConflictInput } from '../db/outbox/meetingOutbox';
import type { ZoomMeetingsApi } from '../zoom/zoomMeetingsApi';
import type {
  CountedCall,
  MeetingAdoption,
  MeetingOperation,
  MeetingRun,
  MeetingRunContext,
} from './operations/meetingOperation';

/** Where the sync reads and writes drafts: the one store that saves a draft with its outbox. */
export interface DraftWriter {
  get(id: string, options?: { withAttendees: boolean }): SeriesDraft | undefined;
  /** Saves everything but the attendees, re-planning the outbox, in the caller's transaction. */
  saveDetails(draft: SeriesDraft, id: string, by?: ChangeSource): unknown;
}

/** Where the sync reads and writes meeting drafts: the one store that saves a meeting with its outbox. */
export interface MeetingWriter {
  get(id: string): MeetingDraft | undefined;
  row(id: string): MeetingRow | undefined;
  /** Saves a draft with Zoom's values in it (checked by the draft's schema), in the caller's transaction. */
  saveFromZoom(draft: MeetingDraft, id: string): void;
  replan(id: string): void;
}

/** What a run needs to sync meetings: the Meetings API, the meeting drafts, and the hosts' daily limits. */
export interface MeetingSyncParts {
  api: ZoomMeetingsApi;
  store: MeetingWriter;
  quota: MeetingQuotaStore;
}

/** A create or update left waiting for its host's daily limit, as the dry run lists it. */
export type QuotaWait = PlannedCall & { waits_until: string };

export interface RunContextOptions {
  api: ZoomEventsApi;
  /** Absent: the run syncs no meetings (a series' refresh). */
  meetings?: MeetingSyncParts;
  /** Told of each meeting create or update that waits for its host's daily limit. */
  onQuotaWait?: (wait: QuotaWait) => void;
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
export class EngineContext implements MeetingRunContext {
  readonly api: ZoomEventsApi;
  readonly outbox: Outbox;
  conflicts = 0;
  done = 0;
  total = 0;
  /** Meeting creates and updates left for their hosts' next UTC day. */
  quotaWaits = 0;
  private readonly started: number;
  private hubs: Promise<string[]> | undefined;
  private readonly readBackEvents = new Map<string, ZoomEvent>();

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
    op: Pick<Operation, 'id' | 'state'>,
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

  async deliver<O extends Pick<Operation, 'id' | 'state'>>(ops: readonly O[], delivery: Delivery<O>): Promise<void> {
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

  // Meetings

  private get meetingParts(): MeetingSyncParts {
    const parts = this.options.meetings;
    if (parts === undefined) throw new CadenceError('internal', 'This run syncs no meetings.');
    return parts;
  }

  get meetings(): ZoomMeetingsApi {
    return this.meetingParts.api;
  }

  meetingConflict(input: MeetingConflictInput): void {
    this.conflicts += 1;
    this.outbox.meetings.openConflict(input);
  }

  adoptIntoMeeting(adoption: MeetingAdoption): boolean {
    const { meeting } = adoption;
    const { store } = this.meetingParts;
    const current = store.get(meeting.meetingId);
    if (current === undefined) return true;
    const parsed = meetingDraftSchema.safeParse(withMeetingFieldValues(current, adoption.remote));
    const fields = Object.keys(adoption.remote).join(', ');
    if (parsed.success) {
      store.saveFromZoom(parsed.data, meeting.meetingId);
      this.options.log.write(null, 'info', null, `Took from Zoom for the meeting "${meeting.topic}": ${fields}`, {
        meeting_id: meeting.meetingId,
        ...adoption.remote,
      });
      return true;
    }
    // A value Zoom accepts but Cadence's rules refuse never reaches the draft: the meeting would no longer load.
    const problems = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`);
    const same = {
      meetingId: meeting.meetingId,
      kind: 'invalid_remote' as const,
      target: {
        item: 'meeting' as const,
        operation: 'meeting.update',
        ...(meeting.zoomMeetingId === undefined ? {} : { zoom_id: meeting.zoomMeetingId }),
      },
      subject: fields,
    };
    if (this.outbox.meetings.hasOpenConflictOn(same)) return false;
    this.meetingConflict({
      ...same,
      operationId: adoption.operationId,
      local: adoption.local,
      remote: adoption.remote,
      message: `${meeting.topic}: ${fields} changed on Zoom to a value Cadence cannot hold (${problems.join('; ')}).`,
      remoteRefused: `Zoom's version breaks the meeting's rules: ${problems.join('; ')}. Keep yours, or change the meeting and sync again.`,
    });
    return false;
  }

  takeQuota(meeting: MeetingRun, op: MeetingOperation, call: CountedCall): boolean {
    if (this.meetingParts.quota.reserve(meeting.hostKey, utcDayOf(this.now()))) return true;
    this.waitForQuota(meeting, op, call);
    return false;
  }

  returnQuota(meeting: MeetingRun): void {
    this.meetingParts.quota.release(meeting.hostKey, utcDayOf(this.now()));
  }

  quotaSpent(meeting: MeetingRun, op: MeetingOperation, call: CountedCall): void {
    this.meetingParts.quota.markSpent(meeting.hostKey, utcDayOf(this.now()));
    this.waitForQuota(meeting, op, call);
  }

  /** The operation back in line, saying until when it waits; the dry run hears of it. */
  private waitForQuota(meeting: MeetingRun, op: MeetingOperation, call: CountedCall): void {
    const until = nextUtcMidnight(this.now());
    const words = `waits for ${meeting.hostEmail}'s daily limit of meeting creates and updates until ${until}`;
    this.outbox.markPending([op.id], `The meeting ${words}.`);
    this.quotaWaits += 1;
    this.options.onQuotaWait?.({ series: meeting.topic, ...call, what: `${call.what} — ${words}`, waits_until: until });
  }

  replanMeeting(meetingId: string): void {
    this.meetingParts.store.replan(meetingId);
  }

  /** Remembers the event as the run's read-back read it, for the step that compares it again. */
  readBack(event: ZoomEvent): void {
    this.readBackEvents.set(event.event_id, event);
  }

  eventAsReadBack(eventId: string): ZoomEvent | undefined {
    const event = this.readBackEvents.get(eventId);
    this.readBackEvents.delete(eventId);
    return event;
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

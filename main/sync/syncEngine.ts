import { attendeeProfileFields, type AttendeeDraft } from '../../shared/drafts/attendeeDraft';
import { plannedSessions } from '../../shared/drafts/plannedSessions';
import type { SeriesDraft } from '../../shared/drafts/seriesDraft';
import { CadenceError } from '../../shared/errors';
import { seriesOrder, type EventFields } from '../../shared/outbox/operations';
import { eventFieldsOf } from '../../shared/outbox/planOperations';
import { threeWayMerge } from '../../shared/sync/threeWayMerge';
import { formatInstant } from '../../shared/recurrence/expandRecurrence';
import { planSeriesTiming } from '../../shared/recurrence/seriesTiming';
import type { SyncOutcome, SyncProgress, SyncReport } from '../../shared/sync/syncReport';
import {
  accessLinkBody,
  createEventBody,
  maxTicketsPerBatch,
  salesEndOf,
  ticketBody,
  ticketTypeBody,
} from '../../shared/zoom/draftToZoom';
import { draftFieldsFromZoomEvent } from '../../shared/zoom/zoomToDraft';
import type { ConflictInput, OutboxOperation, SeriesOnZoom, SyncStore } from '../db/syncStore';
import type { ZoomEventsApi } from '../zoom/zoomEventsApi';
import { ZoomApiError, ZoomOutcomeUnknownError, ZoomUnreachableError } from '../zoom/zoomErrors';
import { eventPatchBody } from './zoomEventPatch';

type Op<K extends OutboxOperation['kind']> = Extract<OutboxOperation, { kind: K }>;

export interface SyncOptions {
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  clock?: () => number;
  /** Series synced at once; each series' own steps run in order. */
  concurrency?: number;
  /** Tries of a create whose outcome stayed unknown, within one run. */
  maxUnknownOutcomes?: number;
  /** HTTP requests the client has sent so far, for the report. */
  requestCount?: () => number;
  /** Started before the outbox is read, so that signing in overlaps it (the token request). */
  warmUp?: () => Promise<unknown>;
}

/** Zoom cannot be reached (or keeps refusing with 429/5xx): the run ends, the outbox waits. */
class Offline extends Error {}
/** Zoom answered 429 to a write: it did nothing, so the write may go again once the limiter allows. */
class RateLimited extends Offline {}
/** No connection could be made: the write cannot have reached Zoom, so it goes back in line as it was. */
class NotSent extends Offline {}
class Cancelled extends Error {}
const maxRateLimitedWrites = 5;

/**
 * Sends the outbox to Zoom, exactly once: a call whose outcome is unknown is never simply sent
 * again; its effect is looked for on Zoom first and adopted when found. Every Zoom ID is recorded
 * with its operation's completion. Series run concurrently, within the client's rate limiter;
 * anything Zoom refuses or that changed on Zoom becomes a conflict that holds only what depends on it.
 */
export class SyncEngine {
  private done = 0;
  private total = 0;
  private conflicts = 0;
  private started = 0;
  private step = 'Starting';
  private readonly clock: () => number;
  private hubs: Promise<string[]> | undefined;
  private readonly drafts = new Map<string, SeriesDraft | undefined>();

  constructor(
    private readonly store: SyncStore,
    private readonly api: ZoomEventsApi,
    private readonly options: SyncOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
  }

  async run(): Promise<SyncReport> {
    const warm = this.options.warmUp?.().catch(() => undefined);
    if (warm !== undefined) await new Promise((resolve) => setImmediate(resolve));
    const work = this.store.workItems();
    const runId = this.store.startRun();
    this.started = this.clock();
    this.total = work.length;
    const bySeries = new Map<string, OutboxOperation[]>();
    for (const op of work) bySeries.set(op.seriesId, [...(bySeries.get(op.seriesId) ?? []), op]);
    let outcome: SyncOutcome = 'succeeded';
    let message = '';
    const requestsBefore = this.requestCount();
    try {
      this.progress('Starting');
      const queue = [...bySeries.entries()];
      const workers = Array.from({ length: Math.min(this.options.concurrency ?? 16, queue.length) }, async () => {
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
          await this.syncSeries(next[0], next[1]);
        }
      });
      // Every worker finishes the call it has on its way before the run ends, even when another
      // has stopped (cancelled, offline): a run that ended early could overlap the next one.
      await settleAll(workers);
    } catch (error) {
      if (error instanceof Offline) {
        outcome = 'offline';
        message = error.message;
      } else if (error instanceof Cancelled) {
        outcome = 'cancelled';
      } else {
        outcome = 'failed';
        message = error instanceof Error ? error.message : String(error);
        this.store.log(runId, 'error', null, 'sync failed', { message });
      }
    }
    const waiting = this.store.waitingCount();
    if (outcome === 'succeeded' && (this.conflicts > 0 || waiting > 0)) outcome = 'needs_attention';
    if (message === '') message = summary(outcome, this.done, waiting, this.conflicts);
    if (outcome === 'offline')
      message = `Offline — ${String(waiting)} change${waiting === 1 ? '' : 's'} waiting. ${message}`;
    const requests = this.requestCount() - requestsBefore;
    const report: SyncReport = { outcome, done: this.done, waiting, conflicts: this.conflicts, requests, message };
    this.store.finishRun(runId, outcome, requests, report);
    return report;
  }

  private requestCount(): number {
    return this.options.requestCount?.() ?? 0;
  }

  private progress(step: string, advanced = 0): void {
    this.done += advanced;
    this.step = step;
    const elapsed = (this.clock() - this.started) / 1000;
    const eta = this.done === 0 ? null : Math.round((elapsed / this.done) * Math.max(0, this.total - this.done));
    this.options.onProgress?.({ done: this.done, total: this.total, step: this.step, eta_seconds: eta });
  }

  private checkCancelled(): void {
    if (this.options.signal?.aborted === true) throw new Cancelled('cancelled');
  }

  /** One series: its event, ticket type, link and publishing in order, then sessions and tickets. */
  private async syncSeries(seriesId: string, operations: readonly OutboxOperation[]): Promise<void> {
    const [eventKinds, setupKinds] = [seriesOrder.slice(0, 3), seriesOrder.slice(3)];
    await this.runInOrder(operations, eventKinds);
    const sessionOps = operations.filter((op) => op.kind === 'session.update' || op.kind === 'session.delete');
    const ticketOps = operations.filter((op) => op.kind.startsWith('ticket.'));
    // Once the event exists, its sessions (read, mapped, moved, cancelled) need nothing else, so
    // they go alongside the ticket type, link and publishing; tickets wait for those, and for the
    // session IDs only when attendees register for chosen sessions.
    const sessions = this.syncSessions(seriesId, sessionOps, ticketOps.length > 0);
    const setup = this.runInOrder(operations, setupKinds);
    const draft = this.zoomOf(seriesId).draft;
    const option = draft?.event_type === 'RECURRING' ? draft.registration?.recurring_registration_option : undefined;
    const ticketsNeedSessions = option === 'single_session' || option === 'multiple_sessions';
    const tickets = (async () => {
      await (ticketsNeedSessions ? settleAll([setup, sessions]) : setup);
      if (ticketOps.length > 0) await this.runTickets(seriesId, ticketOps);
    })();
    await settleAll([sessions, setup, tickets]);
  }

  private async runInOrder(
    operations: readonly OutboxOperation[],
    kinds: readonly OutboxOperation['kind'][],
  ): Promise<void> {
    for (const kind of kinds) {
      for (const op of operations.filter((candidate) => candidate.kind === kind)) {
        this.checkCancelled();
        if (!this.dependenciesMet(op)) continue;
        await this.runSeriesOperation(op);
      }
    }
  }

  private async syncSessions(
    seriesId: string,
    sessionOps: readonly OutboxOperation[],
    hasTickets: boolean,
  ): Promise<void> {
    if (sessionOps.length === 0 && !hasTickets) return;
    const zoom = this.zoomOf(seriesId);
    if (zoom.eventId === undefined || zoom.draft === undefined) return;
    if (zoom.draft.event_type === 'RECURRING' && zoom.sessionIds.size === 0) {
      this.checkCancelled();
      await this.mapSessions(zoom, zoom.draft);
    }
    for (const op of sessionOps) {
      this.checkCancelled();
      if (op.kind !== 'session.update' && op.kind !== 'session.delete') continue;
      if (this.dependenciesMet(op)) await this.runSessionOperation(op);
    }
  }

  /**
   * What Zoom has of a series now, with its draft as it was when the run began (read once: the
   * outbox payloads of this run were planned from it).
   */
  private zoomOf(seriesId: string): SeriesOnZoom {
    if (!this.drafts.has(seriesId)) this.drafts.set(seriesId, this.store.seriesOnZoom(seriesId).draft);
    return this.store.seriesOnZoom(seriesId, { draft: this.drafts.get(seriesId) });
  }

  /** Whether everything `op` waits for is on Zoom (no earlier operation of those keys is unfinished). */
  private dependenciesMet(op: OutboxOperation): boolean {
    if (op.dependsOn.length === 0) return true;
    const unfinished = this.store.unfinishedKeys(op.seriesId);
    return op.dependsOn.every((key) => !unfinished.has(key));
  }

  /** Runs a Zoom call; turns Zoom being out of reach into the end of the run. */
  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ZoomUnreachableError) {
        throw error.wasNeverSent ? new NotSent(error.message) : new Offline(error.message);
      }
      if (error instanceof ZoomApiError && error.status === 429) throw new RateLimited(error.message);
      if (error instanceof ZoomApiError && error.status >= 500) throw new Offline(error.message);
      throw error;
    }
  }

  /**
   * A create or action whose outcome may be lost: marked in flight first; on an unknown outcome
   * (now, or from a crash in an earlier run) the effect is looked for on Zoom before any resend.
   */
  private async exactlyOnce<T>(
    op: OutboxOperation,
    send: () => Promise<T>,
    lookup: () => Promise<T | undefined>,
    record: (result: T) => void,
  ): Promise<void> {
    const maxUnknown = this.options.maxUnknownOutcomes ?? 3;
    let inFlight = op.state === 'in_flight';
    let limited = 0;
    for (let unknown = 0; ;) {
      if (inFlight) {
        const found = await this.call(lookup);
        if (found !== undefined) {
          record(found);
          return;
        }
      }
      this.store.markInFlight([op.id]);
      inFlight = true;
      try {
        record(await this.call(send));
        return;
      } catch (error) {
        if (error instanceof NotSent) this.store.markPending([op.id]);
        if (error instanceof RateLimited && limited < maxRateLimitedWrites) {
          limited += 1;
          inFlight = false;
          continue;
        }
        if (!(error instanceof ZoomOutcomeUnknownError)) throw error;
        unknown += 1;
        if (unknown >= maxUnknown) throw new Offline(error.message);
      }
    }
  }

  private async runSeriesOperation(op: OutboxOperation): Promise<void> {
    const zoom = this.zoomOf(op.seriesId);
    this.step = `${zoom.name}: ${describe(op)}`;
    try {
      const isDone = await this.seriesOperation(op, zoom);
      this.progress(this.step, isDone ? 1 : 0);
    } catch (error) {
      this.refusal(op, zoom, error);
    }
  }

  /** Zoom refused an operation: a conflict with Zoom's own message, holding what depends on it. */
  private refusal(op: OutboxOperation, zoom: SeriesOnZoom, error: unknown): void {
    if (!(error instanceof ZoomApiError) && !(error instanceof CadenceError && error.code !== 'internal')) throw error;
    const kind =
      error instanceof ZoomApiError && (error.zoomCode === 2002 || error.zoomCode === 2003)
        ? 'remote_deleted'
        : error instanceof ZoomApiError && error.zoomCode === 260209
          ? 'not_editable'
          : 'refused';
    // One conflict per series for an event gone from Zoom; everything else of it waits with it.
    if (kind === 'remote_deleted' && this.store.hasOpenConflict(op.seriesId, kind)) {
      this.store.hold(op.id, error.message);
      return;
    }
    this.conflicts += 1;
    this.store.openConflict({
      seriesId: op.seriesId,
      operationId: op.id,
      kind,
      subject: describe(op),
      local: op.payload,
      message: `${zoom.name}: ${error.message}`,
    });
  }

  private async hubFor(draft: SeriesDraft): Promise<string> {
    if (draft.hub_id !== undefined) return draft.hub_id;
    this.hubs ??= this.call(() => this.api.listHubs()).then((hubs) => hubs.map((hub) => hub.hub_id));
    const [first] = await this.hubs;
    if (first === undefined) {
      throw new CadenceError(
        'conflict',
        'The Zoom account hosts no hub to create events in. Ask a hub owner to add it as a host.',
      );
    }
    return first;
  }

  /** Runs one series-level operation; false when it ended in a conflict instead. */
  private async seriesOperation(op: OutboxOperation, zoom: SeriesOnZoom): Promise<boolean> {
    const draft = zoom.draft;
    switch (op.kind) {
      case 'event.delete': {
        await this.call(() => this.api.deleteEvent(op.payload.event_id));
        this.store.eventDeleted(op.id, op.seriesId);
        return true;
      }
      case 'event.create': {
        if (draft === undefined) return false;
        const hubId = await this.hubFor(draft);
        const body = createEventBody(draft, hubId);
        const sent = eventFieldsOf(draft);
        const linked = this.store.linkedEventIds();
        await this.exactlyOnce(
          op,
          async () => (await this.api.createEvent(body)).event_id,
          async () => {
            const drafts = await this.api.listEvents('draft');
            return drafts.find(
              (event) =>
                !linked.has(event.event_id) &&
                event.hub_id === hubId &&
                event.name === body.name &&
                (event.calendar?.[0]?.start_time ?? event.start_time) === body.calendar[0].start_time,
            )?.event_id;
          },
          (eventId) => {
            this.store.eventCreated(op.id, op.seriesId, eventId, { ...sent, hub_id: hubId });
          },
        );
        return true;
      }
      case 'event.update': {
        if (draft === undefined || zoom.eventId === undefined) return false;
        await this.updateEvent(op, zoom, zoom.eventId, draft);
        return true;
      }
      case 'ticket_type.create': {
        if (draft === undefined || zoom.eventId === undefined) return false;
        const eventId = zoom.eventId;
        const ticketType = op.payload.ticket_type;
        const body = ticketTypeBody(ticketType, { now: this.clock(), salesEnd: salesEndOf(plannedSessions(draft)) });
        await this.exactlyOnce(
          op,
          () => this.api.createTicketType(eventId, body),
          async () => (await this.api.listTicketTypes(eventId)).find((t) => t.name === body.name)?.ticket_type_id,
          (id) => {
            this.store.ticketTypeSynced(op.id, op.seriesId, id, ticketType);
          },
        );
        return true;
      }
      case 'ticket_type.update': {
        if (draft?.ticket_type === undefined || zoom.eventId === undefined || zoom.ticketTypeId === undefined)
          return false;
        const eventId = zoom.eventId;
        const ticketTypeId = zoom.ticketTypeId;
        const remote = (await this.call(() => this.api.listTicketTypes(eventId))).find(
          (t) => t.ticket_type_id === ticketTypeId,
        );
        if (remote === undefined) {
          throw new ZoomApiError('not_found', 'The ticket type no longer exists on Zoom.', [], 404, 261202, undefined);
        }
        const plan = this.mergeItem(op, zoom, 'ticket type', draft.ticket_type, remote, ticketTypeFields);
        if (Object.keys(plan.push).length > 0) {
          await this.call(() => this.api.updateTicketType(eventId, ticketTypeId, plan.push));
        }
        this.store.itemMerged('ticket_type', op.id, op.seriesId, plan.base, plan.conflict);
        if (Object.keys(plan.adopt).length > 0) {
          this.store.adoptIntoDraft(
            op.seriesId,
            plan.adopt,
            (current) => ({ ...current, ticket_type: { ...current.ticket_type, ...plan.adopt } }) as SeriesDraft,
          );
        }
        return plan.conflict === undefined;
      }
      case 'access_link.create': {
        if (draft === undefined || zoom.eventId === undefined || zoom.ticketTypeId === undefined) return false;
        const eventId = zoom.eventId;
        const registration = op.payload.registration;
        const body = accessLinkBody(registration, draft.event_type, zoom.ticketTypeId);
        await this.exactlyOnce(
          op,
          async () => (await this.api.createAccessLink(eventId, body)).access_link_id,
          async () => (await this.api.listAccessLinks(eventId)).find((l) => l.name === body.name)?.access_link_id,
          (id) => {
            this.store.accessLinkSynced(op.id, op.seriesId, id, registration);
          },
        );
        return true;
      }
      case 'access_link.update': {
        if (draft?.registration === undefined || zoom.eventId === undefined || zoom.accessLinkId === undefined)
          return false;
        const eventId = zoom.eventId;
        const linkId = zoom.accessLinkId;
        const link = await this.call(() => this.api.getAccessLink(eventId, linkId));
        const remote = { link_name: link.name, authentication_method: link.authentication_method };
        const plan = this.mergeItem(op, zoom, 'registration link', draft.registration, remote, linkFields);
        const body: Record<string, unknown> = {};
        if ('link_name' in plan.push) body.name = plan.push.link_name;
        if ('authentication_method' in plan.push) body.authentication_method = plan.push.authentication_method;
        if (Object.keys(body).length > 0) await this.call(() => this.api.updateAccessLink(eventId, linkId, body));
        this.store.itemMerged('registration_link', op.id, op.seriesId, plan.base, plan.conflict);
        if (Object.keys(plan.adopt).length > 0) {
          this.store.adoptIntoDraft(
            op.seriesId,
            plan.adopt,
            (current) => ({ ...current, registration: { ...current.registration, ...plan.adopt } }) as SeriesDraft,
          );
        }
        return plan.conflict === undefined;
      }
      case 'event.publish': {
        if (zoom.eventId === undefined) return false;
        const eventId = zoom.eventId;
        await this.exactlyOnce(
          op,
          async () => {
            await this.api.eventAction(eventId, { operation: 'publish' });
            return true;
          },
          async () => ((await this.api.getEvent(eventId)).status?.toUpperCase() === 'PUBLISHED' ? true : undefined),
          () => {
            this.store.published(op.id, op.seriesId);
          },
        );
        return true;
      }
      default:
        return true;
    }
  }

  /**
   * A change to an event already on Zoom: read it, compare three ways with the last synced
   * snapshot, push what changed here only, adopt what changed there only (and say so), and make
   * a conflict of any field both changed differently. A cancelled event is a conflict too.
   */
  private async updateEvent(
    op: Op<'event.update'>,
    zoom: SeriesOnZoom,
    eventId: string,
    draft: SeriesDraft,
  ): Promise<boolean> {
    const local = eventFieldsOf(draft);
    const base = this.store.eventBase(op.seriesId) ?? local;
    const remoteEvent = await this.call(() => this.api.getEvent(eventId));
    if ((remoteEvent.status ?? '').toUpperCase() === 'CANCELLED') {
      this.conflicts += 1;
      this.store.openConflict({
        seriesId: op.seriesId,
        operationId: op.id,
        kind: 'remote_cancelled',
        subject: 'event',
        local: op.payload.changes,
        message: `${zoom.name}: someone cancelled this event on Zoom, so Cadence's changes were not sent.`,
      });
      return false;
    }
    const remote: EventFields = { ...base, ...(draftFieldsFromZoomEvent(remoteEvent, base.recurrence) ?? {}) };
    const plan = threeWayMerge(base, local, remote, comparedEventFields);
    if (Object.keys(plan.push).length > 0) {
      await this.call(() => this.api.updateEvent(eventId, eventPatchBody(plan.push, local)));
    }
    const conflict =
      plan.conflicts.length === 0
        ? undefined
        : {
            seriesId: op.seriesId,
            operationId: op.id,
            kind: 'event_fields',
            subject: plan.conflicts.join(', '),
            base: pick(base, plan.conflicts),
            local: pick(local, plan.conflicts),
            remote: pick(remote, plan.conflicts),
            message: `${zoom.name}: ${plan.conflicts.join(', ')} changed both here and on Zoom.`,
          };
    if (conflict !== undefined) this.conflicts += 1;
    this.store.eventMerged({
      operationId: op.id,
      seriesId: op.seriesId,
      base: { ...base, ...plan.push, ...plan.adopt },
      adopt: plan.adopt,
      conflict,
    });
    return conflict === undefined;
  }

  /**
   * A ticket type or link already on Zoom, compared three ways: what changed here only is sent,
   * what changed on Zoom only is taken into the draft, and a field changed on both sides to
   * different values is a conflict. A sale window left to Zoom is not compared.
   */
  private mergeItem(
    op: OutboxOperation,
    zoom: SeriesOnZoom,
    what: 'ticket type' | 'registration link',
    local: Record<string, unknown>,
    remote: Record<string, unknown>,
    fields: readonly string[],
  ): {
    push: Record<string, unknown>;
    adopt: Record<string, unknown>;
    base: Record<string, unknown>;
    conflict: ConflictInput | undefined;
  } {
    const base =
      this.store.itemBase(what === 'ticket type' ? 'ticket_type' : 'registration_link', op.seriesId) ?? local;
    const compared = fields.filter(
      (field) => !filledByZoom.includes(field) || base[field] !== undefined || local[field] !== undefined,
    );
    const plan = threeWayMerge(base, local, { ...base, ...pick(remote, compared) }, compared);
    const conflict =
      plan.conflicts.length === 0
        ? undefined
        : {
            seriesId: op.seriesId,
            operationId: op.id,
            kind: 'item_fields',
            subject: `${what}: ${plan.conflicts.join(', ')}`,
            base: pick(base, plan.conflicts),
            local: pick(local, plan.conflicts),
            remote: pick(remote, plan.conflicts),
            message: `${zoom.name}: the ${what}'s ${plan.conflicts.join(', ')} changed both here and on Zoom.`,
          };
    if (conflict !== undefined) this.conflicts += 1;
    return { push: plan.push, adopt: plan.adopt, base: { ...base, ...plan.push, ...plan.adopt }, conflict };
  }

  /**
   * Reads the sessions Zoom generated and maps occurrence numbers to them in order. Zoom's
   * sessions are the truth for the mapping; a schedule that differs from Cadence's expansion (in
   * count or in any start) is a conflict showing both.
   */
  private async mapSessions(zoom: SeriesOnZoom, draft: SeriesDraft): Promise<void> {
    const eventId = zoom.eventId;
    if (eventId === undefined) return;
    this.step = `${zoom.name}: reading the sessions Zoom generated`;
    const remote = [...(await this.call(() => this.api.listSessions(eventId)))].sort(
      (a, b) => Date.parse(a.start_time) - Date.parse(b.start_time),
    );
    const plan = planSeriesTiming(draft as Parameters<typeof planSeriesTiming>[0]);
    const local = plan.ok
      ? plan.instants.map((o) => ({ start_time: formatInstant(o.start), end_time: formatInstant(o.end) }))
      : [];
    this.store.sessionsMapped(
      zoom.seriesId,
      remote.slice(0, local.length).map((session, i) => ({
        number: i + 1,
        sessionId: session.session_id,
        start: session.start_time,
        end: session.end_time,
      })),
    );
    const differs =
      local.length !== remote.length || local.some((slot, i) => remote[i]?.start_time !== slot.start_time);
    if (differs && !this.store.hasOpenConflict(zoom.seriesId, 'schedule_drift')) {
      this.conflicts += 1;
      this.store.openConflict({
        seriesId: zoom.seriesId,
        operationId: null,
        kind: 'schedule_drift',
        subject: 'sessions',
        local: local.map((slot) => slot.start_time),
        remote: remote.map((session) => session.start_time),
        message: `${zoom.name}: Zoom scheduled ${String(remote.length)} sessions where Cadence planned ${String(local.length)}${
          local.length === remote.length ? ', at other times' : ''
        }. Zoom's sessions are used from now on; compare the two schedules.`,
      });
    }
  }

  private async runSessionOperation(op: Op<'session.update'> | Op<'session.delete'>): Promise<void> {
    const zoom = this.zoomOf(op.seriesId);
    const eventId = zoom.eventId;
    const sessionId = zoom.sessionIds.get(op.payload.occurrence);
    this.step = `${zoom.name}: ${describe(op)}`;
    if (eventId === undefined) return;
    if (sessionId === undefined) {
      // Zoom never generated this occurrence (see the schedule conflict): nothing to cancel there.
      if (op.kind === 'session.delete' && zoom.sessionIds.size > 0) {
        this.store.sessionSynced(op.id, op.seriesId, op.payload.occurrence, {
          start_time: '',
          end_time: '',
          status: 'cancelled',
        });
        this.progress(this.step, 1);
      }
      return;
    }
    try {
      // What Zoom has of the session now, against what was last synced: someone may have moved
      // or deleted it there.
      const remote = await this.call(() => this.api.getSession(eventId, sessionId)).catch((error: unknown) => {
        if (error instanceof ZoomApiError && error.status === 404) return undefined;
        throw error;
      });
      const base = this.store.sessionBase(op.seriesId, op.payload.occurrence);
      const target = op.kind === 'session.update' ? op.payload : undefined;
      const isDone =
        target === undefined
          ? remote === undefined
          : remote?.start_time === target.start_time && remote.end_time === target.end_time;
      const isAsSynced = remote !== undefined && (base === undefined || remote.start_time === base.start_time);
      if (isDone) {
        this.store.sessionSynced(op.id, op.seriesId, op.payload.occurrence, {
          start_time: target?.start_time ?? '',
          end_time: target?.end_time ?? '',
          status: target === undefined ? 'cancelled' : 'moved',
        });
      } else if (!isAsSynced) {
        this.conflicts += 1;
        this.store.openConflict({
          seriesId: op.seriesId,
          operationId: op.id,
          kind: remote === undefined ? 'session_deleted' : 'session_moved',
          subject: `session ${String(op.payload.occurrence)}`,
          base: base ?? null,
          local: target ?? { status: 'cancelled' },
          remote: remote === undefined ? null : { start_time: remote.start_time, end_time: remote.end_time },
          message: `${zoom.name}: session ${String(op.payload.occurrence)} was ${
            remote === undefined ? 'deleted' : `moved to ${remote.start_time}`
          } on Zoom, and ${target === undefined ? 'cancelled' : `moved to ${target.start_time}`} here.`,
        });
        return;
      } else if (target !== undefined) {
        const { start_time, end_time } = target;
        await this.call(() => this.api.updateSession(eventId, sessionId, { start_time, end_time }));
        this.store.sessionSynced(op.id, op.seriesId, op.payload.occurrence, { start_time, end_time, status: 'moved' });
      } else {
        // Gone by now (our own delete whose answer was lost): cancelled either way.
        await this.call(() => this.api.deleteSession(eventId, sessionId)).catch((error: unknown) => {
          if (!(error instanceof ZoomApiError && error.status === 404)) throw error;
        });
        this.store.sessionSynced(op.id, op.seriesId, op.payload.occurrence, {
          start_time: '',
          end_time: '',
          status: 'cancelled',
        });
      }
      this.progress(this.step, 1);
    } catch (error) {
      this.refusal(op, zoom, error);
    }
  }

  /** Tickets in batches of at most 30, the batches concurrently within the rate limiter. */
  private async runTickets(seriesId: string, operations: readonly OutboxOperation[]): Promise<void> {
    const creates = operations.filter(
      (op): op is Op<'ticket.create'> => op.kind === 'ticket.create' && this.dependenciesMet(op),
    );
    const others = operations.filter((op) => op.kind !== 'ticket.create');
    const zoom = this.zoomOf(seriesId);
    const draft = zoom.draft;
    const eventId = zoom.eventId;
    if (eventId === undefined) return;
    const batches: Op<'ticket.create'>[][] = [];
    for (let i = 0; i < creates.length; i += maxTicketsPerBatch) batches.push(creates.slice(i, i + maxTicketsPerBatch));
    const ticketTypeId = zoom.ticketTypeId;
    if (draft !== undefined && ticketTypeId !== undefined) {
      const option = draft.event_type === 'RECURRING' ? draft.registration?.recurring_registration_option : undefined;
      const context = {
        ticketTypeId,
        ...(option === undefined ? {} : { option }),
        sendNotification: draft.registration?.send_notification ?? true,
        sessionIdOf: (occurrence: number) => zoom.sessionIds.get(occurrence) ?? `missing-session-${String(occurrence)}`,
      };
      await settleAll(
        batches.map(async (batch) => {
          this.checkCancelled();
          const bodies = batch.map((op) =>
            ticketBody({ registrationId: op.payload.attendee_id, attendee: op.payload.attendee }, context),
          );
          await this.ticketBatch(zoom, eventId, batch, bodies);
        }),
      );
    }
    for (const op of others) {
      this.checkCancelled();
      await this.ticketChange(zoom, eventId, op);
    }
  }

  private async ticketBatch(
    zoom: SeriesOnZoom,
    eventId: string,
    batch: readonly Op<'ticket.create'>[],
    bodies: ReturnType<typeof ticketBody>[],
  ): Promise<void> {
    this.step = `${zoom.name}: registering ${String(batch.length)} attendees`;
    const ids = batch.map((op) => op.id);
    let pending = [...batch];
    let pendingBodies = [...bodies];
    let limited = 0;
    // After a crash with the batch in flight, Zoom may hold some of its tickets already.
    let lookFirst = batch.some((op) => op.state === 'in_flight');
    for (let unknown = 0; pending.length > 0;) {
      if (lookFirst) {
        // Tickets already made by a lost request are found by Cadence's registration ID.
        const existing = await this.call(() => this.api.listTickets(eventId));
        const byRegistration = new Map<string, string[]>();
        for (const ticket of existing) {
          if (ticket.external_ticket_id === undefined) continue;
          byRegistration.set(ticket.external_ticket_id, [
            ...(byRegistration.get(ticket.external_ticket_id) ?? []),
            ticket.ticket_id,
          ]);
        }
        const found = pending.filter((op) => byRegistration.has(op.payload.attendee_id));
        this.store.ticketsCreated(
          found.map((op) => ({
            operationId: op.id,
            attendeeId: op.payload.attendee_id,
            ticketIds: byRegistration.get(op.payload.attendee_id) ?? [],
            base: op.payload.attendee,
          })),
        );
        this.progress(this.step, found.length);
        const keep = pending.map((op) => !byRegistration.has(op.payload.attendee_id));
        pendingBodies = pendingBodies.filter((_, i) => keep[i]);
        pending = pending.filter((_, i) => keep[i]);
        if (pending.length === 0) return;
      }
      this.store.markInFlight(pending.map((op) => op.id));
      try {
        const result = await this.call(() => this.api.createTickets(eventId, pendingBodies));
        const made = new Map<string, string[]>();
        for (const ticket of result.tickets) {
          const key = ticket.external_ticket_id ?? '';
          made.set(key, [...(made.get(key) ?? []), ticket.ticket_id]);
        }
        const created = pending.filter((op) => made.has(op.payload.attendee_id));
        this.store.ticketsCreated(
          created.map((op) => ({
            operationId: op.id,
            attendeeId: op.payload.attendee_id,
            ticketIds: made.get(op.payload.attendee_id) ?? [],
            base: op.payload.attendee,
          })),
        );
        this.progress(this.step, created.length);
        const refusals = new Map(result.errors.map((error) => [error.email.toLowerCase(), error]));
        for (const op of pending.filter((candidate) => !made.has(candidate.payload.attendee_id))) {
          const refusal = refusals.get(op.payload.attendee.email.toLowerCase());
          this.conflicts += 1;
          this.store.openConflict({
            seriesId: zoom.seriesId,
            operationId: op.id,
            kind: 'ticket_refused',
            subject: op.payload.attendee.email,
            local: op.payload.attendee,
            remote: refusal ?? null,
            message: `${zoom.name}: Zoom did not register ${op.payload.attendee.email}${
              refusal === undefined ? '' : `: ${refusal.message}`
            }`,
          });
        }
        return;
      } catch (error) {
        if (error instanceof NotSent) this.store.markPending(pending.map((op) => op.id));
        if (error instanceof RateLimited && limited < maxRateLimitedWrites) {
          limited += 1;
          lookFirst = false;
          continue;
        }
        if (error instanceof ZoomOutcomeUnknownError) {
          unknown += 1;
          if (unknown >= (this.options.maxUnknownOutcomes ?? 3)) throw new Offline(error.message);
          lookFirst = true;
          continue;
        }
        if (error instanceof ZoomApiError) {
          for (const op of pending) this.refusal(op, zoom, error);
          return;
        }
        this.store.markPending(ids);
        throw error;
      }
    }
  }

  /**
   * Zoom cannot change the sessions of a ticket: the registration's tickets are deleted and made
   * again for the new sessions. They are found on Zoom by Cadence's registration ID first, so a
   * crash between the two steps never leaves two sets.
   */
  private async reregister(
    zoom: SeriesOnZoom,
    eventId: string,
    op: Op<'ticket.update'>,
    draft: SeriesDraft,
  ): Promise<void> {
    const attendeeId = op.payload.attendee_id;
    const base = this.store.attendeeBase(attendeeId);
    const attendee = { ...base, ...op.payload.changes } as AttendeeDraft;
    const ticketTypeId = zoom.ticketTypeId;
    if (ticketTypeId === undefined) return;
    const existing = await this.call(() => this.api.listTickets(eventId, { external_ticket_id: attendeeId }));
    for (const ticket of existing) {
      await this.call(() => this.api.deleteTicket(eventId, ticket.ticket_id)).catch((error: unknown) => {
        if (!(error instanceof ZoomApiError && error.status === 404)) throw error;
      });
    }
    const option = draft.event_type === 'RECURRING' ? draft.registration?.recurring_registration_option : undefined;
    const body = ticketBody(
      { registrationId: attendeeId, attendee },
      {
        ticketTypeId,
        ...(option === undefined ? {} : { option }),
        sendNotification: draft.registration?.send_notification ?? true,
        sessionIdOf: (n) => zoom.sessionIds.get(n) ?? `missing-session-${String(n)}`,
      },
    );
    this.store.markInFlight([op.id]);
    const result = await this.call(() => this.api.createTickets(eventId, [body]));
    const made = result.tickets.map((ticket) => ticket.ticket_id);
    if (made.length === 0) {
      throw new ZoomApiError(
        'conflict',
        `Zoom did not register ${attendee.email} again: ${result.errors[0]?.message ?? ''}`,
        [],
        400,
        undefined,
        undefined,
      );
    }
    this.store.ticketUpdated(op.id, attendeeId, op.payload.changes, made);
  }

  private async ticketChange(zoom: SeriesOnZoom, eventId: string, op: OutboxOperation): Promise<void> {
    const ticketIds = op.kind === 'ticket.update' ? this.store.ticketIds(op.payload.attendee_id) : [];
    try {
      if (op.kind === 'ticket.delete') {
        for (const ticketId of op.payload.ticket_id.split(' ')) {
          await this.call(() => this.api.deleteTicket(eventId, ticketId)).catch((error: unknown) => {
            if (!(error instanceof ZoomApiError && error.status === 404)) throw error;
          });
        }
        this.store.ticketDeleted(op.id, op.payload.attendee_id);
      } else if (
        op.kind === 'ticket.update' &&
        'occurrences' in op.payload.changes &&
        registersPerSession(zoom.draft)
      ) {
        await this.reregister(zoom, eventId, op, zoom.draft);
      } else if (op.kind === 'ticket.update') {
        const body: Record<string, unknown> = {};
        for (const field of ticketUpdateFields) {
          if (field in op.payload.changes) body[field] = op.payload.changes[field] ?? '';
        }
        const [firstTicket] = ticketIds;
        if (firstTicket !== undefined && Object.keys(body).length > 0) {
          // Someone may have corrected the same details on Zoom since the last sync.
          const remote = await this.call(() => this.api.getTicket(eventId, firstTicket));
          const base = (this.store.attendeeBase(op.payload.attendee_id) ?? {}) as Record<string, unknown>;
          const fields = Object.keys(body);
          const plan = threeWayMerge(
            base,
            { ...base, ...body },
            { ...base, ...pick(remote as Record<string, unknown>, fields) },
            fields,
          );
          if (plan.conflicts.length > 0) {
            const email = typeof base.email === 'string' ? base.email : op.payload.attendee_id;
            this.conflicts += 1;
            this.store.openConflict({
              seriesId: op.seriesId,
              operationId: op.id,
              kind: 'item_fields',
              subject: `registration of ${email}: ${plan.conflicts.join(', ')}`,
              base: pick(base, plan.conflicts),
              local: pick(body, plan.conflicts),
              remote: pick(remote as Record<string, unknown>, plan.conflicts),
              message: `${zoom.name}: ${email}'s ${plan.conflicts.join(', ')} changed both here and on Zoom.`,
            });
            return;
          }
        }
        for (const ticketId of ticketIds) {
          if (Object.keys(body).length > 0) await this.call(() => this.api.updateTicket(eventId, ticketId, body));
        }
        this.store.ticketUpdated(op.id, op.payload.attendee_id, op.payload.changes);
      }
      this.progress(`${zoom.name}: ${describe(op)}`, 1);
    } catch (error) {
      this.refusal(op, zoom, error);
    }
  }
}

/** An operation in the planner's words, for progress and conflicts. */
export function describe(op: OutboxOperation): string {
  switch (op.kind) {
    case 'event.create':
      return 'creating the event';
    case 'event.update':
      return `updating ${Object.keys(op.payload.changes).join(', ')}`;
    case 'event.delete':
      return 'deleting the event';
    case 'event.publish':
      return 'publishing';
    case 'ticket_type.create':
      return `creating the ticket type "${op.payload.ticket_type.name}"`;
    case 'ticket_type.update':
      return 'updating the ticket type';
    case 'access_link.create':
      return `creating the registration link "${op.payload.registration.link_name}"`;
    case 'access_link.update':
      return 'updating the registration link';
    case 'session.update':
      return `moving session ${String(op.payload.occurrence)}`;
    case 'session.delete':
      return `cancelling session ${String(op.payload.occurrence)}`;
    case 'ticket.create':
      return `registering ${op.payload.attendee.email}`;
    case 'ticket.update':
      return 'updating a registration';
    case 'ticket.delete':
      return 'removing a registration';
  }
}

/** Whether attendees of this series register for chosen sessions (their tickets name them). */
function registersPerSession(draft: SeriesDraft | undefined): draft is SeriesDraft {
  if (draft?.event_type !== 'RECURRING') return false;
  const option = draft.registration?.recurring_registration_option;
  return option === 'single_session' || option === 'multiple_sessions';
}

/** The ticket type's fields compared with Zoom, by the draft's names (which are Zoom's). */
const ticketTypeFields = ['name', 'description', 'currency', 'free', 'price', 'quantity', 'start_time', 'end_time'];
const linkFields = ['link_name', 'authentication_method'];
/** Fields Zoom fills when Cadence leaves them out (the sale window): not a change made on Zoom. */
const filledByZoom = ['start_time', 'end_time'];

/** What Zoom's ticket update takes of an attendee's details. */
const ticketUpdateFields = ['first_name', 'last_name', ...attendeeProfileFields] as const;

/** The event fields compared with Zoom; the hub and the event type do not change after creation. */
const comparedEventFields = [
  'name',
  'description',
  'timezone',
  'meeting_type',
  'attendance_type',
  'access_level',
  'start_time',
  'end_time',
  'recurrence',
] as const satisfies readonly (keyof EventFields)[];

function pick<T extends object>(fields: T, keys: readonly (keyof T)[]): Partial<T> {
  const picked: Partial<T> = {};
  for (const key of keys) picked[key] = fields[key];
  return picked;
}

/** Waits for every task, then fails with the first failure: nothing runs on after the run ends. */
async function settleAll(tasks: readonly Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(tasks);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
}

function summary(outcome: SyncOutcome, done: number, waiting: number, conflicts: number): string {
  const changes = (n: number) => `${String(n)} change${n === 1 ? '' : 's'}`;
  switch (outcome) {
    case 'succeeded':
      return done === 0 ? 'Everything is in sync with Zoom.' : `Sent ${changes(done)} to Zoom; everything is in sync.`;
    case 'needs_attention':
      return `Sent ${changes(done)}; ${String(conflicts)} conflict${conflicts === 1 ? '' : 's'} to settle, ${changes(waiting)} waiting.`;
    case 'cancelled':
      return `Stopped after ${changes(done)}; ${changes(waiting)} waiting for the next sync.`;
    default:
      return `${changes(waiting)} waiting.`;
  }
}

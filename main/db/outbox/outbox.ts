import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { AttendeeDraft } from '../../../shared/drafts/attendeeDraft';
import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import {
  operationStateSchema,
  waitingStateSchema,
  type OperationState,
  type PlannedOperation,
  type WaitingState,
} from '../../../shared/outbox/operations';
import type { OutboxPlanner, SeriesZoomState } from '../../../shared/outbox/planOperations';
import { attendeeDraftSchema } from '../../../shared/drafts/attendeeDraft';
import type { ConflictKind, ConflictTarget } from '../../../shared/sync/conflicts';
import { isWhole } from '../seriesLinkStore';
import { blockedOperations } from './blocking';

/** What this module reads of a registration update's payload (its kind owns the whole schema). */
const reregistrationPayloadSchema = z.object({ changes: z.record(z.string(), z.unknown()) });
import {
  countRowSchema,
  countSchema,
  heldRowSchema,
  keysSchema,
  optionalIdSchema,
  optionalNameSchema,
  ownerRowSchema,
  pendingRowSchema,
  stateRowSchema,
  storedFrom,
  ticketRowSchema,
  waitingRowSchema,
  type StoredOperation,
} from './outboxRows';
import { prepareOutboxStatements, waitingStates, type OutboxStatements } from './outboxStatements';
import { ZoomRecords } from './zoomRecords';
import { MeetingOutbox } from './meetingOutbox';

export type { StoredOperation } from './outboxRows';
import {
  parseSnapshot,
  readAttendeeBase,
  readEventBase,
  readItemBase,
  readSessionBase,
  readRegistrations,
  readTicketIds,
  readZoomState,
  type StoredRegistration,
} from './zoomState';

const promotedForSchema = z.array(z.number().int());

/** A conflict for the planner, with what it is about as data. */
export interface ConflictInput {
  seriesId: string;
  operationId: number | null;
  kind: ConflictKind;
  target: ConflictTarget;
  subject: string;
  base?: unknown;
  local?: unknown;
  remote?: unknown;
  message: string;
  /** Why Zoom's version cannot be taken, when it cannot. */
  remoteRefused?: string;
}

/** A waiting operation as the app lists it. */
export interface WaitingOperation {
  seriesId: string;
  seriesName: string;
  kind: string;
  payload: unknown;
  state: WaitingState;
}

/**
 * The outbox's one owner. Every change of an operation's state, every write of Zoom IDs and
 * synced snapshots (through `records`), and the plan that keeps pending operations equal to the
 * drafts go through here; nobody else writes those columns. Each method is one transaction, or
 * joins the caller's.
 */
export class Outbox {
  readonly records: ZoomRecords;
  /** The meetings' operations, Zoom IDs, snapshots and conflicts. */
  readonly meetings: MeetingOutbox;
  private readonly statements: OutboxStatements;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => string,
    private readonly planner: OutboxPlanner,
  ) {
    this.statements = prepareOutboxStatements(db);
    this.records = new ZoomRecords(db, now, (ids) => {
      this.complete(ids);
    });
    this.meetings = new MeetingOutbox(db, now, planner, (ids) => {
      this.complete(ids);
    });
  }

  /** Runs `work` in one transaction (joining the caller's, if any). */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  // Planning

  zoomState(seriesId: string): SeriesZoomState {
    return readZoomState(this.db, seriesId);
  }

  /**
   * Re-plans the series-level operations (event, ticket type, link, publish, sessions). A whole
   * series reaches Zoom through its parts, each planned as a series of its own, so it plans none.
   */
  replanSeries(seriesId: string, draft: SeriesDraft | undefined, zoom = this.zoomState(seriesId)): void {
    if (isWhole(this.db, seriesId)) this.clearWhole(seriesId);
    else this.apply(seriesId, this.planner.planSeries(draft, zoom), false);
  }

  /** Drops what a series that became a whole had planned for itself: its parts carry it now. */
  clearWhole(seriesId: string): void {
    this.apply(seriesId, [], false);
    this.apply(seriesId, [], true);
  }

  /**
   * Re-plans the tickets of the given attendees (by registration ID; undefined when removed),
   * or, with `isComplete`, of the whole series, dropping pending tickets of anyone not listed.
   */
  replanTickets(
    seriesId: string,
    attendees: ReadonlyMap<string, AttendeeDraft | undefined>,
    isComplete: boolean,
  ): void {
    if (isWhole(this.db, seriesId)) {
      this.clearWhole(seriesId);
      return;
    }
    const planned: PlannedOperation[] = [];
    for (const raw of this.statements.attendeeTickets.all(seriesId)) {
      const row = ticketRowSchema.parse(raw);
      if (!isComplete && !attendees.has(row.id)) continue;
      // A person waiting for a place has no ticket and needs none until the waiting list promotes them.
      const isWaiting = row.wait_position !== null && row.zoom_ticket_id === null;
      const attendee = row.deleted_at === null && !isWaiting ? attendees.get(row.id) : undefined;
      const base = parseSnapshot(attendeeDraftSchema, row.synced_json);
      const ticket =
        row.zoom_ticket_id === null || base === undefined ? undefined : { ticketId: row.zoom_ticket_id, base };
      const promotedFor = row.promoted_at === null ? undefined : parseSnapshot(promotedForSchema, row.waiting_for_json);
      const operation = this.planner.planTicket(row.id, attendee, ticket, promotedFor);
      if (operation !== undefined) planned.push(operation);
    }
    const scope = isComplete ? undefined : new Set([...attendees.keys()].map((id) => `ticket:${id}`));
    this.apply(seriesId, planned, true, scope);
  }

  /**
   * Keeps a series' pending operations equal to `planned`: a key still planned keeps its row (and
   * its place in line) with the newest payload; one no longer planned is dropped. Operations on
   * their way or held by a conflict keep their key until they end.
   */
  private apply(
    seriesId: string,
    planned: readonly PlannedOperation[],
    isTicketScope: boolean,
    onlyKeys?: ReadonlySet<string>,
  ): void {
    const pending = new Map(
      this.statements.pendingIn
        .all(seriesId, isTicketScope ? 1 : 0)
        .map((raw) => pendingRowSchema.parse(raw))
        .filter((row) => onlyKeys === undefined || onlyKeys.has(row.op_key))
        .map((row) => [row.op_key, row]),
    );
    const busy = new Set(keysSchema.parse(this.statements.busyKeys.all(seriesId)));
    const now = this.now();
    for (const operation of planned) {
      // A conflict holds its key until the planner settles it; a call on its way is recorded
      // first. Settling or recording plans the key again.
      if (busy.has(operation.key)) continue;
      const row = {
        series_id: seriesId,
        op_key: operation.key,
        kind: operation.kind,
        payload_json: JSON.stringify(operation.payload),
        depends_on_json: JSON.stringify(operation.dependsOn),
        now,
      };
      const existing = pending.get(operation.key);
      pending.delete(operation.key);
      if (existing === undefined) this.statements.insert.run(row);
      else if (
        existing.kind !== row.kind ||
        existing.payload_json !== row.payload_json ||
        existing.depends_on_json !== row.depends_on_json
      ) {
        this.statements.update.run({ ...row, id: existing.id });
      }
    }
    for (const stale of pending.values()) this.statements.remove.run(stale.id);
  }

  // What Zoom has, as recorded

  eventBase(seriesId: string) {
    return readEventBase(this.db, seriesId);
  }

  itemBase(table: 'ticket_type' | 'registration_link', seriesId: string) {
    return readItemBase(this.db, table, seriesId);
  }

  sessionBase(seriesId: string, occurrence: number) {
    return readSessionBase(this.db, seriesId, occurrence);
  }

  attendeeBase(attendeeId: string) {
    return readAttendeeBase(this.db, attendeeId);
  }

  ticketIds(attendeeId: string): string[] {
    return readTicketIds(this.db, attendeeId);
  }

  /** Every attendee of a series with its tickets and snapshot, for comparing with Zoom's registrations. */
  registrations(seriesId: string): StoredRegistration[] {
    return readRegistrations(this.db, seriesId);
  }

  /** Sessions a series still plans (not cancelled). */
  liveSessionCount(seriesId: string): number {
    return countSchema.parse(this.statements.liveSessions.get(seriesId));
  }

  /** A series' name, deleted or not. */
  seriesName(seriesId: string): string {
    return optionalNameSchema.parse(this.statements.seriesName.get(seriesId)) ?? '';
  }

  /** The event IDs every series has on Zoom, so that a found event is never adopted twice. */
  linkedEventIds(): Set<string> {
    return new Set(keysSchema.parse(this.statements.linkedEvents.all()));
  }

  /** Series a sync reads back from Zoom first: linked, ready, not deleted here, not gone from Zoom, not replaced by a new pattern. */
  linkedSeries(): string[] {
    return keysSchema.parse(this.statements.linkedSeries.all());
  }

  /** Series whose pattern change has an old event on Zoom still to cancel. */
  replacingSeries(): string[] {
    return keysSchema.parse(this.statements.replacingSeries.all());
  }

  // The sync's work

  /** Series operations to send or to reconcile, oldest first (a meeting's are `meetings.work()`). */
  work(): StoredOperation[] {
    return this.statements.work.all().map(storedFrom);
  }

  /** Keys held by a conflict or a refusal, by series: what depends on them is blocked. One query for all. */
  heldKeys(): Map<string, Set<string>> {
    const held = new Map<string, Set<string>>();
    for (const raw of this.statements.held.all()) {
      const row = heldRowSchema.parse(raw);
      held.set(row.series_id, (held.get(row.series_id) ?? new Set()).add(row.op_key));
    }
    return held;
  }

  /** The states of these operations now (absent: replaced by a newer plan, or gone with their series). */
  statesOf(ids: readonly number[]): Map<number, OperationState> {
    const states = new Map<number, OperationState>();
    for (const raw of this.statements.statesOf.all(JSON.stringify(ids))) {
      const row = stateRowSchema.parse(raw);
      states.set(row.id, row.state);
    }
    return states;
  }

  /**
   * Before a step: its operations are being worked on. A crash after this is reconciled, never
   * re-sent blindly, and a re-plan while the step runs leaves their keys alone. One transaction.
   */
  markInFlight(ids: readonly number[]): void {
    this.statements.inFlight.run(this.now(), JSON.stringify(ids));
  }

  /** Back in line for the next try: Zoom did not do it (never sent, or 429). A newer plan of the same key replaces it. */
  markPending(ids: readonly number[], error?: string): void {
    this.transaction(() => {
      const now = this.now();
      for (const id of ids) {
        const row = ownerRowSchema.optional().parse(this.statements.keyOf.get(id));
        if (row === undefined) continue;
        if (this.statements.newerPending.get({ ...row, id }) !== undefined) {
          this.statements.remove.run(id);
        } else this.statements.pending.run(error ?? null, now, id);
      }
    });
  }

  /** Done on Zoom. Inside the transaction that records what Zoom answered. */
  complete(ids: readonly number[]): void {
    this.statements.done.run(this.now(), JSON.stringify(ids));
  }

  /** A conflict for the planner; its operation (if any) waits in `conflict`, or `failed` when Zoom refused it for good. */
  openConflict(input: ConflictInput): number {
    return this.transaction(() => {
      if (input.operationId !== null) {
        const state = isRefusal(input.kind) ? 'failed' : 'conflict';
        this.statements.hold.run(state, input.message, this.now(), input.operationId);
      }
      const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
      return Number(
        this.statements.insertConflict.run({
          series_id: input.seriesId,
          outbox_id: input.operationId,
          kind: input.kind,
          target_json: JSON.stringify(input.target),
          subject: input.subject,
          base_json: json(input.base),
          local_json: json(input.local),
          remote_json: json(input.remote),
          message: input.message,
          remote_refused: input.remoteRefused ?? null,
          now: this.now(),
        }).lastInsertRowid,
      );
    });
  }

  /** The pending operation of a key, held for a conflict opened again; its ID, if there is one. */
  holdPending(seriesId: string, key: string, message: string): number | undefined {
    const id = optionalIdSchema.parse(this.statements.pendingOfKey.get(seriesId, key));
    if (id !== undefined) this.statements.hold.run('conflict', message, this.now(), id);
    return id;
  }

  /** The pending operation of a key, if one waits: what a conflict found by reading Zoom back holds. */
  pendingOf(seriesId: string, key: string): number | undefined {
    return optionalIdSchema.parse(this.statements.pendingOfKey.get(seriesId, key));
  }

  /**
   * Whether a change of this registration's sessions is not finished (waiting, cut short, or held
   * by Zoom's refusal): its tickets are missing from Zoom because its own step deleted them, and
   * that step makes the new ones.
   */
  isReregistering(seriesId: string, attendeeId: string): boolean {
    return this.statements.unfinishedPayloadsOfKey
      .all(seriesId, `ticket:${attendeeId}`, 'ticket.update')
      .some((payload) => {
        const parsed = reregistrationPayloadSchema.safeParse(JSON.parse(String(payload)));
        return parsed.success && 'occurrences' in parsed.data.changes;
      });
  }

  /** Holds an operation behind a conflict already open for its series (an event gone from Zoom). */
  holdBehind(operationId: number, message: string): void {
    this.statements.hold.run('conflict', message, this.now(), operationId);
  }

  /** Whether the same conflict (kind, target and subject) is open already: one read back again repeats none. */
  hasOpenConflictOn(input: Pick<ConflictInput, 'seriesId' | 'kind' | 'target' | 'subject'>): boolean {
    const found: unknown = this.statements.openConflictOn.get(
      input.seriesId,
      input.kind,
      JSON.stringify(input.target),
      input.subject,
    );
    return found !== undefined;
  }

  hasOpenConflict(seriesId: string, kind: ConflictKind): boolean {
    return this.statements.openConflictOfKind.get(seriesId, kind) !== undefined;
  }

  // Settling

  /** The held operation goes again as it is. */
  retry(operationId: number): void {
    this.statements.retry.run('pending', this.now(), operationId);
  }

  /** The held create goes again as one whose outcome is unknown: Zoom is searched for it first. */
  retryAsUnknown(operationId: number): void {
    this.statements.retry.run('in_flight', this.now(), operationId);
  }

  /** A held operation dropped, so that re-planning decides afresh; without an ID, every held one of the series. */
  dropHeld(seriesId: string, operationId?: number | null): void {
    if (operationId === undefined) this.statements.dropHeldOfSeries.run(seriesId);
    else if (operationId !== null) this.statements.dropHeld.run(operationId);
  }

  /** Everything not yet done of a series, dropped (its link to Zoom is forgotten). */
  dropUnfinished(seriesId: string): void {
    this.statements.dropUnfinished.run(seriesId);
  }

  // Waiting

  /** Operations not yet done of the other parts of the whole the series is a part of (0 for any other series). */
  otherPartsWaiting(seriesId: string): number {
    return z.number().parse(
      this.db
        .prepare(
          `SELECT count(*) FROM outbox x WHERE x.state IN ${waitingStates} AND x.series_id IN (
               SELECT l.to_series_id FROM series_link l WHERE l.kind = 'part' AND l.to_series_id != @id
                 AND l.from_series_id = (SELECT from_series_id FROM series_link WHERE to_series_id = @id AND kind = 'part'))`,
        )
        .pluck()
        .get({ id: seriesId }),
    );
  }

  /** Operations not yet done: pending, in flight, held by a conflict or refused. */
  waitingCount(): number {
    return countSchema.parse(this.statements.waitingCount.get());
  }

  /** Conflicts not yet settled, however old: the one count "to settle" for the app, the CLI and the report. */
  openConflictCount(): number {
    return countSchema.parse(this.statements.openConflictCount.get());
  }

  /** Every waiting operation of a series with how it shows (blocked behind a held key of its series), oldest first. */
  waiting(): WaitingOperation[] {
    const rows = this.statements.waiting.all().map((raw) => {
      const row = waitingRowSchema.parse(raw);
      return { op: storedFrom(row), seriesName: row.series_name, isReady: row.is_ready === 1 };
    });
    const blockedIds = blockedOperations(
      rows.map(({ op }) => op),
      this.heldKeys(),
    );
    return rows.map(({ op, seriesName, isReady }) => ({
      seriesId: op.seriesId,
      seriesName,
      kind: op.kind,
      payload: op.payload,
      state: blockedIds.has(op.id)
        ? 'blocked'
        : !isReady && (op.state === 'pending' || op.state === 'in_flight')
          ? 'not_ready'
          : waitingStateSchema.parse(op.state),
    }));
  }

  /** Names of the series kept out of syncs (not ready) that have changes waiting. */
  notReadyWaiting(): string[] {
    return z.array(z.string()).parse(this.statements.notReadyWaiting.all());
  }

  /** Operation counts by state, every state present; `blocked` counts pending operations behind a held one. */
  countsByState(): Record<OperationState | 'blocked', number> {
    const counts = Object.fromEntries(
      [...operationStateSchema.options, 'blocked'].map((state) => [state, 0]),
    ) as Record<OperationState | 'blocked', number>;
    for (const raw of this.statements.counts.all()) {
      const row = countRowSchema.parse(raw);
      counts[row.state] = row.n;
    }
    for (const op of this.waiting()) if (op.state === 'blocked') counts.blocked += 1;
    for (const op of this.meetings.waiting()) if (op.state === 'blocked') counts.blocked += 1;
    return counts;
  }
}

/** Zoom refused it: the operation is `failed`, not a disagreement about values. */
function isRefusal(kind: ConflictKind): boolean {
  return kind === 'refused' || kind === 'ticket_refused' || kind === 'not_editable';
}

import type Database from 'better-sqlite3';
import { z } from 'zod';
import { meetingDraftSchema, type MeetingDraft } from '../../../shared/meetings/meetingDraft';
import { operationStateSchema, type OperationState, type PlannedOperation } from '../../../shared/outbox/operations';
import type { MeetingZoomState, OutboxPlanner } from '../../../shared/outbox/planOperations';
import type { ConflictKind, ConflictTarget } from '../../../shared/sync/conflicts';
import { jsonOr, keysSchema } from './outboxRows';
import { heldStates, waitingStates } from './outboxStatements';
import { parseSnapshot } from './zoomState';

/** One meeting operation as stored; its payload is checked by its kind's schema where it is used. */
export interface StoredMeetingOperation {
  id: number;
  meetingId: string;
  key: string;
  kind: string;
  payload: unknown;
  dependsOn: string[];
  state: OperationState;
  attempts: number;
}

/** A conflict about a meeting, with what it is about as data. */
export interface MeetingConflictInput {
  meetingId: string;
  operationId: number | null;
  kind: ConflictKind;
  target: ConflictTarget;
  subject: string;
  base?: unknown;
  local?: unknown;
  remote?: unknown;
  message: string;
  remoteRefused?: string;
}

/** A waiting meeting operation as the app lists it, with the meeting's topic and host. */
export interface WaitingMeetingOperation {
  meetingId: string;
  topic: string;
  hostEmail: string;
  kind: string;
  payload: unknown;
  state: 'pending' | 'in_flight' | 'blocked' | 'conflict' | 'failed';
}

/** What Zoom gave a meeting when it was created. */
export interface CreatedMeeting {
  zoomMeetingId: string;
  joinUrl: string;
  registrationUrl: string | undefined;
}

const storedRowSchema = z.object({
  id: z.number(),
  meeting_id: z.string(),
  op_key: z.string(),
  kind: z.string(),
  payload_json: z.string(),
  depends_on_json: z.string(),
  state: operationStateSchema,
  attempts: z.number(),
});
const waitingRowSchema = storedRowSchema.extend({ topic: z.string(), host_email: z.string() });
const pendingRowSchema = z.object({
  id: z.number(),
  op_key: z.string(),
  kind: z.string(),
  payload_json: z.string(),
  depends_on_json: z.string(),
});
const zoomRowSchema = z.object({ zoom_meeting_id: z.string().nullable(), synced_json: z.string().nullable() });
const heldRowSchema = z.object({ meeting_id: z.string(), op_key: z.string() });
const optionalIdSchema = z.number().optional();
const textSchema = z.string().nullable().optional();

function storedFrom(raw: unknown): StoredMeetingOperation {
  const row = storedRowSchema.parse(raw);
  return {
    id: row.id,
    meetingId: row.meeting_id,
    key: row.op_key,
    kind: row.kind,
    payload: jsonOr<unknown>(row.payload_json, z.unknown(), null),
    dependsOn: jsonOr(row.depends_on_json, keysSchema, []),
    state: row.state,
    attempts: row.attempts,
  };
}

/**
 * The meetings' part of the outbox's one owner: their plan, their Zoom IDs and synced snapshots,
 * their work and their conflicts. Operation states by ID (in flight, done, back in line) are the
 * outbox's own methods, shared with the series. Each method is one transaction, or joins the caller's.
 */
export class MeetingOutbox {
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => string,
    private readonly planner: Pick<OutboxPlanner, 'planMeeting'>,
    private readonly complete: (ids: readonly number[]) => void,
  ) {
    this.statements = {
      pendingIn: db.prepare(
        `SELECT id, op_key, kind, payload_json, depends_on_json FROM outbox WHERE meeting_id = ? AND state = 'pending'`,
      ),
      busyKeys: db
        .prepare(`SELECT op_key FROM outbox WHERE meeting_id = ? AND state IN ('in_flight', 'conflict', 'failed')`)
        .pluck(),
      insert: db.prepare(
        `INSERT INTO outbox (meeting_id, op_key, kind, payload_json, depends_on_json, created_at, updated_at)
         VALUES (@meeting_id, @op_key, @kind, @payload_json, @depends_on_json, @now, @now)`,
      ),
      update: db.prepare(
        `UPDATE outbox SET kind = @kind, payload_json = @payload_json, depends_on_json = @depends_on_json,
         updated_at = @now WHERE id = @id`,
      ),
      remove: db.prepare('DELETE FROM outbox WHERE id = ?'),
      work: db.prepare(
        `SELECT id, meeting_id, op_key, kind, payload_json, depends_on_json, state, attempts FROM outbox
         WHERE meeting_id IS NOT NULL AND state IN ('pending', 'in_flight') ORDER BY id`,
      ),
      held: db.prepare(
        `SELECT DISTINCT meeting_id, op_key FROM outbox WHERE meeting_id IS NOT NULL AND state IN ${heldStates}`,
      ),
      waiting: db.prepare(
        `SELECT o.id, o.meeting_id, o.op_key, o.kind, o.payload_json, o.depends_on_json, o.state, o.attempts,
           m.topic, m.host_email
         FROM outbox o JOIN meeting m ON m.id = o.meeting_id WHERE o.state IN ${waitingStates} ORDER BY o.id`,
      ),
      zoomRow: db.prepare('SELECT zoom_meeting_id, synced_json FROM meeting WHERE id = ?'),
      pendingOfKey: db
        .prepare(`SELECT id FROM outbox WHERE meeting_id = ? AND op_key = ? AND state = 'pending'`)
        .pluck(),
      hold: db.prepare(`UPDATE outbox SET state = ?, last_error = ?, updated_at = ? WHERE id = ?`),
      insertConflict: db.prepare(
        `INSERT INTO conflict (meeting_id, outbox_id, kind, target_json, subject, base_json, local_json, remote_json,
           message, remote_refused, created_at)
         VALUES (@meeting_id, @outbox_id, @kind, @target_json, @subject, @base_json, @local_json, @remote_json,
           @message, @remote_refused, @now)`,
      ),
      openConflictOn: db.prepare(
        'SELECT 1 FROM conflict WHERE meeting_id = ? AND kind = ? AND target_json = ? AND subject = ? AND resolved_at IS NULL',
      ),
      openConflictOfKind: db.prepare(
        'SELECT 1 FROM conflict WHERE meeting_id = ? AND kind = ? AND resolved_at IS NULL',
      ),
      dropHeld: db.prepare(`DELETE FROM outbox WHERE id = ? AND meeting_id IS NOT NULL AND state IN ${heldStates}`),
      dropUnfinished: db.prepare(`DELETE FROM outbox WHERE meeting_id = ? AND state != 'done'`),
      topic: db.prepare('SELECT topic FROM meeting WHERE id = ?').pluck(),
    };
  }

  private inTransaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  private done(operationId: number | undefined): void {
    if (operationId !== undefined) this.complete([operationId]);
  }

  // Planning

  zoomState(meetingId: string): MeetingZoomState {
    const row = zoomRowSchema.optional().parse(this.statements.zoomRow.get(meetingId));
    const state: MeetingZoomState = {};
    if (row?.zoom_meeting_id != null) state.meetingId = row.zoom_meeting_id;
    const base = parseSnapshot(meetingDraftSchema, row?.synced_json);
    if (base !== undefined) state.base = base;
    return state;
  }

  /**
   * Keeps a meeting's pending operations equal to what its draft needs (`draft` undefined: deleted
   * here): a key still planned keeps its row and place in line with the newest payload; one no
   * longer planned is dropped. A key on its way or held by a conflict is left until it ends.
   */
  replan(meetingId: string, draft: MeetingDraft | undefined): void {
    const planned = this.planner.planMeeting(draft, this.zoomState(meetingId));
    const pending = new Map(
      this.statements.pendingIn
        .all(meetingId)
        .map((raw) => pendingRowSchema.parse(raw))
        .map((row) => [row.op_key, row]),
    );
    const busy = new Set(keysSchema.parse(this.statements.busyKeys.all(meetingId)));
    const now = this.now();
    for (const operation of planned) {
      if (busy.has(operation.key)) continue;
      const row = rowOf(meetingId, operation, now);
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

  // The sync's work

  /** Meeting operations to send or to reconcile, oldest first. */
  work(): StoredMeetingOperation[] {
    return this.statements.work.all().map(storedFrom);
  }

  /** Keys held by a conflict or a refusal, by meeting. */
  heldKeys(): Map<string, Set<string>> {
    const held = new Map<string, Set<string>>();
    for (const raw of this.statements.held.all()) {
      const row = heldRowSchema.parse(raw);
      held.set(row.meeting_id, (held.get(row.meeting_id) ?? new Set()).add(row.op_key));
    }
    return held;
  }

  /** Every waiting meeting operation, oldest first; one behind a held key of its meeting shows as blocked. */
  waiting(): WaitingMeetingOperation[] {
    const held = this.heldKeys();
    return this.statements.waiting.all().map((raw) => {
      const row = waitingRowSchema.parse(raw);
      const op = storedFrom(row);
      const isBlocked =
        (op.state === 'pending' || op.state === 'in_flight') &&
        op.dependsOn.some((key) => held.get(op.meetingId)?.has(key) === true);
      return {
        meetingId: op.meetingId,
        topic: row.topic,
        hostEmail: row.host_email,
        kind: op.kind,
        payload: op.payload,
        state: isBlocked ? 'blocked' : op.state === 'done' ? 'pending' : op.state,
      };
    });
  }

  topic(meetingId: string): string {
    return z.string().optional().parse(this.statements.topic.get(meetingId)) ?? '';
  }

  // Conflicts

  /** A conflict for the planner; its operation (if any) waits in `conflict`, or `failed` when Zoom refused it for good. */
  openConflict(input: MeetingConflictInput): number {
    return this.inTransaction(() => {
      if (input.operationId !== null) {
        const state = input.kind === 'refused' || input.kind === 'not_editable' ? 'failed' : 'conflict';
        this.statements.hold.run(state, input.message, this.now(), input.operationId);
      }
      const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
      return Number(
        this.statements.insertConflict.run({
          meeting_id: input.meetingId,
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

  hasOpenConflictOn(input: Pick<MeetingConflictInput, 'meetingId' | 'kind' | 'target' | 'subject'>): boolean {
    const found: unknown = this.statements.openConflictOn.get(
      input.meetingId,
      input.kind,
      JSON.stringify(input.target),
      input.subject,
    );
    return found !== undefined;
  }

  hasOpenConflict(meetingId: string, kind: ConflictKind): boolean {
    return this.statements.openConflictOfKind.get(meetingId, kind) !== undefined;
  }

  /** The pending operation of a key, if one waits. */
  pendingOf(meetingId: string, key: string): number | undefined {
    return optionalIdSchema.parse(this.statements.pendingOfKey.get(meetingId, key));
  }

  /** The pending operation of a key, held for a conflict opened again; its ID, if there is one. */
  holdPending(meetingId: string, key: string, message: string): number | undefined {
    const id = this.pendingOf(meetingId, key);
    if (id !== undefined) this.statements.hold.run('conflict', message, this.now(), id);
    return id;
  }

  /** A held operation dropped, so that re-planning decides afresh. */
  dropHeld(operationId: number | null): void {
    if (operationId !== null) this.statements.dropHeld.run(operationId);
  }

  /** Everything not yet done of a meeting, dropped (its link to Zoom is forgotten). */
  dropUnfinished(meetingId: string): void {
    this.statements.dropUnfinished.run(meetingId);
  }

  // What Zoom holds, as recorded: each write that ends an operation marks it done in the same transaction.

  created(operationId: number, meetingId: string, zoom: CreatedMeeting, sent: MeetingDraft): void {
    this.inTransaction(() => {
      this.db
        .prepare(
          `UPDATE meeting SET zoom_meeting_id = ?, join_url = ?, registration_url = ?, synced_json = ?, synced_at = ?
           WHERE id = ?`,
        )
        .run(
          zoom.zoomMeetingId,
          zoom.joinUrl,
          zoom.registrationUrl ?? null,
          JSON.stringify(sent),
          this.now(),
          meetingId,
        );
      this.done(operationId);
    });
  }

  /** The meeting's new snapshot after a three-way merge; the operation done unless a conflict holds it. */
  merged(meetingId: string, base: MeetingDraft, operationId?: number, registrationUrl?: string): void {
    this.inTransaction(() => {
      this.db
        .prepare('UPDATE meeting SET synced_json = ?, synced_at = ? WHERE id = ?')
        .run(JSON.stringify(base), this.now(), meetingId);
      if (registrationUrl !== undefined) {
        this.db.prepare('UPDATE meeting SET registration_url = ? WHERE id = ?').run(registrationUrl, meetingId);
      }
      this.done(operationId);
    });
  }

  /** Zoom deleted the meeting: the row marked deleted here goes with it. */
  deleted(operationId: number, meetingId: string): void {
    this.inTransaction(() => {
      this.done(operationId);
      this.db.prepare('DELETE FROM meeting WHERE id = ? AND deleted_at IS NOT NULL').run(meetingId);
    });
  }

  /** A new snapshot from settling a conflict (Zoom's values, so that what differs from them is sent). */
  setBase(meetingId: string, base: MeetingDraft): void {
    this.db.prepare('UPDATE meeting SET synced_json = ? WHERE id = ?').run(JSON.stringify(base), meetingId);
  }

  /**
   * Keeping one's own version of a meeting Zoom holds in a form Cadence cannot read: its held
   * update goes again as the whole meeting, overwriting Zoom's.
   */
  sendWhole(operationId: number): void {
    const payload = textSchema.parse(
      this.db.prepare('SELECT payload_json FROM outbox WHERE id = ?').pluck().get(operationId),
    );
    const changes = jsonOr(payload ?? 'null', z.object({ changes: z.record(z.string(), z.unknown()) }), {
      changes: {},
    });
    this.db
      .prepare(
        `UPDATE outbox SET state = 'pending', payload_json = ?, last_error = NULL, updated_at = ?
         WHERE id = ? AND state IN ${heldStates}`,
      )
      .run(JSON.stringify({ ...changes, whole: true }), this.now(), operationId);
  }

  /** Forgets the meeting's link to Zoom (it is gone there): the next sync creates it again. */
  unlink(meetingId: string): void {
    this.db
      .prepare(
        `UPDATE meeting SET zoom_meeting_id = NULL, join_url = NULL, registration_url = NULL, synced_json = NULL,
           synced_at = NULL WHERE id = ?`,
      )
      .run(meetingId);
  }

  /** Zoom meeting IDs already linked to a meeting here, so that a found meeting is never adopted twice. */
  linkedMeetingIds(): Set<string> {
    return new Set(
      keysSchema.parse(
        this.db.prepare('SELECT zoom_meeting_id FROM meeting WHERE zoom_meeting_id IS NOT NULL').pluck().all(),
      ),
    );
  }
}

function rowOf(meetingId: string, operation: PlannedOperation, now: string) {
  return {
    meeting_id: meetingId,
    op_key: operation.key,
    kind: operation.kind,
    payload_json: JSON.stringify(operation.payload),
    depends_on_json: JSON.stringify(operation.dependsOn),
    now,
  };
}

import type Database from 'better-sqlite3';
import { z } from 'zod';
import { attendeeDraftSchema, type AttendeeDraft } from '../../shared/drafts/attendeeDraft';
import type { RegistrationDraft } from '../../shared/drafts/registrationDraft';
import type { SeriesDraft } from '../../shared/drafts/seriesDraft';
import type { TicketTypeDraft } from '../../shared/drafts/ticketTypeDraft';
import {
  eventFieldsSchema,
  operationPayloadSchemas,
  type EventFields,
  type OperationKind,
  type OperationPayload,
  type OperationState,
} from '../../shared/outbox/operations';
import type { SyncOutcome } from '../../shared/sync/syncReport';
import { readSeriesDraft } from './seriesRows';
import { SeriesStore } from './seriesStore';

/** One outbox operation as the sync engine works on it. */
export type OutboxOperation = {
  [K in OperationKind]: {
    id: number;
    seriesId: string;
    key: string;
    kind: K;
    payload: OperationPayload<K>;
    dependsOn: string[];
    state: OperationState;
    attempts: number;
  };
}[OperationKind];

const operationRowSchema = z.object({
  id: z.number(),
  series_id: z.string(),
  op_key: z.string(),
  kind: z.string(),
  payload_json: z.string(),
  depends_on_json: z.string(),
  state: z.enum(['pending', 'in_flight', 'done', 'failed', 'conflict']),
  attempts: z.number(),
});

function operationFromRow(raw: unknown): OutboxOperation {
  const row = operationRowSchema.parse(raw);
  const kind = row.kind as OperationKind;
  const schema = operationPayloadSchemas[kind] as z.ZodType | undefined;
  if (schema === undefined) throw new Error(`The outbox holds an operation of unknown kind "${row.kind}".`);
  return {
    id: row.id,
    seriesId: row.series_id,
    key: row.op_key,
    kind,
    payload: schema.parse(JSON.parse(row.payload_json)),
    dependsOn: z.array(z.string()).parse(JSON.parse(row.depends_on_json)),
    state: row.state,
    attempts: row.attempts,
  } as OutboxOperation;
}

/** What a series has on Zoom, as the engine needs it to address calls. */
export interface SeriesOnZoom {
  seriesId: string;
  name: string;
  draft: SeriesDraft | undefined;
  eventId: string | undefined;
  status: string | undefined;
  ticketTypeId: string | undefined;
  accessLinkId: string | undefined;
  /** Zoom's session ID by occurrence number. */
  sessionIds: Map<number, string>;
}

const seriesRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  zoom_event_id: z.string().nullable(),
  zoom_status: z.string().nullable(),
});

export interface ConflictInput {
  seriesId: string;
  operationId: number | null;
  kind: string;
  subject: string;
  base?: unknown;
  local?: unknown;
  remote?: unknown;
  message: string;
}

/**
 * The sync engine's reads and writes. Every result is recorded in the same transaction that marks
 * its operation done, so a crash never leaves a Zoom ID without its operation done, or the other
 * way round.
 */
export class SyncStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => string,
  ) {}

  /** Operations to send or to reconcile, oldest first. */
  workItems(): OutboxOperation[] {
    return this.db
      .prepare(
        `SELECT id, series_id, op_key, kind, payload_json, depends_on_json, state, attempts FROM outbox
         WHERE state IN ('pending', 'in_flight') ORDER BY id`,
      )
      .all()
      .map(operationFromRow);
  }

  /** Keys of a series whose operations are not done: what depends on them must wait. */
  unfinishedKeys(seriesId: string): Set<string> {
    return new Set(
      this.db
        .prepare(
          `SELECT op_key FROM outbox WHERE series_id = ? AND state IN ('pending', 'in_flight', 'failed', 'conflict')`,
        )
        .pluck()
        .all(seriesId) as string[],
    );
  }

  /** What Zoom has of a series; `draft` is read unless given (it is the costly part). */
  seriesOnZoom(seriesId: string, known?: { draft: SeriesDraft | undefined }): SeriesOnZoom {
    const row = seriesRowSchema.parse(
      this.db.prepare('SELECT id, name, zoom_event_id, zoom_status FROM series WHERE id = ?').get(seriesId),
    );
    const id = (sql: string) =>
      z.string().nullable().optional().parse(this.db.prepare(sql).pluck().get(seriesId)) ?? undefined;
    const sessionIds = new Map(
      z
        .array(z.object({ number: z.number(), zoom_session_id: z.string() }))
        .parse(
          this.db
            .prepare(
              'SELECT number, zoom_session_id FROM occurrence WHERE series_id = ? AND zoom_session_id IS NOT NULL',
            )
            .all(seriesId),
        )
        .map((session) => [session.number, session.zoom_session_id] as const),
    );
    return {
      seriesId,
      name: row.name,
      draft: known === undefined ? readSeriesDraft(this.db, seriesId) : known.draft,
      eventId: row.zoom_event_id ?? undefined,
      status: row.zoom_status ?? undefined,
      ticketTypeId: id('SELECT zoom_ticket_type_id FROM ticket_type WHERE series_id = ?'),
      accessLinkId: id('SELECT zoom_access_link_id FROM registration_link WHERE series_id = ?'),
      sessionIds,
    };
  }

  /** Zoom's ticket IDs of a registration (one per session for a per-session registration). */
  ticketIds(attendeeId: string): string[] {
    const ids = z
      .string()
      .nullable()
      .optional()
      .parse(this.db.prepare('SELECT zoom_ticket_id FROM attendee WHERE id = ?').pluck().get(attendeeId));
    return ids == null ? [] : ids.split(' ');
  }

  /** The event IDs every series has on Zoom, so that a found event is never adopted twice. */
  linkedEventIds(): Set<string> {
    return new Set(
      this.db.prepare('SELECT zoom_event_id FROM series WHERE zoom_event_id IS NOT NULL').pluck().all() as string[],
    );
  }

  /** Before a call whose outcome could be lost: a crash after this is reconciled, never re-sent blindly. */
  markInFlight(ids: readonly number[]): void {
    const update = this.db.prepare(
      `UPDATE outbox SET state = 'in_flight', attempts = attempts + 1, updated_at = ? WHERE id = ?`,
    );
    this.db.transaction(() => {
      const now = this.now();
      for (const id of ids) update.run(now, id);
    })();
  }

  /** Back in line, for the next try (Zoom did not do it, or its outcome is still unknown). */
  markPending(ids: readonly number[], error?: string): void {
    const update = this.db.prepare(`UPDATE outbox SET state = 'pending', last_error = ?, updated_at = ? WHERE id = ?`);
    this.db.transaction(() => {
      const now = this.now();
      for (const id of ids) {
        // A newer plan for the same key may have been queued meanwhile; it replaces this one.
        const op = this.db.prepare('SELECT series_id, op_key FROM outbox WHERE id = ?').get(id) as
          { series_id: string; op_key: string } | undefined;
        if (op === undefined) continue;
        const newer = this.db
          .prepare(`SELECT 1 FROM outbox WHERE series_id = ? AND op_key = ? AND state = 'pending' AND id != ?`)
          .get(op.series_id, op.op_key, id);
        if (newer !== undefined) this.db.prepare('DELETE FROM outbox WHERE id = ?').run(id);
        else update.run(error ?? null, now, id);
      }
    })();
  }

  markFailed(id: number, error: string): void {
    this.db
      .prepare(`UPDATE outbox SET state = 'failed', last_error = ?, updated_at = ? WHERE id = ?`)
      .run(error, this.now(), id);
  }

  private done(id: number): void {
    this.db
      .prepare(`UPDATE outbox SET state = 'done', last_error = NULL, updated_at = ? WHERE id = ?`)
      .run(this.now(), id);
  }

  eventCreated(operationId: number, seriesId: string, eventId: string, sent: EventFields): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE series SET zoom_event_id = ?, zoom_status = 'draft', synced_json = ?, synced_at = ? WHERE id = ?`,
        )
        .run(eventId, JSON.stringify(sent), this.now(), seriesId);
      this.done(operationId);
    })();
  }

  /** A ticket type or link merged with Zoom: its new base, and its operation done or held by its conflict. */
  itemMerged(
    table: 'ticket_type' | 'registration_link',
    operationId: number,
    seriesId: string,
    base: object,
    conflict: ConflictInput | undefined,
  ): void {
    this.db.transaction(() => {
      this.db.prepare(`UPDATE ${table} SET synced_json = ? WHERE series_id = ?`).run(JSON.stringify(base), seriesId);
      if (conflict === undefined) this.done(operationId);
      else this.openConflict(conflict);
    })();
  }

  /**
   * What changed on Zoom only, written into the draft as it is now (the planner may have edited
   * it during the sync), its outbox re-planned, and logged.
   */
  adoptIntoDraft(seriesId: string, adopted: object, change: (current: SeriesDraft) => SeriesDraft): void {
    this.db.transaction(() => {
      const current = readSeriesDraft(this.db, seriesId);
      if (current === undefined) return;
      new SeriesStore(this.db, this.now).save(change(current), seriesId);
      this.logAdoption(seriesId, adopted);
    })();
  }

  /** A ticket type or registration link as last synced. */
  itemBase(table: 'ticket_type' | 'registration_link', seriesId: string): Record<string, unknown> | undefined {
    const text = z
      .string()
      .nullable()
      .optional()
      .parse(this.db.prepare(`SELECT synced_json FROM ${table} WHERE series_id = ?`).pluck().get(seriesId));
    return text == null ? undefined : (JSON.parse(text) as Record<string, unknown>);
  }

  /** A session as last synced (Zoom's generated times, or Cadence's move). */
  sessionBase(seriesId: string, occurrence: number): { start_time: string; end_time: string } | undefined {
    const text = z
      .string()
      .nullable()
      .optional()
      .parse(
        this.db
          .prepare('SELECT synced_json FROM occurrence WHERE series_id = ? AND number = ?')
          .pluck()
          .get(seriesId, occurrence),
      );
    if (text == null) return undefined;
    const base = z.object({ start_time: z.string(), end_time: z.string() }).parse(JSON.parse(text));
    return base.start_time === '' ? undefined : base;
  }

  /** The event fields as last synced: the base of the three-way comparison. */
  eventBase(seriesId: string): EventFields | undefined {
    const text = z
      .string()
      .nullable()
      .optional()
      .parse(this.db.prepare('SELECT synced_json FROM series WHERE id = ?').pluck().get(seriesId));
    return text == null ? undefined : eventFieldsSchema.parse(JSON.parse(text));
  }

  /**
   * An event update merged with Zoom's changes, in one transaction: the new base, the fields
   * adopted from Zoom written into the draft (its outbox re-planned), the operation done or held
   * by its conflict.
   */
  eventMerged(merge: {
    operationId: number;
    seriesId: string;
    base: EventFields;
    adopt: Partial<EventFields>;
    conflict: ConflictInput | undefined;
  }): void {
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE series SET synced_json = ?, synced_at = ? WHERE id = ?')
        .run(JSON.stringify(merge.base), this.now(), merge.seriesId);
      if (merge.conflict === undefined) this.done(merge.operationId);
      else this.openConflict(merge.conflict);
      if (Object.keys(merge.adopt).length > 0) {
        this.adoptIntoDraft(merge.seriesId, merge.adopt, (current) => ({ ...current, ...merge.adopt }) as SeriesDraft);
      }
    })();
  }

  private logAdoption(seriesId: string, adopted: object): void {
    this.db
      .prepare(
        `INSERT INTO sync_log (run_id, at, level, series_id, message, details_json) VALUES (NULL, ?, 'info', ?, ?, ?)`,
      )
      .run(this.now(), seriesId, `Took from Zoom: ${Object.keys(adopted).join(', ')}`, JSON.stringify(adopted));
  }

  /** Zoom deleted the event: the tombstoned series goes with it. */
  eventDeleted(operationId: number, seriesId: string): void {
    this.db.transaction(() => {
      this.done(operationId);
      this.db.prepare('DELETE FROM series WHERE id = ? AND deleted_at IS NOT NULL').run(seriesId);
    })();
  }

  published(operationId: number, seriesId: string): void {
    this.db.transaction(() => {
      this.db
        .prepare(`UPDATE series SET zoom_status = 'published', synced_at = ? WHERE id = ?`)
        .run(this.now(), seriesId);
      this.done(operationId);
    })();
  }

  ticketTypeSynced(operationId: number, seriesId: string, ticketTypeId: string, base: TicketTypeDraft): void {
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE ticket_type SET zoom_ticket_type_id = ?, synced_json = ? WHERE series_id = ?')
        .run(ticketTypeId, JSON.stringify(base), seriesId);
      this.done(operationId);
    })();
  }

  accessLinkSynced(operationId: number, seriesId: string, accessLinkId: string, base: RegistrationDraft): void {
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE registration_link SET zoom_access_link_id = ?, synced_json = ? WHERE series_id = ?')
        .run(accessLinkId, JSON.stringify(base), seriesId);
      this.done(operationId);
    })();
  }

  /** Zoom's sessions by occurrence number, each with what Zoom has as its base. */
  sessionsMapped(
    seriesId: string,
    sessions: readonly { number: number; sessionId: string; start: string; end: string }[],
  ): void {
    const update = this.db.prepare(
      `UPDATE occurrence SET zoom_session_id = ?, synced_json = ? WHERE series_id = ? AND number = ?`,
    );
    this.db.transaction(() => {
      for (const session of sessions) {
        update.run(
          session.sessionId,
          JSON.stringify({ start_time: session.start, end_time: session.end, status: 'scheduled' }),
          seriesId,
          session.number,
        );
      }
    })();
  }

  sessionSynced(
    operationId: number,
    seriesId: string,
    occurrence: number,
    base: { start_time: string; end_time: string; status: 'moved' | 'cancelled' },
  ): void {
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE occurrence SET synced_json = ? WHERE series_id = ? AND number = ?')
        .run(JSON.stringify(base), seriesId, occurrence);
      this.done(operationId);
    })();
  }

  /** Tickets Zoom made, each recorded with its operation, in one transaction. */
  ticketsCreated(
    results: readonly { operationId: number; attendeeId: string; ticketIds: string[]; base: unknown }[],
  ): void {
    const update = this.db.prepare('UPDATE attendee SET zoom_ticket_id = ?, synced_json = ? WHERE id = ?');
    this.db.transaction(() => {
      for (const result of results) {
        // A per-session registration has one ticket per session; their IDs are kept together.
        update.run(result.ticketIds.join(' '), JSON.stringify(result.base), result.attendeeId);
        this.done(result.operationId);
      }
    })();
  }

  /** The registration's changes are on Zoom: they join its last synced snapshot, with its tickets if new ones were made. */
  ticketUpdated(operationId: number, attendeeId: string, changes: object, ticketIds?: readonly string[]): void {
    this.db.transaction(() => {
      const current = z
        .string()
        .nullable()
        .optional()
        .parse(this.db.prepare('SELECT synced_json FROM attendee WHERE id = ?').pluck().get(attendeeId));
      const base = { ...(current == null ? {} : (JSON.parse(current) as object)), ...changes };
      this.db.prepare('UPDATE attendee SET synced_json = ? WHERE id = ?').run(JSON.stringify(base), attendeeId);
      if (ticketIds !== undefined) {
        this.db.prepare('UPDATE attendee SET zoom_ticket_id = ? WHERE id = ?').run(ticketIds.join(' '), attendeeId);
      }
      this.done(operationId);
    })();
  }

  /** The registration as last synced: the whole attendee. */
  attendeeBase(attendeeId: string): AttendeeDraft | undefined {
    const text = z
      .string()
      .nullable()
      .optional()
      .parse(this.db.prepare('SELECT synced_json FROM attendee WHERE id = ?').pluck().get(attendeeId));
    return text == null ? undefined : attendeeDraftSchema.parse(JSON.parse(text));
  }

  ticketDeleted(operationId: number, attendeeId: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM attendee WHERE id = ? AND deleted_at IS NOT NULL').run(attendeeId);
      this.done(operationId);
    })();
  }

  /** A conflict for the planner; its operation (if any) waits in state `conflict`. */
  openConflict(input: ConflictInput): number {
    return this.db.transaction(() => {
      if (input.operationId !== null) {
        this.db
          .prepare(`UPDATE outbox SET state = 'conflict', last_error = ?, updated_at = ? WHERE id = ?`)
          .run(input.message, this.now(), input.operationId);
      }
      const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
      return Number(
        this.db
          .prepare(
            `INSERT INTO conflict (series_id, outbox_id, kind, subject, base_json, local_json, remote_json, message, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            input.seriesId,
            input.operationId,
            input.kind,
            input.subject,
            json(input.base),
            json(input.local),
            json(input.remote),
            input.message,
            this.now(),
          ).lastInsertRowid,
      );
    })();
  }

  /** Holds an operation behind a conflict already open for its series. */
  hold(operationId: number, message: string): void {
    this.db
      .prepare(`UPDATE outbox SET state = 'conflict', last_error = ?, updated_at = ? WHERE id = ?`)
      .run(message, this.now(), operationId);
  }

  hasOpenConflict(seriesId: string, kind: string): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM conflict WHERE series_id = ? AND kind = ? AND resolved_at IS NULL')
        .get(seriesId, kind) !== undefined
    );
  }

  startRun(): number {
    return Number(this.db.prepare('INSERT INTO sync_run (started_at) VALUES (?)').run(this.now()).lastInsertRowid);
  }

  finishRun(runId: number, outcome: SyncOutcome, requests: number, summary: object): void {
    this.db
      .prepare('UPDATE sync_run SET finished_at = ?, outcome = ?, requests = ?, summary_json = ? WHERE id = ?')
      .run(this.now(), outcome, requests, JSON.stringify(summary), runId);
  }

  log(
    runId: number,
    level: 'info' | 'warn' | 'error',
    seriesId: string | null,
    message: string,
    details: object = {},
  ): void {
    this.db
      .prepare('INSERT INTO sync_log (run_id, at, level, series_id, message, details_json) VALUES (?, ?, ?, ?, ?, ?)')
      .run(runId, this.now(), level, seriesId, message, JSON.stringify(details));
  }

  /** Operations still waiting: pending, in flight, or held by a conflict. */
  waitingCount(): number {
    return z
      .number()
      .parse(
        this.db
          .prepare(`SELECT count(*) FROM outbox WHERE state IN ('pending', 'in_flight', 'conflict')`)
          .pluck()
          .get(),
      );
  }
}

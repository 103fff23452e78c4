import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { AttendeeDraft } from '../../shared/drafts/attendeeDraft';
import type { SeriesDraft } from '../../shared/drafts/seriesDraft';
import { registrationDraftSchema } from '../../shared/drafts/registrationDraft';
import { ticketTypeDraftSchema } from '../../shared/drafts/ticketTypeDraft';
import {
  eventFieldsSchema,
  operationStateSchema,
  type OperationState,
  type PlannedOperation,
} from '../../shared/outbox/operations';
import { planSeriesOperations, planTicketOperation, type SeriesZoomState } from '../../shared/outbox/planOperations';
import { attendeeDraftSchema } from '../../shared/drafts/attendeeDraft';

const zoomRowSchema = z.object({
  zoom_event_id: z.string().nullable(),
  zoom_status: z.string().nullable(),
  synced_json: z.string().nullable(),
});
const linkedRowSchema = z.object({ zoom_id: z.string().nullable(), synced_json: z.string().nullable() });
const sessionRowSchema = z.object({
  number: z.number(),
  zoom_session_id: z.string(),
  synced_json: z.string().nullable(),
});
const pendingRowSchema = z.object({
  id: z.number(),
  op_key: z.string(),
  kind: z.string(),
  payload_json: z.string(),
  depends_on_json: z.string(),
});
const ticketRowSchema = z.object({
  id: z.string(),
  zoom_ticket_id: z.string().nullable(),
  synced_json: z.string().nullable(),
  deleted_at: z.string().nullable(),
});

function parseJson<T>(schema: z.ZodType<T>, text: string | null): T | undefined {
  return text === null ? undefined : schema.parse(JSON.parse(text));
}

/** Where an operation applies: the series, and the Zoom IDs known when it was planned. */
function targetOf(seriesId: string, zoom: SeriesZoomState, operation: PlannedOperation): Record<string, unknown> {
  const target: Record<string, unknown> = { series_id: seriesId };
  if (zoom.eventId !== undefined) target.event_id = zoom.eventId;
  if (operation.kind.startsWith('ticket_type.') && zoom.ticketTypeId !== undefined) {
    target.ticket_type_id = zoom.ticketTypeId;
  }
  if (operation.kind.startsWith('access_link.') && zoom.accessLinkId !== undefined) {
    target.access_link_id = zoom.accessLinkId;
  }
  if (operation.kind.startsWith('session.')) {
    const occurrence = (operation.payload as { occurrence: number }).occurrence;
    target.occurrence = occurrence;
    const sessionId = zoom.sessions.get(occurrence)?.sessionId;
    if (sessionId !== undefined) target.session_id = sessionId;
  }
  if (operation.kind.startsWith('ticket.'))
    target.attendee_id = (operation.payload as { attendee_id: string }).attendee_id;
  return target;
}

/**
 * Keeps a series' pending operations equal to the plan for its current state, inside the caller's
 * transaction: an operation whose key is still planned keeps its row (and its place in line) with
 * the newest payload; one no longer planned is dropped. Operations already sent are left alone,
 * and a create that is in flight is not queued twice.
 */
export class OutboxStore {
  private readonly pendingIn: Database.Statement;
  private readonly inFlightKeys: Database.Statement;
  private readonly conflictKeys: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly update: Database.Statement;
  private readonly remove: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => string,
  ) {
    this.pendingIn = db.prepare(
      `SELECT id, op_key, kind, payload_json, depends_on_json FROM outbox
       WHERE series_id = ? AND state = 'pending' AND (op_key LIKE 'ticket:%') = ?`,
    );
    this.inFlightKeys = db.prepare(`SELECT op_key FROM outbox WHERE series_id = ? AND state = 'in_flight'`).pluck();
    this.conflictKeys = db.prepare(`SELECT op_key FROM outbox WHERE series_id = ? AND state = 'conflict'`).pluck();
    this.insert = db.prepare(
      `INSERT INTO outbox (series_id, op_key, kind, target_json, payload_json, depends_on_json, created_at, updated_at)
       VALUES (@series_id, @op_key, @kind, @target_json, @payload_json, @depends_on_json, @now, @now)`,
    );
    this.update = db.prepare(
      `UPDATE outbox SET kind = @kind, target_json = @target_json, payload_json = @payload_json,
       depends_on_json = @depends_on_json, updated_at = @now WHERE id = @id`,
    );
    this.remove = db.prepare('DELETE FROM outbox WHERE id = ?');
  }

  /** What Zoom has of a series, read from its link columns and snapshots. */
  zoomState(seriesId: string): SeriesZoomState {
    const row = zoomRowSchema.parse(
      this.db.prepare('SELECT zoom_event_id, zoom_status, synced_json FROM series WHERE id = ?').get(seriesId),
    );
    const ticketType = linkedRowSchema
      .optional()
      .parse(
        this.db
          .prepare('SELECT zoom_ticket_type_id AS zoom_id, synced_json FROM ticket_type WHERE series_id = ?')
          .get(seriesId),
      );
    const link = linkedRowSchema
      .optional()
      .parse(
        this.db
          .prepare('SELECT zoom_access_link_id AS zoom_id, synced_json FROM registration_link WHERE series_id = ?')
          .get(seriesId),
      );
    const sessionBase = z.object({
      start_time: z.string(),
      end_time: z.string(),
      status: z.enum(['scheduled', 'moved', 'cancelled']),
    });
    const sessions = new Map(
      this.db
        .prepare(
          'SELECT number, zoom_session_id, synced_json FROM occurrence WHERE series_id = ? AND zoom_session_id IS NOT NULL',
        )
        .all(seriesId)
        .map((raw) => {
          const session = sessionRowSchema.parse(raw);
          const base = parseJson(sessionBase, session.synced_json);
          // Without a snapshot the session is taken to be as Zoom generated it.
          const link =
            base === undefined ? { sessionId: session.zoom_session_id } : { sessionId: session.zoom_session_id, base };
          return [session.number, link] as const;
        }),
    );
    const state: SeriesZoomState = { isPublished: row.zoom_status === 'published', sessions };
    if (row.zoom_event_id !== null) state.eventId = row.zoom_event_id;
    const eventBase = parseJson(eventFieldsSchema, row.synced_json);
    if (eventBase !== undefined) state.eventBase = eventBase;
    if (ticketType?.zoom_id != null) {
      state.ticketTypeId = ticketType.zoom_id;
      const base = parseJson(ticketTypeDraftSchema, ticketType.synced_json);
      if (base !== undefined) state.ticketTypeBase = base;
    }
    if (link?.zoom_id != null) {
      state.accessLinkId = link.zoom_id;
      const base = parseJson(registrationDraftSchema, link.synced_json);
      if (base !== undefined) state.accessLinkBase = base;
    }
    return state;
  }

  /** Re-plans the series-level operations (event, ticket type, link, publish, sessions). */
  replanSeries(seriesId: string, draft: SeriesDraft | undefined, zoom = this.zoomState(seriesId)): void {
    this.apply(seriesId, zoom, planSeriesOperations(draft, zoom), false);
  }

  /**
   * Re-plans the tickets of the given attendees (by registration ID; undefined when removed),
   * or, with `isComplete`, of the whole series, dropping pending tickets of anyone not listed.
   */
  replanTickets(
    seriesId: string,
    attendees: ReadonlyMap<string, AttendeeDraft | undefined>,
    options: { isComplete: boolean; zoom?: SeriesZoomState },
  ): void {
    const zoom = options.zoom ?? this.zoomState(seriesId);
    const rows = this.db
      .prepare('SELECT id, zoom_ticket_id, synced_json, deleted_at FROM attendee WHERE series_id = ?')
      .all(seriesId)
      .map((raw) => ticketRowSchema.parse(raw));
    const planned: PlannedOperation[] = [];
    for (const row of rows) {
      if (!options.isComplete && !attendees.has(row.id)) continue;
      const attendee = row.deleted_at === null ? attendees.get(row.id) : undefined;
      const base = parseJson(attendeeDraftSchema, row.synced_json);
      const ticket =
        row.zoom_ticket_id === null || base === undefined ? undefined : { ticketId: row.zoom_ticket_id, base };
      const operation = planTicketOperation(row.id, attendee, ticket);
      if (operation !== undefined) planned.push(operation);
    }
    const scope = options.isComplete ? undefined : new Set([...attendees.keys()].map((id) => `ticket:${id}`));
    this.apply(seriesId, zoom, planned, true, scope);
  }

  /** Drops every pending operation of a series except those planned now. */
  private apply(
    seriesId: string,
    zoom: SeriesZoomState,
    planned: readonly PlannedOperation[],
    isTicketScope: boolean,
    onlyKeys?: ReadonlySet<string>,
  ): void {
    const pending = new Map(
      this.pendingIn
        .all(seriesId, isTicketScope ? 1 : 0)
        .map((raw) => pendingRowSchema.parse(raw))
        .filter((row) => onlyKeys === undefined || onlyKeys.has(row.op_key))
        .map((row) => [row.op_key, row]),
    );
    const inFlight = new Set(this.inFlightKeys.all(seriesId) as string[]);
    const held = new Set(this.conflictKeys.all(seriesId) as string[]);
    const now = this.now();
    for (const operation of planned) {
      // A conflict holds its key until the planner settles it; resolving plans it again.
      if (held.has(operation.key)) continue;
      // A create or publish already on its way covers this (it is looked for on Zoom, never sent
      // twice); what differs is planned once it is recorded.
      const isOnce = operation.kind.endsWith('.create') || operation.kind === 'event.publish';
      if (isOnce && inFlight.has(operation.key)) continue;
      const row = {
        series_id: seriesId,
        op_key: operation.key,
        kind: operation.kind,
        target_json: JSON.stringify(targetOf(seriesId, zoom, operation)),
        payload_json: JSON.stringify(operation.payload),
        depends_on_json: JSON.stringify(operation.dependsOn),
        now,
      };
      const existing = pending.get(operation.key);
      pending.delete(operation.key);
      if (existing === undefined) this.insert.run(row);
      else if (
        existing.kind !== row.kind ||
        existing.payload_json !== row.payload_json ||
        existing.depends_on_json !== row.depends_on_json
      ) {
        this.update.run({ ...row, id: existing.id });
      }
    }
    for (const stale of pending.values()) this.remove.run(stale.id);
  }

  /** Operation counts by state, every state present. */
  countsByState(): Record<OperationState, number> {
    const counts = Object.fromEntries(operationStateSchema.options.map((state) => [state, 0])) as Record<
      OperationState,
      number
    >;
    for (const raw of this.db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all()) {
      const row = z.object({ state: operationStateSchema, n: z.number() }).parse(raw);
      counts[row.state] = row.n;
    }
    return counts;
  }
}

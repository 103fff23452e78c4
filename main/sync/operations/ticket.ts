import { z } from 'zod';
import { attendeeDraftSchema, attendeeProfileFields, type AttendeeDraft } from '../../../shared/drafts/attendeeDraft';
import { placeFreedWords } from '../../../shared/drafts/capacity';
import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import type { PlannedOperation } from '../../../shared/outbox/operations';
import { changedFields, isEmpty, type SyncedTicket } from '../../../shared/outbox/planOperations';
import { threeWayMerge } from '../../../shared/sync/threeWayMerge';
import { maxTicketsPerBatch, ticketBody, type TicketContext } from '../../../shared/zoom/draftToZoom';
import type { ZoomTicket } from '../../../shared/zoom/zoomReadShapes';
import { unlessGone } from '../runSignals';
import { eventKey, publishKey } from './event';
import { accessLinkKey } from './accessLink';
import { operationKind, type Operation, type RunContext, type SeriesRun } from './operation';
import { ticketTypeKey } from './ticketType';
import { count, fieldList, pick } from './words';

/** What a ticket waits for: the event, its ticket type and link, and publishing. */
const ticketDependencies = [eventKey, ticketTypeKey, accessLinkKey, publishKey];
/** What Zoom's ticket update takes of an attendee's details. */
const ticketUpdateFields = ['first_name', 'last_name', ...attendeeProfileFields] as const;

const registrationTarget = (operation: string, attendeeId: string, email: string) =>
  ({ item: 'registration', operation, attendee_id: attendeeId, email }) as const;

/** Whether attendees of this series register for chosen sessions (their tickets name them). */
function registersPerSession(draft: SeriesDraft | undefined): boolean {
  if (draft?.event_type !== 'RECURRING') return false;
  const option = draft.registration?.recurring_registration_option;
  return option === 'single_session' || option === 'multiple_sessions';
}

/** What every ticket body of the series needs; session IDs are read from Zoom first where tickets name them. */
async function ticketContext(series: SeriesRun): Promise<TicketContext | undefined> {
  const { draft } = series;
  const ticketTypeId = series.links.ticketTypeId;
  if (draft === undefined || ticketTypeId === undefined) return undefined;
  const option = draft.event_type === 'RECURRING' ? draft.registration?.recurring_registration_option : undefined;
  const sessionIds = registersPerSession(draft) ? await series.sessionIds() : new Map<number, string>();
  return {
    ticketTypeId,
    ...(option === undefined ? {} : { option }),
    sendNotification: draft.registration?.send_notification ?? true,
    sessionIdOf: (occurrence) => sessionIds.get(occurrence) ?? `missing-session-${String(occurrence)}`,
  };
}

/** Tickets by Cadence's registration ID (a per-session registration has several). */
function byRegistration(
  tickets: readonly Pick<ZoomTicket, 'ticket_id' | 'external_ticket_id'>[],
): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const ticket of tickets) {
    if (ticket.external_ticket_id === undefined) continue;
    found.set(ticket.external_ticket_id, [...(found.get(ticket.external_ticket_id) ?? []), ticket.ticket_id]);
  }
  return found;
}

type CreatePayload = { attendee_id: string; attendee: AttendeeDraft; promoted_for?: number[] };

/** "Ana Lima", else the email: how a planner knows a person. */
function personName(attendee: AttendeeDraft): string {
  const name = [attendee.first_name, attendee.last_name].filter((part) => part !== undefined).join(' ');
  return name === '' ? attendee.email : name;
}

/**
 * Who of these registrations leaves the waiting list, and why: "Ana Lima will be registered: a
 * place freed in session 3". The waiting list, progress and the dry run all say it in these words.
 */
function promotionWords(payloads: readonly CreatePayload[]): string | undefined {
  const promoted = payloads.flatMap((payload) =>
    payload.promoted_for === undefined
      ? []
      : [`${personName(payload.attendee)} will be registered: ${placeFreedWords(payload.promoted_for)}`],
  );
  if (promoted.length === 0) return undefined;
  if (promoted.length <= 3) return promoted.join('; ');
  return `${String(promoted.length)} people from the waiting list will be registered as places freed`;
}

/**
 * One batch of registrations. Marked in flight in one transaction; after a lost answer (now, or
 * a crash in an earlier run) the tickets Zoom already made are found by registration ID and
 * adopted before the rest is sent again. Zoom's refusal of one person is that person's alone.
 */
async function registerBatch(
  ctx: RunContext,
  series: SeriesRun,
  batch: readonly Operation<CreatePayload>[],
): Promise<void> {
  const eventId = series.links.eventId;
  const context = await ticketContext(series);
  if (eventId === undefined || context === undefined) return;
  const created = (found: ReadonlyMap<string, string[]>, ops: readonly Operation<CreatePayload>[]) =>
    ops
      .filter((op) => found.has(op.payload.attendee_id))
      .map((op) => ({
        operationId: op.id,
        attendeeId: op.payload.attendee_id,
        ticketIds: found.get(op.payload.attendee_id) ?? [],
        base: op.payload.attendee,
      }));
  await ctx.deliver(batch, {
    // Tickets a lost request made are found by Cadence's registration ID and kept.
    async lookup(pending) {
      const existing = byRegistration(await ctx.api.listTickets(eventId));
      ctx.outbox.records.ticketsCreated(created(existing, pending));
      return pending.filter((op) => !existing.has(op.payload.attendee_id));
    },
    async send(pending) {
      const bodies = pending.map((op) =>
        ticketBody({ registrationId: op.payload.attendee_id, attendee: op.payload.attendee }, context),
      );
      const result = await ctx.api.createTickets(eventId, bodies, promotionWords(pending.map((op) => op.payload)));
      const made = byRegistration(result.tickets);
      const refusals = new Map(result.errors.map((error) => [error.email.toLowerCase(), error]));
      ctx.outbox.transaction(() => {
        ctx.outbox.records.ticketsCreated(created(made, pending));
        for (const op of pending.filter((candidate) => !made.has(candidate.payload.attendee_id))) {
          const { email } = op.payload.attendee;
          const refusal = refusals.get(email.toLowerCase());
          ctx.conflict({
            seriesId: series.seriesId,
            operationId: op.id,
            kind: 'ticket_refused',
            target: registrationTarget(op.kind, op.payload.attendee_id, email),
            subject: email,
            local: op.payload.attendee,
            remote: refusal ?? null,
            message: `${series.name}: Zoom did not register ${email}${refusal === undefined ? '' : `: ${refusal.message}`}`,
          });
        }
      });
    },
  });
}

export const ticketCreate = operationKind({
  kind: 'ticket.create',
  payload: z.object({
    attendee_id: z.string(),
    attendee: attendeeDraftSchema,
    /** Set when the person leaves the waiting list: the sessions a place freed in ([] for the series). */
    promoted_for: z.array(z.number().int()).optional(),
  }),
  batchSize: maxTicketsPerBatch,
  sentence: (series, payloads) => {
    const register = `Register ${count(payloads.length, 'person', 'people')} for "${series.name}"`;
    const why = promotionWords(payloads);
    return why === undefined ? register : `${register}; ${why}`;
  },
  describe: (payload) => promotionWords([payload]) ?? `registering ${payload.attendee.email}`,
  target: (payload) => registrationTarget('ticket.create', payload.attendee_id, payload.attendee.email),
  step: registerBatch,
});

type UpdatePayload = { attendee_id: string; changes: Record<string, unknown> };

/** The sessions some tickets hold, as one sorted list of Zoom session IDs. */
function sessionsHeld(tickets: readonly ZoomTicket[]): string {
  return tickets
    .flatMap((ticket) => ticket.session_ids ?? (ticket.session_id === undefined ? [] : [ticket.session_id]))
    .sort()
    .join(' ');
}

/**
 * A registration's tickets on Zoom: those carrying Cadence's registration ID, and those it is
 * linked to, which a person who registered on Zoom's own page holds without that ID. Deleted
 * already counts as gone.
 */
async function ticketsOfRegistration(ctx: RunContext, eventId: string, attendeeId: string): Promise<ZoomTicket[]> {
  const tickets = await ctx.call(() => ctx.api.listTickets(eventId, { external_ticket_id: attendeeId }));
  const found = new Set(tickets.map((ticket) => ticket.ticket_id));
  for (const ticketId of ctx.outbox.ticketIds(attendeeId).filter((id) => !found.has(id))) {
    await ctx.call(() =>
      unlessGone(async () => {
        tickets.push(await ctx.api.getTicket(eventId, ticketId));
      }),
    );
  }
  return tickets;
}

/**
 * Zoom cannot change the sessions of a ticket: the registration's tickets are deleted and made
 * again for the new sessions, and Zoom emails the person the new ticket. Exactly once across
 * crashes: the person's tickets are read from Zoom by Cadence's registration ID; one holding
 * exactly the new sessions was made by a create whose answer was lost, and is kept instead of
 * making a second; every other is deleted (gone already counts). If Zoom refuses the new ticket,
 * the refusal is a conflict on the person, who has no ticket on Zoom until it is settled.
 */
async function reregister(
  ctx: RunContext,
  series: SeriesRun,
  op: Operation<UpdatePayload>,
  eventId: string,
): Promise<void> {
  const attendeeId = op.payload.attendee_id;
  const base = ctx.outbox.attendeeBase(attendeeId);
  const attendee = { ...base, ...op.payload.changes } as AttendeeDraft;
  const context = await ticketContext(series);
  if (context === undefined) return;
  const body = ticketBody({ registrationId: attendeeId, attendee }, context);
  const wanted = [...(body.session_ids ?? [])].sort().join(' ');
  const onZoom = await ticketsOfRegistration(ctx, eventId, attendeeId);
  const made = onZoom.find((ticket) => sessionsHeld([ticket]) === wanted);
  for (const ticket of onZoom.filter((candidate) => candidate !== made)) {
    await ctx.call(() => unlessGone(() => ctx.api.deleteTicket(eventId, ticket.ticket_id)));
  }
  if (made !== undefined) {
    ctx.outbox.records.ticketUpdated(attendeeId, op.payload.changes, [made.ticket_id], op.id);
    return;
  }
  const result = await ctx.call(() => ctx.api.createTickets(eventId, [body]));
  const created = result.tickets.map((ticket) => ticket.ticket_id);
  if (created.length > 0) {
    ctx.outbox.records.ticketUpdated(attendeeId, op.payload.changes, created, op.id);
    return;
  }
  const refusal = result.errors[0];
  ctx.conflict({
    seriesId: series.seriesId,
    operationId: op.id,
    kind: 'ticket_refused',
    target: registrationTarget(op.kind, attendeeId, attendee.email),
    subject: attendee.email,
    base: { occurrences: base?.occurrences ?? null },
    local: pick(op.payload.changes, ['occurrences']),
    remote: refusal ?? null,
    message: `${series.name}: ${attendee.email}'s old ticket is cancelled, but Zoom did not register them for their new sessions${
      refusal === undefined || refusal.message === '' ? '' : `: ${refusal.message}`
    }`,
  });
}

/** Details corrected here, compared three ways with Zoom's ticket (someone may have corrected them there). */
async function updateDetails(
  ctx: RunContext,
  series: SeriesRun,
  op: Operation<UpdatePayload>,
  eventId: string,
): Promise<void> {
  const attendeeId = op.payload.attendee_id;
  const body: Record<string, unknown> = {};
  for (const field of ticketUpdateFields)
    if (field in op.payload.changes) body[field] = op.payload.changes[field] ?? '';
  const ticketIds = ctx.outbox.ticketIds(attendeeId);
  const [firstTicket] = ticketIds;
  if (firstTicket !== undefined && Object.keys(body).length > 0) {
    const remote = (await ctx.call(() => ctx.api.getTicket(eventId, firstTicket))) as Record<string, unknown>;
    const base = (ctx.outbox.attendeeBase(attendeeId) ?? {}) as Record<string, unknown>;
    const fields = Object.keys(body);
    const plan = threeWayMerge(base, { ...base, ...body }, { ...base, ...pick(remote, fields) }, fields);
    if (plan.conflicts.length > 0) {
      const email = typeof base.email === 'string' ? base.email : attendeeId;
      ctx.conflict({
        seriesId: series.seriesId,
        operationId: op.id,
        kind: 'item_fields',
        target: registrationTarget(op.kind, attendeeId, email),
        subject: `registration of ${email}: ${fieldList(plan.conflicts)}`,
        base: pick(base, plan.conflicts),
        local: pick(body, plan.conflicts),
        remote: pick(remote, plan.conflicts),
        message: `${series.name}: ${email}'s ${fieldList(plan.conflicts)} changed both here and on Zoom.`,
      });
      return;
    }
  }
  if (Object.keys(body).length > 0) {
    for (const ticketId of ticketIds) await ctx.call(() => ctx.api.updateTicket(eventId, ticketId, body));
  }
  ctx.outbox.records.ticketUpdated(attendeeId, op.payload.changes, undefined, op.id);
}

export const ticketUpdate = operationKind({
  kind: 'ticket.update',
  payload: z.object({ attendee_id: z.string(), changes: z.record(z.string(), z.unknown()) }),
  batchSize: 1,
  sentence: (series, payloads) => `Update ${count(payloads.length, 'registration')} for "${series.name}"`,
  describe: () => 'updating a registration',
  target: (payload) =>
    registrationTarget(
      'ticket.update',
      payload.attendee_id,
      typeof payload.changes.email === 'string' ? payload.changes.email : '',
    ),
  async step(ctx, series, [op]) {
    const eventId = series.links.eventId;
    if (op === undefined || eventId === undefined) return;
    if ('occurrences' in op.payload.changes && registersPerSession(series.draft))
      await reregister(ctx, series, op, eventId);
    else await updateDetails(ctx, series, op, eventId);
  },
});

export const ticketDelete = operationKind({
  kind: 'ticket.delete',
  payload: z.object({ attendee_id: z.string(), ticket_id: z.string() }),
  batchSize: 1,
  sentence: (series, payloads) => `Remove ${count(payloads.length, 'registration')} from "${series.name}"`,
  describe: () => 'removing a registration',
  target: (payload) => registrationTarget('ticket.delete', payload.attendee_id, ''),
  async step(ctx, series, [op]) {
    const eventId = series.links.eventId;
    if (op === undefined || eventId === undefined) return;
    for (const ticketId of op.payload.ticket_id.split(' ')) {
      await ctx.call(() => unlessGone(() => ctx.api.deleteTicket(eventId, ticketId)));
    }
    ctx.outbox.records.ticketDeleted(op.id, op.payload.attendee_id);
  },
});

/**
 * The operation for one attendee's registration: create it, update what changed since it was
 * synced, or delete it when the planner removed the attendee (`attendee` undefined). Undefined
 * when Zoom is already up to date.
 */
export function planTicket(
  attendeeId: string,
  attendee: AttendeeDraft | undefined,
  ticket: SyncedTicket | undefined,
  promotedFor?: readonly number[],
): PlannedOperation | undefined {
  const key = `ticket:${attendeeId}`;
  if (attendee === undefined) {
    return ticket === undefined
      ? undefined
      : {
          key,
          kind: ticketDelete.kind,
          payload: { attendee_id: attendeeId, ticket_id: ticket.ticketId },
          dependsOn: [],
        };
  }
  if (ticket === undefined) {
    return {
      key,
      kind: ticketCreate.kind,
      payload: {
        attendee_id: attendeeId,
        attendee,
        ...(promotedFor === undefined ? {} : { promoted_for: [...promotedFor] }),
      },
      dependsOn: ticketDependencies,
    };
  }
  const changes = changedFields(attendee, ticket.base);
  return isEmpty(changes)
    ? undefined
    : { key, kind: ticketUpdate.kind, payload: { attendee_id: attendeeId, changes }, dependsOn: [] };
}

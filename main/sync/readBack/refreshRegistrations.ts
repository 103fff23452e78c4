import { attendeeDraftSchema, attendeeProfileFields, type AttendeeDraft } from '../../../shared/drafts/attendeeDraft';
import { plannedSessions } from '../../../shared/drafts/plannedSessions';
import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import type { ChangeSource } from '../../../shared/history/seriesHistory';
import { changedFields, isEmpty } from '../../../shared/outbox/planOperations';
import { threeWayMerge } from '../../../shared/sync/threeWayMerge';
import type { ZoomRegistration, ZoomSeriesView } from '../../../shared/zoom/zoomSeries';
import type { StoredRegistration } from '../../db/outbox/zoomState';
import type { RunContext, SeriesRun } from '../operations/operation';
import { fieldList, pick } from '../operations/words';
import type { RefreshOptions, RefreshStores, RefreshTally } from './refreshTally';

/** An attendee's fields compared with Zoom's ticket; the email is who they are, not a field. */
const comparedFields = ['first_name', 'last_name', ...attendeeProfileFields, 'occurrences'] as const;
type Fields = Record<string, unknown>;

const sourceOf = (registration: ZoomRegistration): ChangeSource => ({
  source: registration.origin === 'planner' ? 'planner' : 'zoom',
});
const registrationTarget = (operation: string, attendeeId: string, email: string) =>
  ({ item: 'registration', operation, attendee_id: attendeeId, email }) as const;

/** What the comparison decided, written together afterwards. */
interface RegistrationPlan {
  /** New people, under the registration ID every laptop knows them by. */
  added: { id: string; attendee: AttendeeDraft; by: ChangeSource; ticketIds: string[] }[];
  /** Details taken from Zoom. */
  changed: { id: string; attendee: AttendeeDraft; by: ChangeSource }[];
  /** Gone from Zoom, and not changed here: the row goes. */
  removed: { id: string; by: ChangeSource }[];
  /** Tickets and snapshots to record, under the registration ID Zoom's tickets carry. */
  linked: { from: string; to: string; ticketIds: readonly string[]; base: Fields }[];
  /** Gone from Zoom while changed here: the planner chooses. */
  orphaned: StoredRegistration[];
}

/**
 * Zoom's registrations compared with the attendees: a ticket no attendee here has becomes a new
 * attendee (origin `zoom`, or `planner` when another Cadence made it) with its ticket linked, or
 * links the attendee added here with the same email; details changed on Zoom only are taken, on
 * both sides a conflict; a registration gone from Zoom is removed here, or becomes a conflict when
 * changed here. In the caller's transaction; the caller re-plans the outbox afterwards.
 */
export function refreshRegistrations(
  ctx: RunContext,
  series: SeriesRun,
  draft: SeriesDraft,
  view: ZoomSeriesView,
  stores: RefreshStores,
  tally: RefreshTally,
  options: RefreshOptions,
): { afterReplan: () => void } {
  const stored = ctx.outbox.registrations(series.seriesId);
  const byId = new Map(stored.map((row) => [row.id, row]));
  const byTicket = new Map(stored.flatMap((row) => row.ticketIds.map((ticketId) => [ticketId, row] as const)));
  const byEmail = new Map(stored.filter((row) => !row.isRemoved).map((row) => [row.attendee.email.toLowerCase(), row]));
  const live = new Set(
    plannedSessions(draft)
      .filter((session) => session.status !== 'cancelled')
      .map((session) => session.occurrence),
  );
  const fits = (attendee: AttendeeDraft) =>
    attendeeDraftSchema.safeParse(attendee).success &&
    (attendee.occurrences ?? []).every((occurrence) => live.has(occurrence));
  // A session deleted on Zoom leaves its tickets pointing nowhere: that is the session's change
  // (compared with the sessions), not the person's.
  const onZoom = new Set(view.sessions.map((session) => session.sessionId));
  const goneSessions = new Set(
    [...ctx.outbox.zoomState(series.seriesId).sessions]
      .filter(([, session]) => session.sessionId !== '' && !onZoom.has(session.sessionId))
      .map(([occurrence]) => occurrence),
  );
  const asRegistered = (registration: ZoomRegistration, base: AttendeeDraft | undefined): ZoomRegistration => {
    const kept = (base?.occurrences ?? []).filter((occurrence) => goneSessions.has(occurrence));
    if (kept.length === 0 || registration.attendee.occurrences === undefined) return registration;
    const occurrences = [...new Set([...registration.attendee.occurrences, ...kept])].sort((a, b) => a - b);
    return { ...registration, attendee: { ...registration.attendee, occurrences } };
  };
  const plan: RegistrationPlan = { added: [], changed: [], removed: [], linked: [], orphaned: [] };
  const seen = new Set<string>();
  for (const registration of view.registrations) {
    const match =
      byId.get(registration.registrationId) ??
      registration.ticketIds.map((ticketId) => byTicket.get(ticketId)).find((row) => row !== undefined);
    if (match !== undefined) {
      seen.add(match.id);
      if (!match.isRemoved) {
        compareRegistration(ctx, series, match, asRegistered(registration, match.base), { fits, plan, tally, options });
      }
      continue;
    }
    const email = registration.attendee.email.toLowerCase();
    const sameEmail = byEmail.get(email);
    if (sameEmail !== undefined) {
      // Added here and not yet synced: the person is linked to Zoom's ticket, never registered twice.
      if (sameEmail.ticketIds.length === 0 && !seen.has(sameEmail.id)) {
        seen.add(sameEmail.id);
        plan.linked.push({
          from: sameEmail.id,
          to: registration.registrationId,
          ticketIds: registration.ticketIds,
          base: registration.attendee,
        });
      }
      continue;
    }
    if (!fits(registration.attendee)) {
      const target = registrationTarget('ticket.create', registration.registrationId, registration.attendee.email);
      const subject = registration.attendee.email;
      if (ctx.outbox.hasOpenConflictOn({ seriesId: series.seriesId, kind: 'invalid_remote', target, subject }))
        continue;
      ctx.conflict({
        seriesId: series.seriesId,
        operationId: null,
        kind: 'invalid_remote',
        target,
        subject,
        remote: registration.attendee,
        message: `${series.name}: ${registration.attendee.email} registered on Zoom for sessions this series no longer holds; the registration stays on Zoom.`,
        remoteRefused: 'Cadence cannot list a registration for sessions the series has cancelled.',
      });
      tally.conflicts += 1;
      continue;
    }
    plan.added.push({
      id: registration.registrationId,
      attendee: registration.attendee,
      by: sourceOf(registration),
      ticketIds: registration.ticketIds,
    });
    byEmail.set(email, {
      id: registration.registrationId,
      attendee: registration.attendee,
      ticketIds: registration.ticketIds,
      base: registration.attendee,
      isRemoved: false,
    });
  }
  for (const row of stored) {
    if (seen.has(row.id) || row.ticketIds.length === 0) continue;
    // Cadence's own change of sessions deleted the tickets; its step makes the new ones.
    if (ctx.outbox.isReregistering(series.seriesId, row.id)) continue;
    const isChangedHere = !row.isRemoved && (row.base === undefined || !isEmpty(changedFields(row.attendee, row.base)));
    if (isChangedHere) plan.orphaned.push(row);
    else plan.removed.push({ id: row.id, by: { source: 'zoom' } });
  }
  const { records } = ctx.outbox;
  const { seriesId } = series;
  for (const source of ['zoom', 'planner'] as const) {
    const added = plan.added.filter((entry) => entry.by.source === source);
    const changed = plan.changed.filter((entry) => entry.by.source === source);
    if (added.length > 0) {
      const { ids } = stores.attendees.write(
        seriesId,
        added.map((entry) => ({ attendee: entry.attendee })),
        { source },
      );
      // The new row takes the registration ID Zoom's tickets carry, with Zoom's version as its snapshot.
      ids.forEach((id, i) => {
        const entry = added[i];
        if (entry !== undefined) records.registrationLinked(id, entry.id, entry.ticketIds, entry.attendee);
      });
    }
    if (changed.length > 0) stores.attendees.write(seriesId, changed, { source });
  }
  if (plan.removed.length > 0) {
    stores.attendees.remove(
      seriesId,
      plan.removed.map((entry) => entry.id),
      { source: 'zoom' },
    );
    for (const entry of plan.removed) records.registrationGone(entry.id);
  }
  for (const link of plan.linked) records.registrationLinked(link.from, link.to, link.ticketIds, link.base);
  for (const row of plan.orphaned) records.registrationUnlinked(row.id);
  tally.newRegistrations += plan.added.length;
  tally.removedRegistrations += plan.removed.filter((removed) => byId.get(removed.id)?.isRemoved === false).length;
  tally.changes += plan.changed.length;
  return {
    afterReplan: () => {
      // The registration, gone from Zoom, is now one to make again: held until the planner says.
      for (const row of plan.orphaned) {
        ctx.conflict({
          seriesId: series.seriesId,
          operationId: ctx.outbox.pendingOf(series.seriesId, `ticket:${row.id}`) ?? null,
          kind: 'ticket_refused',
          target: registrationTarget('ticket.create', row.id, row.attendee.email),
          subject: row.attendee.email,
          local: row.attendee,
          remote: null,
          message: `${series.name}: ${row.attendee.email}'s registration was removed on Zoom and changed here. Keep yours to register them again, or take Zoom's to remove them here too.`,
        });
        tally.conflicts += 1;
      }
    },
  };
}

/** One registration both sides have: details compared three ways with its snapshot. */
function compareRegistration(
  ctx: RunContext,
  series: SeriesRun,
  row: StoredRegistration,
  registration: ZoomRegistration,
  {
    fits,
    plan,
    tally,
    options,
  }: {
    fits: (attendee: AttendeeDraft) => boolean;
    plan: RegistrationPlan;
    tally: RefreshTally;
    options: RefreshOptions;
  },
): void {
  const remote = registration.attendee as Fields;
  // Linked without a snapshot (an answer lost on its way): Zoom's version is the base.
  const base = (row.base ?? registration.attendee) as Fields;
  const local = row.attendee as Fields;
  const merge = threeWayMerge(base, local, remote, comparedFields);
  const changedOnZoom = Object.keys(threeWayMerge(base, base, remote, comparedFields).adopt);
  const operationId = ctx.outbox.pendingOf(series.seriesId, `ticket:${row.id}`);
  const conflicts: string[] = merge.conflicts;
  // A change about to be sent is compared again by its own step, which raises the conflict.
  if (conflicts.length > 0 && operationId !== undefined && !options.stepsFollow) {
    ctx.conflict({
      seriesId: series.seriesId,
      operationId,
      kind: 'item_fields',
      target: registrationTarget('ticket.update', row.id, row.attendee.email),
      subject: `registration of ${row.attendee.email}: ${fieldList(conflicts)}`,
      base: pick(base, conflicts),
      local: pick(local, conflicts),
      remote: pick(remote, conflicts),
      message: `${series.name}: ${row.attendee.email}'s ${fieldList(conflicts)} changed both here and on Zoom.`,
    });
    tally.conflicts += 1;
  }
  const adopted = { ...local, ...merge.adopt } as AttendeeDraft;
  const isAdopted = !isEmpty(merge.adopt) && fits(adopted);
  if (isAdopted) plan.changed.push({ id: row.id, attendee: adopted, by: sourceOf(registration) });
  else if (!isEmpty(merge.adopt)) {
    const fields = Object.keys(merge.adopt);
    const target = registrationTarget('ticket.update', row.id, row.attendee.email);
    const subject = `registration of ${row.attendee.email}: ${fieldList(fields)}`;
    if (ctx.outbox.hasOpenConflictOn({ seriesId: series.seriesId, kind: 'invalid_remote', target, subject })) return;
    ctx.conflict({
      seriesId: series.seriesId,
      operationId: operationId ?? null,
      kind: 'invalid_remote',
      target,
      subject,
      local: pick(local, fields),
      remote: pick(remote, fields),
      message: `${series.name}: ${row.attendee.email}'s ${fieldList(fields)} changed on Zoom to sessions this series no longer holds.`,
      remoteRefused: 'Cadence cannot list a registration for sessions the series has cancelled.',
    });
    tally.conflicts += 1;
  }
  const taken = changedOnZoom.filter(
    (field) => !conflicts.includes(field) && (isAdopted || !Object.hasOwn(merge.adopt, field)),
  );
  const snapshot = { ...base, ...pick(remote, taken) };
  const isNewTickets = registration.ticketIds.join(' ') !== row.ticketIds.join(' ');
  if (row.base === undefined || isNewTickets || taken.length > 0) {
    plan.linked.push({ from: row.id, to: row.id, ticketIds: registration.ticketIds, base: snapshot });
  }
}

import { plannedSessions } from '../../shared/drafts/plannedSessions';
import { seriesOrder } from '../../shared/outbox/operations';
import { eventFieldsOf } from '../../shared/outbox/planOperations';
import type { PlannedCall } from '../../shared/sync/syncReport';
import {
  accessLinkBody,
  createEventBody,
  maxTicketsPerBatch,
  salesEndOf,
  ticketBody,
  ticketTypeBody,
} from '../../shared/zoom/draftToZoom';
import type { OutboxOperation, SeriesOnZoom, SyncStore } from '../db/syncStore';
import { eventPatchBody } from './zoomEventPatch';

/**
 * Every call a sync would make, in order, without touching the network: IDs Zoom has not given
 * yet appear as `{…}` placeholders. Reads that depend on Zoom's answers (a lookup after a lost
 * response) cannot be foreseen and are not listed.
 */
export function plannedCalls(store: SyncStore, now: number): PlannedCall[] {
  const work = store.workItems();
  if (work.length === 0) return [];
  const calls: PlannedCall[] = [
    { series: '', method: 'POST', path: '/oauth/token?grant_type=account_credentials', what: 'signing in' },
  ];
  const bySeries = new Map<string, OutboxOperation[]>();
  for (const op of work) bySeries.set(op.seriesId, [...(bySeries.get(op.seriesId) ?? []), op]);
  for (const [seriesId, operations] of bySeries)
    calls.push(...seriesCalls(store.seriesOnZoom(seriesId), operations, now));
  return calls;
}

function seriesCalls(zoom: SeriesOnZoom, operations: readonly OutboxOperation[], now: number): PlannedCall[] {
  const calls: PlannedCall[] = [];
  const series = zoom.name;
  const draft = zoom.draft;
  const add = (method: PlannedCall['method'], path: string, what: string, body?: unknown) => {
    calls.push({ series, method, path, what, ...(body === undefined ? {} : { body }) });
  };
  const event = zoom.eventId ?? `{event of "${series}"}`;
  const ticketTypeId = zoom.ticketTypeId ?? `{ticket type of "${series}"}`;
  const base = `/zoom_events/events/${event}`;
  for (const kind of seriesOrder) {
    for (const op of operations.filter((candidate) => candidate.kind === kind)) {
      switch (op.kind) {
        case 'event.delete':
          add('DELETE', `/zoom_events/events/${op.payload.event_id}`, 'delete the event');
          break;
        case 'event.create':
          if (draft === undefined) break;
          if (draft.hub_id === undefined) add('GET', '/zoom_events/hubs?role_type=host', 'find the hub');
          add('POST', '/zoom_events/events', 'create the event', createEventBody(draft, draft.hub_id ?? '{first hub}'));
          break;
        case 'event.update':
          if (draft === undefined) break;
          add('GET', base, 'read the event to compare');
          add('PATCH', base, 'update the event', eventPatchBody(op.payload.changes, eventFieldsOf(draft)));
          break;
        case 'ticket_type.create':
          if (draft === undefined) break;
          add(
            'POST',
            `${base}/ticket_types`,
            'create the ticket type',
            ticketTypeBody(op.payload.ticket_type, { now, salesEnd: salesEndOf(plannedSessions(draft)) }),
          );
          break;
        case 'ticket_type.update':
          add('PATCH', `${base}/ticket_types/${ticketTypeId}`, 'update the ticket type', op.payload.changes);
          break;
        case 'access_link.create':
          if (draft === undefined) break;
          add(
            'POST',
            `${base}/access_links`,
            'create the registration link',
            accessLinkBody(op.payload.registration, draft.event_type, ticketTypeId),
          );
          break;
        case 'access_link.update':
          add('PATCH', `${base}/access_links/${zoom.accessLinkId ?? '{link}'}`, 'update the registration link');
          break;
        case 'event.publish':
          add('POST', `${base}/event_actions`, 'publish the event', { operation: 'publish' });
          break;
        default:
          break;
      }
    }
  }
  const sessionOps = operations.filter((op) => op.kind === 'session.update' || op.kind === 'session.delete');
  const ticketOps = operations.filter((op) => op.kind.startsWith('ticket.'));
  if (draft === undefined || (sessionOps.length === 0 && ticketOps.length === 0)) return calls;
  if (draft.event_type === 'RECURRING' && zoom.sessionIds.size === 0) {
    add('GET', `${base}/sessions`, 'read the sessions Zoom generated');
  }
  const session = (n: number) => zoom.sessionIds.get(n) ?? `{session ${String(n)}}`;
  for (const op of sessionOps) {
    if (op.kind === 'session.update') {
      const { start_time, end_time } = op.payload;
      add(
        'PATCH',
        `${base}/sessions/${session(op.payload.occurrence)}`,
        `move session ${String(op.payload.occurrence)}`,
        {
          start_time,
          end_time,
        },
      );
    } else {
      add(
        'DELETE',
        `${base}/sessions/${session(op.payload.occurrence)}`,
        `cancel session ${String(op.payload.occurrence)}`,
      );
    }
  }
  const creates = ticketOps.flatMap((op) => (op.kind === 'ticket.create' ? [op] : []));
  const option = draft.event_type === 'RECURRING' ? draft.registration?.recurring_registration_option : undefined;
  const context = {
    ticketTypeId,
    ...(option === undefined ? {} : { option }),
    sendNotification: draft.registration?.send_notification ?? true,
    sessionIdOf: session,
  };
  for (let i = 0; i < creates.length; i += maxTicketsPerBatch) {
    const batch = creates.slice(i, i + maxTicketsPerBatch);
    add('POST', `${base}/tickets`, `register ${String(batch.length)} attendees`, {
      tickets: batch.map((op) =>
        ticketBody({ registrationId: op.payload.attendee_id, attendee: op.payload.attendee }, context),
      ),
    });
  }
  for (const op of ticketOps) {
    if (op.kind === 'ticket.delete') {
      for (const id of op.payload.ticket_id.split(' ')) add('DELETE', `${base}/tickets/${id}`, 'remove a registration');
    } else if (op.kind === 'ticket.update') {
      add(
        'PATCH',
        `${base}/tickets/{ticket of ${op.payload.attendee_id}}`,
        'update a registration',
        op.payload.changes,
      );
    }
  }
  return calls;
}

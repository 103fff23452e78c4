import { describe, expect, it } from 'vitest';
import { seriesDraftSchema, type SeriesDraft } from '../../../../shared/drafts/seriesDraft';
import { eventFieldsOf, type SeriesZoomState } from '../../../../shared/outbox/planOperations';
import { outboxPlanner } from '../../../../main/sync/operations/registry';

const planSeriesOperations: typeof outboxPlanner.planSeries = (draft, zoom) => outboxPlanner.planSeries(draft, zoom);
const planTicketOperation: typeof outboxPlanner.planTicket = (id, attendee, ticket) =>
  outboxPlanner.planTicket(id, attendee, ticket);

const training: SeriesDraft = seriesDraftSchema.parse({
  name: 'Git & GitHub Training Series',
  timezone: 'America/New_York',
  event_type: 'RECURRING',
  start_time: '2025-01-08T18:00:00Z',
  recurrence: { type: 2, end_times: 4, duration: 60 },
  occurrence_changes: [
    { occurrence: 2, action: 'move', start_time: '2025-01-16T18:00:00Z' },
    { occurrence: 4, action: 'cancel' },
  ],
  ticket_type: { name: 'Per-Session Ticket', quantity: 100 },
  registration: { link_name: 'Training Registration', recurring_registration_option: 'single_session' },
  publish: true,
});

const nothingOnZoom: SeriesZoomState = { isPublished: false, sessions: new Map() };

function onZoom(overrides: Partial<SeriesZoomState> = {}): SeriesZoomState {
  return {
    eventId: 'ev1',
    eventBase: eventFieldsOf(training),
    isPublished: true,
    ticketTypeId: 'tt1',
    ticketTypeBase: training.ticket_type,
    accessLinkId: 'al1',
    accessLinkBase: training.registration,
    sessions: new Map([
      [
        1,
        {
          sessionId: 's1',
          base: { start_time: '2025-01-08T18:00:00Z', end_time: '2025-01-08T19:00:00Z', status: 'scheduled' },
        },
      ],
      [
        2,
        {
          sessionId: 's2',
          base: { start_time: '2025-01-16T18:00:00Z', end_time: '2025-01-16T19:00:00Z', status: 'moved' },
        },
      ],
      [
        3,
        {
          sessionId: 's3',
          base: { start_time: '2025-01-22T18:00:00Z', end_time: '2025-01-22T19:00:00Z', status: 'scheduled' },
        },
      ],
      [
        4,
        {
          sessionId: 's4',
          base: { start_time: '2025-01-29T18:00:00Z', end_time: '2025-01-29T19:00:00Z', status: 'cancelled' },
        },
      ],
    ]),
    ...overrides,
  };
}

const summary = (draft: SeriesDraft | undefined, zoom: SeriesZoomState) =>
  planSeriesOperations(draft, zoom).map((op) => `${op.kind} ${op.key} ← ${op.dependsOn.join(',')}`);

describe('planning a series', () => {
  it('Zoom has nothing: the whole chain, in the order Zoom needs it', () => {
    expect(summary(training, nothingOnZoom)).toEqual([
      'event.create event ← ',
      'ticket_type.create ticket_type ← event',
      'access_link.create access_link ← ticket_type',
      'event.publish publish ← event,ticket_type,access_link',
      'session.update session:2 ← event',
      'session.delete session:4 ← event',
    ]);
  });

  it('Zoom has it all as drafted: nothing to send', () => {
    expect(summary(training, onZoom())).toEqual([]);
  });

  it('only what differs from the last synced state, field by field', () => {
    const edited = seriesDraftSchema.parse({
      ...training,
      name: 'Git Training',
      ticket_type: { ...training.ticket_type, quantity: 120 },
      occurrence_changes: [{ occurrence: 3, action: 'move', start_time: '2025-01-23T18:00:00Z' }],
    });
    const operations = planSeriesOperations(edited, onZoom());
    expect(operations.map((op) => [op.kind, op.key, op.payload])).toEqual([
      ['event.update', 'event.fields', { changes: { name: 'Git Training' } }],
      ['ticket_type.update', 'ticket_type.fields', { changes: { quantity: 120 } }],
      // Occurrence 2 goes back to its place and 3 moves. Occurrence 4's session is deleted on
      // Zoom and cannot be sent back: no call; the sync engine reports the difference.
      [
        'session.update',
        'session:2',
        { occurrence: 2, start_time: '2025-01-15T18:00:00Z', end_time: '2025-01-15T19:00:00Z' },
      ],
      [
        'session.update',
        'session:3',
        { occurrence: 3, start_time: '2025-01-23T18:00:00Z', end_time: '2025-01-23T19:00:00Z' },
      ],
    ]);
  });

  it('publishes once, when asked and not yet published', () => {
    expect(summary(training, onZoom({ isPublished: false }))).toEqual([
      'event.publish publish ← event,ticket_type,access_link',
    ]);
    expect(summary({ ...training, publish: false }, onZoom({ isPublished: false }))).toEqual([]);
  });

  it('a deleted series: a delete of its event if Zoom has one, else nothing', () => {
    expect(summary(undefined, onZoom())).toEqual(['event.delete event.delete ← ']);
    expect(summary(undefined, nothingOnZoom)).toEqual([]);
  });
});

describe('planning a ticket', () => {
  const ada = { email: 'ada@example.com', first_name: 'Ada', occurrences: [1] };

  it('creates, updates what changed, deletes, or leaves alone', () => {
    expect(planTicketOperation('r1', ada, undefined)).toEqual({
      key: 'ticket:r1',
      kind: 'ticket.create',
      payload: { attendee_id: 'r1', attendee: ada },
      dependsOn: ['event', 'ticket_type', 'access_link', 'publish'],
    });
    expect(planTicketOperation('r1', { ...ada, occurrences: [3] }, { ticketId: 't1', base: ada })).toEqual({
      key: 'ticket:r1',
      kind: 'ticket.update',
      payload: { attendee_id: 'r1', changes: { occurrences: [3] } },
      dependsOn: [],
    });
    expect(planTicketOperation('r1', undefined, { ticketId: 't1', base: ada })).toMatchObject({
      kind: 'ticket.delete',
      payload: { attendee_id: 'r1', ticket_id: 't1' },
    });
    expect(planTicketOperation('r1', ada, { ticketId: 't1', base: ada })).toBeUndefined();
    expect(planTicketOperation('r1', undefined, undefined)).toBeUndefined();
  });
});

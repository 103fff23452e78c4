import { describe, expect, it } from 'vitest';
import { ZoomRequestValidator } from '../../../../main/zoom/openApi/zoomRequestValidator';
import { plannedSessions } from '../../../../shared/drafts/plannedSessions';
import { seriesDraftSchema, type SeriesDraft } from '../../../../shared/drafts/seriesDraft';
import {
  accessLinkBody,
  createEventBody,
  salesEndOf,
  sessionMoveBody,
  ticketBatches,
  ticketTypeBody,
  type TicketRequest,
} from '../../../../shared/zoom/draftToZoom';

const validator = new ZoomRequestValidator();
const hubId = '4uzfv3JwTeyR5QpC3PXwMg';
const now = Date.parse('2024-12-01T09:30:00Z');

function draft(input: Record<string, unknown>): SeriesDraft {
  return seriesDraftSchema.parse(input);
}

/** Asserts a body is valid for the operation at `method path` in Zoom's OpenAPI document. */
function expectValid(method: string, path: string, body: unknown): void {
  expect(validator.bodyIssues(method, path, body)).toEqual([]);
}

// The three scenarios of the recurring-events tutorial, written as Cadence drafts.
const standup = draft({
  name: 'Engineering Team Weekly Standup',
  timezone: 'America/New_York',
  event_type: 'RECURRING',
  meeting_type: 'MEETING',
  attendance_type: 'VIRTUAL',
  start_time: '2025-01-06T15:00:00Z',
  recurrence: { type: 2, weekly_days: [2], end_times: 12, duration: 30 },
  occurrence_changes: [
    { occurrence: 12, action: 'cancel' },
    { occurrence: 3, action: 'move', start_time: '2025-01-21T16:00:00Z' },
  ],
  ticket_type: { name: 'Team Member Pass', quantity: 50 },
  registration: { link_name: 'Team Registration Link', recurring_registration_option: 'all_sessions' },
  attendees: [{ email: 'jane.doe@company.com', first_name: 'Jane', last_name: 'Doe' }],
  publish: true,
});
const webinar = draft({
  name: 'Product Updates Webinar Series',
  description: 'What shipped this month.',
  timezone: 'America/Los_Angeles',
  event_type: 'RECURRING',
  meeting_type: 'WEBINAR',
  start_time: '2025-02-04T22:00:00Z',
  recurrence: { type: 3, monthly_week: 1, monthly_week_day: 3, end_times: 6, duration: 90 },
  ticket_type: { name: 'Webinar Seat', free: false, price: '19.99', currency: 'usd', quantity: 500 },
  registration: { link_name: 'Webinar Registration', authentication_method: 'zoom_account' },
});
const training = draft({
  name: 'Git & GitHub Training Series',
  timezone: 'America/New_York',
  event_type: 'RECURRING',
  meeting_type: 'WEBINAR',
  start_time: '2025-01-08T18:00:00Z',
  recurrence: { type: 2, end_times: 4, duration: 60 },
  ticket_type: { name: 'Per-Session Ticket', quantity: 100 },
  registration: { link_name: 'Training Registration', recurring_registration_option: 'single_session' },
});
const launch = draft({
  name: 'Launch Party',
  timezone: 'Europe/Paris',
  event_type: 'SIMPLE_EVENT',
  attendance_type: 'hybrid',
  access_level: 'PRIVATE_RESTRICTED',
  start_time: '2025-06-12T17:00:00Z',
  end_time: '2025-06-12T19:00:00Z',
  ticket_type: { name: 'Guest', start_time: '2025-05-01T00:00:00Z', end_time: '2025-06-12T17:00:00Z' },
  registration: { link_name: 'RSVP' },
});

describe('create event', () => {
  it.each([
    ['weekly standup', standup],
    ['monthly webinar', webinar],
    ['training series', training],
    ['single-session event', launch],
  ])('the %s body is valid for createEvent', (_name, series) => {
    expectValid('POST', '/zoom_events/events', createEventBody(series, hubId));
  });

  it('sends the weekly standup as the API reference wants it, not as the tutorial wrote it', () => {
    expect(createEventBody(standup, hubId)).toEqual({
      hub_id: hubId,
      name: 'Engineering Team Weekly Standup',
      description: '',
      timezone: 'America/New_York',
      event_type: 'RECURRING',
      access_level: 'PRIVATE_UNRESTRICTED',
      attendance_type: 'virtual',
      meeting_type: 'MEETING',
      calendar: [{ start_time: '2025-01-06T15:00:00Z', end_time: '2025-01-06T15:30:00Z' }],
      recurrence: { type: 2, repeat_interval: 1, weekly_days: [2], end_times: 12, duration: 30 },
    });
  });

  it('names the weekday Cadence previewed when the draft leaves weekly_days out', () => {
    // 18:00Z on 8 January 2025 is Wednesday 13:00 in New York.
    expect(createEventBody(training, hubId).recurrence).toMatchObject({ weekly_days: [4] });
    // 01:00Z on Tuesday is still Monday evening in New York: the zone's weekday, not UTC's.
    const evening = draft({
      name: 'Evening Class',
      timezone: 'America/New_York',
      event_type: 'RECURRING',
      start_time: '2025-01-07T01:00:00Z',
      recurrence: { type: 2, end_times: 3, duration: 60 },
    });
    expect(createEventBody(evening, hubId).recurrence).toMatchObject({ weekly_days: [2] });
  });

  it('sends monthly forms and ends in the create shape: arrays, one form only', () => {
    expect(createEventBody(webinar, hubId).recurrence).toEqual({
      type: 3,
      repeat_interval: 1,
      monthly_week: 1,
      monthly_week_day: 3,
      end_times: 6,
      duration: 90,
    });
    const byDate = draft({
      name: 'Month End Review',
      timezone: 'Australia/Sydney',
      event_type: 'RECURRING',
      start_time: '2025-01-30T23:00:00Z',
      recurrence: {
        type: 3,
        repeat_interval: 2,
        monthly_days: 31,
        end_date_time: '2025-12-31T00:00:00Z',
        duration: 45,
      },
    });
    const body = createEventBody(byDate, hubId);
    expectValid('POST', '/zoom_events/events', body);
    expect(body.recurrence).toEqual({
      type: 3,
      repeat_interval: 2,
      monthly_days: [31],
      end_date_time: '2025-12-31T00:00:00Z',
      duration: 45,
    });
  });

  it('a single-session event has its calendar and no recurrence', () => {
    const body = createEventBody(launch, hubId);
    expect(body).toMatchObject({
      event_type: 'SIMPLE_EVENT',
      meeting_type: 'MEETING',
      attendance_type: 'hybrid',
      calendar: [{ start_time: '2025-06-12T17:00:00Z', end_time: '2025-06-12T19:00:00Z' }],
    });
    expect(body).not.toHaveProperty('recurrence');
  });
});

describe('ticket type', () => {
  it('fills the currency and a sale window from now to the end of the last session that takes place', () => {
    const sessions = plannedSessions(standup);
    // Occurrence 12 is cancelled, so sales end with occurrence 11 (17 March, after the DST change).
    expect(salesEndOf(sessions)).toBe('2025-03-17T14:30:00Z');
    const ticketType = standup.ticket_type;
    if (ticketType === undefined) throw new Error('no ticket type');
    const body = ticketTypeBody(ticketType, { now, salesEnd: salesEndOf(sessions) });
    expect(body).toEqual({
      name: 'Team Member Pass',
      currency: 'USD',
      free: true,
      quantity: 50,
      start_time: '2024-12-01T09:30:00Z',
      end_time: '2025-03-17T14:30:00Z',
    });
    expectValid('POST', '/zoom_events/events/ev1/ticket_types', body);
  });

  it('sends the price of a paid ticket and keeps a sale window the planner chose', () => {
    const paid = webinar.ticket_type;
    const chosen = launch.ticket_type;
    if (paid === undefined || chosen === undefined) throw new Error('no ticket type');
    const paidBody = ticketTypeBody(paid, { now, salesEnd: salesEndOf(plannedSessions(webinar)) });
    expect(paidBody).toMatchObject({ free: false, price: '19.99', currency: 'USD' });
    expectValid('POST', '/zoom_events/events/ev1/ticket_types', paidBody);
    const chosenBody = ticketTypeBody(chosen, { now, salesEnd: '2030-01-01T00:00:00Z' });
    expect(chosenBody).toMatchObject({ start_time: '2025-05-01T00:00:00Z', end_time: '2025-06-12T17:00:00Z' });
  });
});

describe('registration link', () => {
  it('carries the registration option for a recurring series', () => {
    const registration = training.registration;
    if (registration === undefined) throw new Error('no registration');
    const body = accessLinkBody(registration, 'RECURRING', 'tt1');
    expect(body).toEqual({
      name: 'Training Registration',
      type: 'registration',
      is_default: true,
      authentication_method: 'bypass_auth',
      ticket_type_id: 'tt1',
      recurring_registration_option: 'single_session',
    });
    expectValid('POST', '/zoom_events/events/ev1/access_links', body);
  });

  it('leaves it out for a single-session event', () => {
    const registration = launch.registration;
    if (registration === undefined) throw new Error('no registration');
    const body = accessLinkBody(registration, 'SIMPLE_EVENT', 'tt1');
    expect(body).not.toHaveProperty('recurring_registration_option');
    expectValid('POST', '/zoom_events/events/ev1/access_links', body);
  });
});

describe('tickets', () => {
  const people = (count: number, occurrences?: (i: number) => number[]): TicketRequest[] =>
    Array.from({ length: count }, (_, i) => ({
      registrationId: `reg-${i}`,
      attendee: {
        email: `person${i}@example.com`,
        first_name: `Person ${i}`,
        last_name: 'Example',
        organization: i === 0 ? 'Acme' : undefined,
        ...(occurrences === undefined ? {} : { occurrences: occurrences(i) }),
      },
    }));
  const sessionIdOf = (occurrence: number) => `session-${occurrence}`;

  it('go in batches of at most 30, each valid for createTickets', () => {
    const batches = ticketBatches(people(65), {
      ticketTypeId: 'tt1',
      option: 'all_sessions',
      sendNotification: true,
      sessionIdOf,
    });
    expect(batches.map((batch) => batch.tickets.length)).toEqual([30, 30, 5]);
    for (const batch of batches) expectValid('POST', '/zoom_events/events/ev1/tickets', batch);
    expect(batches[0]?.tickets[0]).toEqual({
      email: 'person0@example.com',
      ticket_type_id: 'tt1',
      external_ticket_id: 'reg-0',
      send_notification: true,
      first_name: 'Person 0',
      last_name: 'Example',
      organization: 'Acme',
    });
    expect(batches[2]?.tickets.map((ticket) => ticket.external_ticket_id)).toEqual([
      'reg-60',
      'reg-61',
      'reg-62',
      'reg-63',
      'reg-64',
    ]);
  });

  it('an all-sessions ticket names no session; single and multiple ones name their sessions', () => {
    const [all] = ticketBatches(people(1), {
      ticketTypeId: 'tt1',
      option: 'all_sessions',
      sendNotification: false,
      sessionIdOf,
    });
    expect(all?.tickets[0]).not.toHaveProperty('session_ids');
    const [single] = ticketBatches(
      people(2, (i) => [i + 1]),
      { ticketTypeId: 'tt1', option: 'single_session', sendNotification: false, sessionIdOf },
    );
    expect(single?.tickets.map((ticket) => ticket.session_ids)).toEqual([['session-1'], ['session-2']]);
    const [multiple] = ticketBatches(
      people(1, () => [1, 3, 4]),
      { ticketTypeId: 'tt1', option: 'multiple_sessions', sendNotification: false, sessionIdOf },
    );
    expect(multiple?.tickets[0]?.session_ids).toEqual(['session-1', 'session-3', 'session-4']);
    for (const batch of [all, single, multiple]) expectValid('POST', '/zoom_events/events/ev1/tickets', batch);
  });

  it('a batch of 31 would break the API limit: the check is live', () => {
    const tooMany = {
      tickets: ticketBatches(people(31), { ticketTypeId: 'tt1', sendNotification: true, sessionIdOf }).flatMap(
        (b) => b.tickets,
      ),
    };
    expect(validator.bodyIssues('POST', '/zoom_events/events/ev1/tickets', tooMany)).toEqual([
      { path: 'tickets', message: 'must NOT have more than 30 items' },
    ]);
  });
});

describe('session changes and publishing', () => {
  it('a moved occurrence becomes a session update with its new start and its duration', () => {
    const moved = plannedSessions(standup).find((session) => session.status === 'moved');
    if (moved === undefined) throw new Error('no moved session');
    const body = sessionMoveBody(moved);
    expect(body).toEqual({ start_time: '2025-01-21T16:00:00Z', end_time: '2025-01-21T16:30:00Z' });
    expectValid('PATCH', '/zoom_events/events/ev1/sessions/s1', body);
  });

  it('publishing is an event action', () => {
    expectValid('POST', '/zoom_events/events/ev1/event_actions', { operation: 'publish' });
  });
});

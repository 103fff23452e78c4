import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandSeries } from '../../../shared/recurrence/seriesTiming';
import type { ZoomTicketBody } from '../../../shared/zoom/zoomBodies';
import { foreignEventId } from '../../../main/sandbox/sandboxData';
import { ZoomApiError, ZoomOutcomeUnknownError } from '../../../main/zoom/zoomErrors';
import type { ZoomEventsApi } from '../../../main/zoom/zoomEventsApi';
import { sandboxHarness, weeklyStandupBody, type SandboxHarness } from '../../support/sandbox';

// Every operation the client offers, over real HTTP against the sandbox on 127.0.0.1.
let harness: SandboxHarness;
let api: ZoomEventsApi;

beforeAll(async () => {
  harness = await sandboxHarness();
  api = harness.client.api;
});
afterAll(async () => {
  await harness.close();
});

async function zoomRefusal(work: Promise<unknown>): Promise<ZoomApiError> {
  const error = await work.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(ZoomApiError);
  return error as ZoomApiError;
}

function attendee(i: number, ticketTypeId: string, extra: Partial<ZoomTicketBody> = {}): ZoomTicketBody {
  return {
    email: `attendee${String(i)}@example.com`,
    first_name: `Ada${String(i)}`,
    last_name: 'Lovelace',
    ticket_type_id: ticketTypeId,
    external_ticket_id: `reg-${String(i)}`,
    send_notification: false,
    ...extra,
  };
}

/** A recurring event with a free ticket type and a registration link, published unless told not to. */
async function seriesOnZoom(
  option: 'all_sessions' | 'single_session' | 'multiple_sessions',
  publish = true,
  attendance: 'virtual' | 'in-person' | 'hybrid' = 'virtual',
) {
  const event = await api.createEvent({
    ...weeklyStandupBody,
    attendance_type: attendance,
    name: `Series ${option} ${String(Math.random())}`,
  });
  const ticketTypeId = await api.createTicketType(event.event_id, {
    name: 'Free',
    currency: 'USD',
    free: true,
    start_time: '2026-01-01T00:00:00Z',
    end_time: '2027-06-01T00:00:00Z',
  });
  await api.createAccessLink(event.event_id, {
    name: 'Registration',
    type: 'registration',
    is_default: true,
    authentication_method: 'bypass_auth',
    ticket_type_id: ticketTypeId,
    recurring_registration_option: option,
  });
  if (publish) await api.eventAction(event.event_id, { operation: 'publish' });
  const sessions = await api.listSessions(event.event_id);
  return { eventId: event.event_id, ticketTypeId, sessions };
}

describe('hubs and events', () => {
  it('lists the hubs the account hosts', async () => {
    const hubs = await api.listHubs();
    expect(hubs.map((h) => h.hub_id)).toEqual(['hub-sandbox-main']);
  });

  it('refuses an event in a hub the account does not host, with 26201', async () => {
    const error = await zoomRefusal(api.createEvent({ ...weeklyStandupBody, hub_id: 'hub-sandbox-other' }));
    expect(error.zoomCode).toBe(26201);
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/host of the hub/);
  });

  it('refuses access to an event in a hub the account does not host, with 260200', async () => {
    const error = await zoomRefusal(api.getEvent(foreignEventId));
    expect(error).toMatchObject({ zoomCode: 260200, code: 'forbidden', status: 403 });
    expect(error.message).toMatch(/no access to this event/);
    expect((await zoomRefusal(api.listSessions(foreignEventId))).zoomCode).toBe(260200);
  });

  it('creates a recurring event as a draft, with the sessions its recurrence gives', async () => {
    const event = await api.createEvent(weeklyStandupBody);
    expect(event.status).toBe('DRAFT');
    const sessions = await api.listSessions(event.event_id);
    const expected = expandSeries({
      timezone: weeklyStandupBody.timezone,
      start_time: weeklyStandupBody.calendar[0].start_time,
      recurrence: weeklyStandupBody.recurrence,
    });
    if (!expected.ok) throw new Error('the tutorial series expands');
    expect(sessions.map((s) => [s.start_time, s.end_time])).toEqual(
      expected.occurrences.map((o) => [o.start_time, o.end_time]),
    );
    // 9:00 in New York on both sides of the change to daylight time on 14 March 2027.
    expect(sessions[0]?.start_time).toBe('2027-03-02T14:00:00Z');
    expect(sessions[5]?.start_time).toBe('2027-03-18T13:00:00Z');

    const read = await api.getEvent(event.event_id);
    expect(read).toMatchObject({ name: 'Weekly Team Standup', event_type: 'RECURRING', status: 'DRAFT' });
    expect(read.recurrence).toMatchObject({ type: 2, weekly_days: '3,5', end_times: 12 });
    const one = await api.getSession(event.event_id, sessions[2]?.session_id ?? '');
    expect(one.start_time).toBe(sessions[2]?.start_time);
  });

  it('updates, publishes, cancels, duplicates and deletes events, and lists them by status', async () => {
    const { event_id: eventId } = await api.createEvent({ ...weeklyStandupBody, name: 'To rename' });
    await api.updateEvent(eventId, { name: 'Renamed standup', description: 'New words' });
    expect((await api.getEvent(eventId)).name).toBe('Renamed standup');
    expect((await api.listEvents('draft')).some((e) => e.event_id === eventId)).toBe(true);

    await api.eventAction(eventId, { operation: 'publish' });
    expect((await api.getEvent(eventId)).status).toBe('PUBLISHED');
    expect((await api.listEvents('upcoming')).some((e) => e.event_id === eventId)).toBe(true);
    const locked = await zoomRefusal(
      api.updateEvent(eventId, {
        // Zoom's update takes weekly_days as text.
        recurrence: { ...weeklyStandupBody.recurrence, weekly_days: '3,5', end_times: 4 },
      }),
    );
    expect(locked.zoomCode).toBe(260209);

    const copy = await api.eventAction(eventId, {
      operation: 'duplicate',
      duplicate_event: { name: 'Copy', start_time: '2027-04-06T13:00:00Z', timezone: 'America/New_York' },
    });
    expect(copy.status).toBe('duplicated');
    expect((await api.getEvent(copy.event_id ?? '')).name).toBe('Copy');

    await api.eventAction(eventId, { operation: 'cancel', cancel_message: 'Moved to next quarter' });
    expect((await api.listEvents('cancelled')).map((e) => e.event_id)).toContain(eventId);
    const cancelled = await zoomRefusal(api.updateEvent(eventId, { name: 'Too late' }));
    expect(cancelled.zoomCode).toBe(260210);

    await api.deleteEvent(eventId);
    const gone = await zoomRefusal(api.getEvent(eventId));
    expect(gone).toMatchObject({ zoomCode: 2002, code: 'not_found', status: 404 });
  });
});

describe('sessions', () => {
  it('moves and deletes one session; a deleted session is not found', async () => {
    const { event_id: eventId } = await api.createEvent(weeklyStandupBody);
    const [first, second] = await api.listSessions(eventId);
    if (first === undefined || second === undefined) throw new Error('sessions were generated');
    await api.updateSession(eventId, first.session_id, {
      start_time: '2027-03-02T15:00:00Z',
      end_time: '2027-03-02T15:30:00Z',
    });
    expect((await api.getSession(eventId, first.session_id)).start_time).toBe('2027-03-02T15:00:00Z');
    await api.deleteSession(eventId, second.session_id);
    expect(await api.listSessions(eventId)).toHaveLength(11);
    const gone = await zoomRefusal(api.getSession(eventId, second.session_id));
    expect(gone).toMatchObject({ zoomCode: 2005, code: 'not_found' });
  });
});

describe('ticket types and access links', () => {
  it('creates, lists, updates and deletes ticket types; refuses sale dates that end before they start (26401)', async () => {
    const { event_id: eventId } = await api.createEvent(weeklyStandupBody);
    const id = await api.createTicketType(eventId, {
      name: 'General',
      currency: 'USD',
      free: true,
      quantity: 100,
      start_time: '2026-01-01T00:00:00Z',
      end_time: '2027-03-01T00:00:00Z',
    });
    expect((await api.listTicketTypes(eventId)).map((t) => [t.ticket_type_id, t.name, t.quantity])).toEqual([
      [id, 'General', 100],
    ]);
    await api.updateTicketType(eventId, id, { quantity: 150 });
    expect((await api.listTicketTypes(eventId))[0]?.quantity).toBe(150);
    const dates = await zoomRefusal(
      api.createTicketType(eventId, {
        name: 'Bad',
        currency: 'USD',
        free: true,
        start_time: '2027-03-01T00:00:00Z',
        end_time: '2026-01-01T00:00:00Z',
      }),
    );
    expect(dates).toMatchObject({ zoomCode: 26401, code: 'invalid_input' });
    await api.deleteTicketType(eventId, id);
    expect(await api.listTicketTypes(eventId)).toEqual([]);
    const missing = await zoomRefusal(api.updateTicketType(eventId, id, { quantity: 1 }));
    expect(missing.zoomCode).toBe(261202);
  });

  it('creates, reads, updates and deletes access links; refuses a duplicate name (261203) and an unknown ticket type (261202)', async () => {
    const { event_id: eventId } = await api.createEvent(weeklyStandupBody);
    const ticketTypeId = await api.createTicketType(eventId, {
      name: 'Free',
      currency: 'USD',
      free: true,
      start_time: '2026-01-01T00:00:00Z',
      end_time: '2027-03-01T00:00:00Z',
    });
    const body = {
      name: 'Register here',
      type: 'registration' as const,
      is_default: true as const,
      authentication_method: 'bypass_auth',
      ticket_type_id: ticketTypeId,
      recurring_registration_option: 'multiple_sessions' as const,
    };
    const link = await api.createAccessLink(eventId, body);
    expect(link).toMatchObject({ name: 'Register here', recurring_registration_option: 'multiple_sessions' });
    // Zoom's create answer carries no address; reading the link gives it.
    expect(link.url).toBeUndefined();
    expect((await api.getAccessLink(eventId, link.access_link_id)).url).toMatch(/^https:\/\//);
    const duplicate = await zoomRefusal(api.createAccessLink(eventId, body));
    expect(duplicate).toMatchObject({ zoomCode: 261203, code: 'conflict' });
    expect(duplicate.message).toMatch(/another name/);
    const unknownType = await zoomRefusal(
      api.createAccessLink(eventId, { ...body, name: 'Other', ticket_type_id: 'nope' }),
    );
    expect(unknownType.zoomCode).toBe(261202);

    await api.updateAccessLink(eventId, link.access_link_id, { name: 'Sign up' });
    expect((await api.getAccessLink(eventId, link.access_link_id)).name).toBe('Sign up');
    expect((await api.listAccessLinks(eventId)).map((l) => l.name)).toEqual(['Sign up']);
    await api.deleteAccessLink(eventId, link.access_link_id);
    const gone = await zoomRefusal(api.getAccessLink(eventId, link.access_link_id));
    expect(gone).toMatchObject({ zoomCode: 261201, code: 'not_found' });
  });
});

describe('tickets and registrants', () => {
  it('refuses tickets before the event is published (26501)', async () => {
    const { eventId, ticketTypeId } = await seriesOnZoom('all_sessions', false);
    const error = await zoomRefusal(api.createTickets(eventId, [attendee(1, ticketTypeId)]));
    expect(error).toMatchObject({ zoomCode: 26501, code: 'conflict' });
    expect(error.message).toMatch(/publish it first/);
  });

  it('registers 30 at a time and pages through more than 300 tickets; finds a ticket by external_ticket_id', async () => {
    const { eventId, ticketTypeId } = await seriesOnZoom('all_sessions');
    for (let start = 0; start < 330; start += 30) {
      const batch = Array.from({ length: 30 }, (_, i) => attendee(start + i, ticketTypeId));
      const result = await api.createTickets(eventId, batch);
      expect(result.errors).toEqual([]);
      expect(result.tickets).toHaveLength(30);
    }
    const all = await api.listTickets(eventId);
    expect(all).toHaveLength(330);
    expect(new Set(all.map((t) => t.external_ticket_id)).size).toBe(330);
    const [found] = await api.listTickets(eventId, { external_ticket_id: 'reg-123' });
    expect(found).toMatchObject({ email: 'attendee123@example.com', first_name: 'Ada123' });
    const registrants = await api.listRegistrants(eventId);
    expect(registrants).toHaveLength(330);
    expect(registrants[0]?.tickets).toHaveLength(1);
    // Two pages of tickets and two of registrants: Cadence asks for 300 at a time.
    const pages = (await harness.control.requests()).filter(
      (r) => r.operationId === 'getTickets' && !r.path.includes('external'),
    );
    expect(pages.map((r) => new URL(r.path, 'http://x').searchParams.get('page_size'))).toEqual(['300', '300']);
  });

  it('refuses a 31st ticket in one request before sending it', async () => {
    const before = (await harness.control.requests()).length;
    await expect(
      api.createTickets(
        'any',
        Array.from({ length: 31 }, (_, i) => attendee(i, 'tt')),
      ),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/1 to 30 tickets/) as unknown,
    });
    expect((await harness.control.requests()).length).toBe(before);
  });

  it('follows the registration option: session_ids per session for single_session, none for all_sessions', async () => {
    const single = await seriesOnZoom('single_session');
    const [s1, s2, s3] = single.sessions.map((s) => s.session_id);
    const result = await api.createTickets(single.eventId, [
      attendee(1, single.ticketTypeId, { session_ids: [s1 ?? '', s3 ?? ''] }),
      attendee(2, single.ticketTypeId),
      attendee(3, single.ticketTypeId, { session_ids: ['no-such-session'] }),
    ]);
    // single_session: one ticket per chosen session.
    expect(result.tickets.map((t) => [t.email, t.session_id])).toEqual([
      ['attendee1@example.com', s1],
      ['attendee1@example.com', s3],
    ]);
    expect(result.errors.map((e) => e.email)).toEqual(['attendee2@example.com', 'attendee3@example.com']);
    expect(result.errors[0]?.message).toMatch(/session_ids are required/);

    const all = await seriesOnZoom('all_sessions');
    const refused = await api.createTickets(all.eventId, [attendee(4, all.ticketTypeId, { session_ids: [s2 ?? ''] })]);
    expect(refused.tickets).toEqual([]);
    expect(refused.errors[0]?.message).toMatch(/omit them/);

    const multiple = await seriesOnZoom('multiple_sessions');
    const ids = multiple.sessions.slice(0, 3).map((s) => s.session_id);
    const made = await api.createTickets(multiple.eventId, [attendee(5, multiple.ticketTypeId, { session_ids: ids })]);
    expect(made.tickets).toHaveLength(1);
    const [ticket] = await api.listTickets(multiple.eventId, { email: 'attendee5@example.com' });
    expect(ticket?.session_ids).toEqual(ids);
  });

  it('reports a sold-out ticket type per attendee, and 2007 when none is left', async () => {
    const { eventId, ticketTypeId } = await seriesOnZoom('all_sessions');
    await api.updateTicketType(eventId, ticketTypeId, { quantity: 2 });
    const result = await api.createTickets(
      eventId,
      [1, 2, 3].map((i) => attendee(i, ticketTypeId)),
    );
    expect(result.tickets).toHaveLength(2);
    expect(result.errors).toEqual([
      {
        email: 'attendee3@example.com',
        error_code: 'stock_not_exist',
        message: expect.stringMatching(/sold out/) as unknown,
      },
    ]);
    const soldOut = await zoomRefusal(api.createTickets(eventId, [attendee(4, ticketTypeId)]));
    expect(soldOut).toMatchObject({ zoomCode: 2007, code: 'conflict' });
    expect(soldOut.message).toMatch(/sold out/);
  });

  it('reads, updates and deletes one ticket', async () => {
    const { eventId, ticketTypeId } = await seriesOnZoom('all_sessions');
    const { tickets } = await api.createTickets(eventId, [attendee(1, ticketTypeId)]);
    const id = tickets[0]?.ticket_id ?? '';
    expect((await api.getTicket(eventId, id)).external_ticket_id).toBe('reg-1');
    await api.updateTicket(eventId, id, { first_name: 'Grace' });
    expect((await api.getTicket(eventId, id)).first_name).toBe('Grace');
    await api.deleteTicket(eventId, id);
    await expect(api.getTicket(eventId, id)).rejects.toMatchObject({ code: 'not_found', status: 404 });
  });
});

describe('check-in', () => {
  it('checks in up to 300 attendees of the event and of a session, with a refusal per unknown attendee', async () => {
    const { eventId, ticketTypeId, sessions } = await seriesOnZoom('single_session', true, 'hybrid');
    const [first, second] = sessions.map((s) => s.session_id);
    await api.createTickets(eventId, [
      attendee(1, ticketTypeId, { session_ids: [first ?? ''] }),
      attendee(2, ticketTypeId, { session_ids: [second ?? ''] }),
    ]);
    const event = await api.updateEventAttendeeActions(eventId, {
      source: 'door-laptop-1',
      attendees: ['attendee1@example.com', 'stranger@example.com'].map((email) => ({
        email,
        action: 'check-in' as const,
      })),
    });
    expect(event.errors.map((e) => e.email)).toEqual(['stranger@example.com']);
    expect(await api.listEventAttendeeActions(eventId)).toEqual([
      { email: 'attendee1@example.com', action: 'check-in', source: 'door-laptop-1' },
    ]);

    const session = await api.updateSessionAttendeeActions(eventId, first ?? '', {
      source: 'door-laptop-2',
      attendees: ['attendee1@example.com', 'attendee2@example.com'].map((email) => ({
        email,
        action: 'check-in' as const,
      })),
    });
    // attendee2 holds a ticket for the second session only.
    expect(session.errors).toEqual([
      { email: 'attendee2@example.com', message: "User doesn't have a ticket for this session." },
    ]);
    expect((await api.listSessionAttendeeActions(eventId, first ?? '')).map((a) => a.email)).toEqual([
      'attendee1@example.com',
    ]);
    expect(await api.listEventAttendeeActions(eventId, 'nobody@example.com')).toEqual([]);

    await expect(
      api.updateEventAttendeeActions(eventId, {
        source: 'x',
        attendees: Array.from({ length: 301 }, (_, i) => ({
          email: `a${String(i)}@example.com`,
          action: 'check-in' as const,
        })),
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/1 to 300 check-ins/) as unknown });
  });

  it("refuses, per person, someone already checked in, and everyone at a virtual event: Zoom's words in errors[]", async () => {
    const onsite = await seriesOnZoom('all_sessions', true, 'in-person');
    await api.createTickets(onsite.eventId, [attendee(1, onsite.ticketTypeId)]);
    const batch = {
      source: 'Door A · 1',
      attendees: [{ email: 'attendee1@example.com', action: 'check-in' as const }],
    };
    expect((await api.updateEventAttendeeActions(onsite.eventId, batch)).errors).toEqual([]);
    expect((await api.updateEventAttendeeActions(onsite.eventId, { ...batch, source: 'Door B · 2' })).errors).toEqual([
      { email: 'attendee1@example.com', message: 'User has already checked in.' },
    ]);
    expect(await api.listEventAttendeeActions(onsite.eventId)).toEqual([
      { email: 'attendee1@example.com', action: 'check-in', source: 'Door A · 1' },
    ]);
    const [registrant] = await api.listRegistrants(onsite.eventId);
    expect(registrant?.tickets[0]).toMatchObject({
      qr_code_url: expect.stringMatching(/^https:\/\/zoom\.us\/qr\?/) as unknown,
    });

    const virtual = await seriesOnZoom('all_sessions', true, 'virtual');
    await api.createTickets(virtual.eventId, [attendee(2, virtual.ticketTypeId)]);
    const refused = await api.updateEventAttendeeActions(virtual.eventId, {
      source: 'Door A · 3',
      attendees: [{ email: 'attendee2@example.com', action: 'check-in' }],
    });
    expect(refused.errors).toEqual([
      { email: 'attendee2@example.com', message: "User doesn't have an on-site ticket" },
    ]);
    const [virtualRegistrant] = await api.listRegistrants(virtual.eventId);
    expect(virtualRegistrant?.tickets[0]).not.toHaveProperty('qr_code_url');
  });

  it('never sends a check-in batch again after a lost answer: the outcome is unknown', async () => {
    const onsite = await seriesOnZoom('all_sessions', true, 'in-person');
    await api.createTickets(onsite.eventId, [attendee(3, onsite.ticketTypeId)]);
    await harness.control.setFaults({ loseNextResponses: 1 });
    await harness.control.clearRequests();
    await expect(
      api.updateEventAttendeeActions(onsite.eventId, {
        source: 'Door A · 4',
        attendees: [{ email: 'attendee3@example.com', action: 'check-in' }],
      }),
    ).rejects.toBeInstanceOf(ZoomOutcomeUnknownError);
    const sent = (await harness.control.requests()).filter((r) => r.operationId === 'UpdateEventAttendeeActions');
    expect(sent.map((r) => [r.lost, r.checkInEmails])).toEqual([[true, ['attendee3@example.com']]]);
  });
});

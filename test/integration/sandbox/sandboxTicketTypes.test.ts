import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultTicketTypeName } from '../../../main/sandbox/defaultTicketType';
import type { TicketTypeRules } from '../../../main/sandbox/sandboxBehaviour';
import { ZoomApiError } from '../../../main/zoom/zoomErrors';
import type { ZoomEventsApi } from '../../../main/zoom/zoomEventsApi';
import type { ZoomCreateEventBody, ZoomTicketBody } from '../../../shared/zoom/zoomBodies';
import { rawHttp } from '../../support/rawHttp';
import { runCadence } from '../../support/runCadence';
import { SandboxControl, sandboxHarness, weeklyStandupBody, type SandboxHarness } from '../../support/sandbox';
import { startSandboxProcess, type SandboxProcess } from '../../support/sandboxProcess';

// Zoom's documents disagree about ticket types: the recurring-events tutorial creates one for each
// event, the API reference says creating one "is not allowed for single session and recurring
// event types". The sandbox follows either; these tests hold both over real HTTP on 127.0.0.1.

/** A one-hour webinar: Zoom's single-session event type. */
const launchWebinarBody: ZoomCreateEventBody = {
  hub_id: 'hub-sandbox-main',
  name: 'Product Launch Webinar',
  description: 'One session.',
  timezone: 'America/New_York',
  event_type: 'SIMPLE_EVENT',
  access_level: 'PRIVATE_UNRESTRICTED',
  attendance_type: 'virtual',
  meeting_type: 'WEBINAR',
  calendar: [{ start_time: '2027-04-14T16:00:00Z', end_time: '2027-04-14T17:00:00Z' }],
};

/** The tutorial's ticket type, with the fields the reference requires. */
const memberPassBody = {
  name: 'Team Member Pass',
  currency: 'USD',
  free: true,
  quantity: 50,
  start_time: '2026-01-01T00:00:00Z',
  end_time: '2027-06-01T00:00:00Z',
};

function attendee(i: number, ticketTypeId: string): ZoomTicketBody {
  return {
    email: `guest${String(i)}@example.com`,
    first_name: `Grace${String(i)}`,
    last_name: 'Hopper',
    ticket_type_id: ticketTypeId,
    external_ticket_id: `reg-${String(i)}`,
    send_notification: false,
  };
}

async function zoomRefusal(work: Promise<unknown>): Promise<ZoomApiError> {
  const error = await work.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(ZoomApiError);
  return error as ZoomApiError;
}

/** What the reference's refusal looks like through Cadence's client: Zoom's 400 with code 1006. */
const notForThisEventType = {
  status: 400,
  zoomCode: 1006,
  zoomMessage: 'Operation is not supported for this event type.',
  code: 'conflict',
};

/** Both event types the reference gives a default ticket type, made anew, with their ticket types. */
async function recurringAndSingle(api: ZoomEventsApi) {
  // Hybrid: people can be checked in at the venue.
  const onsite = { attendance_type: 'hybrid' as const };
  const recurring = await api.createEvent({
    ...weeklyStandupBody,
    ...onsite,
    name: `Standup ${String(Math.random())}`,
  });
  const single = await api.createEvent({ ...launchWebinarBody, ...onsite, name: `Launch ${String(Math.random())}` });
  return {
    recurring: { eventId: recurring.event_id, ticketTypes: await api.listTicketTypes(recurring.event_id) },
    single: { eventId: single.event_id, ticketTypes: await api.listTicketTypes(single.event_id) },
  };
}

describe("the API reference's ticket types (ticketTypes: 'reference')", () => {
  let harness: SandboxHarness;
  let api: ZoomEventsApi;

  beforeAll(async () => {
    harness = await sandboxHarness({ behaviour: { ticketTypes: 'reference' } });
    api = harness.client.api;
  });
  afterAll(async () => {
    await harness.close();
  });

  it('gives a new recurring and a new single-session event one free ticket type each, on sale from now until the event ends', async () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const { recurring, single } = await recurringAndSingle(api);
    const after = Date.now();
    const lastSession = (await api.listSessions(recurring.eventId)).at(-1);
    // The twelfth standup ends at 9:30 in New York, on summer time by then.
    expect(lastSession?.end_time).toBe('2027-04-08T13:30:00Z');
    const expected = (endTime: string) => [
      {
        ticket_type_id: expect.any(String) as unknown,
        name: defaultTicketTypeName,
        currency: 'USD',
        free: true,
        sold_quantity: 0,
        start_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) as unknown,
        end_time: endTime,
      },
    ];
    expect(recurring.ticketTypes).toEqual(expected('2027-04-08T13:30:00Z'));
    expect(single.ticketTypes).toEqual(expected('2027-04-14T17:00:00Z'));
    for (const ticketType of [...recurring.ticketTypes, ...single.ticketTypes]) {
      expect(ticketType.quantity).toBeUndefined();
      expect(Date.parse(ticketType.start_time ?? '')).toBeGreaterThanOrEqual(before);
      expect(Date.parse(ticketType.start_time ?? '')).toBeLessThanOrEqual(after);
    }
    expect(recurring.ticketTypes[0]?.ticket_type_id).not.toBe(single.ticketTypes[0]?.ticket_type_id);
  });

  it('refuses another ticket type for either with 400 and code 1006, and keeps the one it has', async () => {
    const { recurring, single } = await recurringAndSingle(api);
    for (const event of [recurring, single]) {
      const refused = await zoomRefusal(api.createTicketType(event.eventId, memberPassBody));
      expect(refused).toMatchObject(notForThisEventType);
      expect(await api.listTicketTypes(event.eventId)).toEqual(event.ticketTypes);
    }
    expect(harness.sandbox.requests.filter((r) => r.operationId === 'createTicketType').map((r) => r.status)).toEqual([
      400, 400,
    ]);
  });

  it("updates the recurring event's default ticket type, every field the sandbox keeps", async () => {
    const { recurring } = await recurringAndSingle(api);
    const id = recurring.ticketTypes[0]?.ticket_type_id ?? '';
    await api.updateTicketType(recurring.eventId, id, {
      name: 'Team Member Pass',
      description: 'For the team.',
      currency: 'EUR',
      free: false,
      price: '10',
      quantity: 50,
      start_time: '2026-12-01T00:00:00Z',
      end_time: '2027-03-01T00:00:00Z',
    });
    expect(await api.listTicketTypes(recurring.eventId)).toEqual([
      {
        ticket_type_id: id,
        name: 'Team Member Pass',
        description: 'For the team.',
        currency: 'EUR',
        free: false,
        price: '10',
        quantity: 50,
        sold_quantity: 0,
        start_time: '2026-12-01T00:00:00Z',
        end_time: '2027-03-01T00:00:00Z',
      },
    ]);
  });

  it("refuses to update or delete the single-session event's ticket type (1006), as the reference says", async () => {
    const { single } = await recurringAndSingle(api);
    const id = single.ticketTypes[0]?.ticket_type_id ?? '';
    expect(await zoomRefusal(api.updateTicketType(single.eventId, id, { quantity: 10 }))).toMatchObject(
      notForThisEventType,
    );
    expect(await zoomRefusal(api.deleteTicketType(single.eventId, id))).toMatchObject(notForThisEventType);
    expect(await api.listTicketTypes(single.eventId)).toEqual(single.ticketTypes);
  });

  it('registers attendees with the default ticket type through a registration link, and checks them in', async () => {
    const { recurring, single } = await recurringAndSingle(api);
    for (const [i, event] of [recurring, single].entries()) {
      const ticketTypeId = event.ticketTypes[0]?.ticket_type_id ?? '';
      const link = await api.createAccessLink(event.eventId, {
        name: 'Registration',
        type: 'registration',
        is_default: true,
        authentication_method: 'bypass_auth',
        ticket_type_id: ticketTypeId,
        ...(event === recurring ? { recurring_registration_option: 'all_sessions' as const } : {}),
      });
      expect(link.ticket_type_id).toBe(ticketTypeId);
      await api.eventAction(event.eventId, { operation: 'publish' });
      const made = await api.createTickets(event.eventId, [attendee(i, ticketTypeId)]);
      expect(made.errors).toEqual([]);
      expect(made.tickets.map((t) => t.email)).toEqual([`guest${String(i)}@example.com`]);
      expect((await api.listTickets(event.eventId, { ticket_type_id: ticketTypeId })).map((t) => t.email)).toEqual([
        `guest${String(i)}@example.com`,
      ]);
      expect((await api.listTicketTypes(event.eventId))[0]?.sold_quantity).toBe(1);

      const [session] = await api.listSessions(event.eventId);
      const checkIn = await api.updateSessionAttendeeActions(event.eventId, session?.session_id ?? '', {
        source: 'door-laptop-1',
        attendees: [`guest${String(i)}@example.com`, 'stranger@example.com'].map((email) => ({
          email,
          action: 'check-in' as const,
        })),
      });
      expect(checkIn.errors.map((e) => e.email)).toEqual(['stranger@example.com']);
      expect(
        (await api.listSessionAttendeeActions(event.eventId, session?.session_id ?? '')).map((a) => a.email),
      ).toEqual([`guest${String(i)}@example.com`]);
    }
  });

  it('gives a duplicated event a default ticket type of its own', async () => {
    const { recurring } = await recurringAndSingle(api);
    const copy = await api.eventAction(recurring.eventId, {
      operation: 'duplicate',
      duplicate_event: {
        name: 'Standup, next quarter',
        start_time: '2027-06-01T14:00:00Z',
        timezone: 'America/New_York',
      },
    });
    const copied = await api.listTicketTypes(copy.event_id ?? '');
    expect(copied.map((t) => t.name)).toEqual([defaultTicketTypeName]);
    expect(copied[0]?.ticket_type_id).not.toBe(recurring.ticketTypes[0]?.ticket_type_id);
  });
});

describe("the tutorial's ticket types (the default)", () => {
  let harness: SandboxHarness;
  let api: ZoomEventsApi;

  beforeAll(async () => {
    harness = await sandboxHarness();
    api = harness.client.api;
  });
  afterAll(async () => {
    await harness.close();
  });

  it('starts recurring and single-session events without ticket types, and creates, updates and deletes them', async () => {
    expect(harness.sandbox.behaviour).toEqual({ ticketTypes: 'tutorial', sessionAttendance: 'per_session' });
    const { recurring, single } = await recurringAndSingle(api);
    for (const event of [recurring, single]) {
      expect(event.ticketTypes).toEqual([]);
      const id = await api.createTicketType(event.eventId, memberPassBody);
      await api.updateTicketType(event.eventId, id, { quantity: 75, currency: 'EUR' });
      expect(
        (await api.listTicketTypes(event.eventId)).map((t) => [t.ticket_type_id, t.name, t.quantity, t.currency]),
      ).toEqual([[id, 'Team Member Pass', 75, 'EUR']]);
      await api.deleteTicketType(event.eventId, id);
      expect(await api.listTicketTypes(event.eventId)).toEqual([]);
    }
  });
});

describe('the switch', () => {
  let harness: SandboxHarness;
  let sandboxProcess: SandboxProcess | undefined;

  beforeAll(async () => {
    harness = await sandboxHarness();
  });
  afterAll(async () => {
    await harness.close();
  });
  afterEach(async () => {
    await sandboxProcess?.stop();
    sandboxProcess = undefined;
    // Each test starts from the default, whatever the one before it left.
    await harness.control.setBehaviour({ ticketTypes: 'tutorial' });
  });

  const ticketTypeCount = async (api: ZoomEventsApi, body: ZoomCreateEventBody) =>
    (await api.listTicketTypes((await api.createEvent(body)).event_id)).length;

  it('flips through the control API for the events made from then on', async () => {
    const { control, client } = harness;
    expect(await control.behaviour()).toEqual({ ticketTypes: 'tutorial', sessionAttendance: 'per_session' });
    expect(await ticketTypeCount(client.api, launchWebinarBody)).toBe(0);
    expect(await control.setBehaviour({ ticketTypes: 'reference' })).toEqual({
      ticketTypes: 'reference',
      sessionAttendance: 'per_session',
    });
    expect(harness.sandbox.behaviour.ticketTypes).toBe('reference');
    expect(await ticketTypeCount(client.api, launchWebinarBody)).toBe(1);
    // A patch without the switch leaves it as it is.
    expect(await control.setBehaviour({})).toEqual({ ticketTypes: 'reference', sessionAttendance: 'per_session' });
    expect(await control.setBehaviour({ ticketTypes: 'tutorial' })).toEqual({
      ticketTypes: 'tutorial',
      sessionAttendance: 'per_session',
    });
    expect(await ticketTypeCount(client.api, launchWebinarBody)).toBe(0);
  });

  it('refuses an unknown setting or switch with 400 and leaves the behaviour as it was', async () => {
    const port = Number(new URL(harness.sandbox.url).port);
    for (const body of [{ ticketTypes: 'docs' }, { ticketType: 'reference' }, { ticketTypes: null }]) {
      const answer = await rawHttp({
        port,
        method: 'PUT',
        path: '/_sandbox/behaviour',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({
        message: 'Invalid behaviour.',
        issues: expect.any(Array) as unknown,
      });
    }
    expect(await harness.control.behaviour()).toEqual({ ticketTypes: 'tutorial', sessionAttendance: 'per_session' });
  });

  it.each<[string[], TicketTypeRules, number]>([
    [['--ticket-types', 'reference'], 'reference', 1],
    [[], 'tutorial', 0],
  ])('`cadence sandbox %j` follows the %s and says so', async (args, rules, defaults) => {
    sandboxProcess = await startSandboxProcess(args);
    expect(sandboxProcess.ticket_types).toBe(rules);
    const control = new SandboxControl(sandboxProcess.url);
    expect(await control.behaviour()).toEqual({ ticketTypes: rules, sessionAttendance: 'per_session' });
    const { account_id, client_id, client_secret } = sandboxProcess;
    const client = harness.clientWith({
      urls: { apiUrl: sandboxProcess.api_url, oauthUrl: sandboxProcess.oauth_url },
      credentials: () => Promise.resolve({ account_id, client_id, client_secret }),
    });
    expect(await ticketTypeCount(client.api, weeklyStandupBody)).toBe(defaults);
  });

  it('`cadence sandbox --ticket-types` takes only tutorial or reference', async () => {
    const refused = await runCadence(['sandbox', '--ticket-types', 'docs']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/tutorial, reference/);
  });
});

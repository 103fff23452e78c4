import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandboxHarness, type SandboxHarness } from '../../support/sandbox';

// The tutorial's three scenarios made on the sandbox through its control endpoint, then read as
// Cadence reads any event: through Zoom's API over HTTP.
let harness: SandboxHarness;
beforeEach(async () => {
  harness = await sandboxHarness();
});
afterEach(async () => {
  await harness.close();
});

describe('seeding the sandbox with events Cadence did not create', () => {
  it("makes the tutorial's weekly standup, monthly webinar and per-session training, published, with people registered", async () => {
    const seeded = await harness.control.seed({ registrants: 5 });
    expect(seeded.map((event) => [event.scenario, event.name, event.hub_id])).toEqual([
      ['weekly-standup', 'Engineering Team Weekly Standup', 'hub-engineering-team'],
      ['monthly-webinar', 'Product Updates Webinar Series', 'hub-engineering-team'],
      ['per-session-training', 'Git & GitHub Training Series', 'hub-sandbox-main'],
    ]);
    const api = harness.client.api;
    expect((await api.listHubs()).map((hub) => hub.name)).toEqual(['Sandbox Hub', 'Engineering Team Hub']);
    const [standup, webinar, training] = seeded.map((event) => event.event_id);

    const standupEvent = await api.getEvent(standup ?? '');
    expect(standupEvent).toMatchObject({ status: 'PUBLISHED', event_type: 'RECURRING', timezone: 'America/New_York' });
    expect(standupEvent.recurrence).toMatchObject({ type: 2, weekly_days: '2', end_times: 12, duration: 30 });
    const sessions = await api.listSessions(standup ?? '');
    // Twelve Mondays, one deleted, the third an hour later than the pattern: 11am instead of 10am.
    expect(sessions).toHaveLength(11);
    const hours = sessions.map((session) =>
      DateTime.fromISO(session.start_time, { zone: 'America/New_York' }).toFormat('ccc HH'),
    );
    expect(hours.filter((hour) => hour === 'Mon 10')).toHaveLength(10);
    expect(hours[2]).toBe('Mon 11');
    expect((await api.listTicketTypes(standup ?? '')).map((type) => type.name)).toEqual([
      'Team Ticket',
      'Guest Ticket',
    ]);
    const tickets = await api.listTickets(standup ?? '');
    expect(tickets).toHaveLength(5);
    // Registered on Zoom's page: no ticket carries Cadence's registration ID.
    expect(tickets.every((ticket) => ticket.external_ticket_id === undefined)).toBe(true);

    const webinarEvent = await api.getEvent(webinar ?? '');
    expect(webinarEvent).toMatchObject({ meeting_type: 'WEBINAR', timezone: 'America/Los_Angeles' });
    expect(webinarEvent.recurrence).toMatchObject({ type: 3, monthly_week: 1, monthly_week_day: 3, end_times: 6 });
    // A speaker and a question of the registration form, which Cadence leaves on Zoom.
    expect(await api.listSpeakers(webinar ?? '')).toEqual([expect.objectContaining({ name: 'Jane Doe' })]);
    expect((await api.getRegistrationQuestions(webinar ?? '')).custom_questions).toEqual([
      expect.objectContaining({ title: 'What is your role?', type: 'single_radio', required: true }),
    ]);
    const firstTuesdays = (await api.listSessions(webinar ?? '')).map((session) =>
      DateTime.fromISO(session.start_time, { zone: 'America/Los_Angeles' }).toFormat('d ccc HH'),
    );
    expect(firstTuesdays).toHaveLength(6);
    for (const day of firstTuesdays) expect(day).toMatch(/^[1-7] Tue 14$/);

    const links = await api.listAccessLinks(training ?? '');
    expect(links).toEqual([
      expect.objectContaining({ name: 'Training Registration', recurring_registration_option: 'single_session' }),
    ]);
    const perSession = await api.listTickets(training ?? '');
    expect(perSession).toHaveLength(5);
    expect(perSession.every((ticket) => ticket.session_id !== undefined)).toBe(true);
  });

  it('seeds only the scenarios asked for, and refuses an unknown one naming it', async () => {
    const seeded = await harness.control.seed({ scenarios: ['monthly-webinar'], registrants: 0 });
    expect(seeded.map((event) => event.name)).toEqual(['Product Updates Webinar Series']);
    expect(await harness.client.api.listTickets(seeded[0]?.event_id ?? '')).toEqual([]);
    await expect(harness.control.seed({ scenarios: ['yearly-gala' as 'monthly-webinar'] })).rejects.toThrow(
      /400.*scenarios/,
    );
  });
});

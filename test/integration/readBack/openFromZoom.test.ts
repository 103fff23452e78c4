import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ZoomCreateEventBody } from '../../../shared/zoom/zoomBodies';
import { makeConsoleEvent, type ConsoleRegistration } from '../../support/consoleEvents';
import { syncHarness } from '../../support/syncHarness';

// Opening events made directly on the sandbox, as Zoom's console would make them: the real
// services over a real SQLite file, the sandbox over HTTP.
let harness: Awaited<ReturnType<typeof syncHarness>>;
beforeEach(async () => {
  harness = await syncHarness();
});
afterEach(async () => {
  await harness.close();
});

/** A Monday and Thursday standup at 10:00 in New York, 45 minutes, 12 sessions, per-session registration. */
const weeklyEvent: ZoomCreateEventBody = {
  hub_id: 'hub-sandbox-main',
  name: 'Platform Standup',
  description: 'Mondays and Thursdays',
  timezone: 'America/New_York',
  event_type: 'RECURRING',
  access_level: 'PRIVATE_UNRESTRICTED',
  attendance_type: 'virtual',
  meeting_type: 'MEETING',
  calendar: [{ start_time: '2027-01-04T15:00:00Z', end_time: '2027-01-04T15:45:00Z' }],
  recurrence: { type: 2, repeat_interval: 1, weekly_days: [2, 5], end_times: 12, duration: 45 },
};

/** The second Tuesday of each month at 14:00 in Los Angeles, an hour, 6 times, one session per registration. */
const monthlyEvent: ZoomCreateEventBody = {
  hub_id: 'hub-sandbox-main',
  name: 'Product Webinar',
  description: '',
  timezone: 'America/Los_Angeles',
  event_type: 'RECURRING',
  access_level: 'PRIVATE_UNRESTRICTED',
  attendance_type: 'virtual',
  meeting_type: 'WEBINAR',
  calendar: [{ start_time: '2027-02-09T22:00:00Z', end_time: '2027-02-09T23:00:00Z' }],
  recurrence: { type: 3, repeat_interval: 1, monthly_week: 2, monthly_week_day: 3, end_times: 6, duration: 60 },
};

/** 200 people: a quarter registered by another planner's Cadence, the rest on Zoom's page, 3 of them VIPs. */
function weeklyRegistrations(): ConsoleRegistration[] {
  const choices = [[1], [3, 7], [1, 2, 4], [8]];
  return Array.from({ length: 200 }, (_, i): ConsoleRegistration => {
    const person = { email: `person${String(i)}@example.com`, first_name: `Person${String(i)}`, last_name: 'Zoom' };
    if (i < 3) return { ...person, email: `vip${String(i)}@example.com`, isVip: true };
    if (i % 4 === 0) return { ...person, external_ticket_id: `reg-${String(i)}`, sessions: [1, 2] };
    return { ...person, ...(i % 5 === 0 ? { organization: 'ACME' } : {}), sessions: choices[i % 4] ?? [1] };
  });
}

const attendeeRowSchema = z.object({
  id: z.string(),
  email: z.string(),
  origin: z.string(),
  zoom_ticket_id: z.string().nullable(),
});

describe('opening events made on Zoom', () => {
  it('opens a weekly and a monthly event with every field right, and the next sync sends nothing', async () => {
    const client = harness.sandbox.client;
    const weekly = await makeConsoleEvent(client, {
      event: weeklyEvent,
      option: 'multiple_sessions',
      moves: [{ session: 3, start_time: '2027-01-12T17:00:00Z', end_time: '2027-01-12T17:45:00Z' }],
      deletes: [6],
      registrations: weeklyRegistrations(),
      speaker: 'Grace Hopper',
      customQuestion: 'What is your role?',
    });
    const monthly = await makeConsoleEvent(client, {
      event: monthlyEvent,
      option: 'single_session',
      registrations: [
        ...Array.from({ length: 12 }, (_, i) => ({ email: `w${String(i)}@example.com`, sessions: [1 + (i % 6)] })),
        // Two sessions' tickets for one person: Cadence holds one session per person for this option.
        { email: 'twice@example.com', sessions: [1] },
        { email: 'twice@example.com', sessions: [2] },
      ],
    });

    const report = await harness.services.zoomOpener.open({ event_ids: [weekly.eventId, monthly.eventId] });
    expect(report.results.map((result) => [result.name, result.outcome, result.error])).toEqual([
      ['Platform Standup', 'opened', null],
      ['Product Webinar', 'opened', null],
    ]);
    const [weeklyResult, monthlyResult] = report.results;
    const weeklyId = weeklyResult?.series_id ?? '';
    const monthlyId = monthlyResult?.series_id ?? '';

    // The weekly event, field by field.
    const draft = harness.services.stores.series.get(weeklyId);
    expect(draft).toMatchObject({
      hub_id: 'hub-sandbox-main',
      name: 'Platform Standup',
      description: 'Mondays and Thursdays',
      timezone: 'America/New_York',
      event_type: 'RECURRING',
      meeting_type: 'MEETING',
      attendance_type: 'virtual',
      access_level: 'PRIVATE_UNRESTRICTED',
      start_time: '2027-01-04T15:00:00Z',
      recurrence: { type: 2, repeat_interval: 1, weekly_days: [2, 5], end_times: 12, duration: 45 },
      occurrence_changes: [
        { occurrence: 3, action: 'move', start_time: '2027-01-12T17:00:00Z', end_time: '2027-01-12T17:45:00Z' },
        { occurrence: 6, action: 'cancel' },
      ],
      ticket_type: {
        name: 'General Admission',
        free: true,
        currency: 'USD',
        start_time: '2026-01-01T00:00:00Z',
        end_time: '2028-12-31T00:00:00Z',
      },
      registration: {
        link_name: 'Registration',
        recurring_registration_option: 'multiple_sessions',
        authentication_method: 'bypass_auth',
        send_notification: true,
      },
      publish: true,
    });
    expect(draft?.ticket_type?.price).toBeUndefined();
    expect(draft?.ticket_type?.quantity).toBeUndefined();

    // Each occurrence holds Zoom's session: the moved one keeps its ID, the deleted one has none.
    const sessions = harness.db
      .prepare('SELECT number, zoom_session_id FROM occurrence WHERE series_id = ? ORDER BY number')
      .all(weeklyId) as { number: number; zoom_session_id: string | null }[];
    expect(sessions.map((row) => row.zoom_session_id)).toEqual(
      weekly.generated.map((session, i) => (i === 5 ? null : session.session_id)),
    );

    // The registrations of the link's ticket type, with their sessions; the VIPs stay with theirs on Zoom.
    const expected = weeklyRegistrations()
      .filter((registration) => registration.isVip !== true)
      .map((registration) => ({
        email: registration.email,
        first_name: registration.first_name,
        last_name: registration.last_name,
        ...(registration.organization === undefined ? {} : { organization: registration.organization }),
        occurrences: registration.sessions,
      }));
    const byEmail = (a: { email: string }, b: { email: string }) => a.email.localeCompare(b.email);
    expect([...(draft?.attendees ?? [])].sort(byEmail)).toEqual(expected.sort(byEmail));
    const rows = z
      .array(attendeeRowSchema)
      .parse(
        harness.db.prepare('SELECT id, email, origin, zoom_ticket_id FROM attendee WHERE series_id = ?').all(weeklyId),
      );
    expect(rows).toHaveLength(197);
    expect(
      rows
        .filter((row) => row.origin === 'planner')
        .map((row) => row.id)
        .sort(),
    ).toEqual(
      weeklyRegistrations()
        .flatMap((registration) => registration.external_ticket_id ?? [])
        .sort(),
    );
    expect(rows.filter((row) => row.origin === 'zoom')).toHaveLength(148);
    expect(rows.every((row) => row.zoom_ticket_id !== null)).toBe(true);

    expect(weeklyResult?.kept_on_zoom.map((item) => [item.kind, item.name])).toEqual([
      ['ticket_type', 'VIP'],
      ['speaker', 'Grace Hopper'],
      ['question', 'What is your role?'],
    ]);

    // The monthly event by weekday; the person with two sessions' tickets stays on Zoom, with why.
    const monthlyDraft = harness.services.stores.series.get(monthlyId);
    expect(monthlyDraft).toMatchObject({
      timezone: 'America/Los_Angeles',
      meeting_type: 'WEBINAR',
      start_time: '2027-02-09T22:00:00Z',
      recurrence: { type: 3, monthly_week: 2, monthly_week_day: 3, end_times: 6, duration: 60 },
      occurrence_changes: [],
      registration: { recurring_registration_option: 'single_session' },
    });
    expect(monthlyDraft?.attendees).toHaveLength(12);
    expect(monthlyDraft?.attendees.find((a) => a.email === 'w7@example.com')?.occurrences).toEqual([2]);
    const twice = monthlyResult?.kept_on_zoom.find((item) => item.name === 'twice@example.com');
    expect(twice?.reason).toMatch(/one session/i);

    // Nothing waits, and a sync changes nothing on Zoom.
    expect(harness.services.sync.pending()).toEqual([]);
    // The dry run only signs in and reads both series back from Zoom (a sync's start).
    const planned = (await harness.services.sync.plan()).slice(1);
    expect(planned.filter((call) => call.method !== 'GET')).toEqual([]);
    expect(planned).toHaveLength(harness.refreshReads().length);
    await harness.sandbox.control.clearRequests();
    const sync = await harness.services.sync.run();
    expect(sync.outcome).toBe('succeeded');
    const changing = (await harness.sandbox.control.requests()).filter(
      (request) => request.path.startsWith('/v2/') && request.method !== 'GET',
    );
    expect(changing).toEqual([]);

    // The series' history says it was opened from Zoom.
    expect(
      harness.db.prepare('SELECT DISTINCT source FROM series_history WHERE series_id = ?').pluck().all(weeklyId),
    ).toEqual(['opened']);
  });

  it('opens an event once: opening it again refreshes the series from Zoom', async () => {
    const event = await makeConsoleEvent(harness.sandbox.client, {
      event: weeklyEvent,
      option: 'all_sessions',
      registrations: [{ email: 'ada@example.com', first_name: 'Ada' }],
    });
    const first = await harness.services.zoomOpener.open({ event_ids: [event.eventId, event.eventId] });
    expect(first.results.map((result) => result.outcome)).toEqual(['opened']);
    const seriesId = first.results[0]?.series_id;

    // Someone registers on Zoom's registration page and the event is renamed in the console.
    await harness.sandbox.control.edit({ kind: 'register', event_id: event.eventId, email: 'grace@example.com' });
    await harness.sandbox.control.edit({ kind: 'rename-event', event_id: event.eventId, name: 'Platform Sync' });
    const again = await harness.services.zoomOpener.open({ event_ids: [event.eventId] });
    expect(again.results).toMatchObject([
      { outcome: 'refreshed', series_id: seriesId, name: 'Platform Sync', conflicts: 0, error: null },
    ]);
    expect(again.results[0]?.changes).toBe(2);
    expect(again.results[0]?.kept_on_zoom.map((item) => item.name)).toEqual(['VIP']);
    expect(harness.drafts.list().map((series) => series.name)).toEqual(['Platform Sync']);
    const attendees = z
      .array(attendeeRowSchema)
      .parse(harness.db.prepare('SELECT id, email, origin, zoom_ticket_id FROM attendee ORDER BY email').all());
    expect(attendees.map((row) => [row.email, row.origin])).toEqual([
      ['ada@example.com', 'zoom'],
      ['grace@example.com', 'zoom'],
    ]);
    expect(harness.services.sync.pending()).toEqual([]);
  });

  it('says why a conference and an unknown event cannot be opened, and opens the others', async () => {
    const event = await makeConsoleEvent(harness.sandbox.client, {
      event: weeklyEvent,
      option: 'all_sessions',
      registrations: [],
    });
    const conference = await harness.sandbox.client.api.createEvent({
      hub_id: 'hub-sandbox-main',
      name: 'Annual Conference',
      description: '',
      timezone: 'UTC',
      event_type: 'SIMPLE_EVENT',
      access_level: 'PRIVATE_UNRESTRICTED',
      attendance_type: 'virtual',
      calendar: [{ start_time: '2027-05-01T09:00:00Z', end_time: '2027-05-02T17:00:00Z' }],
    });
    // Made a conference on Zoom's console: the API's create takes no such type.
    await harness.sandbox.control.edit({
      kind: 'update-event',
      event_id: conference.event_id,
      fields: { event_type: 'CONFERENCE' },
    });
    // A name longer than a series name may be: nothing of it reaches the database.
    const longName = await makeConsoleEvent(harness.sandbox.client, {
      event: { ...weeklyEvent, name: 'Long' },
      registrations: [],
    });
    await harness.sandbox.control.edit({ kind: 'rename-event', event_id: longName.eventId, name: 'N'.repeat(201) });
    const progress: number[] = [];
    const report = await harness.services.zoomOpener.open(
      { event_ids: [conference.event_id, 'e-no-such-event', longName.eventId, event.eventId] },
      (step) => progress.push(step.done),
    );
    expect(report.results.map((result) => [result.event_id, result.outcome])).toEqual([
      [conference.event_id, 'failed'],
      ['e-no-such-event', 'failed'],
      [longName.eventId, 'failed'],
      [event.eventId, 'opened'],
    ]);
    expect(report.results[2]?.error).toEqual({
      message: "Zoom's name: The series name is at most 200 characters.",
      path: 'name',
    });
    expect(report.results[0]?.name).toBe('Annual Conference');
    expect(report.results[0]?.error?.path).toBe('event_type');
    expect(report.results[0]?.error?.message).toMatch(/conference/i);
    expect(report.results[1]?.error?.message).toMatch(/no longer exists on Zoom/);
    expect(progress).toEqual([1, 2, 3, 4]);
    expect(harness.drafts.list()).toHaveLength(1);
  });

  it('opens every upcoming and draft event of a hub, counting its requests', async () => {
    const seeded = await harness.sandbox.control.seed({ registrants: 5 });
    await harness.sandbox.control.clearRequests();
    const report = await harness.services.zoomOpener.open({ hub_id: 'hub-engineering-team' });
    const inHub = seeded.filter((event) => event.hub_id === 'hub-engineering-team');
    expect(report.results.map((result) => [result.event_id, result.outcome]).sort()).toEqual(
      inHub.map((event) => [event.event_id, 'opened']).sort(),
    );
    // Every request the sandbox received, a new access token's included.
    expect(report.requests).toBe((await harness.sandbox.control.requests()).length);
    expect(harness.services.sync.pending()).toEqual([]);
  });

  it('opens an event when the app may not read speakers or registration questions, saying so', async () => {
    const event = await makeConsoleEvent(harness.sandbox.client, {
      event: weeklyEvent,
      option: 'all_sessions',
      registrations: [{ email: 'ada@example.com' }],
      speaker: 'Grace Hopper',
    });
    // Every scope opening reads with, but neither speakers' nor the registration form's (which the
    // classic ticket-type scope would grant: the granular one does not).
    const scopes = [
      'zoom_events_basic:read',
      'zoom_events:read:list_ticket_types',
      'zoom_events_hubs:read',
      'zoom_events_sessions:read',
      'zoom_events_access_links:read',
      'zoom_events_tickets:read',
    ];
    await harness.sandbox.control.setFaults({ scopes });
    await harness.sandbox.control.expireTokens();
    const report = await harness.services.zoomOpener.open({ event_ids: [event.eventId] });
    expect(report.results[0]?.outcome).toBe('opened');
    expect(report.results[0]?.kept_on_zoom.map((item) => [item.kind, item.name, item.zoom_id])).toEqual([
      ['ticket_type', 'VIP', event.vipTicketTypeId],
      ['speaker', 'Speakers', null],
      ['question', 'Registration questions', null],
    ]);
  });
});

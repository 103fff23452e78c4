import { describe, expect, it } from 'vitest';
import { plannedSessions } from '../../../../shared/drafts/plannedSessions';
import {
  zoomAccessLinkSchema,
  zoomEventSchema,
  zoomSessionSchema,
  zoomTicketSchema,
  zoomTicketTypeSchema,
} from '../../../../shared/zoom/zoomReadShapes';
import { zoomRegistrationId } from '../../../../shared/zoom/zoomRegistrations';
import { zoomSeriesView, type ZoomEventAnswers } from '../../../../shared/zoom/zoomSeriesView';
import { mapSessionsToOccurrences } from '../../../../shared/zoom/zoomSessionMapping';

// A Monday standup in New York, 10:00 for 30 minutes, 6 weeks from 2027-01-04 (15:00Z in winter).
const weeklyEvent = zoomEventSchema.parse({
  event_id: 'ev1',
  name: 'Weekly standup',
  description: 'Every Monday',
  timezone: 'America/New_York',
  event_type: 'RECURRING',
  status: 'PUBLISHED',
  hub_id: 'hub1',
  meeting_type: 'MEETING',
  attendance_type: 'virtual',
  access_level: 'PRIVATE_UNRESTRICTED',
  calendar: [{ start_time: '2027-01-04T15:00:00Z', end_time: '2027-01-04T15:30:00Z' }],
  // As Zoom reads it back: every field filled, days as text.
  recurrence: {
    type: 2,
    repeat_interval: 1,
    weekly_days: '2',
    monthly_days: 1,
    monthly_week: -1,
    monthly_week_day: 1,
    end_times: 6,
    end_date_time: '',
    duration: 30,
  },
  event_url: 'https://events.zoom.us/ev/ev1',
});

const mondays = ['2027-01-04', '2027-01-11', '2027-01-18', '2027-01-25', '2027-02-01', '2027-02-08'];
const session = (id: string, start: string, end: string) =>
  zoomSessionSchema.parse({ session_id: id, start_time: start, end_time: end });
// Session 3 moved to Tuesday 11:00; session 5 deleted on Zoom.
const weeklySessions = [
  session('s1', `${mondays[0]}T15:00:00Z`, `${mondays[0]}T15:30:00Z`),
  session('s2', `${mondays[1]}T15:00:00Z`, `${mondays[1]}T15:30:00Z`),
  session('s3', '2027-01-19T16:00:00Z', '2027-01-19T16:45:00Z'),
  session('s4', `${mondays[3]}T15:00:00Z`, `${mondays[3]}T15:30:00Z`),
  session('s6', `${mondays[5]}T15:00:00Z`, `${mondays[5]}T15:30:00Z`),
];

const ticketType = (id: string, name: string, extra: Record<string, unknown> = {}) =>
  zoomTicketTypeSchema.parse({
    ticket_type_id: id,
    name,
    currency: 'USD',
    free: true,
    price: '',
    quantity: 0,
    start_time: '2026-12-01T00:00:00Z',
    end_time: '2027-02-08T15:30:00Z',
    ...extra,
  });

const registrationLink = zoomAccessLinkSchema.parse({
  access_link_id: 'al1',
  name: 'Register',
  type: 'registration',
  is_default: true,
  url: 'https://events.zoom.us/ev/ev1/register',
  authentication_method: 'bypass_auth',
  ticket_type_id: 'tt1',
  recurring_registration_option: 'multiple_sessions',
});

const ticket = (fields: Record<string, unknown>) => zoomTicketSchema.parse({ ticket_type_id: 'tt1', ...fields });

function answers(overrides: Partial<ZoomEventAnswers> = {}): ZoomEventAnswers {
  return {
    event: weeklyEvent,
    sessions: weeklySessions,
    ticketTypes: [ticketType('tt1', 'General'), ticketType('tt2', 'VIP', { free: false, price: '50' })],
    accessLinks: [
      registrationLink,
      zoomAccessLinkSchema.parse({ access_link_id: 'al2', name: 'Press', type: 'registration', ticket_type_id: 'tt2' }),
    ],
    tickets: [
      // Another planner's Cadence registered Ada for sessions 1 and 2 (one ticket).
      ticket({
        ticket_id: 'k1',
        email: 'ada@example.com',
        first_name: 'Ada',
        external_ticket_id: 'reg-ada',
        session_ids: ['s1', 's2'],
      }),
      // Zoom's registration page: Bob chose sessions 4 and 6, as two tickets.
      ticket({
        ticket_id: 'k3',
        email: 'bob@example.com',
        last_name: 'Builder',
        organization: 'ACME',
        session_id: 's6',
      }),
      ticket({ ticket_id: 'k2', email: 'Bob@example.com', last_name: 'Builder', session_id: 's4' }),
      // An address Cadence refuses.
      ticket({ ticket_id: 'k4', email: 'not-an-email', session_id: 's1' }),
      // A VIP ticket stays with its ticket type on Zoom.
      ticket({ ticket_id: 'k5', email: 'vip@example.com', ticket_type_id: 'tt2', session_id: 's1' }),
    ],
    speakers: [{ speaker_id: 'sp1', name: 'Grace Hopper' }],
    questions: {
      questions: [
        { field_name: 'organization', required: true },
        { field_name: 'organization_size', title: 'Size' },
      ],
      custom_questions: [{ title: 'What is your role?', type: 'short_answer', question_id: 'q1' }],
    },
    ...overrides,
  };
}

function openView(input: ZoomEventAnswers) {
  const result = zoomSeriesView(input);
  if (!result.ok) throw new Error(`refused: ${result.refusal.message}`);
  return result.view;
}

describe('zoomSeriesView', () => {
  it("reads a weekly event's fields and recurrence into a draft", () => {
    const view = openView(answers());
    expect(view.draft).toMatchObject({
      name: 'Weekly standup',
      description: 'Every Monday',
      hub_id: 'hub1',
      timezone: 'America/New_York',
      event_type: 'RECURRING',
      start_time: '2027-01-04T15:00:00Z',
      recurrence: { type: 2, repeat_interval: 1, weekly_days: [2], end_times: 6, duration: 30 },
      publish: true,
    });
    expect(view.status).toBe('published');
    expect(view.event).toMatchObject({ name: 'Weekly standup', hub_id: 'hub1', start_time: '2027-01-04T15:00:00Z' });
    expect(view.pages).toEqual({
      event_url: 'https://events.zoom.us/ev/ev1',
      registration_url: 'https://events.zoom.us/ev/ev1/register',
    });
  });

  it('maps sessions to occurrences: a moved session is a move, a deleted one a cancellation', () => {
    const view = openView(answers());
    expect(view.sessions.map((s) => [s.occurrence, s.sessionId])).toEqual([
      [1, 's1'],
      [2, 's2'],
      [3, 's3'],
      [4, 's4'],
      [6, 's6'],
    ]);
    expect(view.draft.event_type === 'RECURRING' && view.draft.occurrence_changes).toEqual([
      { occurrence: 3, action: 'move', start_time: '2027-01-19T16:00:00Z', end_time: '2027-01-19T16:45:00Z' },
      { occurrence: 5, action: 'cancel' },
    ]);
    // The draft's sessions are Zoom's, one for one.
    const planned = plannedSessions(view.draft).filter((s) => s.status !== 'cancelled');
    expect(planned.map((s) => [s.start_time, s.end_time])).toEqual(
      weeklySessions.map((s) => [s.start_time, s.end_time]),
    );
  });

  it("takes the registration link's ticket type and link, and keeps the others on Zoom", () => {
    const view = openView(answers());
    expect(view.ticketType).toEqual({
      zoomId: 'tt1',
      base: {
        name: 'General',
        free: true,
        currency: 'USD',
        start_time: '2026-12-01T00:00:00Z',
        end_time: '2027-02-08T15:30:00Z',
      },
    });
    expect(view.draft.ticket_type).toEqual(view.ticketType?.base);
    expect(view.accessLink).toEqual({
      zoomId: 'al1',
      base: {
        link_name: 'Register',
        recurring_registration_option: 'multiple_sessions',
        authentication_method: 'bypass_auth',
        send_notification: true,
      },
    });
    expect(view.keptOnZoom.map((item) => [item.kind, item.name, item.zoom_id])).toEqual([
      ['ticket_type', 'VIP', 'tt2'],
      ['access_link', 'Press', 'al2'],
      ['speaker', 'Grace Hopper', 'sp1'],
      ['question', 'Size', null],
      ['question', 'What is your role?', 'q1'],
      ['other', 'not-an-email', 'k4'],
    ]);
    expect(view.keptOnZoom[0]?.reason).toContain('1 registration');
    expect(view.keptOnZoom[5]?.reason).toContain('email');
  });

  it('groups tickets per person, with a registration ID every laptop derives alike', () => {
    const view = openView(answers());
    expect(view.registrations).toEqual([
      {
        registrationId: 'reg-ada',
        ticketIds: ['k1'],
        origin: 'planner',
        attendee: { email: 'ada@example.com', first_name: 'Ada', occurrences: [1, 2] },
      },
      {
        registrationId: 'zoom-k2',
        ticketIds: ['k3', 'k2'],
        origin: 'zoom',
        attendee: { email: 'bob@example.com', last_name: 'Builder', organization: 'ACME', occurrences: [4, 6] },
      },
    ]);
    expect(zoomRegistrationId(['k3', 'k2'])).toBe(zoomRegistrationId(['k2', 'k3']));
    expect(view.draft.attendees).toEqual(view.registrations.map((r) => r.attendee));
  });

  it('reads a monthly event by weekday', () => {
    // The first Tuesday of each month, 10:00 in Los Angeles, 4 times (17:00Z once the clocks change).
    const event = zoomEventSchema.parse({
      ...weeklyEvent,
      event_type: 'RECURRING',
      status: 'DRAFT',
      timezone: 'America/Los_Angeles',
      calendar: [{ start_time: '2027-02-02T18:00:00Z', end_time: '2027-02-02T19:00:00Z' }],
      recurrence: { type: 3, repeat_interval: 1, monthly_week: 1, monthly_week_day: 3, end_times: 4, duration: 60 },
    });
    const starts = ['2027-02-02T18:00:00Z', '2027-03-02T18:00:00Z', '2027-04-06T17:00:00Z', '2027-05-04T17:00:00Z'];
    const sessions = starts.map((start, i) =>
      session(`m${String(i)}`, start, new Date(Date.parse(start) + 3_600_000).toISOString().replace('.000', '')),
    );
    const view = openView(
      answers({
        event,
        sessions,
        tickets: [],
        accessLinks: [{ ...registrationLink, recurring_registration_option: 'all_sessions' }],
      }),
    );
    expect(view.draft).toMatchObject({
      recurrence: { type: 3, monthly_week: 1, monthly_week_day: 3, end_times: 4, duration: 60 },
      occurrence_changes: [],
      publish: false,
    });
    expect(view.status).toBe('draft');
    expect(view.sessions.map((s) => s.start_time)).toEqual(starts);
  });

  it('refuses a conference with its reason', () => {
    const result = zoomSeriesView(
      answers({ event: zoomEventSchema.parse({ ...weeklyEvent, event_type: 'CONFERENCE' }) }),
    );
    expect(result).toMatchObject({ ok: false, refusal: { reason: 'cannot_open', path: 'event_type' } });
    expect(!result.ok && result.refusal.message).toContain('conference');
  });

  it("names Zoom's field when the event's own fields break Cadence's rules", () => {
    const badZone = zoomSeriesView(
      answers({ event: zoomEventSchema.parse({ ...weeklyEvent, timezone: 'Mars/Olympus_Mons' }) }),
    );
    expect(badZone).toMatchObject({ ok: false, refusal: { reason: 'invalid', path: 'timezone' } });
    const badPrice = zoomSeriesView(
      answers({ ticketTypes: [ticketType('tt1', 'General', { free: false, price: 'lots' })] }),
    );
    expect(badPrice).toMatchObject({ ok: false, refusal: { reason: 'invalid', path: 'ticket_types[0].price' } });
  });

  it('lists what Zoom would not let it read', () => {
    const view = openView(answers({ speakers: undefined, questions: undefined }));
    expect(view.keptOnZoom.filter((item) => item.zoom_id === null).map((item) => [item.kind, item.name])).toEqual([
      ['speaker', 'Speakers'],
      ['question', 'Registration questions'],
    ]);
  });

  it('opens a single-session event without sessions to map, and Zoom times with milliseconds', () => {
    const event = zoomEventSchema.parse({
      ...weeklyEvent,
      event_type: 'SIMPLE_EVENT',
      recurrence: '',
      calendar: [{ start_time: '2027-03-01T17:00:00.000Z', end_time: '2027-03-01T18:30:00.000Z' }],
    });
    const view = openView(
      answers({
        event,
        sessions: [],
        accessLinks: [{ ...registrationLink, recurring_registration_option: undefined }],
        tickets: [ticket({ ticket_id: 'k1', email: 'ada@example.com' })],
      }),
    );
    expect(view.draft).toMatchObject({
      event_type: 'SIMPLE_EVENT',
      start_time: '2027-03-01T17:00:00Z',
      end_time: '2027-03-01T18:30:00Z',
      registration: { link_name: 'Register' },
      attendees: [{ email: 'ada@example.com' }],
    });
    expect(view.event.end_time).toBe('2027-03-01T18:30:00Z');
    expect(view.sessions).toEqual([]);
  });
});

describe('mapSessionsToOccurrences', () => {
  const weekly = [0, 1, 2, 3].map((week) => {
    const start = Date.UTC(2027, 0, 4 + 7 * week, 15);
    return { index: week + 1, start, end: start + 1_800_000 };
  });
  const at = (ms: number) => new Date(ms).toISOString().replace('.000', '');
  const zoomSession = (id: string, start: number, minutes = 30) => session(id, at(start), at(start + minutes * 60_000));

  it('gives a moved session the occurrence nearest to it, and cancels the one Zoom deleted before it', () => {
    const [first, , third, fourth] = weekly.map((o) => o.start) as [number, number, number, number];
    // Session 2 deleted; session 4 moved a day later.
    const mapping = mapSessionsToOccurrences(weekly, [
      zoomSession('a', first),
      zoomSession('c', third),
      zoomSession('d', fourth + 86_400_000),
    ]);
    expect(mapping.sessions.map((s) => [s.occurrence, s.sessionId])).toEqual([
      [1, 'a'],
      [3, 'c'],
      [4, 'd'],
    ]);
    expect(mapping.changes).toEqual([
      { occurrence: 2, action: 'cancel' },
      {
        occurrence: 4,
        action: 'move',
        start_time: at(fourth + 86_400_000),
        end_time: at(fourth + 86_400_000 + 1_800_000),
      },
    ]);
  });

  it("moves a session whose end alone changed, and leaves sessions beyond the recurrence's on Zoom", () => {
    const mapping = mapSessionsToOccurrences(weekly.slice(0, 2), [
      zoomSession('a', weekly[0]?.start ?? 0, 45),
      zoomSession('b', weekly[1]?.start ?? 0),
      zoomSession('x', (weekly[1]?.start ?? 0) + 3 * 86_400_000),
    ]);
    expect(mapping.changes).toEqual([
      {
        occurrence: 1,
        action: 'move',
        start_time: at(weekly[0]?.start ?? 0),
        end_time: at((weekly[0]?.start ?? 0) + 2_700_000),
      },
    ]);
    expect(mapping.extra.map((s) => s.session_id)).toEqual(['x']);
  });
});

import { DateTime } from 'luxon';
import { z } from 'zod';
import { sandboxScenarioSchema, type SandboxScenario, type SeededEvent } from '../../shared/zoom/sandboxSeed';
import type { SandboxData } from './sandboxData';
import { handleOperation, type SandboxAnswer } from './sandboxOperations';

export type { SandboxScenario, SeededEvent };

/**
 * The three scenarios of Zoom's recurring-events tutorial, made on the sandbox as a planner would
 * make them in Zoom's console: events Cadence did not create, with a ticket type, a registration
 * link and people registered through the registration page (tickets without Cadence's
 * registration ID). The tutorial's dates are in the past, so each starts on its weekday at its
 * time in the weeks after the day it is seeded.
 */
export const sandboxSeedSchema = z.strictObject({
  /** Absent: all three. */
  scenarios: z.array(sandboxScenarioSchema).min(1).max(3).optional(),
  /** People registered to each event. */
  registrants: z.number().int().min(0).max(1000).default(6),
  /**
   * Makes the events as if made this many weeks ago, so that their first sessions are over (and
   * have attendance); 0: they start after the day they are seeded.
   */
  startedWeeksAgo: z.number().int().min(0).max(52).default(0),
});
export type SandboxSeed = z.input<typeof sandboxSeedSchema>;

/** The tutorial's hub, where the standup and the webinar go; the training goes to the sandbox's own hub. */
export const engineeringHub = { hub_id: 'hub-engineering-team', name: 'Engineering Team Hub' } as const;
const sandboxMainHubId = 'hub-sandbox-main';

interface ScenarioPlan {
  hubId: string;
  name: string;
  description: string;
  timezone: string;
  meetingType: 'MEETING' | 'WEBINAR';
  /** ISO weekday (1 Monday … 7 Sunday) and wall-clock time of the first session. */
  weekday: number;
  hour: number;
  durationMinutes: number;
  /** Zoom's recurrence as the tutorial writes it, without `duration`. */
  recurrence: Record<string, number | number[]>;
  /** For the monthly pattern: the first session is the first such weekday of a month. */
  isFirstOfMonth: boolean;
  ticketType: { name: string; quantity?: number };
  /** What Cadence cannot model and leaves on Zoom: a second ticket type, a speaker, a question of the registration form. */
  extraTicketType?: string;
  speaker?: { name: string; email: string; job_title: string; company_name: string };
  question?: { title: string; type: 'single_radio'; options: string[] };
  link: { name: string; option: 'all_sessions' | 'single_session' };
  /** Occurrences (1-based) moved an hour later and deleted, as a planner would in the console. */
  movedSession?: number;
  deletedSession?: number;
}

const plans: Readonly<Record<SandboxScenario, ScenarioPlan>> = {
  'weekly-standup': {
    hubId: engineeringHub.hub_id,
    name: 'Engineering Team Weekly Standup',
    description: 'Every Monday at 10am Eastern for 12 weeks.',
    timezone: 'America/New_York',
    meetingType: 'MEETING',
    weekday: 1,
    hour: 10,
    durationMinutes: 30,
    recurrence: { type: 2, repeat_interval: 1, weekly_days: [2], end_times: 12 },
    isFirstOfMonth: false,
    ticketType: { name: 'Team Ticket' },
    extraTicketType: 'Guest Ticket',
    link: { name: 'Team Registration', option: 'all_sessions' },
    movedSession: 3,
    deletedSession: 5,
  },
  'monthly-webinar': {
    hubId: engineeringHub.hub_id,
    name: 'Product Updates Webinar Series',
    description: 'The first Tuesday of each month at 2pm Pacific, for 6 months.',
    timezone: 'America/Los_Angeles',
    meetingType: 'WEBINAR',
    weekday: 2,
    hour: 14,
    durationMinutes: 90,
    recurrence: { type: 3, repeat_interval: 1, monthly_week: 1, monthly_week_day: 3, end_times: 6 },
    isFirstOfMonth: true,
    ticketType: { name: 'Webinar Ticket' },
    speaker: { name: 'Jane Doe', email: 'jane.doe@example.com', job_title: 'Product Manager', company_name: 'Zoom' },
    question: { title: 'What is your role?', type: 'single_radio', options: ['Engineer', 'Designer', 'Manager'] },
    link: { name: 'Webinar Registration', option: 'all_sessions' },
  },
  'per-session-training': {
    hubId: sandboxMainHubId,
    name: 'Git & GitHub Training Series',
    description: 'Wednesdays at 1pm Eastern, four sessions: register for the ones you attend.',
    timezone: 'America/New_York',
    meetingType: 'WEBINAR',
    weekday: 3,
    hour: 13,
    durationMinutes: 60,
    recurrence: { type: 2, repeat_interval: 1, weekly_days: [4], end_times: 4 },
    isFirstOfMonth: false,
    ticketType: { name: 'Per-Session Ticket', quantity: 100 },
    link: { name: 'Training Registration', option: 'single_session' },
  },
};

/** The scenario's first session: its weekday and time, at least a week after `now` (the day it is made). */
function firstStart(plan: ScenarioPlan, now: number): DateTime {
  let day = DateTime.fromMillis(now, { zone: plan.timezone })
    .plus({ days: 7 })
    .set({ hour: plan.hour, minute: 0, second: 0, millisecond: 0 });
  while (day.weekday !== plan.weekday || (plan.isFirstOfMonth && day.day > 7)) day = day.plus({ days: 1 });
  return day;
}

const utc = (time: DateTime): string => time.toUTC().toISO({ suppressMilliseconds: true }) ?? '';

const firstNames = ['Ada', 'Grace', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Dennis', 'Frances', 'Alan', 'Radia'];
const lastNames = ['Lovelace', 'Hopper', 'Torvalds', 'Hamilton', 'Thompson', 'Liskov', 'Ritchie', 'Allen', 'Kay'];

/** A refusal while seeding is a bug of the seeding, not of the caller: it names the step. */
class SeedingError extends Error {}

function expectOk(answer: SandboxAnswer, step: string): Record<string, unknown> {
  if (answer.status >= 400) {
    throw new SeedingError(`Seeding the sandbox failed at ${step}: ${JSON.stringify(answer.body)}`);
  }
  return (answer.body ?? {}) as Record<string, unknown>;
}

function ensureEngineeringHub(data: SandboxData): void {
  if (data.hubs.some((hub) => hub.hub_id === engineeringHub.hub_id)) return;
  data.hubs.push({ ...engineeringHub, description: "The recurring-events tutorial's hub.", host: true });
}

function seedScenario(
  data: SandboxData,
  scenario: SandboxScenario,
  registrants: number,
  now: number,
  offset: number,
): SeededEvent {
  const plan = plans[scenario];
  const run = (operationId: string, params: Record<string, string>, body: Record<string, unknown>, step: string) =>
    expectOk(
      handleOperation(data, {
        operationId,
        params,
        query: new URLSearchParams(),
        body,
        now,
        ticketTypes: 'tutorial',
      }),
      step,
    );
  const start = firstStart(plan, now);
  const created = run(
    'createEvent',
    {},
    {
      hub_id: plan.hubId,
      name: plan.name,
      description: plan.description,
      timezone: plan.timezone,
      event_type: 'RECURRING',
      access_level: 'PRIVATE_UNRESTRICTED',
      meeting_type: plan.meetingType,
      attendance_type: 'virtual',
      calendar: [{ start_time: utc(start), end_time: utc(start.plus({ minutes: plan.durationMinutes })) }],
      recurrence: { ...plan.recurrence, duration: plan.durationMinutes },
    },
    `creating "${plan.name}"`,
  );
  const eventId = String(created.event_id);
  const params = { eventId };
  const ticketType = run(
    'createTicketType',
    params,
    { name: plan.ticketType.name, free: true, ...(plan.ticketType.quantity === undefined ? {} : plan.ticketType) },
    'creating its ticket type',
  );
  const ticketTypeId = String(ticketType.ticket_type_id);
  if (plan.extraTicketType !== undefined) {
    run('createTicketType', params, { name: plan.extraTicketType, free: true }, 'creating its second ticket type');
  }
  if (plan.speaker !== undefined) run('createSpeaker', params, plan.speaker, 'adding its speaker');
  if (plan.question !== undefined) {
    run(
      'updateRegistrationQuestionsForEvent',
      params,
      { questions: [], custom_questions: [{ ...plan.question, required: true }] },
      'asking its registration question',
    );
  }
  run(
    'createEventAccessLink',
    params,
    {
      name: plan.link.name,
      type: 'registration',
      is_default: true,
      ticket_type_id: ticketTypeId,
      recurring_registration_option: plan.link.option,
      authentication_method: 'bypass_auth',
    },
    'creating its registration link',
  );
  const sessions = () => data.sessions.filter((session) => session.event_id === eventId);
  const moved = plan.movedSession === undefined ? undefined : sessions()[plan.movedSession - 1];
  const deleted = plan.deletedSession === undefined ? undefined : sessions()[plan.deletedSession - 1];
  if (moved !== undefined) {
    const later = (time: string) => new Date(Date.parse(time) + 3_600_000).toISOString().replace('.000Z', 'Z');
    run(
      'updateEventSession',
      { eventId, sessionId: moved.session_id },
      { start_time: later(moved.start_time), end_time: later(moved.end_time) },
      'moving a session',
    );
  }
  if (deleted !== undefined) {
    run('deleteEventSession', { eventId, sessionId: deleted.session_id }, {}, 'deleting a session');
  }
  run('EventActions', params, { operation: 'publish' }, 'publishing it');
  const choices = sessions();
  const people = Array.from({ length: registrants }, (_, index) => {
    const n = offset + index;
    const first = firstNames[n % firstNames.length] ?? 'Ada';
    const last = lastNames[Math.floor(n / firstNames.length) % lastNames.length] ?? 'Lovelace';
    return {
      email: `${first}.${last}.${String(n)}@example.com`.toLowerCase(),
      first_name: first,
      last_name: last,
      ticket_type_id: ticketTypeId,
      ...(plan.link.option === 'single_session' ? { session_ids: [choices[index % choices.length]?.session_id] } : {}),
    };
  });
  for (let from = 0; from < people.length; from += 30) {
    const answer = run('createTickets', params, { tickets: people.slice(from, from + 30) }, 'registering people');
    const refused = (answer.errors as unknown[] | undefined) ?? [];
    if (refused.length > 0) throw new SeedingError(`Seeding the sandbox: Zoom refused ${JSON.stringify(refused)}`);
  }
  return { scenario, event_id: eventId, name: plan.name, hub_id: plan.hubId };
}

/**
 * Makes the scenarios on the sandbox's data through the API's own rules; each call adds new events,
 * as making them again in the console would.
 */
export function seedScenarios(data: SandboxData, seed: z.output<typeof sandboxSeedSchema>, now: number): SeededEvent[] {
  ensureEngineeringHub(data);
  const scenarios = seed.scenarios ?? sandboxScenarioSchema.options;
  // Made weeks ago: everything happens as it would have then, ticket sales included.
  const madeAt = now - seed.startedWeeksAgo * 7 * 24 * 3_600_000;
  return scenarios.map((scenario, index) => seedScenario(data, scenario, seed.registrants, madeAt, index * 1000));
}

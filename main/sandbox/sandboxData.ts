import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * What the sandbox holds, as Zoom would: hubs, events with their sessions, ticket types,
 * registration links, tickets and check-ins. Plain JSON, so that `--state FILE` can keep it.
 */
const hubSchema = z.object({ hub_id: z.string(), name: z.string(), description: z.string(), host: z.boolean() });

const eventSchema = z.object({
  event_id: z.string(),
  hub_id: z.string(),
  name: z.string(),
  description: z.string(),
  timezone: z.string(),
  event_type: z.string(),
  access_level: z.string(),
  attendance_type: z.string(),
  meeting_type: z.string(),
  calendar: z.array(z.object({ start_time: z.string(), end_time: z.string() })),
  recurrence: z.record(z.string(), z.unknown()).optional(),
  status: z.enum(['DRAFT', 'PUBLISHED', 'CANCELLED']),
  /** What Zoom told the registrants when the event was cancelled. */
  cancel_message: z.string().optional(),
  extra: z.record(z.string(), z.unknown()),
});

const sessionSchema = z.object({
  session_id: z.string(),
  event_id: z.string(),
  name: z.string(),
  start_time: z.string(),
  end_time: z.string(),
  timezone: z.string(),
});

const ticketTypeSchema = z.object({
  ticket_type_id: z.string(),
  event_id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  currency: z.string(),
  free: z.boolean(),
  price: z.string().optional(),
  quantity: z.number().optional(),
  sold_quantity: z.number(),
  start_time: z.string(),
  end_time: z.string(),
});

const accessLinkSchema = z.object({
  access_link_id: z.string(),
  event_id: z.string(),
  name: z.string(),
  type: z.string(),
  is_default: z.boolean(),
  url: z.string(),
  authentication_method: z.string(),
  ticket_type_id: z.string().optional(),
  recurring_registration_option: z.enum(['all_sessions', 'single_session', 'multiple_sessions']).optional(),
});

const ticketSchema = z.object({
  ticket_id: z.string(),
  event_id: z.string(),
  ticket_type_id: z.string(),
  external_ticket_id: z.string().optional(),
  email: z.string(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  /** Set for a single-session ticket. */
  session_id: z.string().optional(),
  /** Set for a multiple-sessions ticket. */
  session_ids: z.array(z.string()).optional(),
  registration_source: z.string().optional(),
  event_join_link: z.string(),
  profile: z.record(z.string(), z.unknown()),
});

/** A speaker of an event, as the console or `createSpeaker` adds one. */
const speakerSchema = z.object({
  speaker_id: z.string(),
  event_id: z.string(),
  name: z.string(),
  fields: z.record(z.string(), z.unknown()),
});

/** An event's registration form: Zoom's standard fields asked, and the host's own questions. */
const questionsSchema = z.object({
  event_id: z.string(),
  questions: z.array(z.record(z.string(), z.unknown())),
  custom_questions: z.array(z.record(z.string(), z.unknown())),
});

const checkInSchema = z.object({
  event_id: z.string(),
  session_id: z.string().optional(),
  email: z.string(),
  action: z.string(),
  source: z.string(),
});

/** A user of the account: a meeting host, found by email or ID. */
const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  type: z.number().int(),
  status: z.string(),
  timezone: z.string(),
});

/** One occurrence of a recurring meeting as Zoom schedules it; its ID is its start in epoch ms. */
const occurrenceSchema = z.object({
  occurrence_id: z.string(),
  start_time: z.string(),
  duration: z.number().int(),
  status: z.string(),
});

/** A meeting as Zoom keeps it: the request's fields, its recurrence in Zoom's read form, its occurrences. */
const meetingSchema = z.object({
  id: z.number().int(),
  uuid: z.string(),
  host_id: z.string(),
  topic: z.string(),
  type: z.number().int(),
  /** The start asked for, in UTC; Zoom answers the first occurrence's. */
  start_time: z.string(),
  duration: z.number().int(),
  timezone: z.string(),
  agenda: z.string(),
  password: z.string().optional(),
  created_at: z.string(),
  recurrence: z.record(z.string(), z.unknown()).optional(),
  settings: z.record(z.string(), z.unknown()),
  occurrences: z.array(occurrenceSchema),
  registration_token: z.string(),
});

/** Meeting creates and updates of one host on one UTC day, for Zoom's per-user daily limit. */
const meetingQuotaSchema = z.object({ user_id: z.string(), day: z.string(), count: z.number().int() });

export const sandboxDataSchema = z.object({
  version: z.literal(1),
  nextId: z.number().int(),
  hubs: z.array(hubSchema),
  events: z.array(eventSchema),
  sessions: z.array(sessionSchema),
  ticketTypes: z.array(ticketTypeSchema),
  accessLinks: z.array(accessLinkSchema),
  tickets: z.array(ticketSchema),
  checkIns: z.array(checkInSchema),
  // State files from before speakers and questions load with none.
  speakers: z.array(speakerSchema).default([]),
  questions: z.array(questionsSchema).default([]),
  // State files from before meetings load with the example hosts and no meetings.
  users: z.array(userSchema).default(() => sandboxUsers()),
  meetings: z.array(meetingSchema).default([]),
  meetingQuota: z.array(meetingQuotaSchema).default([]),
  /** Who had a ticket of an event deleted, for `blockRemovedRegistrants`. */
  removedRegistrants: z.array(z.object({ event_id: z.string(), email: z.string() })).default([]),
});

export type SandboxData = z.infer<typeof sandboxDataSchema>;
export type SandboxHub = z.infer<typeof hubSchema>;
export type SandboxEvent = z.infer<typeof eventSchema>;
export type SandboxSession = z.infer<typeof sessionSchema>;
export type SandboxTicketType = z.infer<typeof ticketTypeSchema>;
export type SandboxAccessLink = z.infer<typeof accessLinkSchema>;
export type SandboxTicket = z.infer<typeof ticketSchema>;
export type SandboxCheckIn = z.infer<typeof checkInSchema>;
export type SandboxSpeaker = z.infer<typeof speakerSchema>;
export type SandboxUser = z.infer<typeof userSchema>;
export type SandboxMeeting = z.infer<typeof meetingSchema>;
export type SandboxOccurrence = z.infer<typeof occurrenceSchema>;

/**
 * The hosts of the recurring-meetings script's documentation (its configuration reference, its
 * console output and its three examples), so that its example configs run against the sandbox.
 */
export const exampleHostEmails = [
  'user@yourorganization.com',
  'user1@yourorganization.com',
  'user2@yourorganization.com',
  'manager@company.com',
  'sales@company.com',
  'engineering@company.com',
  'hr@company.com',
] as const;

/** A user shaped like Zoom's, its ID derived from its email so that it is the same in every sandbox. */
export function sandboxUser(email: string, names: { first_name?: string; last_name?: string } = {}): SandboxUser {
  const local = email.split('@')[0] ?? email;
  return {
    id: createHash('sha256').update(email.toLowerCase()).digest('base64url').slice(0, 22),
    email,
    first_name: names.first_name ?? local.charAt(0).toUpperCase() + local.slice(1),
    last_name: names.last_name ?? 'Sandbox',
    type: 2,
    status: 'active',
    timezone: 'UTC',
  };
}

/** A user to add through `POST /_sandbox/users` or the sandbox's `users` option. */
export const sandboxUserInputSchema = z.strictObject({
  email: z.email(),
  first_name: z.string().min(1).optional(),
  last_name: z.string().min(1).optional(),
});

/** Adds a user unless one with the email (any case) is there; answers the account's user. */
export function addUser(data: SandboxData, input: z.output<typeof sandboxUserInputSchema>): SandboxUser {
  const known = data.users.find((user) => user.email.toLowerCase() === input.email.toLowerCase());
  if (known !== undefined) return known;
  const user = sandboxUser(input.email, {
    ...(input.first_name === undefined ? {} : { first_name: input.first_name }),
    ...(input.last_name === undefined ? {} : { last_name: input.last_name }),
  });
  data.users.push(user);
  return user;
}

/** The users every sandbox starts with: the script's example hosts. */
export function sandboxUsers(): SandboxUser[] {
  return exampleHostEmails.map((email) => sandboxUser(email));
}

/** The hubs every sandbox starts with: one the account hosts, one it does not. */
export const sandboxHubs: SandboxHub[] = [
  { hub_id: 'hub-sandbox-main', name: 'Sandbox Hub', description: 'Events made while trying Cadence.', host: true },
  {
    hub_id: 'hub-sandbox-other',
    name: 'Someone Else’s Hub',
    description: 'The account is not a host here.',
    host: false,
  },
];

/** An event in the hub the account does not host: Zoom answers 260200 to anything about it. */
export const foreignEventId = 'e-someone-elses-event';

export function emptySandboxData(): SandboxData {
  return {
    version: 1,
    nextId: 1,
    hubs: sandboxHubs.map((hub) => ({ ...hub })),
    events: [
      {
        event_id: foreignEventId,
        hub_id: 'hub-sandbox-other',
        name: 'Someone else’s webinar',
        description: '',
        timezone: 'UTC',
        event_type: 'SIMPLE_EVENT',
        access_level: 'PRIVATE_UNRESTRICTED',
        attendance_type: 'virtual',
        meeting_type: 'WEBINAR',
        calendar: [{ start_time: '2027-01-15T16:00:00Z', end_time: '2027-01-15T17:00:00Z' }],
        status: 'PUBLISHED',
        extra: {},
      },
    ],
    sessions: [],
    ticketTypes: [],
    accessLinks: [],
    tickets: [],
    checkIns: [],
    speakers: [],
    questions: [],
    users: sandboxUsers(),
    meetings: [],
    meetingQuota: [],
    removedRegistrants: [],
  };
}

/** A new ID shaped like Zoom's (22 URL-safe characters), unique within the sandbox. */
export function newId(data: SandboxData, prefix: string): string {
  const n = data.nextId++;
  return `${prefix}${n.toString(36).padStart(6, '0')}`.padEnd(22, 'x');
}

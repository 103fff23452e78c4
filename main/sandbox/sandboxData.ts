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
  };
}

/** A new ID shaped like Zoom's (22 URL-safe characters), unique within the sandbox. */
export function newId(data: SandboxData, prefix: string): string {
  const n = data.nextId++;
  return `${prefix}${n.toString(36).padStart(6, '0')}`.padEnd(22, 'x');
}

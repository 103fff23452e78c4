import { z } from 'zod';

/** Zoom fills unused fields with "" or null in its answers; both mean "absent". */
export function absentIfEmpty<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());
}

const optionalInt = absentIfEmpty(z.number().int());
const optionalText = absentIfEmpty(z.string());

/**
 * `recurrence` as Zoom answers it: `weekly_days` a comma-separated string ("2,4") and
 * `monthly_days` an integer, though arrays are accepted too. Zoom may fill fields of every type.
 */
export const zoomRecurrenceSchema = z.looseObject({
  type: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  repeat_interval: optionalInt,
  weekly_days: absentIfEmpty(z.union([z.string(), z.array(z.number().int())])),
  monthly_days: absentIfEmpty(z.union([z.number().int(), z.array(z.number().int())])),
  monthly_week: optionalInt,
  monthly_week_day: optionalInt,
  end_times: optionalInt,
  end_date_time: optionalText,
  duration: optionalInt,
});
export type ZoomRecurrence = z.output<typeof zoomRecurrenceSchema>;

const calendarEntrySchema = z.looseObject({ start_time: z.string(), end_time: optionalText });

/** An event as `GET /zoom_events/events/{eventId}` and the event list answer it. */
export const zoomEventSchema = z.looseObject({
  event_id: z.string().min(1),
  name: z.string(),
  description: optionalText,
  timezone: z.string(),
  event_type: z.string(),
  status: optionalText,
  hub_id: optionalText,
  meeting_type: optionalText,
  attendance_type: optionalText,
  access_level: optionalText,
  calendar: absentIfEmpty(z.array(calendarEntrySchema)),
  start_time: optionalText,
  end_time: optionalText,
  recurrence: absentIfEmpty(zoomRecurrenceSchema),
  event_url: optionalText,
});
export type ZoomEvent = z.output<typeof zoomEventSchema>;

/** A session as `GET /zoom_events/events/{eventId}/sessions` answers it. */
export const zoomSessionSchema = z.looseObject({
  session_id: z.string().min(1),
  name: optionalText,
  start_time: z.string(),
  end_time: z.string(),
  timezone: optionalText,
});
export type ZoomSession = z.output<typeof zoomSessionSchema>;

/** The pages of a list answer: Zoom sends "" or omits the token on the last page. */
const pageFields = { total_records: z.number().optional(), next_page_token: optionalText };

export const zoomEventPageSchema = z.looseObject({ ...pageFields, events: z.array(zoomEventSchema).default([]) });

export const zoomSessionListSchema = z.looseObject({
  total_records: z.number().optional(),
  sessions: z.array(zoomSessionSchema).default([]),
});

/** A hub from `GET /zoom_events/hubs`. */
export const zoomHubSchema = z.looseObject({
  hub_id: z.string().min(1),
  name: z.string(),
  description: optionalText,
  access_level: optionalText,
  public_url: optionalText,
  hub_active: z.boolean().optional(),
});
export type ZoomHub = z.output<typeof zoomHubSchema>;
export const zoomHubListSchema = z.looseObject({
  total_records: z.number().optional(),
  hubs: z.array(zoomHubSchema).default([]),
});

export const zoomTicketTypeSchema = z.looseObject({
  ticket_type_id: z.string().min(1),
  name: z.string(),
  description: optionalText,
  currency: optionalText,
  free: z.boolean().optional(),
  price: optionalText,
  quantity: absentIfEmpty(z.number()),
  sold_quantity: absentIfEmpty(z.number()),
  start_time: optionalText,
  end_time: optionalText,
});
export type ZoomTicketType = z.output<typeof zoomTicketTypeSchema>;
export const zoomTicketTypeListSchema = z.looseObject({
  total_records: z.number().optional(),
  ticket_types: z.array(zoomTicketTypeSchema).default([]),
});
export const zoomCreatedTicketTypeSchema = z.looseObject({ ticket_type_id: z.string().min(1) });

export const zoomAccessLinkSchema = z.looseObject({
  access_link_id: z.string().min(1),
  name: z.string(),
  type: z.string(),
  is_default: z.boolean().optional(),
  url: optionalText,
  authentication_method: optionalText,
  ticket_type_id: optionalText,
  recurring_registration_option: absentIfEmpty(z.enum(['all_sessions', 'single_session', 'multiple_sessions'])),
});
export type ZoomAccessLink = z.output<typeof zoomAccessLinkSchema>;
export const zoomAccessLinkListSchema = z.looseObject({ access_links: z.array(zoomAccessLinkSchema).default([]) });

/** A ticket from `GET /zoom_events/events/{eventId}/tickets`; `session_id` for per-session tickets. */
export const zoomTicketSchema = z.looseObject({
  ticket_id: z.string().min(1),
  ticket_type_id: optionalText,
  external_ticket_id: optionalText,
  email: z.string(),
  first_name: optionalText,
  last_name: optionalText,
  event_join_link: optionalText,
  session_id: optionalText,
  session_ids: absentIfEmpty(z.array(z.string())),
  registration_source: optionalText,
});
export type ZoomTicket = z.output<typeof zoomTicketSchema>;
export const zoomTicketPageSchema = z.looseObject({ ...pageFields, tickets: z.array(zoomTicketSchema).default([]) });

/** The answer to a ticket batch: the tickets made, and a refusal per attendee Zoom did not register. */
export const zoomTicketBatchResultSchema = z.looseObject({
  tickets: z
    .array(
      z.looseObject({
        ticket_id: z.string().min(1),
        external_ticket_id: optionalText,
        email: z.string(),
        event_join_link: optionalText,
        session_id: optionalText,
      }),
    )
    .default([]),
  errors: z
    .array(z.looseObject({ email: z.string(), error_code: optionalText, message: z.string().default('') }))
    .default([]),
});
export type ZoomTicketBatchResult = z.output<typeof zoomTicketBatchResultSchema>;

export const zoomRegistrantSchema = z.looseObject({
  email: z.string(),
  first_name: optionalText,
  last_name: optionalText,
  registration_status: optionalText,
  tickets: z
    .array(
      z.looseObject({
        ticket_id: z.string(),
        role: optionalText,
        /** The e-badge's QR code (in-person and hybrid events); what a camera or scanner reads. */
        qr_code_url: optionalText,
        /** Not in Zoom's reference, but sent by the simulator and Zoom's ticket answers for per-session tickets. */
        session_id: optionalText,
        session_ids: absentIfEmpty(z.array(z.string())),
      }),
    )
    .default([]),
});
export type ZoomRegistrant = z.output<typeof zoomRegistrantSchema>;
export const zoomRegistrantPageSchema = z.looseObject({
  ...pageFields,
  registrants: z.array(zoomRegistrantSchema).default([]),
});

export const zoomAttendeeActionSchema = z.looseObject({
  email: z.string(),
  action: z.string(),
  source: optionalText,
});
export type ZoomAttendeeAction = z.output<typeof zoomAttendeeActionSchema>;
export const zoomAttendeeActionPageSchema = z.looseObject({
  ...pageFields,
  attendees: z.array(zoomAttendeeActionSchema).default([]),
});
/** The answer to a check-in batch: one refusal per attendee Zoom did not check in. */
export const zoomAttendeeActionResultSchema = z.looseObject({
  errors: z.array(z.looseObject({ email: z.string(), message: z.string().default('') })).default([]),
});
export type ZoomAttendeeActionResult = z.output<typeof zoomAttendeeActionResultSchema>;

export const zoomEventActionResultSchema = z.looseObject({ status: optionalText, event_id: optionalText });

/** A speaker from `GET /zoom_events/events/{eventId}/speakers`. */
export const zoomSpeakerSchema = z.looseObject({
  speaker_id: optionalText,
  name: z.string(),
  email: optionalText,
  job_title: optionalText,
  company_name: optionalText,
});
export type ZoomSpeaker = z.output<typeof zoomSpeakerSchema>;
export const zoomSpeakerListSchema = z.looseObject({
  total_records: z.number().optional(),
  speakers: z.array(zoomSpeakerSchema).default([]),
});

/** A standard question of the registration form: a profile field Zoom asks for. */
export const zoomRegistrationQuestionSchema = z.looseObject({
  field_name: z.string(),
  required: z.boolean().optional(),
  title: optionalText,
  question_id: optionalText,
});
/** A question the host wrote for the registration form. */
export const zoomCustomQuestionSchema = z.looseObject({
  title: z.string(),
  type: optionalText,
  required: z.boolean().optional(),
  question_id: optionalText,
  options: absentIfEmpty(z.array(z.string())),
});
/** The registration form of an event from `GET /zoom_events/events/{eventId}/questions`. */
export const zoomRegistrationQuestionsSchema = z.looseObject({
  questions: z.array(zoomRegistrationQuestionSchema).default([]),
  custom_questions: z.array(zoomCustomQuestionSchema).default([]),
});
export type ZoomRegistrationQuestions = z.output<typeof zoomRegistrationQuestionsSchema>;

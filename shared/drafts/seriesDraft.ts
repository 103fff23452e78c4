import { z } from 'zod';
import { limits } from '../limits';
import { caseInsensitiveEnum, optionalText, requiredText, withoutNulls } from '../fieldSchemas';
import { recurrenceDraftSchema, timeZoneSchema, utcInstantSchema } from '../recurrence/recurrenceSchema';
import { attendeeDraftSchema } from './attendeeDraft';
import { capacitySchema, sessionCapacitySchema } from './capacity';
import { closedDaysSchema } from './closedDays';
import { occurrenceChangeSchema } from './occurrenceChange';
import { registrationDraftSchema } from './registrationDraft';
import { seriesRuleIssues } from './seriesRules';
import { ticketTypeDraftSchema } from './ticketTypeDraft';

/** Fields every draft has, recurring or not. Names follow the Zoom Events API. */
const commonFields = {
  /** Identifies the draft across imports of a series file. */
  key: z
    .string({ error: 'The key is text that identifies the series across imports.' })
    .trim()
    .min(1, { error: 'The key cannot be empty; leave it out instead.' })
    .max(100, { error: 'The key is at most 100 characters.' })
    .refine((key) => !/\p{Cc}/u.test(key), { error: 'The key cannot contain control characters.' })
    .optional(),
  /** Absent: the hub is chosen when the series is synced. */
  hub_id: requiredText('The hub ID', 100).optional(),
  name: requiredText('The series name', 200),
  description: optionalText('The description', 10_000),
  timezone: timeZoneSchema,
  meeting_type: caseInsensitiveEnum(['meeting', 'webinar'], 'The meeting type is MEETING or WEBINAR.')
    .transform((value): 'MEETING' | 'WEBINAR' => (value === 'meeting' ? 'MEETING' : 'WEBINAR'))
    .optional(),
  attendance_type: caseInsensitiveEnum(
    ['virtual', 'in-person', 'hybrid'],
    'The attendance type is virtual, in-person or hybrid.',
  ).default('virtual'),
  access_level: z
    .enum(['PRIVATE_UNRESTRICTED', 'PRIVATE_RESTRICTED'], {
      error: 'The access level is PRIVATE_UNRESTRICTED or PRIVATE_RESTRICTED.',
    })
    .default('PRIVATE_UNRESTRICTED'),
  start_time: utcInstantSchema,
  ticket_type: ticketTypeDraftSchema.optional(),
  registration: registrationDraftSchema.optional(),
  attendees: z
    .array(attendeeDraftSchema, { error: 'List the attendees: [{"email", …}].' })
    .max(limits.attendeesPerSeries, {
      error: `A series has at most ${limits.attendeesPerSeries.toLocaleString('en-US')} attendees, as many as Zoom's largest webinar admits.`,
    })
    .default([]),
  /**
   * How many people may register: in the series, or in each session where attendees choose
   * sessions. People beyond it wait in Cadence's waiting list. Absent: no limit.
   */
  capacity: capacitySchema.optional(),
  /** Publish on Zoom once the ticket type and registration link exist. */
  publish: z.boolean({ error: 'publish is true or false.' }).default(false),
};

const recurringSeriesSchema = z.strictObject({
  ...commonFields,
  event_type: z.literal('RECURRING'),
  recurrence: recurrenceDraftSchema,
  occurrence_changes: z
    .array(occurrenceChangeSchema, { error: 'List the changes: [{"occurrence", "action"}].' })
    .default([]),
  /** Sessions with a capacity of their own, where attendees choose sessions. */
  session_capacities: z
    .array(sessionCapacitySchema, { error: 'List the session capacities: [{"occurrence", "capacity"}].' })
    .optional(),
  /** Holidays and the planner's own closed dates; their sessions are cancelled in `occurrence_changes`. */
  closed_days: closedDaysSchema.optional(),
});

const simpleEventSchema = z.strictObject({
  ...commonFields,
  event_type: z.literal('SIMPLE_EVENT'),
  end_time: utcInstantSchema,
});

/**
 * A series draft: a `RECURRING` series or a `SIMPLE_EVENT` (one session), with its ticket type,
 * registration link and attendees, as docs/series-file.md describes. Every problem is reported,
 * each at its field: the rules that involve several fields (see `seriesRules`) run even when a
 * field has failed, on the parts that did parse. A recurring series' registration option
 * defaults to `all_sessions`.
 */
export const seriesDraftSchema = z
  .preprocess(
    withoutNulls,
    z.discriminatedUnion('event_type', [recurringSeriesSchema, simpleEventSchema], {
      error:
        'Each series is an object whose event_type is RECURRING (a series of sessions) or SIMPLE_EVENT (one session).',
    }),
  )
  .superRefine(
    (draft, ctx) => {
      for (const issue of seriesRuleIssues(draft)) ctx.addIssue({ code: 'custom', ...issue });
    },
    { when: () => true },
  )
  .transform((draft) => {
    if (draft.event_type !== 'RECURRING' || draft.registration === undefined) return draft;
    const option = draft.registration.recurring_registration_option ?? 'all_sessions';
    return { ...draft, registration: { ...draft.registration, recurring_registration_option: option } };
  });

export type SeriesDraft = z.output<typeof seriesDraftSchema>;
export type RecurringSeriesDraft = Extract<SeriesDraft, { event_type: 'RECURRING' }>;
export type SimpleEventDraft = Extract<SeriesDraft, { event_type: 'SIMPLE_EVENT' }>;

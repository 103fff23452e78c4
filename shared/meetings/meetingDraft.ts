import { z } from 'zod';
import { emailSchema, optionalText, requiredText } from '../fieldSchemas';
import { recurrenceDraftSchema, timeZoneSchema, utcInstantSchema } from '../recurrence/recurrenceSchema';
import { meetingRuleIssues } from './meetingRules';

/**
 * The settings of a recurring Zoom Meeting a planner chooses, with the defaults of the
 * recurring-meetings script's configuration reference. Names follow the Meetings API.
 */
export const meetingSettingsSchema = z.strictObject(
  {
    host_video: z.boolean({ error: 'host_video is true or false.' }).default(true),
    participant_video: z.boolean({ error: 'participant_video is true or false.' }).default(true),
    join_before_host: z.boolean({ error: 'join_before_host is true or false.' }).default(false),
    mute_upon_entry: z.boolean({ error: 'mute_upon_entry is true or false.' }).default(true),
    waiting_room: z.boolean({ error: 'waiting_room is true or false.' }).default(true),
    watermark: z.boolean({ error: 'watermark is true or false.' }).default(false),
    auto_recording: z
      .enum(['none', 'local', 'cloud'], { error: 'auto_recording is none, local or cloud.' })
      .default('none'),
    audio: z.enum(['both', 'telephony', 'voip'], { error: 'audio is both, telephony or voip.' }).default('both'),
    meeting_authentication: z.boolean({ error: 'meeting_authentication is true or false.' }).default(false),
    /** 0 registrants approved at once, 1 by the host, 2 no registration. */
    approval_type: z
      .union([z.literal(0), z.literal(1), z.literal(2)], {
        error: 'approval_type is 0 (approve automatically), 1 (the host approves) or 2 (no registration).',
      })
      .default(0),
    /** 1 register once for every occurrence, 2 for each occurrence, 3 for one or more occurrences. */
    registration_type: z
      .union([z.literal(1), z.literal(2), z.literal(3)], {
        error:
          'registration_type is 1 (once for every occurrence), 2 (for each occurrence) or 3 (for the occurrences a registrant chooses).',
      })
      .default(1),
  },
  { error: 'Give the settings as an object: {"waiting_room": true, …}.' },
);

export type MeetingSettings = z.output<typeof meetingSettingsSchema>;

/**
 * A recurring Zoom Meeting as Cadence drafts it. Its timing is a series' timing (`recurrence.md`:
 * the same rules, expansion and preview), with the Meetings API's own limits on top
 * (`meetingRules.ts`); `recurrence.duration` is the meeting's duration.
 */
export const meetingDraftSchema = z
  .strictObject(
    {
      /** Identifies the meeting across imports: importing the same config again updates, never doubles. */
      key: z
        .string({ error: 'The key is text that identifies the meeting across imports.' })
        .trim()
        .min(1, { error: 'The key cannot be empty; leave it out instead.' })
        .max(300, { error: 'The key is at most 300 characters.' })
        .refine((key) => !/\p{Cc}/u.test(key), { error: 'The key cannot contain control characters.' })
        .optional(),
      host_email: emailSchema,
      topic: requiredText('The topic', 200),
      agenda: optionalText('The agenda', 2000),
      timezone: timeZoneSchema,
      start_time: utcInstantSchema,
      recurrence: recurrenceDraftSchema,
      /** The passcode to join; absent, Zoom's account settings decide. */
      password: z
        .string({ error: 'The passcode is text.' })
        .regex(/^[A-Za-z0-9@\-_*]{1,10}$/, {
          error: 'The passcode is 1 to 10 letters, digits or @ - _ *.',
        })
        .optional(),
      settings: meetingSettingsSchema.default(meetingSettingsSchema.parse({})),
    },
    { error: 'Describe the meeting: {"host_email", "topic", "timezone", "start_time", "recurrence"}.' },
  )
  .superRefine((draft, ctx) => {
    for (const issue of meetingRuleIssues(draft))
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });

export type MeetingDraft = z.output<typeof meetingDraftSchema>;
export type MeetingDraftInput = z.input<typeof meetingDraftSchema>;

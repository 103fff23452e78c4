import { z } from 'zod';
import { zoomCredentialsSchema } from '../credentials';
import { ownEntry } from '../ownEntry';
import { emailSchema, optionalText, requiredText } from '../fieldSchemas';
import { timeZoneSchema } from '../recurrence/recurrenceSchema';
import { maxMeetingOccurrences } from './meetingRules';
import { meetingSettingsSchema } from './meetingDraft';

/**
 * The configuration file of the recurring-meetings script (`zoom-api/004_*`), field by field, with
 * the defaults of its configuration reference. Each field is checked on its own here; the rules
 * that involve several fields, and the meeting Cadence drafts from it, are in `readMeetingConfig.ts`.
 */

/** The CSV the script appends to when the config names none. */
export const defaultOutputFile = 'zoom_meetings.csv';

const required = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `Required: ${what}.` : undefined;

/** `YYYY-MM-DD` naming a real date. */
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const isRealDate = (text: string) => {
  const match = datePattern.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

const dateSchema = (field: string, what: string) =>
  z
    .string({ error: (issue) => required(what)(issue) ?? `${field} is a date written YYYY-MM-DD, such as 2026-03-15.` })
    .regex(datePattern, { error: `${field} is a date written YYYY-MM-DD, such as 2026-03-15.` })
    .refine(isRealDate, { error: `${field} is not a date that exists.` });

const timePattern = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;

const booleanField = (field: string) => z.boolean({ error: `${field} is true or false (without quotes).` });

const wholeNumber = (field: string, min: number, max: number) =>
  z
    .number({ error: `${field} is a whole number from ${String(min)} to ${String(max)}.` })
    .int({ error: `${field} is a whole number from ${String(min)} to ${String(max)}.` })
    .min(min, { error: `${field} is a whole number from ${String(min)} to ${String(max)}.` })
    .max(max, { error: `${field} is a whole number from ${String(min)} to ${String(max)}.` });

const dayNumbering = '1 = Sunday, 2 = Monday … 7 = Saturday';

/** `"1,3,5"` as the script takes it; a single day may be written as a number. */
const weeklyDaysSchema = z
  .union([z.string(), z.number()], { error: `weekly_days lists days as "2" or "1,3,5" (${dayNumbering}).` })
  .transform((value) => String(value))
  .pipe(
    z
      .string()
      .regex(/^\s*[1-7]\s*(,\s*[1-7]\s*)*$/, {
        error: `weekly_days lists days from 1 to 7 separated by commas, such as "1,3,5" (${dayNumbering}).`,
      })
      .transform((value) => value.split(',').map((day) => Number(day.trim())))
      .refine((days) => new Set(days).size === days.length, { error: 'weekly_days lists each day once.' }),
  );

const settings = meetingSettingsSchema.shape;

/**
 * The fields of an object in the config as the script would read them: null is "not set" (Python's
 * `.get` gives the default), and a name starting with "_" is a note for people.
 */
function configFields(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key, field]) => field !== null && !key.startsWith('_')));
}

/** One meeting of the config, each field as the configuration reference describes it. */
export const configMeetingSchema = z.preprocess(
  configFields,
  z.strictObject(
    {
      host_email: z
        .string({
          error: (issue) =>
            required('the email of the Zoom user who hosts the meeting')(issue) ??
            'host_email is an email address, such as jane.doe@example.com.',
        })
        .pipe(emailSchema),
      topic: z
        .string({ error: (issue) => required('the meeting title')(issue) ?? 'topic is text.' })
        .pipe(requiredText('The topic', 200)),
      agenda: optionalText('The agenda', 2000).default(''),
      start_date: dateSchema('start_date', 'the first date of the series, YYYY-MM-DD'),
      start_time: z
        .string({
          error: (issue) =>
            required('the start time, HH:MM:SS in 24-hour format')(issue) ??
            'start_time is a time written HH:MM:SS in 24-hour format, such as 14:30:00.',
        })
        .regex(timePattern, { error: 'start_time is a time written HH:MM:SS in 24-hour format, such as 14:30:00.' }),
      duration: wholeNumber('duration (minutes)', 1, 1440).default(60),
      timezone: timeZoneSchema.default('UTC'),
      recurrence_type: z.enum(['daily', 'weekly', 'monthly'], {
        error: (issue) =>
          required('recurrence_type: daily, weekly or monthly')(issue) ??
          'recurrence_type is daily, weekly or monthly.',
      }),
      repeat_interval: wholeNumber('repeat_interval', 1, 90).default(1),
      weekly_days: weeklyDaysSchema.optional(),
      monthly_day: wholeNumber('monthly_day', 1, 31).optional(),
      end_date: dateSchema('end_date', 'end_date').optional(),
      occurrences: wholeNumber('occurrences', 1, maxMeetingOccurrences).optional(),
      enable_registration: booleanField('enable_registration').optional(),
      approval_type: settings.approval_type.unwrap().optional(),
      registration_type: settings.registration_type,
      host_video: settings.host_video,
      participant_video: settings.participant_video,
      join_before_host: settings.join_before_host,
      mute_upon_entry: settings.mute_upon_entry,
      waiting_room: settings.waiting_room,
      password: z.string({ error: 'password is text.' }).optional(),
      watermark: settings.watermark,
      auto_recording: settings.auto_recording,
      audio: settings.audio,
      meeting_authentication: settings.meeting_authentication,
    },
    { error: 'Each meeting is an object: {"host_email", "topic", "start_date", "start_time", "recurrence_type", …}.' },
  ),
);
export type ConfigMeeting = z.output<typeof configMeetingSchema>;

/** The whole file. `meetings` is checked one meeting at a time, so every meeting's problems are listed. */
export const meetingConfigSchema = z.preprocess(
  configFields,
  z.strictObject(
    {
      zoom_api: zoomCredentialsSchema.optional(),
      output_file: z
        .string({ error: 'output_file is the path of a CSV file, such as "zoom_meetings.csv".' })
        .trim()
        .min(1, { error: 'output_file cannot be empty; leave it out for zoom_meetings.csv.' })
        .refine((path) => !/\p{Cc}/u.test(path), { error: 'output_file cannot contain control characters.' })
        .default(defaultOutputFile),
      meetings: z
        .array(z.unknown(), {
          error: (issue) =>
            issue.input === undefined
              ? 'Required: the list of meetings to create, "meetings": [{…}].'
              : 'meetings is a list: "meetings": [{…}, {…}].',
        })
        .min(1, { error: 'List at least one meeting.' }),
    },
    { error: 'The config is a JSON object: {"output_file", "meetings": […]}.' },
  ),
);
export type MeetingConfigFile = z.output<typeof meetingConfigSchema>;

/** The config fields a planner may mean under another name, with the one the script reads. */
const misnamedFields: Readonly<Record<string, string>> = {
  email: 'The script reads host_email.',
  host: 'The script reads host_email.',
  name: 'The script reads topic.',
  title: 'The script reads topic.',
  description: 'The script reads agenda.',
  date: 'The script reads start_date.',
  time: 'The script reads start_time.',
  type: 'The script reads recurrence_type: daily, weekly or monthly.',
  recurrence: 'The script reads recurrence_type, repeat_interval, weekly_days, monthly_day, end_date and occurrences.',
  interval: 'The script reads repeat_interval.',
  weekly_day: 'The script reads weekly_days.',
  monthly_days: 'The script reads monthly_day.',
  end_times: 'The script reads occurrences.',
  end_date_time: 'The script reads end_date.',
  registration: 'The script reads enable_registration.',
  passcode: 'The script reads password.',
  settings: 'The script reads each setting on the meeting itself, such as "waiting_room": false.',
};

/** What to say of a field the script does not read. */
export function configFieldHint(key: string): string {
  return (
    ownEntry(misnamedFields, key) ??
    'The script does not read this field; remove it or correct its name (a name starting with "_" is ignored, for notes).'
  );
}

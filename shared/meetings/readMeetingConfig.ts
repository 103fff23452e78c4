import type { ZoomCredentials } from '../credentials';
import { parseJsonText } from '../drafts/jsonText';
import { formatIssuePath, issuesFromZod, type Issue } from '../ipc/envelope';
import { dayNumber, msPerDay } from '../recurrence/civilDate';
import { formatInstant } from '../recurrence/expandRecurrence';
import { ZoneClock } from '../recurrence/zoneClock';
import { configFieldHint, configMeetingSchema, meetingConfigSchema, type ConfigMeeting } from './meetingConfig';
import { meetingDraftSchema, type MeetingDraft, type MeetingDraftInput } from './meetingDraft';

/** One meeting of a config as Cadence drafts it, with where it is in the file. */
export interface ConfigMeetingDraft {
  /** `meetings[2]` */
  path: string;
  draft: KeyedMeetingDraft;
}

/** A meeting draft with the key that finds it again at the next import. */
export type KeyedMeetingDraft = MeetingDraft & { key: string };

/** A config read whole: every meeting valid, or nothing. */
export interface MeetingConfig {
  /** The file's `zoom_api` block: for one run's credentials at most, never to be stored. */
  zoomApi: ZoomCredentials | undefined;
  /** As written in the file (relative to the file's folder unless absolute). */
  outputFile: string;
  meetings: ConfigMeetingDraft[];
}

export type MeetingConfigReading =
  { ok: true; config: MeetingConfig } | { ok: false; message: string; issues: Issue[] };

const problemsMessage = 'The config has problems; nothing was imported.';

const recurrenceTypes = { daily: 1, weekly: 2, monthly: 3 } as const;

/** Where a problem the meeting draft found is written in the config. */
const configFieldOfDraft: Readonly<Record<string, string>> = {
  start_time: 'start_date',
  type: 'recurrence_type',
  monthly_days: 'monthly_day',
  monthly_week: 'monthly_day',
  monthly_week_day: 'monthly_day',
  end_times: 'occurrences',
  end_date_time: 'end_date',
};

function configPathOf(draftPath: readonly PropertyKey[]): string {
  const [first, second] = draftPath;
  const field = (first === 'recurrence' || first === 'settings') && second !== undefined ? second : first;
  if (field === undefined) return '';
  const name = String(field);
  return configFieldOfDraft[name] ?? name;
}

/** A wall-clock date and time in a zone as a UTC instant, with the gap and fold rules of `recurrence.md`. */
function zonedInstant(date: string, time: string, timezone: string): number {
  const [year, month, day] = date.split('-').map(Number);
  const [hours, minutes, seconds] = time.split(':').map(Number);
  const local =
    dayNumber(year ?? 0, month ?? 1, day ?? 1) * msPerDay +
    ((hours ?? 0) * 3600 + (minutes ?? 0) * 60 + (seconds ?? 0)) * 1000;
  return new ZoneClock(timezone).toInstant(local);
}

const maxKeyLength = 300;

/** A short, stable digest (FNV-1a, 32 bits) for a key that would be too long to keep whole. */
function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The key of a config's meeting: its host, start (date and wall-clock time, as written) and topic.
 * Importing the same config again finds each meeting by it, so it is updated, never doubled.
 */
export function configMeetingKey(meeting: Pick<ConfigMeeting, 'host_email' | 'start_date' | 'start_time' | 'topic'>) {
  const key = `${meeting.host_email.toLowerCase()}/${meeting.start_date}T${meeting.start_time}/${meeting.topic}`;
  return key.length <= maxKeyLength ? key : `${key.slice(0, maxKeyLength - 9)}~${digest(key)}`;
}

/**
 * Rules between fields that the script's reference leaves loose, decided here (README, "Meetings
 * config"). Issues are by config field.
 */
function looseSpotIssues(meeting: ConfigMeeting): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  const type = meeting.recurrence_type;
  if (meeting.weekly_days !== undefined && type !== 'weekly') {
    issues.push({ field: 'weekly_days', message: `Only weekly meetings use weekly_days; this one is ${type}.` });
  }
  if (meeting.monthly_day !== undefined && type !== 'monthly') {
    issues.push({ field: 'monthly_day', message: `Only monthly meetings use monthly_day; this one is ${type}.` });
  }
  if (meeting.end_date !== undefined && meeting.occurrences !== undefined) {
    const message = 'Give end_date or occurrences, not both: Zoom takes one end.';
    issues.push({ field: 'end_date', message }, { field: 'occurrences', message });
  } else if (meeting.end_date === undefined && meeting.occurrences === undefined) {
    const message = 'Say when the meeting stops: end_date (its last date, YYYY-MM-DD) or occurrences (1 to 50).';
    issues.push({ field: 'end_date', message }, { field: 'occurrences', message });
  }
  if (meeting.enable_registration === false && meeting.approval_type !== undefined && meeting.approval_type !== 2) {
    const message =
      'enable_registration is false but approval_type asks for registration; leave approval_type out, or set enable_registration to true.';
    issues.push({ field: 'enable_registration', message }, { field: 'approval_type', message });
  }
  if (meeting.enable_registration === true && meeting.approval_type === 2) {
    const message =
      'approval_type 2 means no registration, but enable_registration is true; choose one (approval_type 0 or 1 to register).';
    issues.push({ field: 'enable_registration', message }, { field: 'approval_type', message });
  }
  return issues;
}

/** The draft Cadence makes of a config's meeting (before the draft's own rules are checked). */
export function draftOfConfigMeeting(meeting: ConfigMeeting): MeetingDraftInput {
  const type = recurrenceTypes[meeting.recurrence_type];
  const start = zonedInstant(meeting.start_date, meeting.start_time, meeting.timezone);
  const approval = meeting.enable_registration === false ? 2 : (meeting.approval_type ?? 0);
  return {
    key: configMeetingKey(meeting),
    host_email: meeting.host_email,
    topic: meeting.topic,
    ...(meeting.agenda === '' ? {} : { agenda: meeting.agenda }),
    timezone: meeting.timezone,
    start_time: formatInstant(start),
    recurrence: {
      type,
      repeat_interval: meeting.repeat_interval,
      // Absent, the weekday of the start date (the recurrence rules' own default).
      ...(type === 2 && meeting.weekly_days !== undefined ? { weekly_days: meeting.weekly_days } : {}),
      // Absent, the day of the start date.
      ...(type === 3 ? { monthly_days: meeting.monthly_day ?? Number(meeting.start_date.slice(8, 10)) } : {}),
      ...(meeting.occurrences === undefined ? {} : { end_times: meeting.occurrences }),
      // The last date, inclusive, in the meeting's zone: an occurrence starting any time that day is in.
      ...(meeting.end_date === undefined
        ? {}
        : { end_date_time: formatInstant(zonedInstant(meeting.end_date, '23:59:59', meeting.timezone)) }),
      duration: meeting.duration,
    },
    ...(meeting.password === undefined ? {} : { password: meeting.password }),
    settings: {
      host_video: meeting.host_video,
      participant_video: meeting.participant_video,
      join_before_host: meeting.join_before_host,
      mute_upon_entry: meeting.mute_upon_entry,
      waiting_room: meeting.waiting_room,
      watermark: meeting.watermark,
      auto_recording: meeting.auto_recording,
      audio: meeting.audio,
      meeting_authentication: meeting.meeting_authentication,
      approval_type: approval,
      registration_type: meeting.registration_type,
    },
  };
}

/** One meeting checked whole: its own fields, the loose spots, then the meeting draft's rules. */
function readMeeting(value: unknown, path: string): { draft: KeyedMeetingDraft } | { issues: Issue[] } {
  const parsed = configMeetingSchema.safeParse(value);
  if (!parsed.success) {
    return {
      issues: issuesFromZod(parsed.error, (_, key) => configFieldHint(key)).map((issue) => ({
        path: issue.path === '' ? path : `${path}.${issue.path}`,
        message: issue.message,
      })),
    };
  }
  const issues = new Map<string, Issue>();
  const add = (field: string, message: string) => {
    const at = field === '' ? path : `${path}.${field}`;
    if (!issues.has(at)) issues.set(at, { path: at, message });
  };
  for (const issue of looseSpotIssues(parsed.data)) add(issue.field, issue.message);
  const draft = meetingDraftSchema.safeParse(draftOfConfigMeeting(parsed.data));
  if (!draft.success) for (const issue of draft.error.issues) add(configPathOf(issue.path), issue.message);
  if (issues.size > 0 || !draft.success) return { issues: [...issues.values()] };
  return { draft: { ...draft.data, key: configMeetingKey(parsed.data) } };
}

/**
 * Reads a recurring-meetings config (a parsed JSON value): every meeting as a draft, or every
 * problem by its JSON path (`meetings[2].start_time`), all at once.
 */
export function readMeetingConfig(input: unknown): MeetingConfigReading {
  const parsed = meetingConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error, (parent, key) => (parent.length === 0 ? topLevelHint(key) : undefined));
    // The meetings are still read, so a wrong top-level field does not hide their problems.
    const meetings = typeof input === 'object' && input !== null && 'meetings' in input ? input.meetings : undefined;
    if (Array.isArray(meetings)) issues.push(...meetings.flatMap((meeting, i) => meetingIssues(meeting, i)));
    return { ok: false, message: problemsMessage, issues };
  }
  const issues: Issue[] = [];
  const drafts: ConfigMeetingDraft[] = [];
  const firstWithKey = new Map<string, string>();
  parsed.data.meetings.forEach((value, index) => {
    const path = formatIssuePath(['meetings', index]);
    const meeting = readMeeting(value, path);
    if ('issues' in meeting) {
      issues.push(...meeting.issues);
      return;
    }
    const key = meeting.draft.key;
    const first = firstWithKey.get(key);
    if (first !== undefined) {
      issues.push({
        path,
        message: `Same host, topic, start date and time as ${first}: Cadence would make them one meeting. Remove one or change its topic.`,
      });
      return;
    }
    firstWithKey.set(key, path);
    drafts.push({ path, draft: meeting.draft });
  });
  if (issues.length > 0) return { ok: false, message: problemsMessage, issues };
  return {
    ok: true,
    config: { zoomApi: parsed.data.zoom_api, outputFile: parsed.data.output_file, meetings: drafts },
  };
}

function meetingIssues(value: unknown, index: number): Issue[] {
  const meeting = readMeeting(value, formatIssuePath(['meetings', index]));
  return 'issues' in meeting ? meeting.issues : [];
}

function topLevelHint(key: string): string {
  return key === 'meeting'
    ? 'The script reads meetings, a list.'
    : 'The script does not read this field; remove it or correct its name (a name starting with "_" is ignored, for notes).';
}

/** Reads a config's text: invalid JSON, a field given twice, then every problem of `readMeetingConfig`. */
export function readMeetingConfigText(text: string, what: string): MeetingConfigReading {
  const json = parseJsonText(text, what);
  if (!json.ok) return { ok: false, message: `${json.message} Nothing was imported.`, issues: json.issues };
  return readMeetingConfig(json.value);
}

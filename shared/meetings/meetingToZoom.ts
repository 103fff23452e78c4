import { formatInstant } from '../recurrence/expandRecurrence';
import type { RecurrenceDraft } from '../recurrence/recurrenceSchema';
import { planSeriesTiming, toSeriesTiming, type PathIssue } from '../recurrence/seriesTiming';
import { ZoneClock } from '../recurrence/zoneClock';
import type { ZoomMeeting, ZoomMeetingBody } from '../zoom/zoomMeetingShapes';
import { meetingDraftSchema, meetingSettingsSchema, type MeetingDraft, type MeetingSettings } from './meetingDraft';

/** A recurring meeting with a fixed time, the only kind Cadence makes. */
const recurringWithFixedTime = 8;

const settingNames = Object.keys(meetingSettingsSchema.shape) as (keyof MeetingSettings)[];

/** Zoom's recurrence for a valid draft's, its defaults applied the way Cadence's preview applies them. */
function recurrenceBody(draft: MeetingDraft): ZoomMeetingBody['recurrence'] {
  const { recurrence } = toSeriesTiming(draft);
  const end =
    recurrence.endTimes !== undefined
      ? { end_times: recurrence.endTimes }
      : { end_date_time: formatInstant(recurrence.endDateTime) };
  const common = { repeat_interval: recurrence.repeatInterval, ...end };
  if (recurrence.type === 1) return { type: 1, ...common };
  if (recurrence.type === 2) {
    const days = [...new Set(recurrence.weeklyDays)].sort((a, b) => a - b);
    return { type: 2, ...common, weekly_days: days.join(',') };
  }
  if ('monthlyDay' in recurrence) return { type: 3, ...common, monthly_day: recurrence.monthlyDay };
  return { type: 3, ...common, monthly_week: recurrence.monthlyWeek, monthly_week_day: recurrence.monthlyWeekDay };
}

/**
 * The wall-clock start in the meeting's zone, `yyyy-MM-ddTHH:mm:ss` without `Z`: the form Zoom
 * reads in the zone of `timezone`, so that the occurrences keep their local time across DST.
 */
export function zoomLocalStart(startTime: string, timezone: string): string {
  return formatInstant(new ZoneClock(timezone).toLocal(Date.parse(startTime))).slice(0, 19);
}

/**
 * The create (or full update) request for a valid draft: a recurring meeting with a fixed time,
 * its recurrence sent in full (interval, days) so that Zoom fills in nothing by its own defaults
 * (Zoom's weekly default is Sunday; Cadence's is the start date's weekday).
 */
export function meetingBody(draft: MeetingDraft): ZoomMeetingBody {
  return {
    topic: draft.topic,
    type: recurringWithFixedTime,
    start_time: zoomLocalStart(draft.start_time, draft.timezone),
    duration: draft.recurrence.duration,
    timezone: draft.timezone,
    ...(draft.agenda === undefined ? {} : { agenda: draft.agenda }),
    ...(draft.password === undefined ? {} : { password: draft.password }),
    recurrence: recurrenceBody(draft),
    settings: { ...draft.settings },
  };
}

/** Zoom's read-back recurrence in the draft's shape: fields of other types and empty values ignored. */
function recurrenceOfZoom(meeting: ZoomMeeting): Record<string, unknown> | undefined {
  const read = meeting.recurrence;
  if (read === undefined) return undefined;
  const present = (value: number | undefined) => (value === undefined || value === 0 ? undefined : value);
  const endTimes = present(read.end_times);
  const endDate =
    read.end_date_time === undefined || read.end_date_time === '' ? undefined : normalInstant(read.end_date_time);
  const out: Record<string, unknown> = {
    type: read.type,
    ...(read.repeat_interval === undefined ? {} : { repeat_interval: read.repeat_interval }),
    ...(endTimes !== undefined ? { end_times: endTimes } : endDate === undefined ? {} : { end_date_time: endDate }),
    duration: meeting.duration,
  };
  if (read.type === 2 && read.weekly_days !== undefined && read.weekly_days !== '') out.weekly_days = read.weekly_days;
  if (read.type === 3) {
    const day = present(read.monthly_day);
    if (day !== undefined) out.monthly_days = [day];
    else {
      out.monthly_week = read.monthly_week;
      out.monthly_week_day = read.monthly_week_day;
    }
  }
  return out;
}

/** `2026-03-03T14:00:00Z` however Zoom wrote the instant (with milliseconds, an offset). */
function normalInstant(text: string): string {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? text : formatInstant(ms);
}

export type ZoomMeetingAsDraft = { ok: true; draft: MeetingDraft } | { ok: false; issues: PathIssue[] };

/**
 * A meeting as Zoom answers it, in the draft's terms (what a planner can change), parsed by the
 * draft's own schema so that a value adopted from Zoom is held to the planner's rules. `key` and
 * `host_email` are Cadence's: Zoom's answer names the host by ID.
 */
export function draftOfZoomMeeting(
  meeting: ZoomMeeting,
  ours: { host_email: string; key?: string | undefined },
): ZoomMeetingAsDraft {
  const settings: Record<string, unknown> = {};
  for (const name of settingNames) {
    const value = meeting.settings?.[name];
    if (value !== undefined) settings[name] = value;
  }
  const candidate = {
    ...(ours.key === undefined ? {} : { key: ours.key }),
    host_email: ours.host_email,
    topic: meeting.topic,
    ...(meeting.agenda === undefined || meeting.agenda === '' ? {} : { agenda: meeting.agenda }),
    timezone: meeting.timezone,
    start_time: meeting.start_time === undefined ? undefined : normalInstant(meeting.start_time),
    recurrence: recurrenceOfZoom(meeting),
    ...(meeting.password === undefined || meeting.password === '' ? {} : { password: meeting.password }),
    settings,
  };
  const parsed = meetingDraftSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, draft: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.filter((part): part is string | number => typeof part !== 'symbol'),
      message: issue.message,
    })),
  };
}

/** The recurrence of comparable fields: the draft's, its defaults resolved, without the duration. */
export type ComparableRecurrence = Omit<RecurrenceDraft, 'duration'>;

/**
 * What a planner can change of a meeting, in one normal form for comparing a draft, the last
 * synced snapshot and Zoom's answer: defaults resolved (interval 1, the start date's weekday),
 * days sorted, the start as the first occurrence (Zoom answers the first occurrence's start),
 * an absent agenda as empty (Zoom answers "").
 */
export interface ComparableMeetingFields {
  topic: string;
  agenda: string;
  timezone: string;
  start_time: string;
  duration: number;
  recurrence: ComparableRecurrence;
  /** Absent: the draft leaves the passcode to Zoom's account settings. */
  password?: string;
  settings: MeetingSettings;
}

/** The comparable fields of a valid draft (or of `draftOfZoomMeeting`'s). */
export function comparableMeetingFields(draft: MeetingDraft): ComparableMeetingFields {
  const plan = planSeriesTiming(draft);
  const first = plan.ok ? plan.instants[0] : undefined;
  const body = recurrenceBody(draft);
  const recurrence: ComparableRecurrence = {
    type: body.type,
    repeat_interval: body.repeat_interval,
    ...(body.end_times === undefined ? {} : { end_times: body.end_times }),
    ...(body.end_date_time === undefined ? {} : { end_date_time: body.end_date_time }),
    ...(body.weekly_days === undefined ? {} : { weekly_days: body.weekly_days.split(',').map(Number) }),
    ...(body.monthly_day === undefined ? {} : { monthly_days: [body.monthly_day] }),
    ...(body.monthly_week === undefined ? {} : { monthly_week: body.monthly_week as -1 | 1 | 2 | 3 | 4 }),
    ...(body.monthly_week_day === undefined ? {} : { monthly_week_day: body.monthly_week_day }),
  };
  return {
    topic: draft.topic,
    agenda: draft.agenda ?? '',
    timezone: draft.timezone,
    start_time: first === undefined ? draft.start_time : formatInstant(first.start),
    duration: draft.recurrence.duration,
    recurrence,
    ...(draft.password === undefined ? {} : { password: draft.password }),
    settings: { ...draft.settings },
  };
}

/** A field of `ComparableMeetingFields` by name; settings one by one (`settings.waiting_room`). */
export type MeetingFieldName = Exclude<keyof ComparableMeetingFields, 'settings'> | `settings.${keyof MeetingSettings}`;

/**
 * The fields that differ between two sides, in a stable order. A passcode absent on either side
 * is Zoom's choice, not a change: a draft without one accepts the passcode Zoom gave.
 */
export function changedMeetingFields(a: ComparableMeetingFields, b: ComparableMeetingFields): MeetingFieldName[] {
  const changed: MeetingFieldName[] = [];
  for (const name of ['topic', 'agenda', 'timezone', 'start_time', 'duration'] as const) {
    if (a[name] !== b[name]) changed.push(name);
  }
  if (!sameRecurrence(a.recurrence, b.recurrence)) changed.push('recurrence');
  if (a.password !== undefined && b.password !== undefined && a.password !== b.password) changed.push('password');
  for (const name of settingNames) {
    if (a.settings[name] !== b.settings[name]) changed.push(`settings.${name}`);
  }
  return changed;
}

function sameRecurrence(a: ComparableRecurrence, b: ComparableRecurrence): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof ComparableRecurrence)[]);
  for (const key of keys) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) return false;
  }
  return true;
}

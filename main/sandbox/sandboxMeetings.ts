import { randomBytes } from 'node:crypto';
import type { Issue } from '../../shared/ipc/envelope';
import { maxMeetingOccurrences } from '../../shared/meetings/meetingRules';
import { formatInstant } from '../../shared/recurrence/expandRecurrence';
import { expandSeries } from '../../shared/recurrence/seriesTiming';
import { isKnownTimeZone, ZoneClock } from '../../shared/recurrence/zoneClock';
import { pageOf, Refusal, refuse, type SandboxAnswer } from './sandboxAnswers';
import type { SandboxData, SandboxMeeting, SandboxOccurrence, SandboxUser } from './sandboxData';

/** Zoom's per-user daily limit of meeting creates and updates (UTC day), unless a test lowers it. */
export const defaultMeetingDailyLimit = 100;

/** What a Meetings handler is given: the request, and the day's limit per host. */
export interface MeetingRequest {
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** Already checked against the Meetings operations' request schemas. */
  body: Record<string, unknown>;
  now: number;
  meetingDailyLimit?: number;
}

type MeetingHandler = (data: SandboxData, request: MeetingRequest) => SandboxAnswer;

/** A recurring meeting with a fixed time: the only type with a recurrence and occurrences. */
const recurringWithFixedTime = 8;
const maxRepeatIntervals: Readonly<Record<number, [number, string]>> = {
  1: [90, 'days'],
  2: [12, 'weeks'],
  3: [3, 'months'],
};
const passcodePattern = /^[A-Za-z0-9@\-_*]{1,10}$/;
const passcodeRule =
  'Passcode may only contain the following characters: [a-z A-Z 0-9 @ - _ *] and can have a maximum of 10 characters.';

/** Zoom's settings for what a create leaves out (the account's defaults of a new account). */
const defaultSettings: Readonly<Record<string, unknown>> = {
  host_video: false,
  participant_video: false,
  join_before_host: false,
  mute_upon_entry: false,
  watermark: false,
  waiting_room: false,
  meeting_authentication: false,
  approval_type: 2,
  registration_type: 1,
  audio: 'both',
  auto_recording: 'none',
};

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const integer = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

const invalid = (issues: Issue[]): never => refuse(400, 300, 'Validation Failed.', issues);

/** The user a path names, by email (any case) or ID: Zoom's 1001 otherwise. */
export function userOf(data: SandboxData, userId: string | undefined): SandboxUser {
  const wanted = (userId ?? '').toLowerCase();
  const user = data.users.find((u) => u.id === userId || u.email.toLowerCase() === wanted);
  return user ?? refuse(404, 1001, `User does not exist: ${userId ?? ''}.`);
}

function meetingOf(data: SandboxData, meetingId: string | undefined): SandboxMeeting {
  const meeting = data.meetings.find((m) => String(m.id) === meetingId);
  return meeting ?? refuse(404, 3001, `Meeting does not exist: ${meetingId ?? ''}.`);
}

/** The start as a UTC instant: `…Z` is GMT, a time without zone is the wall clock of `timezone`. */
function startInstant(value: string, timezone: string): number {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value)) return Date.parse(value);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(value)) {
    const local = Date.parse(`${value}Z`);
    if (!Number.isNaN(local)) return new ZoneClock(timezone).toInstant(local);
  }
  return invalid([{ path: 'start_time', message: 'Invalid field: use yyyy-MM-ddTHH:mm:ssZ or yyyy-MM-ddTHH:mm:ss.' }]);
}

/** Zoom's rules for a recurrence beyond its schema: the interval's maximum, one end only. */
function recurrenceIssues(input: Record<string, unknown>): Issue[] {
  const type = integer(input.type) ?? 1;
  const interval = integer(input.repeat_interval) ?? 1;
  const [max, unit] = maxRepeatIntervals[type] ?? [1, ''];
  const issues: Issue[] = [];
  if (interval > max) {
    issues.push({
      path: 'recurrence.repeat_interval',
      message: `The repeat interval is at most ${String(max)} ${unit}.`,
    });
  }
  if (input.end_times !== undefined && input.end_date_time !== undefined) {
    issues.push({ path: 'recurrence.end_times', message: 'end_times cannot be used with end_date_time.' });
  }
  return issues;
}

/** A recurrence as Zoom keeps and answers it, Zoom's defaults applied (weekly: Sunday; monthly: the 1st). */
function readRecurrence(input: Record<string, unknown>): Record<string, unknown> {
  const type = integer(input.type) ?? 1;
  const endDate = text(input.end_date_time);
  const out: Record<string, unknown> = {
    type,
    repeat_interval: integer(input.repeat_interval) ?? 1,
    ...(endDate === undefined
      ? { end_times: integer(input.end_times) ?? 1 }
      : { end_date_time: formatInstant(Date.parse(endDate)) }),
  };
  if (type === 2) out.weekly_days = text(input.weekly_days) ?? '1';
  if (type === 3) {
    if (input.monthly_week !== undefined || input.monthly_week_day !== undefined) {
      out.monthly_week = integer(input.monthly_week) ?? 1;
      out.monthly_week_day = integer(input.monthly_week_day) ?? 1;
    } else out.monthly_day = integer(input.monthly_day) ?? 1;
  }
  return out;
}

/** The occurrences Zoom schedules for a meeting, by the recurrence rules Cadence's preview also follows. */
function occurrencesOf(meeting: Omit<SandboxMeeting, 'occurrences'>): SandboxOccurrence[] {
  const r = meeting.recurrence;
  if (meeting.type !== recurringWithFixedTime || r === undefined) return [];
  const recurrence = {
    type: r.type,
    repeat_interval: r.repeat_interval,
    duration: meeting.duration,
    ...(r.end_times === undefined ? { end_date_time: r.end_date_time } : { end_times: r.end_times }),
    ...(r.weekly_days === undefined ? {} : { weekly_days: r.weekly_days }),
    ...(r.monthly_day === undefined ? {} : { monthly_days: [r.monthly_day] }),
    ...(r.monthly_week === undefined ? {} : { monthly_week: r.monthly_week, monthly_week_day: r.monthly_week_day }),
  };
  const expanded = expandSeries({ timezone: meeting.timezone, start_time: meeting.start_time, recurrence });
  if (!expanded.ok) return invalid(expanded.issues);
  if (expanded.occurrences.length > maxMeetingOccurrences) {
    const field = r.end_times === undefined ? 'recurrence.end_date_time' : 'recurrence.end_times';
    invalid([
      {
        path: field,
        message: `A recurring meeting has at most ${String(maxMeetingOccurrences)} occurrences; this gives ${String(expanded.occurrences.length)}.`,
      },
    ]);
  }
  return expanded.occurrences.map((o) => ({
    occurrence_id: String(Date.parse(o.start_time)),
    start_time: o.start_time,
    duration: meeting.duration,
    status: 'available',
  }));
}

/**
 * A meeting with `body`'s fields applied over `base` (a create's defaults, or the meeting as it
 * is), checked whole before anything is kept: Zoom's rules on each field, then its occurrences.
 */
function withFields(base: Omit<SandboxMeeting, 'occurrences'>, body: Record<string, unknown>): SandboxMeeting {
  const issues: Issue[] = [];
  const timezone = text(body.timezone) ?? base.timezone;
  if (!isKnownTimeZone(timezone)) issues.push({ path: 'timezone', message: `Invalid timezone: ${timezone}.` });
  const password = text(body.password);
  if (password !== undefined && !passcodePattern.test(password))
    issues.push({ path: 'password', message: passcodeRule });
  const topic = text(body.topic);
  if (topic?.trim() === '') issues.push({ path: 'topic', message: 'The topic cannot be empty.' });
  const recurrence = body.recurrence as Record<string, unknown> | undefined;
  if (recurrence !== undefined) issues.push(...recurrenceIssues(recurrence));
  if (issues.length > 0) invalid(issues);
  const startText = text(body.start_time);
  const settings = body.settings as Record<string, unknown> | undefined;
  const next: Omit<SandboxMeeting, 'occurrences'> = {
    ...base,
    ...(topic === undefined ? {} : { topic }),
    ...(text(body.agenda) === undefined ? {} : { agenda: text(body.agenda) ?? '' }),
    ...(integer(body.duration) === undefined ? {} : { duration: integer(body.duration) ?? base.duration }),
    ...(password === undefined ? {} : { password }),
    timezone,
    start_time: startText === undefined ? base.start_time : formatInstant(startInstant(startText, timezone)),
    ...(recurrence === undefined ? {} : { recurrence: readRecurrence(recurrence) }),
    settings: { ...base.settings, ...settings },
  };
  if (next.type === recurringWithFixedTime && next.recurrence === undefined) {
    invalid([{ path: 'recurrence', message: 'A recurring meeting with a fixed time needs a recurrence.' }]);
  }
  return { ...next, occurrences: occurrencesOf(next) };
}

function nextUtcMidnight(now: number): number {
  const day = new Date(now);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1);
}

/**
 * Zoom's per-user daily limit of meeting creates and updates (UTC day, by the sandbox's clock):
 * refuses as Zoom does once the host's count for the day is reached, else answers what to call
 * once the change is made, to count it.
 */
function chargeDailyLimit(data: SandboxData, request: MeetingRequest, user: SandboxUser, label: string): () => void {
  const day = new Date(request.now).toISOString().slice(0, 10);
  // Only today's counts matter: earlier days are dropped as the day turns.
  data.meetingQuota = data.meetingQuota.filter((entry) => entry.day === day);
  const limit = request.meetingDailyLimit ?? defaultMeetingDailyLimit;
  const used = data.meetingQuota.find((entry) => entry.user_id === user.id)?.count ?? 0;
  if (used >= limit) {
    throw new Refusal({
      status: 429,
      body: {
        code: 429,
        message: `You have exceeded the daily rate limit of (${String(limit)}) for Create/Update meeting API requests for the user (${user.email}). You can resume these API requests at GMT 00:00:00.`,
      },
      headers: {
        'x-ratelimit-category': label,
        'x-ratelimit-type': 'Daily-limit',
        'x-ratelimit-limit': String(limit),
        'x-ratelimit-remaining': '0',
        'retry-after': formatInstant(nextUtcMidnight(request.now)),
      },
    });
  }
  return () => {
    const entry = data.meetingQuota.find((e) => e.user_id === user.id);
    if (entry === undefined) data.meetingQuota.push({ user_id: user.id, day, count: 1 });
    else entry.count += 1;
  };
}

/** A meeting as Zoom answers a create or a get; past occurrences only when asked for. */
function meetingAnswer(data: SandboxData, meeting: SandboxMeeting, now: number, isPastShown: boolean): unknown {
  const host = data.users.find((u) => u.id === meeting.host_id);
  const approval = meeting.settings.approval_type;
  const isRegistered = meeting.type === recurringWithFixedTime && (approval === 0 || approval === 1);
  const occurrences = isPastShown
    ? meeting.occurrences
    : meeting.occurrences.filter((o) => Date.parse(o.start_time) + o.duration * 60_000 > now);
  return {
    uuid: meeting.uuid,
    id: meeting.id,
    host_id: meeting.host_id,
    host_email: host?.email ?? '',
    topic: meeting.topic,
    type: meeting.type,
    status: 'waiting',
    start_time: meeting.occurrences[0]?.start_time ?? meeting.start_time,
    duration: meeting.duration,
    timezone: meeting.timezone,
    agenda: meeting.agenda,
    created_at: meeting.created_at,
    start_url: `https://zoom.us/s/${String(meeting.id)}?zak=sandbox`,
    join_url: `https://zoom.us/j/${String(meeting.id)}`,
    ...(meeting.password === undefined ? {} : { password: meeting.password, h323_password: meeting.password }),
    ...(isRegistered ? { registration_url: `https://zoom.us/meeting/register/${meeting.registration_token}` } : {}),
    ...(meeting.recurrence === undefined ? {} : { recurrence: meeting.recurrence }),
    ...(meeting.type === recurringWithFixedTime ? { occurrences } : {}),
    settings: { ...meeting.settings, use_pmi: false, registrants_email_notification: true },
    pre_schedule: false,
  };
}

/** A meeting ID shaped like Zoom's: eleven digits, unique within the sandbox. */
function meetingNumber(data: SandboxData): number {
  return 85_000_000_000 + data.nextId++ * 7_919;
}

function createMeeting(data: SandboxData, request: MeetingRequest): SandboxAnswer {
  const user = userOf(data, request.params.userId);
  const count = chargeDailyLimit(data, request, user, 'Medium');
  const type = integer(request.body.type) ?? 2;
  if (type === recurringWithFixedTime && request.body.start_time === undefined) {
    invalid([{ path: 'start_time', message: 'A recurring meeting with a fixed time needs a start time.' }]);
  }
  const base: Omit<SandboxMeeting, 'occurrences'> = {
    id: 0,
    uuid: randomBytes(16).toString('base64'),
    host_id: user.id,
    topic: 'Zoom Meeting',
    type,
    start_time: formatInstant(Math.ceil(request.now / 1000) * 1000),
    duration: 60,
    timezone: user.timezone,
    agenda: '',
    created_at: formatInstant(Math.floor(request.now / 1000) * 1000),
    settings: { ...defaultSettings },
    registration_token: `tZ${randomBytes(18).toString('base64url')}`,
  };
  const meeting = withFields(base, request.body);
  meeting.id = meetingNumber(data);
  data.meetings.push(meeting);
  count();
  // A create answers every occurrence it scheduled, the way its preview lists them.
  return { status: 201, body: meetingAnswer(data, meeting, request.now, true) };
}

/** Applies an update; `isCounted` false for a change made in Zoom's web portal (an edit). */
export function updateMeeting(
  data: SandboxData,
  request: MeetingRequest,
  options: { isCounted: boolean } = { isCounted: true },
): SandboxAnswer {
  const meeting = meetingOf(data, request.params.meetingId);
  const host = data.users.find((u) => u.id === meeting.host_id) ?? refuse(404, 1001, 'Meeting host does not exist.');
  const count = options.isCounted ? chargeDailyLimit(data, request, host, 'Light') : () => undefined;
  // A meeting keeps its type: Zoom does not turn a recurring meeting into another kind on update.
  const fields = Object.fromEntries(Object.entries(request.body).filter(([key]) => key !== 'type'));
  const updated = withFields(meeting, fields);
  data.meetings = data.meetings.map((m) => (m === meeting ? updated : m));
  count();
  return { status: 204 };
}

/** Deletes a whole meeting, with its occurrences. */
export function deleteMeeting(data: SandboxData, meetingId: string): SandboxAnswer {
  const meeting = meetingOf(data, meetingId);
  data.meetings = data.meetings.filter((m) => m !== meeting);
  return { status: 204 };
}

function listMeetings(data: SandboxData, request: MeetingRequest): SandboxAnswer {
  const user = userOf(data, request.params.userId);
  const type = request.query.get('type') ?? 'scheduled';
  const theirs = data.meetings
    .filter((m) => m.host_id === user.id && (type !== 'scheduled' || m.type !== 1))
    .sort((a, b) => a.start_time.localeCompare(b.start_time) || a.id - b.id);
  const { page, ...rest } = pageOf(theirs, request.query);
  return {
    status: 200,
    body: {
      page_size: Number(request.query.get('page_size') ?? '30'),
      ...rest,
      meetings: page.map((m) => ({
        uuid: m.uuid,
        id: m.id,
        host_id: m.host_id,
        topic: m.topic,
        type: m.type,
        start_time: m.occurrences[0]?.start_time ?? m.start_time,
        duration: m.duration,
        timezone: m.timezone,
        agenda: m.agenda,
        created_at: m.created_at,
        join_url: `https://zoom.us/j/${String(m.id)}`,
      })),
    },
  };
}

function getUser(data: SandboxData, request: MeetingRequest): SandboxAnswer {
  const user = userOf(data, request.params.userId);
  return {
    status: 200,
    body: { ...user, role_name: 'Member', account_id: 'sandbox-account', verified: 1, language: 'en-US' },
  };
}

/** The Meetings operations the sandbox simulates, by the operationIds of `meetings-openapi.json`. */
export const meetingHandlers: Readonly<Record<string, MeetingHandler>> = {
  user: getUser,
  meetings: listMeetings,
  meetingCreate: createMeeting,
  meeting: (data, request) => {
    const meeting = meetingOf(data, request.params.meetingId);
    const isPastShown = request.query.get('show_previous_occurrences') === 'true';
    return { status: 200, body: meetingAnswer(data, meeting, request.now, isPastShown) };
  },
  meetingUpdate: (data, request) => updateMeeting(data, request),
  meetingDelete: (data, request) => deleteMeeting(data, request.params.meetingId ?? ''),
};

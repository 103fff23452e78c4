import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  configMeetingKey,
  readMeetingConfig,
  readMeetingConfigText,
  type MeetingConfig,
} from '../../../../shared/meetings/readMeetingConfig';
import { formatInstant } from '../../../../shared/recurrence/expandRecurrence';
import { planSeriesTiming } from '../../../../shared/recurrence/seriesTiming';

const fixture = (name: string) => readFileSync(`test/fixtures/meetings/${name}`, 'utf8');

function readOk(text: string): MeetingConfig {
  const reading = readMeetingConfigText(text, 'config.json');
  if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
  return reading.config;
}

/** Count, first and last start (UTC) of each meeting's occurrences. */
function preview(config: MeetingConfig) {
  return config.meetings.map(({ draft }) => {
    const plan = planSeriesTiming(draft);
    if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
    return {
      topic: draft.topic,
      count: plan.instants.length,
      first: formatInstant(plan.instants[0]?.start ?? 0),
      last: formatInstant(plan.instants.at(-1)?.start ?? 0),
    };
  });
}

const minimal = {
  host_email: 'host@example.com',
  topic: 'Standup',
  start_date: '2027-01-04',
  start_time: '09:00:00',
  recurrence_type: 'daily',
  occurrences: 5,
};

function withoutOccurrences(): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...minimal };
  delete copy.occurrences;
  return copy;
}

const issuesOf = (input: unknown) => {
  const reading = readMeetingConfig(input);
  if (reading.ok) throw new Error('expected problems');
  return reading.issues;
};

describe("the script's example configs", () => {
  // Counted on a calendar: 2026-03-03 is a Tuesday; "2" is Monday, "3" Tuesday (1 = Sunday).
  // US clocks go forward on 2026-03-08 and back on 2026-11-01.
  it('example 1: Mondays from 2026-03-09 to 2026-12-28 at 09:00 New York, 43 of them', () => {
    const config = readOk(fixture('example-1-weekly-single-user.json'));
    expect(config.outputFile).toBe('team_meetings.csv');
    expect(config.zoomApi).toEqual({
      account_id: 'abc123xyz',
      client_id: 'client_id_here',
      client_secret: 'client_secret_here',
    });
    expect(preview(config)).toEqual([
      { topic: 'Monday Team Sync', count: 43, first: '2026-03-09T13:00:00Z', last: '2026-12-28T14:00:00Z' },
    ]);
    const [meeting] = config.meetings;
    expect(meeting?.path).toBe('meetings[0]');
    expect(meeting?.draft).toMatchObject({
      key: 'manager@company.com/2026-03-03T09:00:00/Monday Team Sync',
      host_email: 'manager@company.com',
      agenda: 'Weekly team synchronization meeting',
      timezone: 'America/New_York',
      start_time: '2026-03-03T14:00:00Z',
      recurrence: {
        type: 2,
        repeat_interval: 1,
        weekly_days: [2],
        duration: 45,
        // The last date, inclusive, in New York: 23:59:59 EST.
        end_date_time: '2027-01-01T04:59:59Z',
      },
      settings: {
        approval_type: 0,
        registration_type: 1,
        host_video: true,
        participant_video: true,
        join_before_host: false,
        mute_upon_entry: true,
        waiting_room: true,
        watermark: false,
        auto_recording: 'none',
        audio: 'both',
        meeting_authentication: false,
      },
    });
  });

  it('example 2: two hosts, Tuesdays weekly and every other Tuesday, the default output file', () => {
    const config = readOk(fixture('example-2-multiple-users.json'));
    expect(config.outputFile).toBe('zoom_meetings.csv');
    expect(preview(config)).toEqual([
      { topic: 'Sales Pipeline Review', count: 43, first: '2026-03-10T17:00:00Z', last: '2026-12-29T18:00:00Z' },
      // Week 0 (Mar 1–7) holds only a Tuesday before the start; week 2 is the first with one.
      { topic: 'Engineering Sprint Planning', count: 21, first: '2026-03-17T18:00:00Z', last: '2026-12-22T19:00:00Z' },
    ]);
    expect(config.meetings[0]?.draft.settings.approval_type).toBe(2);
    expect(config.meetings[0]?.draft.agenda).toBeUndefined();
    expect(config.meetings[1]?.draft.settings.approval_type).toBe(0);
  });

  it('example 3: the 15th of ten months at 15:00 Chicago, an hour later in UTC after the clocks go back', () => {
    const config = readOk(fixture('example-3-monthly-fixed-day.json'));
    const plan = planSeriesTiming(config.meetings[0]?.draft ?? minimalDraft());
    if (!plan.ok) throw new Error('expected a plan');
    expect(plan.instants.map((o) => formatInstant(o.start))).toEqual([
      '2026-03-15T20:00:00Z',
      '2026-04-15T20:00:00Z',
      '2026-05-15T20:00:00Z',
      '2026-06-15T20:00:00Z',
      '2026-07-15T20:00:00Z',
      '2026-08-15T20:00:00Z',
      '2026-09-15T20:00:00Z',
      '2026-10-15T20:00:00Z',
      '2026-11-15T21:00:00Z',
      '2026-12-15T21:00:00Z',
    ]);
    expect(config.meetings[0]?.draft).toMatchObject({
      recurrence: { type: 3, monthly_days: 15, end_times: 10, duration: 90 },
      settings: { waiting_room: false, auto_recording: 'cloud', approval_type: 0 },
    });
  });
});

function minimalDraft() {
  const reading = readMeetingConfig({ meetings: [minimal] });
  if (!reading.ok) throw new Error('minimal config must read');
  const draft = reading.config.meetings[0]?.draft;
  if (draft === undefined) throw new Error('minimal config must read');
  return draft;
}

describe('reading rules', () => {
  it('takes the defaults of the configuration reference', () => {
    const draft = minimalDraft();
    expect(draft.timezone).toBe('UTC');
    expect(draft.start_time).toBe('2027-01-04T09:00:00Z');
    expect(draft.recurrence).toEqual({ type: 1, repeat_interval: 1, end_times: 5, duration: 60 });
    expect(draft.password).toBeUndefined();
    expect(draft.settings.approval_type).toBe(0);
  });

  it('a weekly meeting without weekly_days meets on the weekday of its start date', () => {
    const reading = readMeetingConfig({ meetings: [{ ...minimal, recurrence_type: 'weekly', occurrences: 3 }] });
    if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
    const plan = planSeriesTiming(reading.config.meetings[0]?.draft ?? minimalDraft());
    if (!plan.ok) throw new Error('expected a plan');
    // 2027-01-04 is a Monday.
    expect(plan.instants.map((o) => formatInstant(o.start))).toEqual([
      '2027-01-04T09:00:00Z',
      '2027-01-11T09:00:00Z',
      '2027-01-18T09:00:00Z',
    ]);
  });

  it('a monthly meeting without monthly_day meets on the day of its start date', () => {
    const draft = readOk(JSON.stringify({ meetings: [{ ...minimal, recurrence_type: 'monthly' }] })).meetings[0]?.draft;
    expect(draft?.recurrence.monthly_days).toBe(4);
  });

  it('enable_registration false means no registration (approval_type 2)', () => {
    const draft = readOk(JSON.stringify({ meetings: [{ ...minimal, enable_registration: false }] })).meetings[0]?.draft;
    expect(draft?.settings.approval_type).toBe(2);
    const byType = readOk(JSON.stringify({ meetings: [{ ...minimal, approval_type: 2 }] })).meetings[0]?.draft;
    expect(byType?.settings.approval_type).toBe(2);
  });

  it('a start time in the spring-forward gap moves forward by the gap', () => {
    const draft = readOk(
      JSON.stringify({
        meetings: [{ ...minimal, timezone: 'America/New_York', start_date: '2027-03-14', start_time: '02:30:00' }],
      }),
    ).meetings[0]?.draft;
    expect(draft?.start_time).toBe('2027-03-14T07:30:00Z');
  });

  it('null is "not set" and fields starting with "_" are notes', () => {
    const draft = readOk(
      JSON.stringify({ _comment: 'team', meetings: [{ ...minimal, agenda: null, timezone: null, _note: 'x' }] }),
    ).meetings[0]?.draft;
    expect(draft?.timezone).toBe('UTC');
  });

  it('keys a meeting by host (any case), start and topic; a changed duration keeps the key', () => {
    const a = minimalDraft().key;
    const b = readOk(JSON.stringify({ meetings: [{ ...minimal, host_email: 'HOST@example.com', duration: 30 }] }))
      .meetings[0]?.draft.key;
    expect(b).toBe(a);
    const long = configMeetingKey({ ...minimal, host_email: `${'h'.repeat(110)}@example.com`, topic: 't'.repeat(200) });
    expect(long.length).toBe(300);
    const other = configMeetingKey({
      ...minimal,
      host_email: `${'h'.repeat(110)}@example.com`,
      topic: `${'t'.repeat(199)}u`,
    });
    expect(other).not.toBe(long);
  });
});

describe('problems, every one by JSON path, at once', () => {
  it('lists field problems of several meetings together', () => {
    const issues = issuesOf({
      meetings: [
        { ...minimal, start_time: '9:00' },
        { ...minimal, host_email: 'nobody', duration: 0, recurrence_type: 'yearly' },
        { topic: 'No host' },
      ],
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      'meetings[0].start_time',
      'meetings[1].host_email',
      'meetings[1].duration',
      'meetings[1].recurrence_type',
      'meetings[2].host_email',
      'meetings[2].start_date',
      'meetings[2].start_time',
      'meetings[2].recurrence_type',
    ]);
    expect(issues[4]?.message).toMatch(/^Required/);
  });

  it('names unknown fields with the field the script reads', () => {
    const issues = issuesOf({ meetings: [{ ...minimal, title: 'x', wating_room: false }], extra: 1 });
    expect(issues).toEqual([
      { path: 'extra', message: expect.stringMatching(/does not read/) as string },
      { path: 'meetings[0].title', message: 'The script reads topic.' },
      { path: 'meetings[0].wating_room', message: expect.stringMatching(/does not read/) as string },
    ]);
  });

  it('both ends, or neither, name both fields', () => {
    const withoutEnd = withoutOccurrences();
    const issues = issuesOf({ meetings: [{ ...minimal, end_date: '2027-02-01' }, withoutEnd] });
    expect(issues.map((issue) => issue.path)).toEqual([
      'meetings[0].end_date',
      'meetings[0].occurrences',
      'meetings[1].end_date',
      'meetings[1].occurrences',
    ]);
  });

  it('contradicting registration fields name both', () => {
    const issues = issuesOf({
      meetings: [
        { ...minimal, enable_registration: false, approval_type: 1 },
        { ...minimal, topic: 'B', enable_registration: true, approval_type: 2 },
      ],
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      'meetings[0].enable_registration',
      'meetings[0].approval_type',
      'meetings[1].enable_registration',
      'meetings[1].approval_type',
    ]);
  });

  it("checks Zoom's Meetings limits across fields: at most 50 occurrences, the end after the start", () => {
    const daily = withoutOccurrences();
    const issues = issuesOf({
      meetings: [
        { ...daily, end_date: '2027-06-30' },
        { ...daily, topic: 'B', end_date: '2027-01-01' },
        { ...minimal, topic: 'C', occurrences: 51 },
        { ...minimal, topic: 'D', recurrence_type: 'weekly', repeat_interval: 13 },
        { ...minimal, topic: 'E', weekly_days: '2' },
      ],
    });
    expect(issues).toEqual([
      { path: 'meetings[0].end_date', message: expect.stringMatching(/at most 50/) as string },
      { path: 'meetings[1].end_date', message: expect.stringMatching(/after the start/) as string },
      { path: 'meetings[2].occurrences', message: expect.stringMatching(/from 1 to 50/) as string },
      { path: 'meetings[3].repeat_interval', message: expect.stringMatching(/12 weeks/) as string },
      { path: 'meetings[4].weekly_days', message: 'Only weekly meetings use weekly_days; this one is daily.' },
    ]);
  });

  it('refuses impossible dates, bad weekdays, passcodes Zoom refuses, and the same meeting twice', () => {
    const issues = issuesOf({
      meetings: [
        { ...minimal, start_date: '2027-02-30' },
        { ...minimal, topic: 'W', recurrence_type: 'weekly', weekly_days: '2,8' },
        { ...minimal, topic: 'P', password: 'has space' },
        minimal,
        { ...minimal, host_email: 'Host@Example.com' },
      ],
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      'meetings[0].start_date',
      'meetings[1].weekly_days',
      'meetings[2].password',
      'meetings[4]',
    ]);
    expect(issues[3]?.message).toMatch(/meetings\[3\]/);
  });

  it('checks the top level and still lists the meetings’ problems', () => {
    expect(issuesOf({ zoom_api: { account_id: 'a' }, output_file: '', meetings: [{ ...minimal, topic: '' }] })).toEqual(
      [
        { path: 'zoom_api.client_id', message: expect.any(String) as string },
        { path: 'zoom_api.client_secret', message: expect.any(String) as string },
        { path: 'output_file', message: expect.stringMatching(/cannot be empty/) as string },
        { path: 'meetings[0].topic', message: 'The topic cannot be empty.' },
      ],
    );
    expect(issuesOf({})).toEqual([{ path: 'meetings', message: expect.stringMatching(/^Required/) as string }]);
    expect(issuesOf({ meetings: [] })).toEqual([{ path: 'meetings', message: 'List at least one meeting.' }]);
  });

  it('says where the JSON breaks, and refuses a field given twice', () => {
    const broken = readMeetingConfigText('{"meetings": [', 'c.json');
    expect(broken).toMatchObject({ ok: false, message: expect.stringMatching(/not valid JSON/) as string });
    const twice = readMeetingConfigText('{"meetings": [{"topic": "a", "topic": "b"}]}', 'c.json');
    expect(twice).toMatchObject({ ok: false, issues: [{ path: 'meetings[0].topic' }] });
  });
});

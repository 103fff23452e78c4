import { describe, expect, it } from 'vitest';
import { expandSeries, type ExpandResult } from '../../../../shared/recurrence/seriesTiming';

function starts(result: ExpandResult): string[] {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.occurrences.map((occurrence) => occurrence.start_time);
}

function issues(result: ExpandResult) {
  if (result.ok) throw new Error('expected problems');
  return result.issues;
}

const weekly = (recurrence: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  expandSeries({
    timezone: 'America/New_York',
    start_time: '2025-01-06T15:00:00Z',
    recurrence: { type: 2, duration: 30, ...recurrence },
    ...extra,
  });

describe('tutorial examples', () => {
  it('weekly standup: 12 Mondays at 10:00 New York, across the March DST change', () => {
    const result = weekly({ weekly_days: [2], end_times: 12 });
    expect(starts(result)).toEqual([
      '2025-01-06T15:00:00Z',
      '2025-01-13T15:00:00Z',
      '2025-01-20T15:00:00Z',
      '2025-01-27T15:00:00Z',
      '2025-02-03T15:00:00Z',
      '2025-02-10T15:00:00Z',
      '2025-02-17T15:00:00Z',
      '2025-02-24T15:00:00Z',
      '2025-03-03T15:00:00Z',
      '2025-03-10T14:00:00Z',
      '2025-03-17T14:00:00Z',
      '2025-03-24T14:00:00Z',
    ]);
    if (result.ok)
      expect(result.occurrences[9]).toEqual({
        index: 10,
        start_time: '2025-03-10T14:00:00Z',
        end_time: '2025-03-10T14:30:00Z',
      });
  });

  it('monthly webinar: six first Tuesdays, February to July 2025', () => {
    const result = expandSeries({
      timezone: 'America/New_York',
      start_time: '2025-02-04T19:00:00Z',
      recurrence: { type: 3, monthly_week: 1, monthly_week_day: 3, end_times: 6, duration: 60 },
    });
    expect(starts(result)).toEqual([
      '2025-02-04T19:00:00Z',
      '2025-03-04T19:00:00Z',
      '2025-04-01T18:00:00Z',
      '2025-05-06T18:00:00Z',
      '2025-06-03T18:00:00Z',
      '2025-07-01T18:00:00Z',
    ]);
  });

  it('a start date that is not a pattern day is not itself an occurrence', () => {
    // Wednesday 2025-01-01; the series meets on Tuesdays and Thursdays.
    const result = expandSeries({
      timezone: 'America/Los_Angeles',
      start_time: '2025-01-01T17:00:00Z',
      recurrence: { type: 2, weekly_days: [3, 5], end_times: 4, duration: 90 },
    });
    expect(starts(result)).toEqual([
      '2025-01-02T17:00:00Z',
      '2025-01-07T17:00:00Z',
      '2025-01-09T17:00:00Z',
      '2025-01-14T17:00:00Z',
    ]);
  });

  it('refuses the tutorial trap: a weekly day in monthly_week_day, with the right field and numbering', () => {
    const [problem, ...rest] = issues(weekly({ monthly_week_day: 1, end_times: 12 }));
    expect(rest).toEqual([]);
    expect(problem?.path).toBe('recurrence.monthly_week_day');
    expect(problem?.message).toContain('weekly_days');
    expect(problem?.message).toContain('1 = Sunday');
  });

  it('refuses the getting-started trap: "type": "monthly" and monthly_day', () => {
    const result = expandSeries({
      timezone: 'America/New_York',
      start_time: '2025-02-04T19:00:00Z',
      recurrence: { type: 'monthly', monthly_day: 4, end_times: 6, duration: 60 },
    });
    expect(issues(result)).toEqual([
      { path: 'recurrence.type', message: 'Repeats is 1 (daily), 2 (weekly) or 3 (monthly).' },
      { path: 'recurrence.monthly_day', message: 'Zoom calls this field monthly_days.' },
    ]);
  });
});

describe('the rules, case by case', () => {
  it('weekly without weekly_days meets on the weekday of the start date in the event zone', () => {
    // 2025-01-07T03:00Z is Monday evening in New York but Tuesday in UTC.
    const result = expandSeries({
      timezone: 'America/New_York',
      start_time: '2025-01-07T03:00:00Z',
      recurrence: { type: 2, end_times: 2, duration: 30 },
    });
    expect(starts(result)).toEqual(['2025-01-07T03:00:00Z', '2025-01-14T03:00:00Z']);
  });

  it('weekly every 2 weeks counts weeks from the Sunday-to-Saturday week of the start', () => {
    // Start Saturday 2025-01-11; days Sunday and Saturday. Week 0 holds only the Saturday.
    const result = expandSeries({
      timezone: 'UTC',
      start_time: '2025-01-11T09:00:00Z',
      recurrence: { type: 2, repeat_interval: 2, weekly_days: '1,7', end_times: 4, duration: 30 },
    });
    expect(starts(result)).toEqual([
      '2025-01-11T09:00:00Z',
      '2025-01-19T09:00:00Z',
      '2025-01-25T09:00:00Z',
      '2025-02-02T09:00:00Z',
    ]);
  });

  it('daily every 3 days', () => {
    const result = expandSeries({
      timezone: 'Europe/Berlin',
      start_time: '2025-03-28T08:00:00Z',
      recurrence: { type: 1, repeat_interval: 3, end_times: 3, duration: 15 },
    });
    // 09:00 Berlin: CET before 30 March, CEST after.
    expect(starts(result)).toEqual(['2025-03-28T08:00:00Z', '2025-03-31T07:00:00Z', '2025-04-03T07:00:00Z']);
  });

  it('monthly on the 31st takes the last day of shorter months', () => {
    const result = expandSeries({
      timezone: 'UTC',
      start_time: '2024-01-31T12:00:00Z',
      recurrence: { type: 3, monthly_days: 31, end_times: 4, duration: 60 },
    });
    expect(starts(result)).toEqual([
      '2024-01-31T12:00:00Z',
      '2024-02-29T12:00:00Z',
      '2024-03-31T12:00:00Z',
      '2024-04-30T12:00:00Z',
    ]);
  });

  it('monthly on the last Friday, every 3 months', () => {
    const result = expandSeries({
      timezone: 'Asia/Tokyo',
      start_time: '2025-01-01T00:00:00Z',
      recurrence: { type: 3, repeat_interval: 3, monthly_week: -1, monthly_week_day: 6, end_times: 3, duration: 60 },
    });
    // 09:00 Tokyo; last Fridays of January, April, July 2025.
    expect(starts(result)).toEqual(['2025-01-31T00:00:00Z', '2025-04-25T00:00:00Z', '2025-07-25T00:00:00Z']);
  });

  it('a start month whose pattern day has passed starts in the next active month', () => {
    const result = expandSeries({
      timezone: 'UTC',
      start_time: '2025-01-20T12:00:00Z',
      recurrence: { type: 3, monthly_days: [5], end_times: 2, duration: 60 },
    });
    expect(starts(result)).toEqual(['2025-02-05T12:00:00Z', '2025-03-05T12:00:00Z']);
  });

  it('end_date_time keeps occurrences that start at or before it', () => {
    const result = expandSeries({
      timezone: 'UTC',
      start_time: '2025-01-01T10:00:00Z',
      recurrence: { type: 1, end_date_time: '2025-01-03T10:00:00Z', duration: 30 },
    });
    expect(starts(result)).toEqual(['2025-01-01T10:00:00Z', '2025-01-02T10:00:00Z', '2025-01-03T10:00:00Z']);
  });

  it('an occurrence lasts its duration in real time across a DST change', () => {
    const result = expandSeries({
      timezone: 'America/New_York',
      start_time: '2025-03-09T06:30:00Z',
      recurrence: { type: 1, end_times: 1, duration: 120 },
    });
    expect(result).toEqual({
      ok: true,
      occurrences: [{ index: 1, start_time: '2025-03-09T06:30:00Z', end_time: '2025-03-09T08:30:00Z' }],
    });
  });
});

describe('DST and zones', () => {
  it('a time in the spring-forward gap moves forward by the gap (02:30 becomes 03:30)', () => {
    // 02:30 New York exists on 8 March, not on 9 March 2025.
    const result = expandSeries({
      timezone: 'America/New_York',
      start_time: '2025-03-08T07:30:00Z',
      recurrence: { type: 1, end_times: 3, duration: 30 },
    });
    expect(starts(result)).toEqual(['2025-03-08T07:30:00Z', '2025-03-09T07:30:00Z', '2025-03-10T06:30:00Z']);
  });

  it('a time that happens twice takes the earlier instant (New York, 1:30 on 2 November 2025)', () => {
    const result = expandSeries({
      timezone: 'America/New_York',
      start_time: '2025-11-01T05:30:00Z',
      recurrence: { type: 1, end_times: 3, duration: 30 },
    });
    expect(starts(result)).toEqual(['2025-11-01T05:30:00Z', '2025-11-02T05:30:00Z', '2025-11-03T06:30:00Z']);
  });

  it('southern hemisphere: Sydney falls back in April and springs forward in October', () => {
    const april = expandSeries({
      timezone: 'Australia/Sydney',
      start_time: '2025-04-04T15:30:00Z',
      recurrence: { type: 1, end_times: 3, duration: 30 },
    });
    // 02:30 on 6 April happens twice: the earlier is still +11.
    expect(starts(april)).toEqual(['2025-04-04T15:30:00Z', '2025-04-05T15:30:00Z', '2025-04-06T16:30:00Z']);
    const october = expandSeries({
      timezone: 'Australia/Sydney',
      start_time: '2025-10-03T16:30:00Z',
      recurrence: { type: 1, end_times: 3, duration: 30 },
    });
    // 02:30 on 5 October does not exist: it becomes 03:30 (+11).
    expect(starts(october)).toEqual(['2025-10-03T16:30:00Z', '2025-10-04T16:30:00Z', '2025-10-05T15:30:00Z']);
  });

  it('half-hour and quarter-hour offsets keep the local time', () => {
    const kolkata = expandSeries({
      timezone: 'Asia/Kolkata',
      start_time: '2025-01-06T04:30:00Z',
      recurrence: { type: 2, weekly_days: [2], end_times: 2, duration: 30 },
    });
    expect(starts(kolkata)).toEqual(['2025-01-06T04:30:00Z', '2025-01-13T04:30:00Z']);
    const kathmandu = expandSeries({
      timezone: 'Asia/Kathmandu',
      start_time: '2025-01-06T04:15:00Z',
      recurrence: { type: 1, end_times: 2, duration: 30 },
    });
    expect(starts(kathmandu)).toEqual(['2025-01-06T04:15:00Z', '2025-01-07T04:15:00Z']);
  });

  it('accepts links as well as canonical names (Asia/Calcutta)', () => {
    const result = expandSeries({
      timezone: 'Asia/Calcutta',
      start_time: '2025-01-06T04:30:00Z',
      recurrence: { type: 1, end_times: 1, duration: 30 },
    });
    expect(starts(result)).toEqual(['2025-01-06T04:30:00Z']);
  });

  it('across the date line, weekdays are those of the event zone (Pacific/Kiritimati, +14)', () => {
    // 2025-01-05T20:00Z is Monday 6 January 10:00 in Kiritimati.
    const result = expandSeries({
      timezone: 'Pacific/Kiritimati',
      start_time: '2025-01-05T20:00:00Z',
      recurrence: { type: 2, end_times: 2, duration: 30 },
    });
    expect(starts(result)).toEqual(['2025-01-05T20:00:00Z', '2025-01-12T20:00:00Z']);
  });

  it('a date the zone skipped has no occurrence (Samoa, 30 December 2011)', () => {
    const result = expandSeries({
      timezone: 'Pacific/Apia',
      start_time: '2011-12-28T20:00:00Z',
      recurrence: { type: 1, end_times: 3, duration: 60 },
    });
    // 10:00 on 28 and 29 December (-10), none on the 30th, then 31 December (+14).
    expect(starts(result)).toEqual(['2011-12-28T20:00:00Z', '2011-12-29T20:00:00Z', '2011-12-30T20:00:00Z']);
  });
});

describe('validation', () => {
  it.each([
    [
      { type: 1, repeat_interval: 91, end_times: 2, duration: 30 },
      'recurrence.repeat_interval',
      'Daily series repeat at most every 90 days.',
    ],
    [
      { type: 2, repeat_interval: 13, end_times: 2, duration: 30 },
      'recurrence.repeat_interval',
      'Weekly series repeat at most every 12 weeks.',
    ],
    [
      { type: 3, repeat_interval: 4, monthly_days: [1], end_times: 2, duration: 30 },
      'recurrence.repeat_interval',
      'Monthly series repeat at most every 3 months.',
    ],
    [
      { type: 2, weekly_days: [2], end_times: 1101, duration: 30 },
      'recurrence.end_times',
      'A series has at most 1,100 sessions.',
    ],
    [{ type: 2, weekly_days: [2, 2], end_times: 2, duration: 30 }, 'recurrence.weekly_days', 'List each day once.'],
    [
      { type: 2, weekly_days: [0], end_times: 2, duration: 30 },
      'recurrence.weekly_days[0]',
      'Days run from 1 to 7: 1 = Sunday, 2 = Monday … 7 = Saturday.',
    ],
    [
      { type: 1, weekly_days: [2], end_times: 2, duration: 30 },
      'recurrence.weekly_days',
      'Only weekly series use weekly_days.',
    ],
    [
      { type: 3, weekly_days: [2], monthly_days: 3, end_times: 2, duration: 30 },
      'recurrence.weekly_days',
      'Only weekly series use weekly_days.',
    ],
    [
      { type: 3, monthly_days: [1, 15], end_times: 2, duration: 30 },
      'recurrence.monthly_days',
      'Choose one day of the month.',
    ],
    [
      { type: 3, monthly_week: 2, end_times: 2, duration: 30 },
      'recurrence.monthly_week_day',
      'Say which weekday: 1 = Sunday, 2 = Monday … 7 = Saturday.',
    ],
    [
      { type: 3, monthly_week: 5, monthly_week_day: 2, end_times: 2, duration: 30 },
      'recurrence.monthly_week',
      'The week of the month is 1, 2, 3, 4, or -1 for the last one.',
    ],
    [
      { type: 2, weekly_days: [2], end_times: 2, duration: 0 },
      'recurrence.duration',
      'The duration in minutes is a whole number from 1 to 1440.',
    ],
    [
      { type: 2, weekly_days: [2], end_times: 2, duration: 'thirty' },
      'recurrence.duration',
      'The duration in minutes is a whole number from 1 to 1440.',
    ],
  ])('%j → %s', (recurrence, path, message) => {
    expect(issues(weekly(recurrence))).toContainEqual({ path, message });
  });

  it('names both end fields when both or neither are given', () => {
    const both = issues(weekly({ weekly_days: [2], end_times: 2, end_date_time: '2025-03-01T00:00:00Z' }));
    expect(both.map((problem) => problem.path)).toEqual(['recurrence.end_times', 'recurrence.end_date_time']);
    expect(both[0]?.message).toBe('Choose an end: a number of sessions or an end date, not both.');
    const neither = issues(weekly({ weekly_days: [2] }));
    expect(neither.map((problem) => problem.path)).toEqual(['recurrence.end_times', 'recurrence.end_date_time']);
  });

  it('names both monthly forms when both or neither are given', () => {
    const both = issues(weekly({ type: 3, monthly_days: 3, monthly_week: 1, monthly_week_day: 2, end_times: 2 }));
    expect(both.map((problem) => problem.path)).toEqual(['recurrence.monthly_days', 'recurrence.monthly_week']);
    const neither = issues(weekly({ type: 3, end_times: 2 }));
    expect(neither.map((problem) => problem.path)).toEqual(['recurrence.monthly_days', 'recurrence.monthly_week']);
  });

  it('an end date that gives more than 60 sessions is an error on end_date_time for one Zoom event, not a silent cut', () => {
    const series = {
      timezone: 'UTC',
      start_time: '2025-01-01T10:00:00Z',
      recurrence: { type: 1, end_date_time: '2025-03-15T10:00:00Z', duration: 30 },
    };
    const [problem] = issues(expandSeries(series, 60));
    expect(problem?.path).toBe('recurrence.end_date_time');
    expect(problem?.message).toContain('at most 60');
    // A Cadence series takes them all; it reaches Zoom in parts.
    const whole = expandSeries(series);
    expect(whole.ok && whole.occurrences.length).toBe(74);
    const [tooLong] = issues(
      expandSeries({ ...series, recurrence: { ...series.recurrence, end_date_time: '2028-03-15T10:00:00Z' } }),
    );
    expect(tooLong).toMatchObject({ path: 'recurrence.end_date_time' });
    expect(tooLong?.message).toContain('at most 1,100');
  });

  it('an end date before the start is refused; one before the first pattern day gives no session', () => {
    expect(issues(weekly({ weekly_days: [2], end_date_time: '2025-01-01T00:00:00Z' }))).toEqual([
      { path: 'recurrence.end_date_time', message: 'The end date must be after the start.' },
    ]);
    expect(issues(weekly({ weekly_days: [4], end_date_time: '2025-01-07T00:00:00Z' }))[0]?.message).toBe(
      'No session falls between the start and this end date.',
    );
  });

  it('refuses unknown zones, malformed instants and misnamed fields, all at once', () => {
    const result = expandSeries({
      timezone: 'Mars/Olympus',
      start_time: '2025-02-30T10:00:00Z',
      recurrence: { type: 2, weekly_days: [2], end_times: 2, duration: 30, interval: 2 },
    });
    expect(issues(result).map((problem) => problem.path)).toEqual(['timezone', 'start_time', 'recurrence.interval']);
  });

  it.each([
    '2025-01-06 15:00:00',
    '2025-01-06T15:00:00+01:00',
    '2025-01-06T15:00Z',
    1736175600000,
    '2025-13-01T15:00:00Z',
    '2025-01-06T25:00:00Z',
    'next Monday',
  ])('refuses the start time %j', (start_time) => {
    expect(
      issues(expandSeries({ timezone: 'UTC', start_time, recurrence: { type: 1, end_times: 1, duration: 30 } }))[0]
        ?.path,
    ).toBe('start_time');
  });

  it('requires a duration', () => {
    const result = expandSeries({
      timezone: 'UTC',
      start_time: '2025-01-06T15:00:00Z',
      recurrence: { type: 2, weekly_days: [2], end_times: 2 },
    });
    expect(issues(result)).toEqual([
      { path: 'recurrence.duration', message: 'The duration in minutes is a whole number from 1 to 1440.' },
    ]);
  });

  it('treats null as not set', () => {
    const result = weekly({ weekly_days: [2], end_times: 2, end_date_time: null, monthly_days: null });
    expect(starts(result)).toHaveLength(2);
  });
});

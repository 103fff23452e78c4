import { describe, expect, it } from 'vitest';
import { draftIssues } from '../../../../shared/drafts/seriesFile';
import { seriesDraftSchema } from '../../../../shared/drafts/seriesDraft';

// Dates outside the years Cadence and Zoom schedule in are refused at their field, in words,
// before they can turn into times like "+010000-01-01T23:00Z".
function series(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    name: 'Daily check-in',
    timezone: 'Europe/Berlin',
    event_type: 'RECURRING',
    start_time: '2027-01-04T08:00:00Z',
    recurrence: { type: 1, end_times: 10, duration: 15 },
    ...overrides,
  };
}

function problems(input: unknown) {
  const result = seriesDraftSchema.safeParse(input);
  return result.success ? [] : draftIssues(result.error);
}

describe('the range of dates', () => {
  it.each(['0001-01-01T00:00:00Z', '1907-10-04T13:00:00Z', '1999-12-31T23:59:59Z'])(
    'refuses a start in %s',
    (start) => {
      expect(problems(series({ start_time: start }))).toEqual([
        { path: 'start_time', message: 'Choose a date from the year 2000 to 2099.' },
      ]);
    },
  );

  it('refuses a series that would run past 2099, at its end', () => {
    expect(problems(series({ start_time: '2099-12-31T08:00:00Z' }))).toEqual([
      { path: 'recurrence.end_times', message: 'The sessions would run past 2099; end the series sooner.' },
    ]);
  });

  it('refuses an end date in 9999', () => {
    const issues = problems(series({ recurrence: { type: 1, end_date_time: '9999-12-31T00:00:00Z', duration: 15 } }));
    expect(issues).toContainEqual({
      path: 'recurrence.end_date_time',
      message: 'Choose a date from the year 2000 to 2099.',
    });
  });

  it('takes the first and last days of the range', () => {
    expect(problems(series({ start_time: '2000-01-01T00:00:00Z' }))).toEqual([]);
    expect(problems(series({ start_time: '2099-12-20T08:00:00Z' }))).toEqual([]);
  });
});

describe('the time zone', () => {
  it('is stored as the zone database spells it, whatever the case it was written in', () => {
    const parsed = seriesDraftSchema.parse({ ...series({}), timezone: 'america/new_york' });
    expect(parsed.timezone).toBe('America/New_York');
    expect(seriesDraftSchema.parse({ ...series({}), timezone: 'Asia/Calcutta' }).timezone).toBe('Asia/Calcutta');
  });
});

describe('the number of attendees', () => {
  it('is at most 100,000, refused at the list with the limit named', () => {
    const attendees = Array.from({ length: 100_001 }, (_, i) => ({ email: `p${String(i)}@example.com` }));
    expect(problems(series({ attendees }))).toEqual([
      {
        path: 'attendees',
        message: "A series has at most 100,000 attendees, as many as Zoom's largest webinar admits.",
      },
    ]);
  });
});

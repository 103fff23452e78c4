import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plannedSessions } from '../../../../shared/drafts/plannedSessions';
import { validateSeriesFile, type SeriesFile } from '../../../../shared/drafts/seriesFile';
import type { Issue } from '../../../../shared/ipc/envelope';

/** The example of docs/series-file.md, as written there. */
const example = JSON.parse(readFileSync('test/fixtures/series-file-example.json', 'utf8')) as {
  version: number;
  series: Record<string, unknown>[];
};
const standup = example.series[0] ?? {};

function valid(input: unknown): SeriesFile {
  const result = validateSeriesFile(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.file;
}

function issues(input: unknown): Issue[] {
  const result = validateSeriesFile(input);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.issues;
}

/** The example without the one line that breaks its own rule (see the first test). */
function corrected(): Record<string, unknown> {
  return {
    ...standup,
    attendees: [
      { email: 'jane.doe@example.com', first_name: 'Jane', last_name: 'Doe' },
      { email: 'john.smith@example.com', first_name: 'John', last_name: 'Smith' },
    ],
  };
}

describe('the series file of docs/series-file.md', () => {
  it('its example gives occurrences to an all-sessions attendee, which its rules forbid; only that is reported', () => {
    expect(issues(example)).toEqual([
      {
        path: 'series[0].attendees[1].occurrences',
        message:
          'With one registration for all sessions, every attendee attends every session: leave the sessions out.',
      },
    ]);
  });

  it('reads the corrected example completely', () => {
    const file = valid({ version: 1, series: [corrected()] });
    const [draft] = file.series;
    expect(draft).toMatchObject({
      key: 'eng-standup-2027q1',
      event_type: 'RECURRING',
      recurrence: { type: 2, weekly_days: [2], end_times: 12, duration: 30 },
      ticket_type: { name: 'Team Member Pass', free: true, quantity: 50, currency: 'USD' },
      registration: { link_name: 'Team Registration Link', recurring_registration_option: 'all_sessions' },
      publish: true,
    });
    if (draft === undefined) throw new Error('no draft');
    const sessions = plannedSessions(draft);
    expect(sessions).toHaveLength(12);
    expect(sessions[2]).toEqual({
      occurrence: 3,
      start_time: '2027-01-19T15:00:00Z',
      end_time: '2027-01-19T15:30:00Z',
      status: 'moved',
    });
    expect(sessions[6]).toMatchObject({ occurrence: 7, start_time: '2027-02-15T15:00:00Z', status: 'cancelled' });
    // Occurrence 11 is after the March DST change: 10:00 New York is 14:00Z.
    expect(sessions[10]).toMatchObject({ start_time: '2027-03-15T14:00:00Z', status: 'scheduled' });
  });

  it('is the same after a round trip through JSON', () => {
    const file = valid({ version: 1, series: [corrected()] });
    expect(valid(JSON.parse(JSON.stringify(file)))).toEqual(file);
  });
});

describe('a file with problems', () => {
  it('is refused as a whole, with every problem at its JSON path', () => {
    const broken = {
      version: 1,
      series: [
        corrected(),
        { ...corrected(), key: 'eng-standup-2027q1', name: '' },
        {
          ...corrected(),
          key: 'other',
          attendees: [{ email: 'jane.doe@example.com' }, { email: 'jane.doe@example' }],
          recurrence: { type: 2, weekly_days: [2], end_times: 12, end_date_time: '2025-06-01T00:00:00Z', duration: 30 },
        },
      ],
    };
    expect(issues(broken)).toEqual([
      { path: 'series[1].name', message: 'The series name cannot be empty.' },
      { path: 'series[2].attendees[1].email', message: 'Write an email address, such as jane.doe@example.com.' },
      {
        path: 'series[2].recurrence.end_times',
        message: 'Choose an end: a number of sessions or an end date, not both.',
      },
      {
        path: 'series[2].recurrence.end_date_time',
        message: 'Choose an end: a number of sessions or an end date, not both.',
      },
      {
        path: 'series[1].key',
        message: 'The key "eng-standup-2027q1" is already used by series[0]; each series needs its own key.',
      },
    ]);
  });

  it('names the version and unknown top-level fields', () => {
    expect(issues({ version: 2, series: [], drafts: [] })).toEqual([
      { path: 'version', message: 'This is a version 1 series file: write "version": 1.' },
      { path: 'drafts', message: 'This field is not expected here.' },
    ]);
  });

  it('explains what a series file is when it is not an object', () => {
    for (const input of [null, [], 'series', 42]) {
      expect(issues(input)).toEqual([
        { path: '', message: 'A series file is one JSON object: {"version": 1, "series": [...]}.' },
      ]);
    }
  });

  it('treats a series without a key as new each time: no key, no clash', () => {
    const withoutKey = { ...corrected(), key: undefined };
    expect(valid({ version: 1, series: [withoutKey, withoutKey] }).series).toHaveLength(2);
  });
});

describe('any input', () => {
  const value = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.constant(null),
    fc.boolean(),
    fc.array(fc.integer()),
    fc.object(),
  );
  // Valid series with fields swapped for arbitrary values, so that the rules meet half-valid drafts.
  const mangled = fc
    .tuple(fc.subarray(Object.keys(corrected())), fc.array(value, { minLength: 12, maxLength: 12 }))
    .map(([fields, values]) => {
      const draft: Record<string, unknown> = corrected();
      fields.forEach((field, i) => {
        draft[field] = values[i % values.length];
      });
      return { version: 1, series: [draft] };
    });

  it('is answered with a file or issues at paths, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(mangled, fc.anything()), (input) => {
        const result = validateSeriesFile(input);
        if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});

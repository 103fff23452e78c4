import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxOccurrences } from '../../../../shared/recurrence/expandRecurrence';
import { expandSeries } from '../../../../shared/recurrence/seriesTiming';
import { instantOf, referenceExpand, type ReferenceSeries } from '../../../support/referenceRecurrence';

// The engine against a second, independent reading of the rules (test/support/referenceRecurrence.ts),
// exact occurrence for occurrence, on generated series in every zone Intl lists and some it spells
// differently.
const zones = [
  ...Intl.supportedValuesOf('timeZone'),
  'Asia/Calcutta',
  'US/Eastern',
  'Europe/Kiev',
  'Pacific/Apia',
  'America/Santiago',
  'America/Havana',
  'Asia/Beirut',
  'Australia/Lord_Howe',
];
const hour = 3_600_000;

const pattern = fc.oneof(
  fc.record({
    type: fc.constant(1 as const),
    repeat_interval: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 90 })),
  }),
  fc.record(
    {
      type: fc.constant(2 as const),
      repeat_interval: fc.integer({ min: 1, max: 12 }),
      weekly_days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    },
    { requiredKeys: ['type', 'repeat_interval'] },
  ),
  fc.record({
    type: fc.constant(3 as const),
    repeat_interval: fc.integer({ min: 1, max: 3 }),
    monthly_days: fc.tuple(fc.oneof(fc.integer({ min: 28, max: 31 }), fc.integer({ min: 1, max: 31 }))),
  }),
  fc.record({
    type: fc.constant(3 as const),
    repeat_interval: fc.integer({ min: 1, max: 3 }),
    monthly_week: fc.constantFrom(-1, 1, 2, 3, 4),
    monthly_week_day: fc.integer({ min: 1, max: 7 }),
  }),
);

// Local start times lean towards the small hours, where clocks change.
const series = fc
  .record({
    timezone: fc.constantFrom(...zones),
    date: fc.date({
      min: new Date('2000-01-02T00:00:00Z'),
      max: new Date('2037-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    minuteOfDay: fc.oneof(fc.integer({ min: 0, max: 4 * 60 }), fc.integer({ min: 0, max: 1439 })),
    pattern,
    end: fc.oneof(
      fc.record({ end_times: fc.integer({ min: 1, max: 60 }) }),
      fc.record({ days: fc.oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 6000 })) }),
    ),
    duration: fc.integer({ min: 1, max: 1440 }),
  })
  .map(({ timezone, date, minuteOfDay, pattern: recurrence, end, duration }) => {
    const wall = Math.floor(date.getTime() / 86_400_000) * 86_400_000 + minuteOfDay * 60_000;
    const start = instantOf(timezone, wall) ?? wall;
    const endFields =
      'end_times' in end
        ? end
        : { end_date_time: `${new Date(start + end.days * 24 * hour).toISOString().slice(0, 19)}Z` };
    const input: ReferenceSeries = {
      timezone,
      start_time: `${new Date(start).toISOString().slice(0, 19)}Z`,
      recurrence: { ...recurrence, ...endFields, duration },
    };
    return input;
  });

describe('the engine and an independent reading of the rules', () => {
  it('agree on every occurrence of generated series', () => {
    fc.assert(
      fc.property(series, (input) => {
        const expected = referenceExpand(input);
        // One Zoom event's rules, as the sandbox applies them; longer series are split (seriesParts.test.ts).
        const result = expandSeries(input, maxOccurrences);
        if (expected.length > 60 || expected.length === 0) {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.issues.map((issue) => issue.path)).toEqual(['recurrence.end_date_time']);
          return;
        }
        expect(result).toEqual({ ok: true, occurrences: expected });
      }),
      { numRuns: 600 },
    );
  });

  it('agree at the clock changes of the zones with unusual ones', () => {
    const cases: ReferenceSeries[] = [
      // Santiago and Havana change at midnight; Lord Howe by half an hour; Apia skipped a whole day.
      {
        timezone: 'America/Santiago',
        start_time: '2024-09-01T04:30:00Z',
        recurrence: { type: 1, end_times: 20, duration: 30 },
      },
      {
        timezone: 'America/Havana',
        start_time: '2024-03-01T05:15:00Z',
        recurrence: { type: 1, end_times: 30, duration: 60 },
      },
      {
        timezone: 'Australia/Lord_Howe',
        start_time: '2024-09-15T15:15:00Z',
        recurrence: { type: 2, weekly_days: [1], end_times: 6, duration: 45 },
      },
      {
        timezone: 'Pacific/Apia',
        start_time: '2011-12-25T20:00:00Z',
        recurrence: { type: 1, end_times: 10, duration: 60 },
      },
      {
        timezone: 'Europe/London',
        start_time: '2025-03-02T01:30:00Z',
        recurrence: { type: 2, end_times: 12, duration: 60 },
      },
      {
        timezone: 'America/New_York',
        start_time: '2025-10-05T05:30:00Z',
        recurrence: { type: 2, end_times: 8, duration: 90 },
      },
    ];
    for (const input of cases) {
      expect(expandSeries(input), input.timezone).toEqual({ ok: true, occurrences: referenceExpand(input) });
    }
  });
});

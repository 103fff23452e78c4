import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxOccurrences } from '../../../../shared/recurrence/expandRecurrence';
import { expandSeries } from '../../../../shared/recurrence/seriesTiming';

// Invariants of the expansion, checked on generated series against Intl's own reading of each
// instant (independent of the engine's zone arithmetic).
const zones = [
  'UTC',
  'America/New_York',
  'America/Santiago',
  'Europe/London',
  'Europe/Berlin',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
  'Pacific/Apia',
  'America/St_Johns',
];

const formatters = new Map<string, Intl.DateTimeFormat>();
function localParts(instant: string, zone: string) {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(zone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday ?? '') + 1,
  };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether the zone changes its offset within three hours of an instant. */
function isNearTransition(instant: string, zone: string): boolean {
  const at = (ms: number) => {
    const parts = localParts(new Date(ms).toISOString(), zone);
    return Date.UTC(parts.year, parts.month - 1, parts.day, 0, parts.minutes) - Math.floor(ms / 60_000) * 60_000;
  };
  const ms = Date.parse(instant);
  return at(ms - 3 * 3_600_000) !== at(ms + 3 * 3_600_000);
}

const pattern = fc.oneof(
  fc.record({ type: fc.constant(1), repeat_interval: fc.integer({ min: 1, max: 90 }) }),
  fc.record({
    type: fc.constant(2),
    repeat_interval: fc.integer({ min: 1, max: 12 }),
    weekly_days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  }),
  fc.record({
    type: fc.constant(3),
    repeat_interval: fc.integer({ min: 1, max: 3 }),
    monthly_days: fc.integer({ min: 1, max: 31 }).map((day) => [day]),
  }),
  fc.record({
    type: fc.constant(3),
    repeat_interval: fc.integer({ min: 1, max: 3 }),
    monthly_week: fc.constantFrom(-1, 1, 2, 3, 4),
    monthly_week_day: fc.integer({ min: 1, max: 7 }),
  }),
);

const series = fc.record({
  timezone: fc.constantFrom(...zones),
  startMinute: fc.integer({ min: Date.UTC(2010, 0, 1) / 60_000, max: Date.UTC(2035, 0, 1) / 60_000 }),
  pattern,
  end: fc.oneof(
    fc.record({ end_times: fc.integer({ min: 1, max: 60 }) }),
    fc.record({ days: fc.integer({ min: 1, max: 800 }) }),
  ),
  duration: fc.integer({ min: 1, max: 1440 }),
});

describe('expansion invariants', () => {
  it('holds count, order, pattern, local time and end for generated series', () => {
    fc.assert(
      fc.property(series, ({ timezone, startMinute, pattern: recurrence, end, duration }) => {
        const startTime = `${new Date(startMinute * 60_000).toISOString().slice(0, 19)}Z`;
        const endDateTime =
          'days' in end
            ? `${new Date((startMinute + end.days * 1440) * 60_000).toISOString().slice(0, 19)}Z`
            : undefined;
        // One Zoom event's limit, as the sandbox applies it; longer series are split (seriesParts.test.ts).
        const result = expandSeries(
          {
            timezone,
            start_time: startTime,
            recurrence: {
              ...recurrence,
              duration,
              ...('end_times' in end ? { end_times: end.end_times } : { end_date_time: endDateTime }),
            },
          },
          maxOccurrences,
        );
        if (!result.ok) {
          // Only an end date may fail, and only for too many or no sessions.
          expect(endDateTime).toBeDefined();
          expect(result.issues.map((issue) => issue.path)).toEqual(['recurrence.end_date_time']);
          return;
        }
        const { occurrences } = result;
        if ('end_times' in end) expect(occurrences).toHaveLength(end.end_times);
        expect(occurrences.length).toBeGreaterThanOrEqual(1);
        expect(occurrences.length).toBeLessThanOrEqual(60);

        const start = localParts(startTime, timezone);
        occurrences.forEach((occurrence, position) => {
          expect(occurrence.index).toBe(position + 1);
          expect(Date.parse(occurrence.end_time) - Date.parse(occurrence.start_time)).toBe(duration * 60_000);
          expect(Date.parse(occurrence.start_time)).toBeGreaterThanOrEqual(Date.parse(startTime));
          if (endDateTime) expect(Date.parse(occurrence.start_time)).toBeLessThanOrEqual(Date.parse(endDateTime));
          const previous = occurrences[position - 1];
          if (previous) expect(Date.parse(occurrence.start_time)).toBeGreaterThan(Date.parse(previous.start_time));

          const local = localParts(occurrence.start_time, timezone);
          if (local.minutes !== start.minutes) {
            // Only a wall time in a DST gap may move.
            expect(isNearTransition(occurrence.start_time, timezone)).toBe(true);
            return;
          }
          if (recurrence.type === 2) expect(recurrence.weekly_days).toContain(local.weekday);
          if (recurrence.type === 3 && 'monthly_days' in recurrence) {
            expect(local.day).toBe(Math.min(recurrence.monthly_days[0] ?? 0, daysInMonth(local.year, local.month)));
          }
          if (recurrence.type === 3 && 'monthly_week' in recurrence) {
            expect(local.weekday).toBe(recurrence.monthly_week_day);
            const week = recurrence.monthly_week;
            if (week === -1) expect(local.day + 7).toBeGreaterThan(daysInMonth(local.year, local.month));
            else expect(Math.ceil(local.day / 7)).toBe(week);
          }
          const monthsApart = (local.year - start.year) * 12 + local.month - start.month;
          if (recurrence.type === 3) expect(monthsApart % recurrence.repeat_interval).toBe(0);
          const daysApart = Math.round(
            (Date.UTC(local.year, local.month - 1, local.day) - Date.UTC(start.year, start.month - 1, start.day)) /
              86_400_000,
          );
          if (recurrence.type === 1) expect(daysApart % recurrence.repeat_interval).toBe(0);
          if (recurrence.type === 2) {
            // Weeks run Sunday to Saturday; only every repeat_interval-th week from the start's is active.
            const weeksApart = (daysApart - (local.weekday - 1) + (start.weekday - 1)) / 7;
            expect(weeksApart % recurrence.repeat_interval).toBe(0);
          }
        });
      }),
      { numRuns: 400 },
    );
  });
});

describe('any input', () => {
  // Plausible values and near misses for each field, so that most inputs get past the JSON shape.
  const instant = fc.oneof(
    fc.date({ noInvalidDate: true }).map((date) => `${date.toISOString().slice(0, 19)}Z`),
    fc.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
    fc.string(),
  );
  const small = fc.oneof(fc.integer({ min: -3, max: 100 }), fc.double(), fc.string(), fc.constant(null));
  const input = fc.record(
    {
      timezone: fc.oneof(fc.constantFrom(...zones, 'Mars/Base', ''), fc.string()),
      start_time: instant,
      recurrence: fc.record(
        {
          type: small,
          repeat_interval: small,
          weekly_days: fc.oneof(fc.array(small), fc.string()),
          monthly_days: fc.oneof(fc.array(small), small),
          monthly_week: small,
          monthly_week_day: small,
          end_times: small,
          end_date_time: instant,
          duration: small,
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  );

  it('is answered with occurrences or field issues, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(input, fc.anything()), (value) => {
        const result = expandSeries(value);
        if (!result.ok) {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) expect(issue.message).not.toBe('');
        }
      }),
      { numRuns: 2000 },
    );
  });
});

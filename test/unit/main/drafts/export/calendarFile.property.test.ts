import fc from 'fast-check';
import { expect, it } from 'vitest';
import { calendarEntry } from '../../../../../main/drafts/export/calendarEntry';
import { calendarFile } from '../../../../../main/drafts/export/calendarFile';
import { plannedSessions } from '../../../../../shared/drafts/plannedSessions';
import { seriesDraftSchema } from '../../../../../shared/drafts/seriesDraft';
import { readCalendar } from '../../../../support/icalReader';

// On generated series: the calendar file, expanded by ical.js (not the writer's code), gives the
// sessions Cadence's preview plans, in every pattern, zone and end, with cancelled and moved ones.

const zones = [
  'UTC',
  'America/New_York',
  'America/St_Johns',
  'Europe/London',
  'Europe/Berlin',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Auckland',
];

const pattern = fc.oneof(
  fc.record({ type: fc.constant(1), repeat_interval: fc.integer({ min: 1, max: 30 }) }),
  fc.record({
    type: fc.constant(2),
    repeat_interval: fc.integer({ min: 1, max: 4 }),
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
  zone: fc.constantFrom(...zones),
  // Daytime starts, away from the hours in which clocks change.
  start: fc.date({ min: new Date('2027-01-01T00:00:00Z'), max: new Date('2029-12-31T00:00:00Z'), noInvalidDate: true }),
  localHour: fc.integer({ min: 9, max: 17 }),
  pattern,
  end: fc.oneof(
    fc.record({ end_times: fc.integer({ min: 1, max: 24 }) }),
    fc.record({ end_days: fc.integer({ min: 1, max: 500 }) }),
  ),
  duration: fc.integer({ min: 15, max: 240 }),
  cancelled: fc.integer({ min: 1, max: 24 }),
  moved: fc.integer({ min: 1, max: 24 }),
});

/** The instant at which `zone`'s clock reads `hour`:00 on the UTC date of `day` (daytime, so never in a gap). */
function atLocalHour(day: Date, hour: number, zone: string): string {
  const guess = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(guess));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return `${new Date(guess - (wall - guess)).toISOString().slice(0, 19)}Z`;
}

it('expands in ical.js to the preview of any valid series', () => {
  let checked = 0;
  fc.assert(
    fc.property(series, (input) => {
      const start_time = atLocalHour(input.start, input.localHour, input.zone);
      const end =
        'end_times' in input.end
          ? { end_times: input.end.end_times }
          : {
              end_date_time: `${new Date(Date.parse(start_time) + input.end.end_days * 86_400_000).toISOString().slice(0, 19)}Z`,
            };
      const parsed = seriesDraftSchema.safeParse({
        name: 'Generated',
        timezone: input.zone,
        event_type: 'RECURRING',
        start_time,
        recurrence: { ...input.pattern, ...end, duration: input.duration },
      });
      fc.pre(parsed.success);
      const sessions = plannedSessions(parsed.data);
      const movedSession = sessions[input.moved - 1];
      const changes = [
        ...(input.cancelled <= sessions.length ? [{ occurrence: input.cancelled, action: 'cancel' }] : []),
        ...(movedSession !== undefined && input.moved !== input.cancelled
          ? [
              {
                occurrence: input.moved,
                action: 'move',
                start_time: `${new Date(Date.parse(movedSession.start_time) + 3 * 3_600_000).toISOString().slice(0, 19)}Z`,
              },
            ]
          : []),
      ];
      // Changes the series' rules refuse (every session cancelled, say) are left out.
      const changed = seriesDraftSchema.safeParse({ ...parsed.data, occurrence_changes: changes });
      const draft = changed.success ? changed.data : parsed.data;
      const row = {
        id: 'generated',
        key: null,
        name: draft.name,
        event_type: draft.event_type,
        timezone: draft.timezone,
        hub_id: null,
        zoom_event_id: null,
        hub_name: null,
        event_url: null,
        registration_url: null,
      };
      const text = calendarFile([{ entry: calendarEntry(draft, row), sequence: 0 }], { now: Date.now() });
      const expanded = readCalendar(text).series.get('generated@cadence.series')?.instances;
      const preview = plannedSessions(draft)
        .filter((session) => session.status !== 'cancelled')
        .map((session) => ({ start: session.start_time, end: session.end_time }))
        .sort((a, b) => a.start.localeCompare(b.start));
      expect(expanded).toEqual(preview);
      checked += 1;
    }),
    { numRuns: 120 },
  );
  expect(checked).toBeGreaterThan(60);
});

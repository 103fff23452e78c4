import { describe, expect, it } from 'vitest';
import { plannedSessions, type PlannedSession } from '../../../../shared/drafts/plannedSessions';
import { seriesDraftSchema, type SeriesDraft } from '../../../../shared/drafts/seriesDraft';
import {
  maxSessionsPerPart,
  maxSessionsPerSeries,
  partLabel,
  partName,
  partOfOccurrence,
  partRangesOf,
  splitIntoParts,
  type SeriesPart,
} from '../../../../shared/drafts/seriesParts';

function draftOf(fields: Record<string, unknown>): SeriesDraft {
  return seriesDraftSchema.parse({
    key: 'standup',
    name: 'Daily standup',
    timezone: 'America/New_York',
    event_type: 'RECURRING',
    start_time: '2027-01-04T14:00:00Z',
    recurrence: { type: 1, end_times: 260, duration: 15 },
    ...fields,
  });
}

/** The parts' sessions renumbered into the whole, in order. */
function concatenated(parts: readonly SeriesPart[]): PlannedSession[] {
  return parts.flatMap((part) =>
    plannedSessions(part.draft).map((session) => ({
      ...session,
      occurrence: session.occurrence + part.first_occurrence - 1,
    })),
  );
}

/** Every part is a valid draft of its own, within Zoom's limit, and the parts together are the whole. */
function expectWholeInParts(whole: SeriesDraft, parts: readonly SeriesPart[]): void {
  for (const part of parts) {
    expect(part.count).toBeLessThanOrEqual(maxSessionsPerPart);
    expect(seriesDraftSchema.safeParse(part.draft).error).toBeUndefined();
    expect(plannedSessions(part.draft)).toHaveLength(part.count);
    expect(part.draft.key).toBeUndefined();
  }
  expect(concatenated(parts)).toEqual(plannedSessions(whole));
}

describe('splitting a long series into parts', () => {
  it('splits a 260-session daily series across both DST changes into 60, 60, 60, 60 and 20', () => {
    const whole = draftOf({});
    const parts = splitIntoParts(whole);
    expect(parts.map((part) => [part.index, part.first_occurrence, part.count])).toEqual([
      [0, 1, 60],
      [1, 61, 60],
      [2, 121, 60],
      [3, 181, 60],
      [4, 241, 20],
    ]);
    expect(parts.map((part) => part.draft.name)).toEqual([1, 2, 3, 4, 5].map((n) => `Daily standup (part ${n} of 5)`));
    // Part 2 starts on 2027-03-05 at 09:00 New York (still EST), the whole's 61st session.
    expect(parts[1]?.draft.start_time).toBe('2027-03-05T14:00:00Z');
    expect(parts[1]?.draft).toMatchObject({ recurrence: { type: 1, end_times: 60, duration: 15 } });
    expectWholeInParts(whole, parts);
    expect(partRangesOf(whole)).toEqual(parts.map(({ first_occurrence, count }) => ({ first_occurrence, count })));
  });

  it('splits a weekly series on two days every other week, and one ending by date', () => {
    const weekly = draftOf({
      start_time: '2027-01-05T14:00:00Z',
      recurrence: { type: 2, repeat_interval: 2, weekly_days: [3, 5], end_times: 130, duration: 30 },
    });
    const parts = splitIntoParts(weekly);
    expect(parts.map((part) => part.count)).toEqual([60, 60, 10]);
    expectWholeInParts(weekly, parts);

    const byDate = draftOf({
      recurrence: { type: 1, end_date_time: '2027-06-30T23:00:00Z', duration: 15 },
    });
    const dated = splitIntoParts(byDate);
    expect(dated.map((part) => part.count)).toEqual([60, 60, 58]);
    expect(
      dated.every((part) => part.draft.event_type === 'RECURRING' && part.draft.recurrence.end_date_time === undefined),
    ).toBe(true);
    expectWholeInParts(byDate, dated);
  });

  it('gives each part its weekday when the whole leaves weekly days to its start date', () => {
    // A Tuesday start: every part is on Tuesdays, whatever its own start.
    const weekly = draftOf({
      start_time: '2027-01-05T14:00:00Z',
      recurrence: { type: 2, end_times: 61, duration: 30 },
    });
    const parts = splitIntoParts(weekly);
    expect(parts[1]?.draft).toMatchObject({ recurrence: { weekly_days: [3], end_times: 1 } });
    expectWholeInParts(weekly, parts);
  });

  it('splits monthly series by date (short months take their last day) and by weekday', () => {
    const byDay = draftOf({
      start_time: '2027-01-31T14:00:00Z',
      recurrence: { type: 3, monthly_days: 31, end_times: 70, duration: 60 },
    });
    const parts = splitIntoParts(byDay);
    expect(parts.map((part) => part.count)).toEqual([60, 10]);
    expectWholeInParts(byDay, parts);

    const lastFriday = draftOf({
      recurrence: { type: 3, monthly_week: -1, monthly_week_day: 6, end_times: 61, duration: 60 },
    });
    expectWholeInParts(lastFriday, splitIntoParts(lastFriday));
  });

  it('never starts a part on a session the spring-forward gap moved', () => {
    // 02:30 in New York daily; the 61st session falls on 2027-03-14, when 02:30 does not exist.
    const early = draftOf({
      start_time: '2027-01-13T07:30:00Z',
      recurrence: { type: 1, end_times: 130, duration: 15 },
    });
    const parts = splitIntoParts(early);
    expect(parts.map((part) => [part.first_occurrence, part.count])).toEqual([
      [1, 59],
      [60, 60],
      [120, 11],
    ]);
    expectWholeInParts(early, parts);
  });

  it('renumbers cancelled and moved sessions, session capacities and chosen sessions into their parts', () => {
    const whole = draftOf({
      ticket_type: { name: 'Seat' },
      registration: { link_name: 'Join', recurring_registration_option: 'multiple_sessions' },
      occurrence_changes: [
        { occurrence: 60, action: 'cancel' },
        { occurrence: 61, action: 'move', start_time: '2027-03-05T15:00:00Z' },
        { occurrence: 250, action: 'cancel' },
      ],
      session_capacities: [
        { occurrence: 2, capacity: 10 },
        { occurrence: 122, capacity: 5 },
      ],
      attendees: [
        { email: 'ada@example.com', occurrences: [5, 70] },
        { email: 'bob@example.com', occurrences: [241] },
      ],
    });
    const parts = splitIntoParts(whole);
    const [first, second, third, , fifth] = parts.map((part) => part.draft);
    expect(first).toMatchObject({
      occurrence_changes: [{ occurrence: 60, action: 'cancel' }],
      session_capacities: [{ occurrence: 2, capacity: 10 }],
      attendees: [{ email: 'ada@example.com', occurrences: [5] }],
    });
    expect(second).toMatchObject({
      occurrence_changes: [{ occurrence: 1, action: 'move', start_time: '2027-03-05T15:00:00Z' }],
      session_capacities: [],
      attendees: [{ email: 'ada@example.com', occurrences: [10] }],
    });
    expect(third).toMatchObject({ session_capacities: [{ occurrence: 2, capacity: 5 }], attendees: [] });
    expect(fifth).toMatchObject({
      occurrence_changes: [{ occurrence: 10, action: 'cancel' }],
      attendees: [{ email: 'bob@example.com', occurrences: [1] }],
    });
    expectWholeInParts(whole, parts);
    expect(partOfOccurrence(parts, 70)).toEqual({ index: 1, occurrence: 10 });
    expect(partOfOccurrence(parts, 261)).toBeUndefined();
  });

  it('puts an attendee of all sessions in every part', () => {
    const whole = draftOf({
      ticket_type: { name: 'Seat' },
      registration: { link_name: 'Join' },
      attendees: [{ email: 'ada@example.com' }],
    });
    expect(splitIntoParts(whole).map((part) => part.draft.attendees)).toEqual(
      Array.from({ length: 5 }, () => [{ email: 'ada@example.com' }]),
    );
  });

  it('leaves out a stretch of 60 cancelled sessions, which needs no event on Zoom', () => {
    const summerBreak = Array.from({ length: 60 }, (_, i) => ({ occurrence: 61 + i, action: 'cancel' as const }));
    const whole = draftOf({ recurrence: { type: 1, end_times: 150, duration: 15 }, occurrence_changes: summerBreak });
    const parts = splitIntoParts(whole);
    expect(parts.map((part) => [part.index, part.first_occurrence, part.count])).toEqual([
      [0, 1, 60],
      [1, 121, 30],
    ]);
    expect(parts[1]?.draft.name).toBe('Daily standup (part 2 of 2)');
    const held = plannedSessions(whole).filter((session) => session.occurrence <= 60 || session.occurrence > 120);
    expect(concatenated(parts)).toEqual(held);
  });

  it('keeps a series of at most 60 sessions, or a single event, whole', () => {
    const short = draftOf({ recurrence: { type: 1, end_times: 60, duration: 15 } });
    expect(splitIntoParts(short)).toEqual([{ index: 0, first_occurrence: 1, count: 60, draft: short }]);
    const single = seriesDraftSchema.parse({
      name: 'Kick-off',
      timezone: 'UTC',
      event_type: 'SIMPLE_EVENT',
      start_time: '2027-01-04T14:00:00Z',
      end_time: '2027-01-04T15:00:00Z',
    });
    expect(splitIntoParts(single)).toEqual([{ index: 0, first_occurrence: 1, count: 1, draft: single }]);
  });

  it(`accepts up to ${maxSessionsPerSeries} sessions and refuses more, naming the field`, () => {
    const longest = draftOf({
      start_time: '2027-01-01T14:00:00Z',
      recurrence: { type: 1, end_times: maxSessionsPerSeries, duration: 15 },
    });
    const parts = splitIntoParts(longest);
    expect(parts).toHaveLength(Math.ceil(maxSessionsPerSeries / maxSessionsPerPart));
    expectWholeInParts(longest, parts);
    const tooLong = seriesDraftSchema.safeParse({
      name: 'Forever',
      timezone: 'UTC',
      event_type: 'RECURRING',
      start_time: '2027-01-01T14:00:00Z',
      recurrence: { type: 1, end_date_time: '2030-12-31T00:00:00Z', duration: 15 },
    });
    expect(tooLong.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['recurrence.end_date_time']);
  });

  it('labels parts and keeps their names within 200 characters', () => {
    expect(partLabel(1, 5)).toBe('part 2 of 5');
    const name = partName('x'.repeat(200), 11, 19);
    expect(name).toHaveLength(200);
    expect(name.endsWith(' (part 12 of 19)')).toBe(true);
  });
});

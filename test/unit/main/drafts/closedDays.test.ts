import { describe, expect, it } from 'vitest';
import { withClosedDayChanges, type ClosedDaysDraft } from '../../../../shared/drafts/closedDayChanges';
import { closedDaysSchema } from '../../../../shared/drafts/closedDays';
import { plannedSessions } from '../../../../shared/drafts/plannedSessions';
import { seriesDraftSchema, type RecurringSeriesDraft } from '../../../../shared/drafts/seriesDraft';
import { draftIssues } from '../../../../shared/drafts/seriesFile';
import { HolidayCalendars } from '../../../../main/drafts/holidayCalendar';
import { ClosedDayPlanner } from '../../../../main/drafts/closedDayPlanner';
import { CadenceError } from '../../../../shared/errors';

const calendars = new HolidayCalendars();
const autumn2026 = Date.parse('2026-10-01T00:00:00Z');

/** A Monday-and-Thursday webinar every other week, 1 pm in New York, from 2026-11-09 to July 2027. */
function usSeries(closedDays: unknown, overrides: Record<string, unknown> = {}): RecurringSeriesDraft {
  const parsed = seriesDraftSchema.safeParse({
    name: 'Planner office hours',
    timezone: 'America/New_York',
    event_type: 'RECURRING',
    start_time: '2026-11-09T18:00:00Z',
    recurrence: { type: 2, repeat_interval: 2, weekly_days: [2, 5], end_times: 40, duration: 60 },
    closed_days: closedDays,
    ...overrides,
  });
  if (!parsed.success) throw new Error(JSON.stringify(draftIssues(parsed.error)));
  if (parsed.data.event_type !== 'RECURRING') throw new Error('expected a recurring draft');
  return parsed.data;
}

function applied(draft: ClosedDaysDraft, now = autumn2026) {
  const span = { from: '2026-01-01', to: '2027-12-31' };
  const calendar = draft.closed_days?.calendar;
  const holidays = calendar === undefined ? [] : calendars.between(calendar, span.from, span.to);
  return withClosedDayChanges(draft, holidays, now);
}

function sessionsOn(draft: RecurringSeriesDraft, changes: ReturnType<typeof applied>) {
  return plannedSessions({ ...draft, occurrence_changes: changes });
}

describe('public holidays from date-holidays', () => {
  it('closes US federal holidays and their observed days, not optional days or observances', () => {
    const days = calendars.between({ country: 'US' }, '2026-11-01', '2027-07-31');
    const byDate = new Map(days.map((day) => [day.date, day.name]));
    expect(byDate.get('2026-11-26')).toBe('Thanksgiving Day');
    expect(byDate.get('2027-07-04')).toBe('Independence Day');
    // July 4th 2027 is a Sunday: the data set closes Monday the 5th as its substitute day.
    expect(byDate.get('2027-07-05')).toBe('Independence Day (substitute day)');
    expect(byDate.has('2026-12-24')).toBe(false);
    expect(days.every((day) => day.date >= '2026-11-01' && day.date <= '2027-07-31')).toBe(true);
  });

  it("closes New South Wales' public holidays, not its bank holiday", () => {
    const byDate = new Map(
      calendars.between({ country: 'AU', region: 'NSW' }, '2027-01-01', '2027-12-31').map((d) => [d.date, d.name]),
    );
    expect(byDate.get('2027-01-26')).toBe('Australia Day');
    expect(byDate.get('2027-03-29')).toBe('Easter Monday');
    expect(byDate.get('2027-04-26')).toBe('Anzac Day (substitute day)');
    expect(byDate.get('2027-06-14')).toBe("King's Birthday");
    expect(byDate.get('2027-10-04')).toBe('Labour Day');
    expect(byDate.has('2027-08-02')).toBe(false);
    expect(byDate.has('2027-05-09')).toBe(false);
  });

  it('names the field of an unknown country or region', () => {
    expect(calendars.problem({ country: 'XX' })).toMatchObject({ field: 'country' });
    expect(calendars.problem({ country: 'AU', region: 'ZZZ' })).toMatchObject({
      field: 'region',
      message: expect.stringContaining('NSW') as unknown,
    });
    expect(() => calendars.between({ country: 'XX' }, '2027-01-01', '2027-12-31')).toThrow(CadenceError);
    expect(
      calendars
        .list()
        .find((country) => country.code === 'AU')
        ?.regions.map((r) => r.code),
    ).toContain('NSW');
  });
});

describe('closed days as occurrence changes', () => {
  it('cancels the sessions on US holidays, each marked with its holiday', () => {
    const draft = usSeries({ calendar: { country: 'US' } });
    const changes = applied(draft);
    const cancelled = sessionsOn(draft, changes).filter((session) => session.status === 'cancelled');
    const byDay = changes.map((change) => [change.closed_day?.date, change.action]);
    expect(byDay).toContainEqual(['2026-11-26', 'cancel']);
    expect(byDay).toContainEqual(['2027-07-05', 'cancel']);
    expect(byDay).toContainEqual(['2027-01-18', 'cancel']);
    expect(cancelled.length).toBe(changes.length);
    expect(changes.find((c) => c.closed_day?.date === '2026-11-26')?.closed_day?.name).toBe('Thanksgiving Day');
    // Applying again changes nothing: main and the editor may both apply it.
    expect(applied({ ...draft, occurrence_changes: changes })).toEqual(changes);
  });

  it('never cancels again a date the planner kept, and keeps the planner’s own changes', () => {
    const draft = usSeries(
      { calendar: { country: 'US' }, kept: ['2026-11-26'] },
      { occurrence_changes: [{ occurrence: 2, action: 'move', start_time: '2026-11-13T18:00:00Z' }] },
    );
    const changes = applied(draft);
    expect(changes.some((change) => change.closed_day?.date === '2026-11-26')).toBe(false);
    expect(changes[0]).toEqual({ occurrence: 2, action: 'move', start_time: '2026-11-13T18:00:00Z' });
  });

  it('drops its changes when the calendar goes, and touches no session already begun', () => {
    const draft = usSeries({ calendar: { country: 'US' } });
    const changes = applied(draft);
    expect(applied({ ...draft, closed_days: undefined, occurrence_changes: changes })).toEqual([]);
    const afterThanksgiving = Date.parse('2026-12-01T00:00:00Z');
    const later = applied({ ...draft, closed_days: undefined, occurrence_changes: changes }, afterThanksgiving);
    expect(later.map((change) => change.closed_day?.date)).toEqual(['2026-11-26']);
  });

  it("closes the planner's own dates, named or not", () => {
    const draft = usSeries({ dates: [{ date: '2026-12-10', name: 'Offsite' }, { date: '2026-12-07' }] });
    expect(applied(draft).map((change) => change.closed_day)).toEqual([
      { date: '2026-12-07', name: 'Closed' },
      { date: '2026-12-10', name: 'Offsite' },
    ]);
  });

  it('moves to the next working day where it is free, else cancels', () => {
    const draft = usSeries({ calendar: { country: 'US' }, on_closed_day: 'next_working_day' });
    const changes = applied(draft);
    const thanksgiving = changes.find((change) => change.closed_day?.date === '2026-11-26');
    // Thursday 1 pm in New York → Friday 1 pm (EST).
    expect(thanksgiving).toMatchObject({ action: 'move', start_time: '2026-11-27T18:00:00Z' });
    // Monday 5 July 2027 → Tuesday 1 pm (EDT).
    expect(changes.find((c) => c.closed_day?.date === '2027-07-05')).toMatchObject({
      action: 'move',
      start_time: '2027-07-06T17:00:00Z',
    });
    expect(applied({ ...draft, occurrence_changes: changes })).toEqual(changes);
    const parsed = seriesDraftSchema.safeParse({ ...draft, occurrence_changes: changes });
    expect(parsed.success).toBe(true);

    const daily = usSeries(
      { calendar: { country: 'US' }, on_closed_day: 'next_working_day' },
      { recurrence: { type: 1, end_times: 40, duration: 30 }, start_time: '2026-11-20T14:00:00Z' },
    );
    // Every next day holds a session of a daily series: its holidays are cancelled.
    expect(applied(daily).find((c) => c.closed_day?.date === '2026-11-26')).toMatchObject({ action: 'cancel' });
    const lastDay = usSeries(
      { dates: [{ date: '2026-11-05' }], on_closed_day: 'next_working_day' },
      { recurrence: { type: 2, weekly_days: [5], end_times: 1, duration: 60 }, start_time: '2026-11-05T18:00:00Z' },
    );
    // The next working day would be past the series' end.
    expect(applied(lastDay)).toEqual([
      { occurrence: 1, action: 'cancel', closed_day: { date: '2026-11-05', name: 'Closed' } },
    ]);
  });

  it('refuses a closed_days object with a wrong field, naming it', () => {
    const result = closedDaysSchema.safeParse({ calendar: { country: 'USA' }, dates: [{ date: '2026-02-30' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['calendar.country', 'dates.0.date']);
  });
});

describe('ClosedDayPlanner, as main applies it to every draft saved', () => {
  const planner = new ClosedDayPlanner(calendars, () => autumn2026);
  const raw = {
    name: 'Sydney standup',
    timezone: 'Australia/Sydney',
    event_type: 'RECURRING',
    start_time: '2027-02-28T23:00:00Z',
    recurrence: { type: 2, weekly_days: [2], end_times: 35, duration: 30 },
    closed_days: { calendar: { country: 'au', region: 'nsw' } },
  };

  it("cancels a Sydney series' sessions on New South Wales holidays", () => {
    const result = planner.applied(raw) as { occurrence_changes: { closed_day: { date: string } }[] };
    expect(result.occurrence_changes.map((change) => change.closed_day.date)).toEqual([
      '2027-03-29',
      '2027-04-26',
      '2027-06-14',
      '2027-10-04',
    ]);
  });

  it('refuses an unknown region at its path, and leaves a draft without closed days as it is', () => {
    const wrong = { ...raw, closed_days: { calendar: { country: 'AU', region: 'XYZ' } } };
    expect(() => planner.applied(wrong, 'series[0].')).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'series[0].closed_days.calendar.region' })] }),
    );
    const plain = { ...raw, closed_days: undefined };
    expect(planner.applied(plain)).toBe(plain);
  });
});

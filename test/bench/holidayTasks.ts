import { HolidayCalendars } from '../../main/drafts/holidayCalendar';
import { withClosedDayChanges } from '../../shared/drafts/closedDayChanges';
import { seriesDraftSchema } from '../../shared/drafts/seriesDraft';

export { HolidayCalendars, withClosedDayChanges };

/** A daily series of 60 sessions through Thanksgiving and Christmas, closing on US public holidays. */
export function dailySeries() {
  const parsed = seriesDraftSchema.parse({
    name: 'Daily standup',
    timezone: 'America/New_York',
    event_type: 'RECURRING',
    start_time: '2027-11-01T14:00:00Z',
    recurrence: { type: 1, end_times: 60, duration: 15 },
    closed_days: { calendar: { country: 'US' }, on_closed_day: 'next_working_day' },
  });
  if (parsed.event_type !== 'RECURRING') throw new Error('expected a recurring series');
  return parsed;
}

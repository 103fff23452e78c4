import type { HolidayCalendars } from '../../drafts/holidayCalendar';
import type { ChannelHandlers } from '../router';

/** The holiday calendars a series may close on. */
export function createHolidayHandlers(
  calendars: HolidayCalendars,
): Pick<ChannelHandlers, 'holidays.calendars' | 'holidays.between'> {
  return {
    'holidays.calendars': () => calendars.list(),
    'holidays.between': ({ calendar, from, to }) => calendars.between(calendar, from, to),
  };
}

import type { SeriesDraft } from '../../shared/drafts/seriesDraft';
import { instantOfWallClock, plannerTimeZone } from './zonedTime';

/**
 * A new series that is valid from the first keystroke, so it is saved at once: weekly on the
 * next Monday at 10:00 in the planner's zone, an hour long, ten sessions, with a free ticket and
 * one registration for all sessions; unpublished.
 */
export function newSeriesDraft(now: Date = new Date()): SeriesDraft {
  const zone = plannerTimeZone();
  const daysToMonday = (8 - now.getDay()) % 7 || 7;
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() + daysToMonday);
  const date = `${String(monday.getFullYear())}-${String(monday.getMonth() + 1).padStart(2, '0')}-${String(monday.getDate()).padStart(2, '0')}`;
  return {
    name: 'Untitled series',
    timezone: zone,
    event_type: 'RECURRING',
    meeting_type: 'WEBINAR',
    attendance_type: 'virtual',
    access_level: 'PRIVATE_UNRESTRICTED',
    start_time: instantOfWallClock(date, '10:00', zone) ?? now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    recurrence: { type: 2, repeat_interval: 1, weekly_days: [2], end_times: 10, duration: 60 },
    occurrence_changes: [],
    ticket_type: { name: 'General admission', free: true, currency: 'USD' },
    registration: {
      link_name: 'Registration',
      recurring_registration_option: 'all_sessions',
      authentication_method: 'bypass_auth',
      send_notification: true,
    },
    attendees: [],
    // Nothing goes live by accident: publishing is the planner's choice.
    publish: false,
  };
}

import { meetingSettingsSchema, type MeetingDraft } from '../../shared/meetings/meetingDraft';
import { instantOfWallClock, plannerTimeZone } from './zonedTime';

/**
 * A new recurring meeting, complete but for its host: weekly on the next Monday at 10:00 in the
 * planner's zone, an hour long, ten occurrences, with the recurring-meetings script's settings
 * (registration approved automatically, once for every occurrence). It is saved once a host is given.
 */
export function newMeetingDraft(now: Date = new Date()): MeetingDraft {
  const zone = plannerTimeZone();
  const daysToMonday = (8 - now.getDay()) % 7 || 7;
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() + daysToMonday);
  const date = `${String(monday.getFullYear())}-${String(monday.getMonth() + 1).padStart(2, '0')}-${String(monday.getDate()).padStart(2, '0')}`;
  return {
    host_email: '',
    topic: 'Untitled meeting',
    timezone: zone,
    start_time: instantOfWallClock(date, '10:00', zone) ?? now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    recurrence: { type: 2, repeat_interval: 1, weekly_days: [2], end_times: 10, duration: 60 },
    settings: meetingSettingsSchema.parse({}),
  };
}

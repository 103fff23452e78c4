/**
 * The Meetings API's per-user daily limit: creates and updates of meetings per host per UTC day
 * (Zoom API rate limits, "Meeting/Webinar create and update requests: 100 per day per user").
 */
export const meetingDailyLimit = 100;

const msPerDay = 86_400_000;

/** The UTC day of an instant, as `YYYY-MM-DD`: the quota's day. */
export function utcDayOf(instant: number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** The next UTC midnight after an instant, as an ISO instant: when a spent daily limit renews. */
export function nextUtcMidnight(instant: number): string {
  return new Date(Math.floor(instant / msPerDay) * msPerDay + msPerDay).toISOString().replace('.000Z', 'Z');
}

import type { EventFields } from '../../shared/outbox/operations';
import { toSeriesTiming } from '../../shared/recurrence/seriesTiming';
import { recurrenceBody } from '../../shared/zoom/draftToZoom';

/**
 * The update-event body for changed event fields. Zoom's update takes `weekly_days` as text
 * ("3,5") and `monthly_days` as one number where its create takes arrays, and the start as the
 * calendar's first entry. Once a recurring event has sessions, a new time zone alone moves them
 * (see `comparedFieldsOf`) and leaves the event's schedule as it is.
 */
export function eventPatchBody(
  changes: Partial<EventFields>,
  fields: EventFields,
  options: { hasSessions: boolean },
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of ['name', 'description', 'timezone', 'access_level', 'attendance_type', 'meeting_type'] as const) {
    if (key in changes) body[key] = changes[key] ?? '';
  }
  const isRescheduled = 'start_time' in changes || 'end_time' in changes || 'recurrence' in changes;
  const timing =
    isRescheduled || ('timezone' in changes && !(options.hasSessions && fields.event_type === 'RECURRING'));
  if (!timing) return body;
  if (fields.event_type === 'SIMPLE_EVENT') {
    body.calendar = [{ start_time: fields.start_time, end_time: fields.end_time ?? fields.start_time }];
    return body;
  }
  if (fields.recurrence === undefined) return body;
  const recurrence = recurrenceBody(
    toSeriesTiming({ timezone: fields.timezone, start_time: fields.start_time, recurrence: fields.recurrence })
      .recurrence,
  );
  const firstEnd = new Date(Date.parse(fields.start_time) + recurrence.duration * 60_000)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  body.calendar = [{ start_time: fields.start_time, end_time: firstEnd }];
  if ('recurrence' in changes) {
    const { weekly_days: weeklyDays, monthly_days: monthlyDays, ...rest } = recurrence;
    body.recurrence = {
      ...rest,
      ...(weeklyDays === undefined ? {} : { weekly_days: weeklyDays.join(',') }),
      ...(monthlyDays?.[0] === undefined ? {} : { monthly_days: monthlyDays[0] }),
    };
  }
  return body;
}

import type { RecurrenceDraft } from '../recurrence/recurrenceSchema';
import type { ZoomEvent, ZoomRecurrence } from './zoomReadShapes';

/** The fields of a series draft that an event on Zoom determines. */
export interface ZoomEventFields {
  hub_id?: string;
  name: string;
  description?: string;
  timezone: string;
  event_type: 'RECURRING' | 'SIMPLE_EVENT';
  meeting_type?: 'MEETING' | 'WEBINAR';
  attendance_type?: 'virtual' | 'in-person' | 'hybrid';
  access_level?: 'PRIVATE_UNRESTRICTED' | 'PRIVATE_RESTRICTED';
  start_time: string;
  end_time?: string;
  recurrence?: RecurrenceDraft;
}

const monthlyWeeks = [-1, 1, 2, 3, 4] as const;

function oneOf<const T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  const normalized = value?.trim();
  return allowed.find((option) => option.toLowerCase() === normalized?.toLowerCase());
}

/**
 * A Zoom event in draft terms, for the three-way comparison and for adopting remote changes;
 * `like` is the recurrence Cadence last sent (see `recurrenceFromZoom`). Returns undefined for event types Cadence does not draft (CONFERENCE) or an event without a start.
 */
export function draftFieldsFromZoomEvent(event: ZoomEvent, like?: RecurrenceDraft): ZoomEventFields | undefined {
  const eventType = oneOf(event.event_type, ['RECURRING', 'SIMPLE_EVENT']);
  const first = event.calendar?.[0];
  const start = first?.start_time ?? event.start_time;
  if (eventType === undefined || start === undefined) return undefined;
  const fields: ZoomEventFields = {
    name: event.name,
    timezone: event.timezone,
    event_type: eventType,
    start_time: start,
  };
  if (event.hub_id !== undefined) fields.hub_id = event.hub_id;
  if (event.description !== undefined) fields.description = event.description;
  const meetingType = oneOf(event.meeting_type, ['MEETING', 'WEBINAR']);
  if (meetingType !== undefined) fields.meeting_type = meetingType;
  const attendance = oneOf(event.attendance_type, ['virtual', 'in-person', 'hybrid']);
  if (attendance !== undefined) fields.attendance_type = attendance;
  const access = oneOf(event.access_level, ['PRIVATE_UNRESTRICTED', 'PRIVATE_RESTRICTED']);
  if (access !== undefined) fields.access_level = access;
  if (eventType === 'SIMPLE_EVENT') {
    const end = first?.end_time ?? event.end_time;
    if (end !== undefined) fields.end_time = end;
  } else if (event.recurrence !== undefined) {
    fields.recurrence = recurrenceFromZoom(event.recurrence, like);
  }
  return fields;
}

/**
 * Zoom's read-time recurrence in draft form: fields of other types dropped, `weekly_days`
 * "2,4" → [2, 4], `monthly_days` 15 → [15]. Zoom's answers may fill both monthly forms and both
 * ends; then the form of `like` (the recurrence Cadence last sent) wins, and without it the
 * weekday form and `end_times`.
 */
export function recurrenceFromZoom(zoom: ZoomRecurrence, like?: RecurrenceDraft): RecurrenceDraft {
  const draft: RecurrenceDraft = {
    type: zoom.type,
    repeat_interval: zoom.repeat_interval ?? 1,
    duration: zoom.duration ?? 0,
  };
  const hasCount = zoom.end_times !== undefined && zoom.end_times > 0;
  const hasDate = zoom.end_date_time !== undefined;
  const prefersDate = like !== undefined && like.end_date_time !== undefined;
  if (hasDate && (!hasCount || prefersDate)) draft.end_date_time = zoom.end_date_time;
  else if (hasCount) draft.end_times = zoom.end_times;

  if (zoom.type === 2 && zoom.weekly_days !== undefined) {
    const days =
      typeof zoom.weekly_days === 'string'
        ? zoom.weekly_days
            .split(',')
            .map((day) => Number(day.trim()))
            .filter((day) => Number.isInteger(day) && day > 0)
        : zoom.weekly_days;
    if (days.length > 0) draft.weekly_days = days;
  } else if (zoom.type === 3) {
    const week = monthlyWeeks.find((candidate) => candidate === zoom.monthly_week);
    const weekday =
      zoom.monthly_week_day !== undefined && zoom.monthly_week_day > 0 ? zoom.monthly_week_day : undefined;
    const day = Array.isArray(zoom.monthly_days) ? zoom.monthly_days[0] : zoom.monthly_days;
    const hasDay = day !== undefined && day > 0;
    const hasWeekday = week !== undefined && weekday !== undefined;
    const prefersDay = like !== undefined && like.monthly_days !== undefined;
    if (hasWeekday && (!hasDay || !prefersDay)) {
      draft.monthly_week = week;
      draft.monthly_week_day = weekday;
    } else if (hasDay) {
      draft.monthly_days = [day];
    }
  }
  return draft;
}

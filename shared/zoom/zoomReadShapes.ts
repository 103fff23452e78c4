import { z } from 'zod';

/** Zoom fills unused fields with "" or null in its answers; both mean "absent". */
function absentIfEmpty<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());
}

const optionalInt = absentIfEmpty(z.number().int());
const optionalText = absentIfEmpty(z.string());

/**
 * `recurrence` as Zoom answers it: `weekly_days` a comma-separated string ("2,4") and
 * `monthly_days` an integer, though arrays are accepted too. Zoom may fill fields of every type.
 */
export const zoomRecurrenceSchema = z.looseObject({
  type: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  repeat_interval: optionalInt,
  weekly_days: absentIfEmpty(z.union([z.string(), z.array(z.number().int())])),
  monthly_days: absentIfEmpty(z.union([z.number().int(), z.array(z.number().int())])),
  monthly_week: optionalInt,
  monthly_week_day: optionalInt,
  end_times: optionalInt,
  end_date_time: optionalText,
  duration: optionalInt,
});
export type ZoomRecurrence = z.output<typeof zoomRecurrenceSchema>;

const calendarEntrySchema = z.looseObject({ start_time: z.string(), end_time: optionalText });

/** An event as `GET /zoom_events/events/{eventId}` and the event list answer it. */
export const zoomEventSchema = z.looseObject({
  event_id: z.string().min(1),
  name: z.string(),
  description: optionalText,
  timezone: z.string(),
  event_type: z.string(),
  status: optionalText,
  hub_id: optionalText,
  meeting_type: optionalText,
  attendance_type: optionalText,
  access_level: optionalText,
  calendar: absentIfEmpty(z.array(calendarEntrySchema)),
  start_time: optionalText,
  end_time: optionalText,
  recurrence: absentIfEmpty(zoomRecurrenceSchema),
  event_url: optionalText,
});
export type ZoomEvent = z.output<typeof zoomEventSchema>;

/** A session as `GET /zoom_events/events/{eventId}/sessions` answers it. */
export const zoomSessionSchema = z.looseObject({
  session_id: z.string().min(1),
  name: optionalText,
  start_time: z.string(),
  end_time: z.string(),
  timezone: optionalText,
});
export type ZoomSession = z.output<typeof zoomSessionSchema>;

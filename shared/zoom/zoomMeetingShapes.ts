import { z } from 'zod';

/**
 * The Meetings API's objects, as far as Cadence uses them (Zoom API reference, Meetings:
 * `POST /users/{userId}/meetings`, `GET|PATCH|DELETE /meetings/{meetingId}`, `GET /users/{userId}`).
 * Read answers are loose: Zoom adds fields over time, and only these are relied on.
 */

/** `recurrence` as Zoom writes it: `weekly_days` is a comma-separated string ("1,3,5"). */
export const zoomMeetingRecurrenceSchema = z.looseObject({
  type: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  repeat_interval: z.number().int().optional(),
  weekly_days: z.string().optional(),
  monthly_day: z.number().int().optional(),
  monthly_week: z.number().int().optional(),
  monthly_week_day: z.number().int().optional(),
  end_times: z.number().int().optional(),
  end_date_time: z.string().optional(),
});
export type ZoomMeetingRecurrence = z.output<typeof zoomMeetingRecurrenceSchema>;

export const zoomMeetingSettingsSchema = z.looseObject({
  host_video: z.boolean().optional(),
  participant_video: z.boolean().optional(),
  join_before_host: z.boolean().optional(),
  mute_upon_entry: z.boolean().optional(),
  waiting_room: z.boolean().optional(),
  watermark: z.boolean().optional(),
  auto_recording: z.string().optional(),
  audio: z.string().optional(),
  meeting_authentication: z.boolean().optional(),
  approval_type: z.number().int().optional(),
  registration_type: z.number().int().optional(),
});

/** One occurrence of a recurring meeting, as Zoom scheduled it. */
export const zoomOccurrenceSchema = z.looseObject({
  occurrence_id: z.string(),
  start_time: z.string(),
  duration: z.number().int(),
  status: z.string().optional(),
});

/** A meeting as Zoom answers a create or a get (type 8: recurring with a fixed time). */
export const zoomMeetingSchema = z.looseObject({
  id: z.number().int(),
  uuid: z.string().optional(),
  host_id: z.string().optional(),
  host_email: z.string().optional(),
  topic: z.string(),
  type: z.number().int(),
  start_time: z.string().optional(),
  duration: z.number().int().optional(),
  timezone: z.string().optional(),
  agenda: z.string().optional(),
  created_at: z.string().optional(),
  join_url: z.string(),
  registration_url: z.string().optional(),
  password: z.string().optional(),
  recurrence: zoomMeetingRecurrenceSchema.optional(),
  occurrences: z.array(zoomOccurrenceSchema).optional(),
  settings: zoomMeetingSettingsSchema.optional(),
});
export type ZoomMeeting = z.output<typeof zoomMeetingSchema>;

/** One item of `GET /users/{userId}/meetings`: enough to find a meeting again after a lost answer. */
export const zoomMeetingListItemSchema = z.looseObject({
  id: z.number().int(),
  topic: z.string(),
  type: z.number().int(),
  start_time: z.string().optional(),
  timezone: z.string().optional(),
  created_at: z.string().optional(),
  join_url: z.string().optional(),
});
export type ZoomMeetingListItem = z.output<typeof zoomMeetingListItemSchema>;

export const zoomMeetingListSchema = z.looseObject({
  /** Zoom answers "" on the last page: absent. */
  next_page_token: z.preprocess((value) => (value === '' || value === null ? undefined : value), z.string().optional()),
  page_size: z.number().int().optional(),
  total_records: z.number().int().optional(),
  meetings: z.array(zoomMeetingListItemSchema),
});
export type ZoomMeetingList = z.output<typeof zoomMeetingListSchema>;

/** `GET /users/{userId}`: the host check. */
export const zoomUserSchema = z.looseObject({
  id: z.string(),
  email: z.string(),
  type: z.number().int().optional(),
  status: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  timezone: z.string().optional(),
});
export type ZoomUser = z.output<typeof zoomUserSchema>;

/** What Cadence sends to create or update a recurring meeting (`type: 8`). */
export interface ZoomMeetingBody {
  topic: string;
  type: 8;
  start_time: string;
  duration: number;
  timezone: string;
  agenda?: string;
  password?: string;
  recurrence: {
    type: 1 | 2 | 3;
    repeat_interval: number;
    weekly_days?: string;
    monthly_day?: number;
    monthly_week?: number;
    monthly_week_day?: number;
    end_times?: number;
    end_date_time?: string;
  };
  settings: {
    host_video: boolean;
    participant_video: boolean;
    join_before_host: boolean;
    mute_upon_entry: boolean;
    waiting_room: boolean;
    watermark: boolean;
    auto_recording: 'none' | 'local' | 'cloud';
    audio: 'both' | 'telephony' | 'voip';
    meeting_authentication: boolean;
    approval_type: 0 | 1 | 2;
    registration_type: 1 | 2 | 3;
  };
}

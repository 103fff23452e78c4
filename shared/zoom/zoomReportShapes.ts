import { z } from 'zod';
import { absentIfEmpty } from './zoomReadShapes';

const optionalText = absentIfEmpty(z.string());
const optionalNumber = absentIfEmpty(z.number());
const pageFields = { total_records: z.number().optional(), next_page_token: optionalText };

/** One person of `GET /zoom_events/events/{eventId}/reports/ticket_registration`. */
export const zoomRegistrationRecordSchema = z.looseObject({
  email: z.string(),
  first_name: optionalText,
  last_name: optionalText,
  display_name: optionalText,
  register_date: optionalText,
  tickets: z
    .array(z.looseObject({ ticket_id: optionalText, external_ticket_id: optionalText, ticket_type_name: optionalText }))
    .default([]),
});
export type ZoomRegistrationRecord = z.output<typeof zoomRegistrationRecordSchema>;
export const zoomRegistrationReportPageSchema = z.looseObject({
  ...pageFields,
  registrations: z.array(zoomRegistrationRecordSchema).default([]),
});

/**
 * One attendance of `GET /zoom_events/events/{eventId}/reports/sessions/{sessionId}/attendance`:
 * `start_time` is when the person joined, `end_time` when they left. A person who left and came
 * back has a record each time.
 */
export const zoomAttendanceRecordSchema = z.looseObject({
  email: z.string(),
  first_name: optionalText,
  last_name: optionalText,
  session_id: optionalText,
  session_attendance: optionalText,
  start_time: optionalText,
  end_time: optionalText,
  duration_spent_in_session: optionalNumber,
});
export type ZoomAttendanceRecord = z.output<typeof zoomAttendanceRecordSchema>;
export const zoomAttendanceReportPageSchema = z.looseObject({
  ...pageFields,
  attendees: z.array(zoomAttendanceRecordSchema).default([]),
});

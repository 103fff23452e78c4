import { z } from 'zod';
import type { CheckInRefusal } from '../../shared/checkin/checkIn';

/** The columns of a refused check-in, as every query that lists refusals selects them. */
export const refusalColumns = 'id, event_id, session_id, email, desk, recorded_at, refusal';

const refusalRowSchema = z.object({
  id: z.string(),
  event_id: z.string(),
  session_id: z.string().nullable(),
  email: z.string(),
  desk: z.string().nullable(),
  recorded_at: z.string().nullable(),
  refusal: z.string().nullable(),
});

/** A refused check-in row as the desk and the upload report show it, with Zoom's words. */
export function toRefusal(raw: unknown): CheckInRefusal {
  const row = refusalRowSchema.parse(raw);
  return {
    checkInId: row.id,
    eventId: row.event_id,
    sessionId: row.session_id,
    email: row.email,
    desk: row.desk,
    recordedAt: row.recorded_at,
    message: row.refusal ?? '',
  };
}

import type { ZoomMeeting, ZoomMeetingBody, ZoomMeetingListItem, ZoomUser } from '../../shared/zoom/zoomMeetingShapes';

/**
 * The Meetings API operations Cadence uses, over the same connection, token and rate limiter as
 * the Events API (`ZoomClient.meetings`). Answers are validated; a refusal is a `ZoomApiError`.
 */
export interface ZoomMeetingsApi {
  /** `GET /users/{email}`: the host check. */
  getUser(email: string): Promise<ZoomUser>;
  /** `POST /users/{email}/meetings`: counts against the host's daily limit of creates and updates. */
  createMeeting(hostEmail: string, body: ZoomMeetingBody): Promise<ZoomMeeting>;
  /** `GET /meetings/{id}`, with its occurrences. */
  getMeeting(meetingId: string): Promise<ZoomMeeting>;
  /** `PATCH /meetings/{id}`: counts against the host's daily limit. */
  updateMeeting(meetingId: string, fields: Partial<ZoomMeetingBody>): Promise<undefined>;
  /** `DELETE /meetings/{id}`: the whole recurring meeting. */
  deleteMeeting(meetingId: string): Promise<undefined>;
  /** `GET /users/{email}/meetings?type=scheduled`, every page: finding a lost create again. */
  listMeetings(hostEmail: string): Promise<ZoomMeetingListItem[]>;
}

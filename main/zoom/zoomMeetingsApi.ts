import type { z } from 'zod';
import {
  zoomMeetingListSchema,
  zoomMeetingSchema,
  zoomUserSchema,
  type ZoomMeeting,
  type ZoomMeetingBody,
  type ZoomMeetingListItem,
  type ZoomUser,
} from '../../shared/zoom/zoomMeetingShapes';
import { collectPages, maxPageSize } from './paginate';
import type { ZoomCall, ZoomTransport } from './zoomHttp';

/**
 * The Meetings API operations Cadence uses, over the same connection, token and rate limiter as
 * the Events API (`ZoomClient.meetings`). Answers are validated; a refusal is a `ZoomApiError`,
 * and Zoom's daily limit of meeting creates and updates per host a `ZoomDailyLimitError`.
 */
export interface ZoomMeetingsApi {
  /** `GET /users/{email}`: the host check. */
  getUser(email: string): Promise<ZoomUser>;
  /** `POST /users/{email}/meetings`: counts against the host's daily limit of creates and updates. */
  createMeeting(hostEmail: string, body: ZoomMeetingBody): Promise<ZoomMeeting>;
  /**
   * `GET /meetings/{id}`, with its occurrences: the upcoming ones, or every one Zoom scheduled with
   * `withPastOccurrences` (`show_previous_occurrences`).
   */
  getMeeting(meetingId: string, options?: { withPastOccurrences?: boolean }): Promise<ZoomMeeting>;
  /** `PATCH /meetings/{id}`: counts against the host's daily limit. */
  updateMeeting(meetingId: string, fields: Partial<ZoomMeetingBody>): Promise<undefined>;
  /** `DELETE /meetings/{id}`: the whole recurring meeting. */
  deleteMeeting(meetingId: string): Promise<undefined>;
  /** `GET /users/{email}/meetings?type=scheduled`, every page: finding a lost create again. */
  listMeetings(hostEmail: string): Promise<ZoomMeetingListItem[]>;
}

/**
 * `ZoomMeetingsApi` over a Zoom transport: the real HTTP client, or the dry run's recorder. A
 * create is never sent twice on a guess (its outcome may be unknown after a lost answer: the
 * caller looks for it with `listMeetings` first); reads, updates and deletes are safe to repeat.
 */
export class ZoomMeetingsClient implements ZoomMeetingsApi {
  constructor(private readonly http: ZoomTransport) {}

  private call<Schema extends z.ZodType>(id: string, call: ZoomCall, schema: Schema): Promise<z.output<Schema>> {
    return this.http.call(id, call, schema);
  }

  getUser(email: string): Promise<ZoomUser> {
    return this.call('user', { params: { userId: email }, what: `checking the host ${email}` }, zoomUserSchema);
  }

  createMeeting(hostEmail: string, body: ZoomMeetingBody): Promise<ZoomMeeting> {
    return this.call(
      'meetingCreate',
      { params: { userId: hostEmail }, body, what: `creating the meeting "${body.topic}" for ${hostEmail}` },
      zoomMeetingSchema,
    );
  }

  getMeeting(meetingId: string, options: { withPastOccurrences?: boolean } = {}): Promise<ZoomMeeting> {
    return this.call(
      'meeting',
      {
        params: { meetingId },
        ...(options.withPastOccurrences === true ? { query: { show_previous_occurrences: true } } : {}),
        what: 'reading the meeting',
      },
      zoomMeetingSchema,
    );
  }

  updateMeeting(meetingId: string, fields: Partial<ZoomMeetingBody>): Promise<undefined> {
    return this.http.call('meetingUpdate', { params: { meetingId }, body: fields, what: 'updating the meeting' });
  }

  deleteMeeting(meetingId: string): Promise<undefined> {
    return this.http.call('meetingDelete', { params: { meetingId }, what: 'deleting the meeting' });
  }

  listMeetings(hostEmail: string): Promise<ZoomMeetingListItem[]> {
    return collectPages(
      (next_page_token) =>
        this.call(
          'meetings',
          {
            params: { userId: hostEmail },
            query: { type: 'scheduled', page_size: maxPageSize, next_page_token },
            what: `listing the meetings of ${hostEmail}`,
          },
          zoomMeetingListSchema,
        ),
      (page) => page.meetings,
    );
  }
}

import type Database from 'better-sqlite3';
import { z } from 'zod';
import { meetingDraftSchema } from '../../shared/meetings/meetingDraft';
import { comparableMeetingFields, meetingBody } from '../../shared/meetings/meetingToZoom';
import { parseSnapshot } from '../db/outbox/zoomState';

const meetingRowSchema = z.object({
  topic: z.string(),
  host_email: z.string(),
  zoom_meeting_id: z.string(),
  join_url: z.string().nullable(),
  registration_url: z.string().nullable(),
  synced_json: z.string().nullable(),
});

/**
 * The meetings as Cadence last synced them, answering a dry run's Meetings calls: a read answers
 * with the synced snapshot (so nothing looks changed on Zoom), a create with a placeholder ID.
 */
export class LastSyncedMeetings {
  private placeholders = 0;
  private readonly topics = new Map<string, string>();

  constructor(private readonly db: Database.Database) {}

  private row(zoomMeetingId: string) {
    return meetingRowSchema
      .optional()
      .parse(
        this.db
          .prepare(
            'SELECT topic, host_email, zoom_meeting_id, join_url, registration_url, synced_json FROM meeting WHERE zoom_meeting_id = ?',
          )
          .get(zoomMeetingId),
      );
  }

  /** The topic of the meeting a call names by Zoom's ID. */
  topicOf(zoomMeetingId: string): string {
    return this.topics.get(zoomMeetingId) ?? this.row(zoomMeetingId)?.topic ?? '';
  }

  /** A create answered as Zoom would, with a placeholder ID (Zoom's IDs are numbers: these are negative). */
  created(body: Record<string, unknown>): Record<string, unknown> {
    this.placeholders += 1;
    const id = -this.placeholders;
    const topic = typeof body.topic === 'string' ? body.topic : '';
    this.topics.set(String(id), topic);
    return { ...body, id, join_url: `{join link of "${topic}"}` };
  }

  /** The meeting as last synced. */
  meeting(zoomMeetingId: string): Record<string, unknown> {
    const row = this.row(zoomMeetingId);
    const base = parseSnapshot(meetingDraftSchema, row?.synced_json);
    if (row === undefined || base === undefined) {
      return { id: Number(zoomMeetingId), topic: row?.topic ?? '', type: 8, join_url: row?.join_url ?? '' };
    }
    return {
      ...meetingBody(base),
      id: Number(zoomMeetingId),
      host_email: row.host_email,
      // Zoom answers the first occurrence's start, as an instant.
      start_time: comparableMeetingFields(base).start_time,
      join_url: row.join_url ?? '',
      ...(row.registration_url === null ? {} : { registration_url: row.registration_url }),
    };
  }
}

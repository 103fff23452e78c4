import type Database from 'better-sqlite3';
import { z } from 'zod';

/** A meeting of a config that Zoom has, as the CSV row about it needs it. */
export interface MeetingOnZoom {
  id: string;
  key: string;
  zoomMeetingId: string;
  joinUrl: string;
  registrationUrl: string | null;
}

const onZoomSchema = z.object({
  id: z.string(),
  key: z.string(),
  zoom_meeting_id: z.string(),
  join_url: z.string().nullable(),
  registration_url: z.string().nullable(),
});

/**
 * Which meetings have their row in which CSV file (`meeting_csv_row`), so a row is appended once:
 * the row is recorded in the same step that finds it written, never before.
 */
export class MeetingCsvRows {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => string,
  ) {}

  /** The live meetings with these keys that Zoom has and whose row `file` does not have yet, in key order given. */
  missingFrom(file: string, keys: readonly string[]): MeetingOnZoom[] {
    const find = this.db.prepare(
      `SELECT id, key, zoom_meeting_id, join_url, registration_url FROM meeting
       WHERE key = ? AND deleted_at IS NULL AND zoom_meeting_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM meeting_csv_row r WHERE r.meeting_id = meeting.id AND r.output_file = ?)`,
    );
    return keys.flatMap((key) => {
      const raw: unknown = find.get(key, file);
      if (raw === undefined) return [];
      const row = onZoomSchema.parse(raw);
      return [
        {
          id: row.id,
          key: row.key,
          zoomMeetingId: row.zoom_meeting_id,
          joinUrl: row.join_url ?? '',
          registrationUrl: row.registration_url,
        },
      ];
    });
  }

  /** Records that `file` holds the meeting's row. */
  record(meetingId: string, file: string): void {
    this.db
      .prepare('INSERT OR IGNORE INTO meeting_csv_row (meeting_id, output_file, written_at) VALUES (?, ?, ?)')
      .run(meetingId, file, this.now());
  }
}

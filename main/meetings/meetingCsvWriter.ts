import type { KeyedMeetingDraft } from '../../shared/meetings/readMeetingConfig';
import type { MeetingCsvRows } from '../db/meetingCsvRows';
import type { ZoomMeetingsApi } from '../zoom/zoomMeetingsApi';
import { appendMeetingCsvRows, meetingCsvRow, meetingIdsInCsv } from './meetingCsv';

/** One row appended: which meeting, and the row. */
export interface WrittenCsvRow {
  key: string;
  row: string[];
}

/**
 * Appends a row for each of the config's meetings that Zoom has and the CSV lacks, once: the row
 * is on disk before it is recorded, and a row found in the file (written just before a crash) is
 * recorded without being written again. Each row asks Zoom for the meeting as it scheduled it,
 * past occurrences included.
 */
export async function writeMeetingCsv(deps: {
  file: string;
  drafts: readonly KeyedMeetingDraft[];
  rows: MeetingCsvRows;
  api: () => Promise<Pick<ZoomMeetingsApi, 'getMeeting'>>;
  now: () => string;
}): Promise<WrittenCsvRow[]> {
  const missing = deps.rows.missingFrom(
    deps.file,
    deps.drafts.map((draft) => draft.key),
  );
  if (missing.length === 0) return [];
  const listed = meetingIdsInCsv(deps.file);
  const drafts = new Map(deps.drafts.map((draft) => [draft.key, draft]));
  const written: WrittenCsvRow[] = [];
  for (const meeting of missing) {
    const draft = drafts.get(meeting.key);
    if (draft === undefined) continue;
    if (!listed.has(meeting.zoomMeetingId)) {
      const zoom = await (await deps.api()).getMeeting(meeting.zoomMeetingId, { withPastOccurrences: true });
      const row = meetingCsvRow(zoom, draft, deps.now());
      appendMeetingCsvRows(deps.file, [row]);
      written.push({ key: meeting.key, row });
    }
    deps.rows.record(meeting.id, deps.file);
  }
  return written;
}

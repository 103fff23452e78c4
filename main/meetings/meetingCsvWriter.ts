import type { KeyedMeetingDraft } from '../../shared/meetings/readMeetingConfig';
import type { ZoomMeeting } from '../../shared/zoom/zoomMeetingShapes';
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
  const toRead = missing.filter((meeting) => !listed.has(meeting.zoomMeetingId) && drafts.has(meeting.key));
  const reads = new Map<string, PromiseSettledResult<ZoomMeeting>>();
  if (toRead.length > 0) {
    const api = await deps.api();
    // Read all at once, within the client's rate limiter; then write in the config's order.
    const settled = await Promise.allSettled(
      toRead.map((meeting) => api.getMeeting(meeting.zoomMeetingId, { withPastOccurrences: true })),
    );
    settled.forEach((result, index) => reads.set(toRead[index]?.id ?? '', result));
  }
  const written: WrittenCsvRow[] = [];
  let failure: Error | undefined;
  for (const meeting of missing) {
    const draft = drafts.get(meeting.key);
    if (draft === undefined) continue;
    const read = reads.get(meeting.id);
    if (read?.status === 'rejected') {
      // Neither written nor recorded: the next run writes it.
      failure ??= read.reason instanceof Error ? read.reason : new Error(String(read.reason));
      continue;
    }
    if (read !== undefined) {
      const row = meetingCsvRow(read.value, draft, deps.now());
      appendMeetingCsvRows(deps.file, [row]);
      written.push({ key: meeting.key, row });
    }
    // Without a read, the file lists the meeting already (written just before a crash).
    deps.rows.record(meeting.id, deps.file);
  }
  if (failure !== undefined) throw failure;
  return written;
}

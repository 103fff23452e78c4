import { closeSync, existsSync, fsyncSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { DateTime } from 'luxon';
import Papa from 'papaparse';
import { CadenceError } from '../../shared/errors';
import type { MeetingDraft } from '../../shared/meetings/meetingDraft';
import type { ZoomMeeting } from '../../shared/zoom/zoomMeetingShapes';

/** The recurring-meetings script's CSV columns, in its order. */
export const meetingCsvColumns = [
  'created_at',
  'host_email',
  'meeting_id',
  'meeting_topic',
  'start_time',
  'timezone',
  'duration',
  'join_url',
  'registration_url',
  'recurrence_type',
  'occurrences',
] as const;

const byteOrderMark = '\uFEFF';

/** The script writes times without an offset; Cadence writes its created_at in UTC, its start_time in the meeting's zone. */
const wallClock = "yyyy-MM-dd'T'HH:mm:ss";

function wallClockIn(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).toFormat(wallClock);
}

/**
 * The script's row for a meeting as Zoom has it: the first occurrence Zoom scheduled (in the
 * meeting's zone), the recurrence type as Zoom's number (1 daily, 2 weekly, 3 monthly), and the
 * number of occurrences Zoom scheduled.
 */
export function meetingCsvRow(zoom: ZoomMeeting, draft: MeetingDraft, now: string): string[] {
  const timezone = zoom.timezone ?? draft.timezone;
  const firstStart = zoom.occurrences?.[0]?.start_time ?? zoom.start_time ?? draft.start_time;
  return [
    wallClockIn(zoom.created_at ?? now, 'utc'),
    draft.host_email,
    String(zoom.id),
    zoom.topic,
    wallClockIn(firstStart, timezone),
    timezone,
    String(zoom.duration ?? draft.recurrence.duration),
    zoom.join_url,
    zoom.registration_url ?? '',
    String(zoom.recurrence?.type ?? draft.recurrence.type),
    String(zoom.occurrences?.length ?? ''),
  ];
}

const header = meetingCsvColumns.join(',');

/** The file's rows (header first) as written; an absent or empty file has none. */
function readRows(file: string): string[][] {
  if (!existsSync(file) || statSync(file).size === 0) return [];
  let text = readFileSync(file, 'utf8');
  if (text.startsWith(byteOrderMark)) text = text.slice(1);
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

/**
 * Checks before anything is sent that the CSV can be appended to: a new file, or one whose header
 * is the script's. Answers the meeting IDs it already lists, so a row written just before a crash
 * is found instead of written twice.
 */
export function meetingIdsInCsv(file: string): Set<string> {
  if (existsSync(file) && !statSync(file).isFile()) {
    throw new CadenceError('invalid_input', `${file} is not a file; output_file names the CSV to append to.`, [
      { path: 'output_file', message: 'Name a file, not a folder.' },
    ]);
  }
  const rows = readRows(file);
  const [first, ...rest] = rows;
  if (first === undefined) return new Set();
  if (first.join(',') !== header) {
    throw new CadenceError(
      'invalid_input',
      `${file} is not a CSV of recurring meetings: its first line is not the header ${header}. Nothing was sent to Zoom.`,
      [{ path: 'output_file', message: 'Name a new file, or a CSV the script or Cadence wrote.' }],
    );
  }
  const idColumn = meetingCsvColumns.indexOf('meeting_id');
  return new Set(rest.map((row) => row[idColumn] ?? ''));
}

/**
 * Appends rows to the CSV (RFC 4180, UTF-8, CRLF), with the header when the file is new, and
 * waits until they are on disk.
 */
export function appendMeetingCsvRows(file: string, rows: readonly string[][]): void {
  if (rows.length === 0) return;
  const isNew = !existsSync(file) || statSync(file).size === 0;
  const endsWithNewline = isNew || readFileSync(file).at(-1) === 0x0a;
  const body = Papa.unparse(
    { fields: [...meetingCsvColumns], data: rows.map((row) => [...row]) },
    { header: isNew, newline: '\r\n', escapeFormulae: true },
  );
  const fd = openSync(file, 'a', 0o600);
  try {
    writeSync(fd, `${endsWithNewline ? '' : '\r\n'}${body}\r\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

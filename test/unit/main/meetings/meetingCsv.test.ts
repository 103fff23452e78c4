import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendMeetingCsvRows, meetingCsvRow, meetingIdsInCsv } from '../../../../main/meetings/meetingCsv';
import { readMeetingConfig } from '../../../../shared/meetings/readMeetingConfig';
import type { ZoomMeeting } from '../../../../shared/zoom/zoomMeetingShapes';
import { makeTempDir } from '../../../support/tempDir';

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.remove());

const header =
  'created_at,host_email,meeting_id,meeting_topic,start_time,timezone,duration,join_url,registration_url,recurrence_type,occurrences';

function draft() {
  const reading = readMeetingConfig({
    meetings: [
      {
        host_email: 'user1@org.com',
        topic: 'Weekly Team Standup',
        start_date: '2027-03-02',
        start_time: '09:00:00',
        duration: 30,
        timezone: 'America/New_York',
        recurrence_type: 'weekly',
        weekly_days: '3',
        occurrences: 3,
      },
    ],
  });
  if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
  const meeting = reading.config.meetings[0];
  if (meeting === undefined) throw new Error('no meeting');
  return meeting.draft;
}

const zoom: ZoomMeeting = {
  id: 87654321098,
  topic: 'Weekly Team Standup',
  type: 8,
  timezone: 'America/New_York',
  duration: 30,
  created_at: '2027-02-10T14:30:00Z',
  join_url: 'https://zoom.us/j/87654321098',
  registration_url: 'https://zoom.us/meeting/register/tJabc',
  recurrence: { type: 2, weekly_days: '3', end_times: 3 },
  occurrences: [
    { occurrence_id: '1', start_time: '2027-03-02T14:00:00Z', duration: 30 },
    { occurrence_id: '2', start_time: '2027-03-09T14:00:00Z', duration: 30 },
    { occurrence_id: '3', start_time: '2027-03-16T13:00:00Z', duration: 30 },
  ],
};

describe("the script's CSV", () => {
  it('writes the documented row: times without offset, the first occurrence in the meeting’s zone', () => {
    expect(meetingCsvRow(zoom, draft(), '2027-02-10T15:00:00Z')).toEqual([
      '2027-02-10T14:30:00',
      'user1@org.com',
      '87654321098',
      'Weekly Team Standup',
      '2027-03-02T09:00:00',
      'America/New_York',
      '30',
      'https://zoom.us/j/87654321098',
      'https://zoom.us/meeting/register/tJabc',
      '2',
      '3',
    ]);
  });

  it('a new file gets the header, an existing one only rows; CRLF and RFC 4180 quoting', () => {
    const file = join(dir.path, 'out.csv');
    const row = meetingCsvRow(zoom, draft(), '2027-02-10T15:00:00Z');
    appendMeetingCsvRows(file, [row]);
    appendMeetingCsvRows(file, [[...row.slice(0, 3), 'Sync, "weekly"', ...row.slice(4)]]);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\r\n')[0]).toBe(header);
    expect(text).toContain('"Sync, ""weekly"""');
    expect(text.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(parsed).toHaveLength(3);
    expect(parsed[2]?.[3]).toBe('Sync, "weekly"');
    expect(meetingIdsInCsv(file)).toEqual(new Set(['87654321098']));
  });

  it("appends to the script's own file, even one without a final line break", () => {
    const file = join(dir.path, 'zoom_meetings.csv');
    writeFileSync(
      file,
      `${header}\n2026-02-10T14:30:00,user1@org.com,1111,Old,2026-03-03T09:00:00,America/New_York,30,https://zoom.us/j/1111,,2,44`,
    );
    appendMeetingCsvRows(file, [meetingCsvRow(zoom, draft(), '2027-02-10T15:00:00Z')]);
    const parsed = Papa.parse<string[]>(readFileSync(file, 'utf8'), { skipEmptyLines: true }).data;
    expect(parsed.map((row) => row[2])).toEqual(['meeting_id', '1111', '87654321098']);
  });

  it('refuses a file that is not a CSV of meetings, before anything is sent', () => {
    const file = join(dir.path, 'other.csv');
    writeFileSync(file, 'name,email\nJane,jane@example.com\n');
    expect(() => meetingIdsInCsv(file)).toThrow(/not a CSV of recurring meetings/);
    expect(() => meetingIdsInCsv(dir.path)).toThrow(/is not a file/);
  });
});

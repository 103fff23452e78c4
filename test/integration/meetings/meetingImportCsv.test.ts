import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../../main/db/database';
import { MeetingCsvRows } from '../../../main/db/meetingCsvRows';
import { appendMeetingCsvRows, meetingCsvRow } from '../../../main/meetings/meetingCsv';
import { writeMeetingCsv } from '../../../main/meetings/meetingCsvWriter';
import { importMeetingConfig, readConfigOrThrow } from '../../../main/meetings/meetingImport';
import { createServices, type Services } from '../../../main/services';
import type { KeyedMeetingDraft } from '../../../shared/meetings/readMeetingConfig';
import type { ZoomMeeting } from '../../../shared/zoom/zoomMeetingShapes';
import { makeTempDir } from '../../support/tempDir';

// The config import over the real meeting store, and the CSV's once-only rows over the real
// meeting_csv_row table. Zoom's meeting is a stub here: the CLI tests use the sandbox.
let dir: ReturnType<typeof makeTempDir>;
let services: Services;
const now = Date.parse('2026-12-01T10:00:00Z');
const iso = () => new Date(now).toISOString().replace('.000Z', 'Z');

beforeEach(() => {
  dir = makeTempDir();
  const { db } = openDatabase(databaseFile(join(dir.path, 'data')));
  services = createServices({ db, now: () => now });
});
afterEach(async () => {
  await services.close();
  services.db.close();
  dir.remove();
});

const example2 = () =>
  readConfigOrThrow(readFileSync('test/fixtures/meetings/example-2-multiple-users.json', 'utf8'), 'example 2');

const counts = () => ({
  meetings: services.db.prepare('SELECT count(*) FROM meeting').pluck().get(),
  outbox: services.db.prepare('SELECT count(*) FROM outbox').pluck().get(),
});

describe('importing a config', () => {
  it('creates drafts by key; the same config again changes nothing; an edit updates in place', () => {
    const first = importMeetingConfig(example2(), services.stores.meetings, { dryRun: false, zoomApiUse: 'ignored' });
    expect(first.meetings.map((m) => [m.topic, m.action, m.occurrences, m.first_start])).toEqual([
      ['Sales Pipeline Review', 'created', 43, '2026-03-10T17:00:00Z'],
      ['Engineering Sprint Planning', 'created', 21, '2026-03-17T18:00:00Z'],
    ]);
    expect(first.output_file).toBe('zoom_meetings.csv');
    expect(first.warnings).toEqual([expect.stringMatching(/holds a Zoom client secret.*does not use/) as string]);
    const after = counts();
    expect(after.meetings).toBe(2);

    const again = importMeetingConfig(example2(), services.stores.meetings, { dryRun: false, zoomApiUse: 'ignored' });
    expect(again.meetings.map((m) => m.action)).toEqual(['unchanged', 'unchanged']);
    expect(again.meetings.map((m) => m.id)).toEqual(first.meetings.map((m) => m.id));
    expect(counts()).toEqual(after);

    const edited = example2();
    const sales = edited.meetings[0];
    if (sales === undefined) throw new Error('no meeting');
    sales.draft = { ...sales.draft, recurrence: { ...sales.draft.recurrence, duration: 45 } };
    const preview = importMeetingConfig(edited, services.stores.meetings, { dryRun: true, zoomApiUse: 'ignored' });
    expect(preview.meetings.map((m) => m.action)).toEqual(['updated', 'unchanged']);
    expect(counts()).toEqual(after);
    const update = importMeetingConfig(edited, services.stores.meetings, { dryRun: false, zoomApiUse: 'ignored' });
    expect(update.meetings.map((m) => m.action)).toEqual(['updated', 'unchanged']);
    expect(services.meetings.get(update.meetings[0]?.id ?? '').draft.recurrence.duration).toBe(45);
  });

  it("the app's channel takes the text and names every problem by JSON path, importing nothing", () => {
    const text = JSON.stringify({ meetings: [{ topic: 'x' }, { host_email: 'a@b.co' }] });
    expect(() => services.meetings.importConfig(text, { dryRun: false })).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        issues: expect.arrayContaining([
          expect.objectContaining({ path: 'meetings[0].host_email' }),
          expect.objectContaining({ path: 'meetings[1].topic' }),
        ]) as unknown,
      }),
    );
    expect(counts().meetings).toBe(0);
  });
});

describe('the CSV, one row per meeting created', () => {
  function createdOnZoom(draft: KeyedMeetingDraft, zoomId: string): string {
    const { id } = services.stores.meetings.save(draft);
    services.db
      .prepare('UPDATE meeting SET zoom_meeting_id = ?, join_url = ?, registration_url = ? WHERE id = ?')
      .run(zoomId, `https://zoom.us/j/${zoomId}`, null, id);
    return id;
  }

  const zoomAnswer = (meetingId: string, draft: KeyedMeetingDraft): ZoomMeeting => ({
    id: Number(meetingId),
    topic: draft.topic,
    type: 8,
    timezone: draft.timezone,
    duration: draft.recurrence.duration,
    created_at: '2026-12-01T10:00:00Z',
    join_url: `https://zoom.us/j/${meetingId}`,
    recurrence: { type: draft.recurrence.type },
    occurrences: [{ occurrence_id: '1', start_time: '2026-03-10T17:00:00Z', duration: draft.recurrence.duration }],
  });

  it('writes each row once, and after a crash between the write and its record, finds it instead of writing it twice', async () => {
    const drafts = example2().meetings.map((meeting) => meeting.draft);
    const [sales, engineering] = drafts;
    if (sales === undefined || engineering === undefined) throw new Error('two meetings expected');
    createdOnZoom(sales, '111');
    createdOnZoom(engineering, '222');
    const file = join(dir.path, 'zoom_meetings.csv');
    const reads: string[] = [];
    const api = () =>
      Promise.resolve({
        getMeeting: (meetingId: string) => {
          reads.push(meetingId);
          const draft = meetingId === '111' ? sales : engineering;
          return Promise.resolve(zoomAnswer(meetingId, draft));
        },
      });
    const rows = new MeetingCsvRows(services.db, iso);
    // The crash: the engineering row reached the file, its record did not.
    appendMeetingCsvRows(file, [meetingCsvRow(zoomAnswer('222', engineering), engineering, iso())]);

    const written = await writeMeetingCsv({ file, drafts, rows, api, now: iso });
    expect(written.map((row) => row.key)).toEqual([sales.key]);
    expect(reads).toEqual(['111']);
    const again = await writeMeetingCsv({ file, drafts, rows, api, now: iso });
    expect(again).toEqual([]);
    expect(reads).toEqual(['111']);
    const ids = Papa.parse<string[]>(readFileSync(file, 'utf8'), { skipEmptyLines: true }).data.map((row) => row[2]);
    expect(ids).toEqual(['meeting_id', '222', '111']);
    expect(services.db.prepare('SELECT count(*) FROM meeting_csv_row').pluck().get()).toBe(2);
  });

  it('a row that could not be read from Zoom is neither written nor recorded, so the next run writes it', async () => {
    const [sales] = example2().meetings.map((meeting) => meeting.draft);
    if (sales === undefined) throw new Error('a meeting expected');
    createdOnZoom(sales, '111');
    const file = join(dir.path, 'zoom_meetings.csv');
    const rows = new MeetingCsvRows(services.db, iso);
    const offline = () => Promise.reject(new Error('Zoom cannot be reached'));
    await expect(
      writeMeetingCsv({ file, drafts: [sales], rows, api: () => Promise.resolve({ getMeeting: offline }), now: iso }),
    ).rejects.toThrow(/cannot be reached/);
    expect(services.db.prepare('SELECT count(*) FROM meeting_csv_row').pluck().get()).toBe(0);
    const written = await writeMeetingCsv({
      file,
      drafts: [sales],
      rows,
      api: () => Promise.resolve({ getMeeting: (id: string) => Promise.resolve(zoomAnswer(id, sales)) }),
      now: iso,
    });
    expect(written).toHaveLength(1);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type Database from 'better-sqlite3';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../../main/db/database';
import { attendeeColumns } from '../../../main/drafts/export/attendeesCsv';
import { sessionColumns } from '../../../main/drafts/export/sessionsCsv';
import { createServices, type Services } from '../../../main/services';
import { makeTempDir } from '../../support/tempDir';

// The CSV exports on a real SQLite file, opened by LibreOffice Calc (headless, as a planner's
// spreadsheet would) and written back: every cell arrives as written, text stays text.

const fixture: unknown = JSON.parse(readFileSync('test/fixtures/export-series.json', 'utf8'));

let dir: ReturnType<typeof makeTempDir>;
let db: Database.Database;
let services: Services;
beforeAll(() => {
  dir = makeTempDir();
  db = openDatabase(databaseFile(join(dir.path, 'data'))).db;
  services = createServices({ db, now: () => Date.parse('2026-12-01T12:00:00Z') });
  services.drafts.importFile(fixture, { dryRun: false });
  const planning = services.drafts.list().find((entry) => entry.key === 'nyc-weekly');
  if (planning === undefined) throw new Error('no planning series');
  services.stores.pages.record(planning.id, {
    hub_name: 'Planning, hub',
    event_url: 'https://events.zoom.us/ev/planning',
    registration_url: 'https://events.zoom.us/ev/planning/register?x=1,2',
  });
});
afterAll(() => {
  db.close();
  dir.remove();
});

const parse = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;

/**
 * Opens each file in LibreOffice Calc with its import's defaults (comma, double quote, UTF-8) and
 * saves it as CSV again, text cells quoted: one soffice run for all files.
 */
function throughLibreOffice(files: Record<string, string>): Record<string, string> {
  const inDir = join(dir.path, 'in');
  const outDir = join(dir.path, 'out');
  mkdirSync(inDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(inDir, name), text, 'utf8');
  execFileSync(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=${pathToFileURL(join(dir.path, 'office-profile')).href}`,
      '--infilter=CSV:44,34,76,1',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false',
      '--outdir',
      outDir,
      ...Object.keys(files).map((name) => join(inDir, name)),
    ],
    { stdio: 'pipe', timeout: 50_000 },
  );
  return Object.fromEntries(Object.keys(files).map((name) => [name, readFileSync(join(outDir, name), 'utf8')]));
}

describe('the CSV exports', () => {
  it('list every session and every attendee, with a header, CRLF line ends and formulas made harmless', () => {
    const sessions = services.exporter.export({ format: 'csv' });
    expect(sessions).toMatchObject({ file_name: 'Cadence sessions.csv', media_type: 'text/csv;charset=utf-8' });
    const rows = parse(sessions.content);
    expect(rows[0]).toEqual([...sessionColumns]);
    // Every planned session, cancelled ones included: 45 + 6 + 6 + 5 + 4 + 10 + 1.
    expect(rows).toHaveLength(1 + 77);
    expect(sessions.content.endsWith('\r\n')).toBe(true);
    expect(sessions.content.replace(/\r\n/g, '').includes('\n')).toBe(false);
    const cancelled = rows.find((row) => row[0] === 'nyc-weekly' && row[4] === '7');
    expect(cancelled).toEqual([
      'nyc-weekly',
      'Tuesday Planning, "New York" edition',
      'RECURRING',
      '',
      '7',
      '',
      'cancelled',
      '2027-03-16T14:00:00Z',
      '2027-03-16T15:00:00Z',
      'America/New_York',
      '2027-03-16T10:00:00-04:00',
      '2027-03-16T11:00:00-04:00',
      'https://events.zoom.us/ev/planning',
      'https://events.zoom.us/ev/planning/register?x=1,2',
      'hubNYC0001',
      'Planning, hub',
      // A series Zoom holds as one event has no part.
      '',
    ]);

    const attendees = parse(services.exporter.export({ format: 'attendees_csv' }).content);
    expect(attendees[0]).toEqual([...attendeeColumns]);
    expect(attendees).toHaveLength(1 + 4);
    const zoe = attendees.find((row) => row[3] === 'zoe@example.com');
    expect(zoe?.slice(3, 9)).toEqual([
      'zoe@example.com',
      'Zoë, "Jo"',
      "O'Brien\nSmith",
      `'=HYPERLINK("http://x")`,
      '1; 2; 10',
      '2027-02-02T10:00:00-05:00; 2027-02-09T10:00:00-05:00; 2027-04-07T10:00:00-04:00',
    ]);
    expect(zoe?.[9]).toMatch(/^[0-9a-f-]{36}$/);
    const dash = attendees.find((row) => row[3] === 'minus@example.com');
    expect(dash?.slice(4, 6)).toEqual(["'-dash", "'@at"]);
    // A registration for all sessions lists every session that takes place.
    expect(attendees.find((row) => row[3] === 'anna@example.com')?.[7]).toBe('1; 2; 3; 4; 5; 6');
  });

  it('open in LibreOffice Calc with every cell intact: commas, quotes, line breaks, non-ASCII, times as text', () => {
    const written = {
      'sessions.csv': services.exporter.export({ format: 'csv' }).content,
      'attendees.csv': services.exporter.export({ format: 'attendees_csv' }).content,
    };
    const read = throughLibreOffice(written);
    for (const name of Object.keys(written) as (keyof typeof written)[]) {
      expect(parse(read[name] ?? ''), name).toEqual(parse(written[name]));
    }
    // Calc quotes the cells it holds as text: the times were not taken for dates, nor names for formulas.
    const sessions = read['sessions.csv'] ?? '';
    expect(sessions).toContain('"2027-03-16T14:00:00Z","2027-03-16T15:00:00Z","America/New_York"');
    expect(sessions).toContain(',7,,"cancelled",');
    const attendees = read['attendees.csv'] ?? '';
    expect(attendees).toContain('"Zoë, ""Jo""","O\'Brien\nSmith"');
    expect(attendees).toContain('"健二","山田"');
    expect(attendees).not.toMatch(/,=|,"=/);
  }, 60_000);
});

it('is the header alone, with one line end, when there is no series', () => {
  const emptyDir = makeTempDir();
  const { db } = openDatabase(databaseFile(join(emptyDir.path, 'empty')));
  try {
    const empty = createServices({ db });
    expect(empty.exporter.export({ format: 'csv' }).content).toBe(`${sessionColumns.join(',')}\r\n`);
    expect(empty.exporter.export({ format: 'attendees_csv' })).toMatchObject({
      content: `${attendeeColumns.join(',')}\r\n`,
      series: 0,
    });
  } finally {
    db.close();
    emptyDir.remove();
  }
});

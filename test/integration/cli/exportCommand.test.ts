import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readCalendar } from '../../support/icalReader';
import { makeTempDir } from '../../support/tempDir';

// `cadence export` as scripts run it: the real process, real data directories.

// One data folder, imported once, that every test exports from; a second one for the round trip.
let dir: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  dir = makeTempDir();
  expect(cadence('here', 'import', 'test/fixtures/export-series.json').status).toBe(0);
});
afterAll(() => dir.remove());

function cadence(dataDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['main/cli/bin.js', '--data-dir', join(dir.path, dataDir), ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

it('writes a series file that another data folder imports into the same drafts', () => {
  const out = join(dir.path, 'planning.json');
  const written = cadence('here', '--json', 'export', '--format', 'series', '--out', out);
  expect(written.status).toBe(0);
  expect(JSON.parse(written.stdout)).toEqual({ file: out, series: 7 });
  expect(readdirSync(dir.path).filter((name) => name.includes('.partial'))).toEqual([]);

  expect(cadence('there', 'import', out).status).toBe(0);
  const back = cadence('there', 'export', '--format', 'series');
  expect(back.status).toBe(0);
  expect(back.stdout).toBe(readFileSync(out, 'utf8'));
});

it('writes the chosen series by key to stdout with their own line ends, and a calendar to a file it replaces', () => {
  const csv = cadence('here', 'export', '--format', 'csv', '--series', 'launch', 'la-month-end');
  expect(csv.status).toBe(0);
  const lines = csv.stdout.split('\r\n');
  expect(lines[0]).toMatch(/^series_key,series_name,/);
  // The header, six sessions of la-month-end then launch's one (the list's order), and the final CRLF.
  expect(lines.slice(1, -1).map((line) => line.split(',')[0])).toEqual([
    ...Array<string>(6).fill('la-month-end'),
    'launch',
  ]);

  const calendarFile = join(dir.path, 'cadence.ics');
  for (let i = 0; i < 2; i += 1) {
    const run = cadence('here', 'export', '--format', 'ics', '--out', calendarFile);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`Exported 7 series to ${calendarFile}.\n`);
  }
  const calendar = readCalendar(readFileSync(calendarFile, 'utf8')).series;
  expect(calendar.size).toBe(7);
  expect([...calendar.values()].every((entry) => entry.sequences.every((sequence) => sequence === 0))).toBe(true);
});

it('refuses a key that names no series with exit 2, naming it, and writes nothing', () => {
  const out = join(dir.path, 'never.csv');
  const run = cadence('here', 'export', '--format', 'csv', '--series', 'launch', 'no-such-key', '--out', out);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('no-such-key');
  expect(JSON.parse(run.stdout)).toMatchObject({
    error: { code: 'invalid_input', issues: [{ path: 'series[1]' }] },
  });
  expect(existsSync(out)).toBe(false);

  const badFormat = cadence('here', 'export', '--format', 'xlsx');
  expect(badFormat.status).toBe(2);
  expect(badFormat.stderr).toContain('xlsx');
});

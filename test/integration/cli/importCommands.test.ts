import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/tempDir';

// `cadence import`, `drafts` and `status` as scripts run them: the real process, a real data directory.

let dir: ReturnType<typeof makeTempDir>;
let dataDir: string;
beforeEach(() => {
  dir = makeTempDir();
  dataDir = join(dir.path, 'data');
});
afterEach(() => dir.remove());

function cadence(...args: string[]) {
  const result = spawnSync(process.execPath, ['main/cli/bin.js', '--data-dir', dataDir, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function seriesFile(name: string, series: unknown[]): string {
  const path = join(dir.path, name);
  writeFileSync(path, JSON.stringify({ version: 1, series }));
  return path;
}

const example = JSON.parse(readFileSync('test/fixtures/series-file-example.json', 'utf8')) as {
  series: Record<string, unknown>[];
};
const standup = {
  ...example.series[0],
  attendees: [
    { email: 'jane.doe@example.com', first_name: 'Jane' },
    { email: 'john.smith@example.com', first_name: 'John' },
  ],
};
const launch = {
  name: 'Launch Party',
  timezone: 'Europe/Paris',
  event_type: 'SIMPLE_EVENT',
  start_time: '2027-06-10T17:00:00Z',
  end_time: '2027-06-10T19:00:00Z',
};

describe('cadence import', () => {
  it('--dry-run reports and creates nothing, not even the data directory', () => {
    const result = cadence('import', seriesFile('series.json', [standup, launch]), '--dry-run');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Would import 2 series: 2 new, 0 updated.');
    expect(result.stdout).toContain('Nothing was changed (--dry-run).');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('--dry-run says which linked events a series of more than 60 sessions becomes on Zoom', () => {
    const daily = {
      ...standup,
      key: 'daily',
      name: 'Daily standup',
      start_time: '2027-01-04T14:00:00Z',
      occurrence_changes: [],
      recurrence: { type: 1, end_times: 260, duration: 15 },
    };
    const result = cadence('import', seriesFile('daily.json', [daily]), '--dry-run');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Daily standup (daily) — 260 sessions');
    expect(result.stdout).toContain('on Zoom as 5 linked events (Zoom holds 60 sessions in one):');
    expect(result.stdout).toContain('Daily standup (part 2 of 5): sessions 61–120');
    expect(result.stdout).toContain('Daily standup (part 5 of 5): sessions 241–260');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('imports, and a second import updates by key instead of doubling', () => {
    const path = seriesFile('series.json', [standup, launch]);
    expect(cadence('import', path).status).toBe(0);
    const again = cadence('--json', 'import', path);
    expect(again.status).toBe(0);
    // The keyless single event is new each time; the keyed standup is updated.
    expect(JSON.parse(again.stdout)).toMatchObject({ dry_run: false, created: 1, updated: 1 });
    const drafts = JSON.parse(cadence('--json', 'drafts').stdout) as { drafts: { name: string; sync_state: string }[] };
    expect(drafts.drafts.map((draft) => draft.name)).toEqual([
      'Engineering Team Weekly Standup',
      'Launch Party',
      'Launch Party',
    ]);
    expect(drafts.drafts.every((draft) => draft.sync_state === 'draft')).toBe(true);
  });

  it('exits 2 for a new series that would start in the past, naming its start', () => {
    const result = cadence('import', seriesFile('old.json', [{ ...launch, start_time: '2001-10-08T17:00:00Z' }]));
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({
      error: {
        code: 'invalid_input',
        issues: [{ path: 'series[0].start_time', message: expect.stringMatching(/starts in the past/) as string }],
      },
    });
    expect(existsSync(join(dataDir, 'cadence.sqlite')) ? cadence('drafts').stdout : '').not.toContain('Launch Party');
  });

  it('exits 2 for an invalid file, lists every problem by JSON path, and changes nothing', () => {
    const good = seriesFile('good.json', [standup]);
    cadence('import', good);
    const before = cadence('--json', 'status').stdout;
    const bad = seriesFile('bad.json', [
      { ...standup, name: 'Changed' },
      { ...launch, timezone: 'Mars/Base', end_time: 'soon' },
    ]);
    const result = cadence('import', bad);
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({
      error: {
        code: 'invalid_input',
        message: 'The series file has 2 problems; nothing was imported.',
        issues: [
          {
            path: 'series[1].timezone',
            message: '"Mars/Base" is not a time zone Cadence knows. Use an IANA name such as America/New_York.',
          },
          { path: 'series[1].end_time', message: 'Write the time as YYYY-MM-DDTHH:MM:SSZ (UTC).' },
        ],
      },
    });
    expect(result.stderr).toContain('series[1].timezone:');
    expect(cadence('--json', 'status').stdout).toBe(before);
    expect(cadence('drafts').stdout).toContain('Engineering Team Weekly Standup');
    expect(cadence('drafts').stdout).not.toContain('Changed');
  });

  it('exits 2 for a file that is missing or not JSON', () => {
    expect(cadence('import', join(dir.path, 'nowhere.json')).status).toBe(2);
    const path = join(dir.path, 'broken.json');
    writeFileSync(path, '{"version": 1, "series": [');
    const result = cadence('import', path);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('is not valid JSON. Nothing was imported.');
  });

  it('refuses a file larger than 64 MB without reading it', () => {
    const path = join(dir.path, 'huge.json');
    writeFileSync(path, '');
    truncateSync(path, 65 * 1024 * 1024);
    const result = cadence('import', path);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('is larger than 64 MB, the most Cadence reads of a series file');
  });

  it('takes a file that starts with a byte-order mark', () => {
    const path = join(dir.path, 'bom.json');
    writeFileSync(path, `\uFEFF${JSON.stringify({ version: 1, series: [] })}`);
    expect(cadence('import', path)).toMatchObject({ status: 0 });
  });

  it('refuses a field given twice, naming where, and imports nothing', () => {
    const path = join(dir.path, 'twice.json');
    const series = JSON.stringify({ ...standup, name: 'First' }).replace('{', '{"name": "Second", ');
    writeFileSync(path, `{"version": 1, "series": [${series}]}`);
    const result = cadence('import', path);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('series[0].name: The field "name" is given twice here; keep one.');
    expect(cadence('drafts').stdout).toContain('No drafts yet');
  });

  it('exits 1 naming the file when the database is damaged, and leaves it alone', () => {
    cadence('import', seriesFile('series.json', [standup]));
    const file = join(dataDir, 'cadence.sqlite');
    writeFileSync(file, 'not a database');
    const result = cadence('drafts');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${file} is damaged or is not a Cadence database`);
    expect(readFileSync(file, 'utf8')).toBe('not a database');
  });
});

describe('cadence drafts and status', () => {
  it('list drafts with their state, and count the outbox', () => {
    expect(cadence('drafts').stdout).toContain('No drafts yet.');
    cadence('import', seriesFile('series.json', [standup]));
    const table = cadence('drafts').stdout.split('\n');
    expect(table[0]).toMatch(/^SERIES\s+STATE\s+SESSIONS\s+NEXT\s+ATTENDEES\s+CHANGES\s+KEY$/);
    expect(table[1]).toMatch(/^Engineering Team Weekly Standup\s+draft\s+11\s+\S+\s+2\s+8\s+eng-standup-2027q1$/);
    const status = cadence('status', '--json');
    expect(status.status).toBe(0);
    expect(JSON.parse(status.stdout)).toEqual({
      outbox: { pending: 8, in_flight: 0, done: 0, failed: 0, conflict: 0, blocked: 0 },
      conflicts: 0,
      waiting: 8,
      last_sync: null,
    });
    expect(cadence('status').stdout).toContain('Changes waiting for Zoom: 8');
  });
});

import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCredentialVault } from '../../../main/vault/credentialVault';
import { osKeychain } from '../../../main/vault/keychain';
import { SandboxControl } from '../../support/sandbox';
import { startSandboxProcess, type SandboxProcess } from '../../support/sandboxProcess';
import { runCadence } from '../../support/runCadence';
import { stopChild } from '../../support/stopChild';
import { makeTempDir } from '../../support/tempDir';

// `cadence meetings import|create|list` as a planner runs them with the script's own configs,
// against `cadence sandbox` started with the examples' zoom_api credentials: Cadence signs in with
// the config's block, and nothing else gives it credentials.
const examples = {
  one: 'example-1-weekly-single-user.json',
  two: 'example-2-multiple-users.json',
  three: 'example-3-monthly-fixed-day.json',
} as const;
const secret = 'client_secret_here';

let dir: ReturnType<typeof makeTempDir>;
let dataDir: string;
let keychainService: string;
let sandbox: SandboxProcess;
let control: SandboxControl;

function env(): NodeJS.ProcessEnv {
  return {
    CADENCE_KEYCHAIN_SERVICE: keychainService,
    CADENCE_ZOOM_API_URL: sandbox.api_url,
    CADENCE_ZOOM_OAUTH_URL: sandbox.oauth_url,
    ZOOM_ACCOUNT_ID: '',
    ZOOM_CLIENT_ID: '',
    ZOOM_CLIENT_SECRET: '',
  };
}

function cadence(args: string[]) {
  return runCadence(['--data-dir', dataDir, ...args], '', env());
}

/** The example config, copied beside where its CSV goes. */
function example(name: keyof typeof examples): string {
  const path = join(dir.path, examples[name]);
  if (!existsSync(path)) copyFileSync(`test/fixtures/meetings/${examples[name]}`, path);
  return path;
}

function csvRows(name: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(join(dir.path, name), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

interface CreateResult {
  import: { meetings: { topic: string; action: string; occurrences: number }[]; warnings: string[] };
  sync: { outcome: string; requests: number };
  meetings: { topic: string; state: string; zoom_meeting_id: string | null }[];
  csv: { file: string; rows_written: number };
}

// One sandbox for the file, as it started before each test; a data folder and keychain entry of each test's own.
beforeAll(async () => {
  sandbox = await startSandboxProcess([
    '--account-id',
    'abc123xyz',
    '--client-id',
    'client_id_here',
    '--client-secret',
    secret,
  ]);
  control = new SandboxControl(sandbox.url);
});
afterAll(async () => {
  await sandbox.stop();
});
beforeEach(async () => {
  dir = makeTempDir();
  dataDir = join(dir.path, 'data');
  keychainService = `Cadence test ${randomUUID()}`;
  await control.reset();
});
afterEach(async () => {
  await createCredentialVault(osKeychain(keychainService), {}).forget();
  dir.remove();
});

describe("the script's three example configs", () => {
  it(
    'import previews, create syncs and writes the CSV in the script’s columns; the same configs again change nothing',
    { timeout: 90_000 },
    async () => {
      const preview = await cadence(['--json', 'meetings', 'import', example('two'), '--dry-run']);
      expect(preview.status).toBe(0);
      expect(JSON.parse(preview.stdout)).toMatchObject({
        dry_run: true,
        meetings: [
          { topic: 'Sales Pipeline Review', occurrences: 43, first_start: '2026-03-10T17:00:00Z', action: 'created' },
          {
            topic: 'Engineering Sprint Planning',
            occurrences: 21,
            first_start: '2026-03-17T18:00:00Z',
            action: 'created',
          },
        ],
      });
      expect(existsSync(dataDir)).toBe(false);
      expect(await control.requests()).toEqual([]);

      const created: CreateResult[] = [];
      for (const name of ['one', 'two', 'three'] as const) {
        const run = await cadence(['--json', 'meetings', 'create', example(name)]);
        expect(run.stderr).toContain('This file holds a Zoom client secret');
        expect(run.status, run.stderr).toBe(0);
        created.push(JSON.parse(run.stdout) as CreateResult);
      }
      expect(created.map((run) => run.sync.outcome)).toEqual(['succeeded', 'succeeded', 'succeeded']);
      expect(created.map((run) => run.csv.rows_written)).toEqual([1, 2, 1]);
      const state = await control.state();
      expect(state.meetings.map((meeting) => meeting.topic).sort()).toEqual([
        'Engineering Sprint Planning',
        'Monday Team Sync',
        'Monthly All-Hands',
        'Sales Pipeline Review',
      ]);
      const idOf = (topic: string) => String(state.meetings.find((meeting) => meeting.topic === topic)?.id);

      // Column by column, against the script's documented format and the calendar counted by hand.
      const header =
        'created_at,host_email,meeting_id,meeting_topic,start_time,timezone,duration,join_url,registration_url,recurrence_type,occurrences';
      expect(readFileSync(join(dir.path, 'team_meetings.csv'), 'utf8').split('\r\n')[0]).toBe(header);
      expect(readFileSync(join(dir.path, 'zoom_meetings.csv'), 'utf8').split('\r\n')[0]).toBe(header);
      const rows = [...csvRows('team_meetings.csv'), ...csvRows('zoom_meetings.csv')];
      const expected = [
        ['manager@company.com', 'Monday Team Sync', '2026-03-09T09:00:00', 'America/New_York', '45', true, '2', '43'],
        [
          'sales@company.com',
          'Sales Pipeline Review',
          '2026-03-10T10:00:00',
          'America/Los_Angeles',
          '60',
          false,
          '2',
          '43',
        ],
        [
          'engineering@company.com',
          'Engineering Sprint Planning',
          '2026-03-17T14:00:00',
          'America/New_York',
          '120',
          true,
          '2',
          '21',
        ],
        ['hr@company.com', 'Monthly All-Hands', '2026-03-15T15:00:00', 'America/Chicago', '90', true, '3', '10'],
      ] as const;
      expect(rows).toHaveLength(expected.length);
      for (const [index, [host, topic, start, zone, duration, isRegistered, type, count]] of expected.entries()) {
        const row = rows[index] ?? {};
        expect(Object.keys(row)).toEqual(header.split(','));
        expect(row.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
        expect(row).toMatchObject({
          host_email: host,
          meeting_id: idOf(topic),
          meeting_topic: topic,
          start_time: start,
          timezone: zone,
          duration,
          join_url: `https://zoom.us/j/${idOf(topic)}`,
          recurrence_type: type,
          occurrences: count,
        });
        if (isRegistered) expect(row.registration_url).toMatch(/^https:\/\/zoom\.us\/meeting\/register\/\S+$/);
        else expect(row.registration_url).toBe('');
      }

      // Again: importing sends nothing and changes nothing; creating creates nothing and writes no row.
      const csvBefore = readFileSync(join(dir.path, 'zoom_meetings.csv'), 'utf8');
      await control.clearRequests();
      for (const name of ['one', 'two', 'three'] as const) {
        const again = await cadence(['--json', 'meetings', 'import', example(name)]);
        expect(again.status).toBe(0);
        const actions = (JSON.parse(again.stdout) as CreateResult['import']).meetings.map((m) => m.action);
        expect(actions.every((action) => action === 'unchanged')).toBe(true);
      }
      expect(await control.requests()).toEqual([]);
      const createdAgain = await cadence(['--json', 'meetings', 'create', example('two')]);
      expect(createdAgain.status).toBe(0);
      expect((JSON.parse(createdAgain.stdout) as CreateResult).csv.rows_written).toBe(0);
      const writes = (await control.requests()).filter(
        (request) => request.method !== 'GET' && request.path !== '/oauth/token',
      );
      expect(writes).toEqual([]);
      expect(readFileSync(join(dir.path, 'zoom_meetings.csv'), 'utf8')).toBe(csvBefore);
      expect((await control.state()).meetings).toHaveLength(4);
    },
  );

  it(
    "prints the script's progress: [i/n] Processing, the host, the meeting's ID and links",
    { timeout: 60_000 },
    async () => {
      const run = await cadence(['meetings', 'create', example('two')]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('Creating 2 recurring meeting(s)...');
      expect(run.stdout).toMatch(/\[1\/2\] Processing: (Sales Pipeline Review|Engineering Sprint Planning)/);
      expect(run.stdout).toMatch(/\[2\/2\] Processing: /);
      expect(run.stdout).toContain('  Host: engineering@company.com');
      expect(run.stdout).toMatch(
        /✓ Meeting created successfully!\n {4}- Meeting ID: \d+\n {4}- Join URL: https:\/\/zoom\.us\/j\/\d+\n {4}- Registration URL: https:\/\/zoom\.us\/meeting\/register\//,
      );
      expect(run.stdout).toContain(`✓ Complete! Meeting details saved to: ${join(dir.path, 'zoom_meetings.csv')}`);
      const list = await cadence(['--json', 'meetings', 'list']);
      expect((JSON.parse(list.stdout) as { meetings: { state: string }[] }).meetings.map((m) => m.state)).toEqual([
        'synced',
        'synced',
      ]);
    },
  );
});

describe('the zoom_api block', () => {
  it(
    'signs in for that run only: the secret reaches neither the data folder nor the keychain',
    { timeout: 60_000 },
    async () => {
      const run = await cadence(['meetings', 'create', example('three')]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/holds a Zoom client secret.*for this run only.*cadence connect/s);
      const files = (folder: string): string[] =>
        readdirSync(folder).flatMap((name) => {
          const path = join(folder, name);
          return statSync(path).isDirectory() ? files(path) : [path];
        });
      const stored = files(dataDir);
      expect(stored.length).toBeGreaterThan(0);
      for (const file of stored) expect(readFileSync(file).includes(secret), file).toBe(false);
      expect(await createCredentialVault(osKeychain(keychainService), {}).read()).toBeUndefined();
      // Without the block (and without credentials) there is nothing to sign in with.
      const config = JSON.parse(readFileSync(example('one'), 'utf8')) as Record<string, unknown>;
      delete config.zoom_api;
      const bare = join(dir.path, 'bare.json');
      writeFileSync(bare, JSON.stringify(config));
      const unsigned = await cadence(['meetings', 'create', bare]);
      expect(unsigned.status).toBe(2);
      expect(unsigned.stderr).toMatch(/not connected to Zoom/);
    },
  );
});

describe('--verbose', () => {
  it(
    'checks each host on Zoom; an unknown host stops the import, naming where it is',
    { timeout: 60_000 },
    async () => {
      const config = JSON.parse(readFileSync(example('two'), 'utf8')) as { meetings: Record<string, unknown>[] };
      const typo = join(dir.path, 'typo.json');
      writeFileSync(
        typo,
        JSON.stringify({
          ...config,
          meetings: [config.meetings[0], { ...config.meetings[1], host_email: 'engneering@company.com' }],
        }),
      );
      // A dry run makes no request, as the script's.
      const preview = await cadence(['meetings', 'import', typo, '--verbose', '--dry-run']);
      expect(preview.status).toBe(0);
      expect(preview.stdout).toContain('--dry-run makes no request');
      expect(await control.requests()).toEqual([]);
      const refused = await cadence(['--json', 'meetings', 'import', typo, '--verbose']);
      expect(refused.status).toBe(2);
      expect(JSON.parse(refused.stdout)).toMatchObject({
        error: { code: 'invalid_input', issues: [{ path: 'meetings[1].host_email' }] },
      });
      expect((await cadence(['--json', 'meetings', 'list'])).stdout).toContain('"meetings":[]');

      const verified = await cadence(['meetings', 'import', example('two'), '--verbose']);
      expect(verified.status, verified.stderr).toBe(0);
      expect(verified.stdout).toContain('Host verified: sales@company.com');
      expect(verified.stdout).toContain('Host verified: engineering@company.com');
    },
  );

  it(
    "without the user-read scopes skips only the host check, with the script's warning",
    { timeout: 60_000 },
    async () => {
      await control.setFaults({ scopes: ['meeting:write:admin', 'meeting:read:admin'] });
      const run = await cadence(['meetings', 'create', example('one'), '--verbose']);
      expect(run.stdout).toContain('Warning: Skipping user verification: token missing user read scope(s).');
      expect(run.stdout).toContain('✓ Meeting created successfully!');
      expect(run.status, run.stderr).toBe(0);
    },
  );
});

describe('problems', () => {
  it('an invalid config lists every problem by JSON path, exit 2, nothing created', async () => {
    const bad = join(dir.path, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        output_file: 'out.csv',
        meetings: [
          {
            host_email: 'a@company.com',
            topic: 'A',
            start_date: '2027-02-30',
            start_time: '9:00',
            recurrence_type: 'weekly',
            occurrences: 5,
          },
          {
            host_email: 'b@company.com',
            topic: 'B',
            start_date: '2027-03-01',
            start_time: '09:00:00',
            recurrence_type: 'daily',
          },
          {
            host_email: 'c@company.com',
            topic: 'C',
            start_date: '2027-03-01',
            start_time: '09:00:00',
            recurrence_type: 'monthly',
            occurrences: 51,
            wating_room: false,
          },
        ],
      }),
    );
    const run = await cadence(['--json', 'meetings', 'create', bad]);
    expect(run.status).toBe(2);
    const issues = (JSON.parse(run.stdout) as { error: { issues: { path: string }[] } }).error.issues;
    expect(issues.map((issue) => issue.path)).toEqual([
      'meetings[0].start_date',
      'meetings[0].start_time',
      'meetings[1].end_date',
      'meetings[1].occurrences',
      'meetings[2].occurrences',
      'meetings[2].wating_room',
    ]);
    expect(run.stderr).toContain('meetings[0].start_time:');
    expect(existsSync(dataDir)).toBe(false);
    expect(existsSync(join(dir.path, 'out.csv'))).toBe(false);
    expect(await control.requests()).toEqual([]);
  });

  it('a CSV that is not the script’s is refused before anything is sent', async () => {
    writeFileSync(join(dir.path, 'team_meetings.csv'), 'name,email\r\n');
    const run = await cadence(['meetings', 'create', example('one')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/not a CSV of recurring meetings/);
    expect(await control.requests()).toEqual([]);
  });
});

describe("a host's daily limit", () => {
  it(
    'the dry run and the run say which meeting waits for the next UTC day; the rest is created',
    { timeout: 60_000 },
    async () => {
      await control.setFaults({ meetingDailyLimit: 1 });
      const config = JSON.parse(readFileSync(example('two'), 'utf8')) as { meetings: Record<string, unknown>[] };
      const engineering = config.meetings[1] ?? {};
      const twice = join(dir.path, 'twice.json');
      writeFileSync(twice, JSON.stringify({ ...config, meetings: [engineering, { ...engineering, topic: 'Retro' }] }));
      const run = await cadence(['meetings', 'create', twice]);
      expect(run.stdout).toContain('✓ Meeting created successfully!');
      expect(run.stdout).toMatch(
        /Processing: Retro\n {2}Host: engineering@company\.com\n {2}… Waits for engineering@company\.com's daily limit .* after \d{4}-\d{2}-\d{2}T00:00:00Z/,
      );
      expect(run.status).toBe(3);
      expect(csvRows('zoom_meetings.csv').map((row) => row.meeting_topic)).toEqual(['Engineering Sprint Planning']);
      const preview = await cadence(['meetings', 'create', twice, '--dry-run']);
      expect(preview.stdout).toMatch(/Retro.*waits for engineering@company\.com's daily limit/);
    },
  );
});

describe('a crash mid-sync', () => {
  it(
    'killed while meetings are being created, run again: no meeting twice, no CSV row twice',
    { timeout: 60_000 },
    async () => {
      const hosts = Array.from({ length: 6 }, (_, i) => `host${String(i)}@company.com`);
      for (const email of hosts)
        await fetch(`${sandbox.url}/_sandbox/users`, {
          method: 'POST',
          body: JSON.stringify({ email }),
          headers: { 'content-type': 'application/json' },
        });
      const config = join(dir.path, 'many.json');
      writeFileSync(
        config,
        JSON.stringify({
          zoom_api: { account_id: 'abc123xyz', client_id: 'client_id_here', client_secret: secret },
          meetings: hosts.flatMap((host_email) =>
            ['Standup', 'Review'].map((topic) => ({
              host_email,
              topic,
              start_date: '2027-03-01',
              start_time: '09:00:00',
              recurrence_type: 'weekly',
              occurrences: 4,
            })),
          ),
        }),
      );
      // Every create waits a second at Zoom: the command is killed with creates sent and unanswered.
      await control.setFaults({ latencyMs: [1000, 1000] });
      const child = spawn(process.execPath, ['main/cli/bin.js', '--data-dir', dataDir, 'meetings', 'create', config], {
        env: { ...process.env, ...env() },
        stdio: 'ignore',
      });
      const creates = async () =>
        (await control.requests()).filter((r) => r.method === 'POST' && r.path.endsWith('/meetings')).length;
      while ((await creates()) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      child.kill('SIGKILL');
      await stopChild(child);
      // The creates on their way when it died land on Zoom all the same.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await control.setFaults({ latencyMs: [0, 0] });
      const onZoom = (await control.state()).meetings.length;
      const listed = await cadence(['--json', 'meetings', 'list']);
      const recorded = (
        JSON.parse(listed.stdout) as { meetings: { zoom_meeting_id: string | null }[] }
      ).meetings.filter((m) => m.zoom_meeting_id !== null).length;
      expect(recorded).toBeLessThan(onZoom);

      const again = await cadence(['--json', 'meetings', 'create', config]);
      expect(again.status, again.stderr).toBe(0);
      const meetings = (await control.state()).meetings;
      expect(meetings).toHaveLength(12);
      expect(new Set(meetings.map((m) => `${m.host_id}/${m.topic}`)).size).toBe(12);
      const rows = csvRows('zoom_meetings.csv');
      expect(rows).toHaveLength(12);
      expect(new Set(rows.map((row) => row.meeting_id))).toEqual(new Set(meetings.map((m) => String(m.id))));
    },
  );
});

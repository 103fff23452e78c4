import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxControl } from '../../support/sandbox';
import { startSandboxProcess, type SandboxProcess } from '../../support/sandboxProcess';
import { standupSeries } from '../../support/syncHarness';
import { runCadence } from '../../support/runCadence';
import { makeTempDir } from '../../support/tempDir';

// `cadence change-pattern` as a script runs it: export the series, edit its pattern, preview,
// confirm, sync to `cadence sandbox`.
let dir: ReturnType<typeof makeTempDir>;
let dataDir: string;
let sandbox: SandboxProcess;
let control: SandboxControl;

const message = 'The standup moves to Wednesdays; your registration moves with it.';

function cadence(args: string[]) {
  return runCadence(['--data-dir', dataDir, ...args], '', {
    ZOOM_ACCOUNT_ID: sandbox.account_id,
    ZOOM_CLIENT_ID: sandbox.client_id,
    ZOOM_CLIENT_SECRET: sandbox.client_secret,
    CADENCE_ZOOM_API_URL: sandbox.api_url,
    CADENCE_ZOOM_OAUTH_URL: sandbox.oauth_url,
  });
}

beforeAll(async () => {
  dir = makeTempDir();
  dataDir = join(dir.path, 'data');
  sandbox = await startSandboxProcess();
  control = new SandboxControl(sandbox.url);
  const file = join(dir.path, 'series.json');
  writeFileSync(file, JSON.stringify({ version: 1, series: [standupSeries(3, { key: 'standup', publish: true })] }));
  expect((await cadence(['import', file])).status).toBe(0);
  expect((await cadence(['sync'])).status).toBe(0);
});
afterAll(async () => {
  await sandbox.stop();
  dir.remove();
});

/** The series as exported, with Wednesday for its day. */
async function editedFile(): Promise<string> {
  const exported = join(dir.path, 'exported.json');
  expect((await cadence(['export', '--format', 'series', '--series', 'standup', '--out', exported])).status).toBe(0);
  const file = JSON.parse(readFileSync(exported, 'utf8')) as { series: { recurrence: Record<string, unknown> }[] };
  for (const series of file.series) series.recurrence = { ...series.recurrence, weekly_days: [4] };
  const edited = join(dir.path, 'edited.json');
  writeFileSync(edited, JSON.stringify(file));
  return edited;
}

describe('cadence change-pattern', () => {
  it('previews with --dry-run, changes on confirm, and the next sync makes the new event and cancels the old', async () => {
    const edited = await editedFile();
    const dryRun = await cadence(['--json', 'change-pattern', 'standup', edited, '--dry-run']);
    expect(dryRun.status).toBe(0);
    expect(JSON.parse(dryRun.stdout)).toMatchObject({
      dry_run: true,
      preview: { old_pattern: 'Weekly on Monday', new_pattern: 'Weekly on Wednesday', registrations: 3, unmapped: [] },
    });
    const listed = async () =>
      (JSON.parse((await cadence(['--json', 'drafts'])).stdout) as { drafts: unknown[] }).drafts.length;
    expect(await listed()).toBe(1);

    const changed = await cadence(['change-pattern', 'standup', edited, '--message', message]);
    expect(changed.status).toBe(0);
    expect(changed.stdout).toContain('Weekly on Monday → Weekly on Wednesday');
    expect(changed.stdout).toContain('3 registrations carried over');
    expect(changed.stdout).toContain(message);
    expect(await listed()).toBe(2);
    const name = 'Engineering Team Weekly Standup';
    const rows = (await cadence(['drafts'])).stdout.split('\n');
    // The current series first; the replaced one after it, saying so.
    expect(rows[1]).toMatch(new RegExp(`^${name}  `));
    expect(rows[1]).not.toContain('replaced');
    expect(rows[2]).toContain(`${name} (continues as "${name}")`);
    expect(rows[2]).toContain('replaced — old event cancelled at the next sync');

    expect((await cadence(['sync'])).status).toBe(0);
    expect((await cadence(['drafts'])).stdout).toContain('replaced — old event cancelled on Zoom');
    const state = await control.state();
    const standups = state.events.filter((event) => event.name === 'Engineering Team Weekly Standup');
    expect(standups.map((event) => event.status).sort()).toEqual(['CANCELLED', 'PUBLISHED']);
    expect(standups.find((event) => event.status === 'CANCELLED')?.cancel_message).toBe(message);
    const live = standups.find((event) => event.status === 'PUBLISHED');
    expect(state.tickets.filter((ticket) => ticket.event_id === live?.event_id)).toHaveLength(3);
  }, 60_000);

  it('exits 2 naming the field when the pattern is unchanged, and for a file without the series', async () => {
    // The key moved to the new series with its new pattern: the same file changes nothing.
    const same = await cadence(['--json', 'change-pattern', 'standup', await editedFile()]);
    expect(same.status).toBe(2);
    expect(JSON.parse(same.stdout)).toMatchObject({ error: { issues: [{ path: 'recurrence' }] } });

    const other = join(dir.path, 'other.json');
    writeFileSync(
      other,
      JSON.stringify({ version: 1, series: [standupSeries(1, { key: 'a' }), standupSeries(1, { key: 'b' })] }),
    );
    const missing = await cadence(['change-pattern', 'standup', other]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('none with key "standup"');
    const listed = await cadence(['--json', 'drafts']);
    expect((JSON.parse(listed.stdout) as { drafts: unknown[] }).drafts).toHaveLength(2);
  }, 60_000);
});

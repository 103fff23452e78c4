import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ZoomOpenReport } from '../../../shared/zoom/zoomCatalog';
import { runCadence } from '../../support/runCadence';
import { SandboxControl } from '../../support/sandbox';
import { sandboxEnv, startSandboxProcess, type SandboxProcess } from '../../support/sandboxProcess';
import { makeTempDir } from '../../support/tempDir';

// `cadence zoom open` as a planner's script runs it: real processes, real HTTP on 127.0.0.1, the
// sandbox seeded with the tutorial's events (made as on Zoom's console), credentials from the environment.
let dir: ReturnType<typeof makeTempDir>;
let sandbox: SandboxProcess;

beforeEach(async () => {
  dir = makeTempDir();
  sandbox = await startSandboxProcess(['--seed']);
});
afterEach(async () => {
  await sandbox.stop();
  dir.remove();
});

function cadence(args: string[]) {
  return runCadence(['--data-dir', join(dir.path, 'data'), ...args], '', sandboxEnv(sandbox));
}

describe('cadence zoom open', () => {
  it("opens a hub's events, lists what stays on Zoom, and the next sync sends nothing", async () => {
    const run = await cadence(['zoom', 'open', '--hub', 'hub-engineering-team']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Opened "Engineering Team Weekly Standup" \(/m);
    expect(run.stdout).toMatch(/^Opened "Product Updates Webinar Series" \(/m);
    expect(run.stdout).toMatch(/^ {2}Kept on Zoom:\n {4}ticket type "/m);
    expect(run.stdout).toMatch(/^\d+ requests to Zoom\.$/m);
    // Progress goes to stderr, one line per event.
    expect(run.stderr.trim().split('\n')).toHaveLength(2);

    const dryRun = await cadence(['sync', '--dry-run']);
    // A sync would read both events back from Zoom, and send nothing.
    expect(dryRun.stdout).toMatch(
      /^Nothing to send: everything is in sync\. A sync first reads the series back from Zoom \(\d+ requests\)\.\n$/,
    );
    const control = new SandboxControl(sandbox.url);
    await control.clearRequests();
    const sync = await cadence(['sync']);
    expect(sync.status).toBe(0);
    const changing = (await control.requests()).filter(
      (request) => request.path.startsWith('/v2/') && request.method !== 'GET',
    );
    expect(changing).toEqual([]);
  });

  it('exits 3 when some event could not be opened, printing every result as JSON with --json', async () => {
    const training = sandbox.seeded.find((event) => event.scenario === 'per-session-training');
    const run = await cadence(['--json', 'zoom', 'open', 'e-no-such-event', training?.event_id ?? '']);
    expect(run.status).toBe(3);
    const report = JSON.parse(run.stdout) as ZoomOpenReport;
    expect(report.results.map((result) => [result.event_id, result.outcome])).toEqual([
      ['e-no-such-event', 'failed'],
      [training?.event_id, 'opened'],
    ]);
    expect(report.results[0]?.error?.message).toMatch(/no longer exists on Zoom/);

    const again = await cadence(['zoom', 'open', training?.event_id ?? '']);
    expect(again.stdout).toMatch(/^Refreshed "Git & GitHub Training Series" \(/m);
    expect(again.stdout).toContain('0 changes taken from Zoom, 0 conflicts');
    const drafts = await cadence(['--json', 'drafts']);
    expect((JSON.parse(drafts.stdout) as { drafts: unknown[] }).drafts).toHaveLength(1);
  });

  it('refuses to be given both events and a hub, naming what to give', async () => {
    const run = await cadence(['zoom', 'open', 'e1', '--hub', 'h1']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/event IDs, or a hub/);
  });

  it('says Zoom is out of reach with exit 4 when the sandbox is gone', async () => {
    await sandbox.stop();
    const run = await cadence(['zoom', 'open', 'e1', 'e2']);
    expect(run.status).toBe(4);
    expect(run.stderr).toMatch(/^cadence: /);
  });
});

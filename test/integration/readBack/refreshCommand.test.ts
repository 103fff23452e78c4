import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RefreshReport, ZoomOpenReport } from '../../../shared/zoom/zoomCatalog';
import { runCadence } from '../../support/runCadence';
import { SandboxControl } from '../../support/sandbox';
import { sandboxEnv, startSandboxProcess, type SandboxProcess } from '../../support/sandboxProcess';
import { makeTempDir } from '../../support/tempDir';

// `cadence zoom refresh` as a script runs it: real processes, the sandbox seeded with the
// tutorial's events, a registration made on Zoom's page after the event was opened here.
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

describe('cadence zoom refresh', () => {
  it('takes a registration made on Zoom’s page into the series, and says what it took', async () => {
    const opened = await cadence(['zoom', 'open', '--hub', 'hub-engineering-team', '--json']);
    const [first] = (JSON.parse(opened.stdout) as ZoomOpenReport).results;
    const seriesId = first?.series_id ?? '';
    await new SandboxControl(sandbox.url).edit({
      kind: 'register',
      event_id: first?.event_id ?? '',
      email: 'late@example.com',
      first_name: 'Late',
    });

    const run = await cadence(['zoom', 'refresh', seriesId]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      `Refreshed "${first?.name ?? ''}": 0 changes taken from Zoom, 1 new registrations, 0 removed, 0 conflicts.\n`,
    );
    const again = await cadence(['zoom', 'refresh', seriesId, '--json']);
    expect(JSON.parse(again.stdout) as RefreshReport[]).toMatchObject([{ series_id: seriesId, new_registrations: 0 }]);
  });

  it('refuses a series that is not on Zoom, naming it', async () => {
    const run = await cadence(['zoom', 'refresh', 'no-such-series']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no longer exists/);
  });
});

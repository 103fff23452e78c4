import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCadence } from '../../support/runCadence';
import { sandboxEnv, startSandboxProcess, type SandboxProcess } from '../../support/sandboxProcess';
import { makeTempDir } from '../../support/tempDir';

// `cadence sandbox --seed` and `cadence zoom events` as a planner's script runs them: real
// processes, real HTTP on 127.0.0.1, credentials from the environment.
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

function zoomEvents(args: string[]) {
  return runCadence(['--data-dir', join(dir.path, 'data'), ...args], '', sandboxEnv(sandbox));
}

describe('cadence zoom events', () => {
  it("lists the seeded events in a table, sessions in each event's own zone", async () => {
    expect(sandbox.seeded.map((event) => event.name)).toEqual([
      'Engineering Team Weekly Standup',
      'Product Updates Webinar Series',
      'Git & GitHub Training Series',
    ]);
    const run = await zoomEvents(['zoom', 'events']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^EVENT\s+TYPE\s+STATUS\s+FIRST SESSION\s+LAST SESSION\s+REGISTERED\s+IN CADENCE\s+EVENT ID$/,
    );
    const standup = lines.find((line) => line.startsWith('Engineering Team Weekly Standup'));
    expect(standup).toMatch(
      /RECURRING\s+published\s+\d{4}-\d\d-\d\d 10:00 E[SD]T\s+\d{4}-\d\d-\d\d 10:00 E[SD]T\s+6\s+—/,
    );
    expect(standup).toContain(sandbox.seeded[0]?.event_id);
    expect(lines.find((line) => line.startsWith('Product Updates'))).toMatch(/14:00 P[SD]T/);
  });

  it('keeps to one hub with --hub, and prints every row as JSON with --json', async () => {
    const run = await zoomEvents(['--json', 'zoom', 'events', '--hub', 'hub-engineering-team']);
    expect(run.status).toBe(0);
    const { events } = JSON.parse(run.stdout) as {
      events: { name: string; registrations: number; hub_name: string }[];
    };
    expect(events.map((event) => [event.name, event.hub_name, event.registrations])).toEqual([
      ['Engineering Team Weekly Standup', 'Engineering Team Hub', 6],
      ['Product Updates Webinar Series', 'Engineering Team Hub', 6],
    ]);
  });

  it('says "open" for an event opened in Cadence', async () => {
    const training = sandbox.seeded.find((event) => event.name === 'Git & GitHub Training Series');
    expect((await zoomEvents(['zoom', 'open', training?.event_id ?? ''])).status).toBe(0);
    const lines = (await zoomEvents(['zoom', 'events'])).stdout.split('\n');
    expect(lines.find((line) => line.startsWith('Git & GitHub Training Series'))).toMatch(/\s6\s+open\s/);
    expect(lines.find((line) => line.startsWith('Engineering Team Weekly Standup'))).toMatch(/\s6\s+—\s/);
  });

  it('says Zoom is out of reach with exit 4 when the sandbox is gone', async () => {
    await sandbox.stop();
    const run = await zoomEvents(['zoom', 'events']);
    expect(run.status).toBe(4);
    expect(run.stderr).toMatch(/^cadence: /);
  });
});

import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptySandboxData } from '../../../main/sandbox/sandboxData';
import { emailsSent, eventOnSandbox, openDesk } from '../../support/checkInDesks';
import { runCadence } from '../../support/runCadence';
import { SandboxControl } from '../../support/sandbox';
import { startSandboxProcess, type SandboxProcess } from '../../support/sandboxProcess';
import { seededRandom } from '../../../main/sandbox/sandboxFaults';
import { makeTempDir } from '../../support/tempDir';

// `cadence checkin push` as a script runs it: a desk's data folder, `cadence sandbox` as Zoom.
let dir: ReturnType<typeof makeTempDir>;
let sandbox: SandboxProcess;
let control: SandboxControl;
let event: ReturnType<typeof eventOnSandbox>;

function zoomEnv(): NodeJS.ProcessEnv {
  return {
    ZOOM_ACCOUNT_ID: sandbox.account_id,
    ZOOM_CLIENT_ID: sandbox.client_id,
    ZOOM_CLIENT_SECRET: sandbox.client_secret,
    CADENCE_ZOOM_API_URL: sandbox.api_url,
    CADENCE_ZOOM_OAUTH_URL: sandbox.oauth_url,
  };
}

/** A desk named `name` with `emails` checked in offline; answers its data folder. */
async function deskWith(name: string, emails: readonly string[]): Promise<ReturnType<typeof openDesk>> {
  const desk = openDesk(dir.path, name, event);
  desk.record(emails);
  await desk.close();
  return openDesk(dir.path, name, event);
}

function push(dataDir: string, args: string[] = []) {
  return runCadence(['--data-dir', dataDir, ...args, 'checkin', 'push'], '', zoomEnv());
}

beforeEach(async () => {
  dir = makeTempDir();
  const state = emptySandboxData();
  event = eventOnSandbox(state, { people: 3000 });
  const statePath = join(dir.path, 'sandbox.json');
  writeFileSync(statePath, JSON.stringify(state));
  sandbox = await startSandboxProcess(['--state', statePath]);
  control = new SandboxControl(sandbox.url);
});
afterEach(async () => {
  await sandbox.stop();
  dir.remove();
});

describe('cadence checkin push', () => {
  it('exits 0 when Zoom took everything, 3 naming each refusal with Zoom words (status lists it), 4 offline with everything kept', async () => {
    const dataDir = join(dir.path, 'door-a');
    const cadence = (args: string[]) => runCadence(['--data-dir', dataDir, ...args], '', zoomEnv());
    expect((await cadence(['checkin', 'pull', event.eventId])).status).toBe(0);
    const record = (emails: string[]) =>
      cadence(['checkin', 'record', ...emails, '--event', event.eventId, '--source', 'Door A']);
    expect((await record(['guest1@example.com', 'guest2@example.com'])).status).toBe(0);

    const accepted = await push(dataDir, ['--json']);
    expect(accepted.status).toBe(0);
    expect(JSON.parse(accepted.stdout)).toMatchObject({ outcome: 'uploaded', uploaded: 2, refusals: [] });

    // A walk-in Zoom has never heard of: recorded here, refused at upload.
    await record(['walk.in@example.com', 'guest3@example.com']);
    const refused = await push(dataDir);
    expect(refused.status).toBe(3);
    expect(refused.stdout).toContain(
      'walk.in@example.com (Door A): Zoom said "User is not registered for this event."',
    );
    expect(refused.stdout).toMatch(/Uploaded 1 check-in; Zoom refused 1 check-in/);
    const status = await cadence(['checkin', 'status']);
    expect(status.stdout).toMatch(
      /refused: walk\.in@example\.com \(Door A, .*\): User is not registered for this event\./,
    );

    await record(['guest4@example.com', 'guest5@example.com']);
    await sandbox.stop();
    const offline = await push(dataDir, ['--json']);
    expect(offline.status).toBe(4);
    expect(JSON.parse(offline.stdout)).toMatchObject({ outcome: 'offline', waiting: 2 });
    const kept = JSON.parse((await cadence(['--json', 'checkin', 'status'])).stdout) as {
      events: { counts: { waiting: number; refused: number; checkedIn: number } }[];
    };
    expect(kept.events[0]?.counts).toMatchObject({ waiting: 2, refused: 1, checkedIn: 5 });
  });

  it('two pushes of one data folder at once (the app and a script) send each person once', async () => {
    const desk = await deskWith('Door A', event.emails.slice(0, 900));
    await control.setFaults({ latencyMs: [2500, 2500] });
    const first = push(desk.dataDir, ['--json']);
    const sending = desk.db.prepare("SELECT count(*) FROM checkin_batch WHERE state = 'sending'").pluck();
    while (sending.get() === 0) await sleep(20);
    // The first push's batches are on their way (held 2.5 s by Zoom); Zoom answers the second at once.
    await sleep(300);
    await control.setFaults({ latencyMs: [0, 0] });
    const second = await push(desk.dataDir, ['--json']);
    const firstDone = await first;

    expect([firstDone.status, second.status]).toEqual([0, 0]);
    const carried = emailsSent((await control.requests()).filter((r) => r.checkInEmails !== undefined));
    expect(carried.size).toBe(900);
    expect([...carried.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect([...desk.checkIns().values()].every((c) => c.state === 'uploaded')).toBe(true);
    await desk.close();
  }, 60_000);

  it('killed with SIGKILL mid-upload 8 times and resumed: nothing lost, nothing doubled', async () => {
    const desk = await deskWith('Door A', []);
    // Zoom holds each request long enough for a kill to land while it is on its way.
    await control.setFaults({ latencyMs: [1000, 1500] });
    const random = seededRandom(16);
    const killedAt: number[] = [];
    const batchesBy = desk.db.prepare('SELECT count(*) FROM checkin_batch WHERE sender_pid = ?').pluck();
    const kills = 8;
    const perKill = event.emails.length / kills;
    for (let kill = 0; kill < kills; kill += 1) {
      // The door keeps checking people in between the interrupted uploads.
      desk.record(event.emails.slice(kill * perKill, (kill + 1) * perKill));
      const child = spawn(process.execPath, ['main/cli/bin.js', '--data-dir', desk.dataDir, 'checkin', 'push'], {
        env: { ...process.env, ...zoomEnv() },
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // Once this process has made a batch and marked it sending, however long it took to start,
      // its request leaves (the rate limiter and a busy machine may hold it a few hundred ms) and
      // Zoom holds it at least a second: a kill 0.4–0.8 s later lands within it.
      while (child.exitCode === null && batchesBy.get(child.pid) === 0) await sleep(10);
      await sleep(400 + random() * 400);
      killedAt.push(Date.now());
      child.kill('SIGKILL');
      await exited;
    }
    await control.setFaults({ latencyMs: [0, 0] });
    const resumed = await push(desk.dataDir, ['--json']);
    expect(resumed.status).toBe(0);

    const all = await control.requests();
    const sent = all.filter((r) => r.checkInEmails !== undefined);
    const carried = emailsSent(sent);
    expect(carried.size).toBe(3000);
    expect([...carried.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    const onZoom = (await control.state()).checkIns.map((c) => c.email);
    expect(onZoom.toSorted()).toEqual(event.emails.toSorted());
    const local = [...desk.checkIns().values()];
    expect(local).toHaveLength(3000);
    expect(local.every((c) => c.origin === 'here' && c.state === 'uploaded')).toBe(true);
    // Kills land while a request is on its way (Zoom applies it all the same): a check-in batch,
    // or the list of who is checked in that settles one before anything is sent again.
    const landedDuring = (requests: typeof all) =>
      killedAt.filter((at) => requests.some((r) => r.at <= at && at < r.answeredAt)).length;
    expect(landedDuring(all)).toBeGreaterThanOrEqual(6);
    expect(landedDuring(sent)).toBeGreaterThanOrEqual(2);
    await desk.close();
  }, 300_000);
});

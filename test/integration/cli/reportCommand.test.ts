import { request } from 'undici';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttendanceReport } from '../../../shared/reports/attendanceReport';
import { runCadence } from '../../support/runCadence';
import { sandboxEnv, startSandboxProcess, type SandboxProcess } from '../../support/sandboxProcess';
import { makeTempDir } from '../../support/tempDir';

// `cadence report EVENT` as a script runs it, against `cadence sandbox`, then with Zoom gone.
let dir: ReturnType<typeof makeTempDir>;
let sandbox: SandboxProcess;
let env: NodeJS.ProcessEnv;
let eventId: string;

function cadence(args: string[]) {
  return runCadence(['--data-dir', join(dir.path, 'data'), ...args], '', env);
}

beforeAll(async () => {
  dir = makeTempDir();
  sandbox = await startSandboxProcess();
  env = sandboxEnv(sandbox);
  const seeded = await request(`${sandbox.url}/_sandbox/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenarios: ['weekly-standup'], registrants: 12, startedWeeksAgo: 4 }),
  });
  eventId = ((await seeded.body.json()) as { events: { event_id: string }[] }).events[0]?.event_id ?? '';
});
afterAll(async () => {
  await sandbox.stop();
  dir.remove();
});

describe('cadence report', () => {
  it('downloads and prints per session as JSON, CSV and a table; then reads the kept report without Zoom', async () => {
    const json = await cadence(['--json', 'report', eventId]);
    expect(json.stderr).toBe('');
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout) as AttendanceReport;
    expect(report).toMatchObject({ eventId, name: 'Engineering Team Weekly Standup', timezone: 'America/New_York' });
    const past = report.sessions.filter((s) => s.state === 'downloaded');
    expect(past.length).toBeGreaterThanOrEqual(2);
    expect(past.every((s) => s.registered === 12 && s.attended !== null)).toBe(true);

    const csv = await cadence(['report', eventId, '--csv', '--offline']);
    expect(csv.status).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toBe(
      'session,name,start_time,end_time,registered,attended,checked_in_onsite,attendance_rate,state,part',
    );
    expect(csv.stdout.trimEnd().split('\r\n')).toHaveLength(report.sessions.length + 1);

    await sandbox.stop();
    const stale = await cadence(['report', eventId]);
    expect(stale.status).toBe(4);
    expect(stale.stderr).toContain(`Showing the report downloaded at ${report.downloadedAt}.`);
    expect(stale.stdout).toMatch(/^Engineering Team Weekly Standup \(.+\), downloaded /);
    expect(stale.stdout).toContain('Starts (America/New_York)');
    expect(stale.stdout).toContain('12 registered');

    const offline = await cadence(['--json', 'report', eventId, '--offline']);
    expect(offline.status).toBe(0);
    expect(JSON.parse(offline.stdout)).toEqual(report);

    const none = await cadence(['report', 'no-such-event', '--offline']);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('No report of “no-such-event” is kept yet');
  });
});

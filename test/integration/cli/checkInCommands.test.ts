import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCredentialVault } from '../../../main/vault/credentialVault';
import { osKeychain } from '../../../main/vault/keychain';
import { startSandboxProcess, type SandboxProcess } from '../../support/sandboxProcess';
import { runCadence } from '../../support/runCadence';
import { makeTempDir } from '../../support/tempDir';
import { summitSeries } from '../checkin/checkInSeries';

// `cadence checkin pull|record|status` as a script at the door runs them, against `cadence sandbox`.
let dir: ReturnType<typeof makeTempDir>;
let dataDir: string;
let keychainService: string;
let sandbox: SandboxProcess;

function cadence(args: string[], stdin = '') {
  return runCadence(['--data-dir', dataDir, ...args], stdin, { CADENCE_KEYCHAIN_SERVICE: keychainService });
}

beforeEach(async () => {
  dir = makeTempDir();
  dataDir = join(dir.path, 'data');
  keychainService = `Cadence test ${randomUUID()}`;
  sandbox = await startSandboxProcess();
  const connected = await cadence(
    [
      'connect',
      '--account-id',
      sandbox.account_id,
      '--client-id',
      sandbox.client_id,
      '--client-secret-stdin',
      '--api-url',
      sandbox.api_url,
      '--oauth-url',
      sandbox.oauth_url,
    ],
    sandbox.client_secret,
  );
  expect(connected.status).toBe(0);
  const file = join(dir.path, 'series.json');
  writeFileSync(file, JSON.stringify({ version: 1, series: [summitSeries()] }));
  expect((await cadence(['import', file])).status).toBe(0);
  expect((await cadence(['sync'])).status).toBe(0);
});
afterEach(async () => {
  await sandbox.stop();
  await createCredentialVault(osKeychain(keychainService), {}).forget();
  dir.remove();
});

describe('cadence checkin', () => {
  it('pulls by series key, then records offline with Zoom out of reach, and tells the status', async () => {
    const pulled = await cadence(['--json', 'checkin', 'pull', 'spring-summit']);
    expect(pulled.status).toBe(0);
    const event = JSON.parse(pulled.stdout) as { eventId: string; name: string; counts: { registered: number } };
    expect(event).toMatchObject({ name: 'Spring Summit', counts: { registered: 3 } });
    const human = await cadence(['checkin', 'pull', event.eventId]);
    expect(human.stdout).toMatch(/^Downloaded 3 registrants of “Spring Summit” \(12 sessions, \w+\) at /);

    // Zoom is gone: recording needs nothing of it.
    await sandbox.stop();
    const recorded = await cadence([
      '--json',
      'checkin',
      'record',
      'anna.muller@example.com',
      'late@example.com',
      '--event',
      'spring-summit',
      '--session',
      '1',
      '--source',
      'Door A',
    ]);
    expect(recorded.stderr).toBe('');
    expect(recorded.status).toBe(0);
    expect(JSON.parse(recorded.stdout)).toMatchObject({
      eventId: event.eventId,
      results: [
        { outcome: 'checked_in', message: 'Checked in: Anna Müller', checkIn: { desk: 'Door A', state: 'waiting' } },
        { outcome: 'walk_in', checkIn: { walkIn: true, desk: 'Door A' } },
      ],
    });

    const noTicket = await cadence([
      'checkin',
      'record',
      'bob@example.com',
      '--event',
      event.eventId,
      '--session',
      '1',
    ]);
    expect(noTicket.status).toBe(3);
    expect(noTicket.stdout).toMatch(/^bob@example\.com: Bob O'Brien has no ticket for session 1 \(/);

    const status = await cadence(['--json', 'checkin', 'status']);
    expect(status.status).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      events: [
        {
          eventId: event.eventId,
          counts: { registered: 3, checkedIn: 2, waiting: 2, refused: 0 },
          desks: [{ desk: 'Door A', checkedIn: 2, waiting: 2, refused: 0 }],
          refusals: [],
        },
      ],
    });
    const said = await cadence(['checkin', 'status']);
    expect(said.stdout).toContain('Spring Summit');
    expect(said.stdout).toContain('2 people checked in of 3 registered; 2 waiting to upload, 0 refused by Zoom.');
  });

  it('refuses bad input with exit 2, naming each argument, and records nothing', async () => {
    await cadence(['checkin', 'pull', 'spring-summit']);
    const bad = await cadence([
      '--json',
      'checkin',
      'record',
      'bob@example.com',
      'not-an-email',
      '--event',
      'spring-summit',
      '--session',
      'two',
      '--source',
      ' ',
    ]);
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout)).toEqual({
      error: {
        code: 'invalid_input',
        message: 'Nothing was recorded: the command has a problem.',
        issues: [
          { path: 'EMAIL 2', message: 'Write an email address, such as jane.doe@example.com.' },
          { path: '--session', message: 'A session is its number in the event, counted from 1.' },
          { path: '--source', message: 'The desk name cannot be empty.' },
        ],
      },
    });
    const noSuchSession = await cadence([
      'checkin',
      'record',
      'bob@example.com',
      '--event',
      'spring-summit',
      '--session',
      '99',
    ]);
    expect(noSuchSession.status).toBe(2);
    expect(noSuchSession.stderr).toContain('--session: The event has 12 sessions.');
    const notDownloaded = await cadence(['checkin', 'record', 'bob@example.com', '--event', 'e-elsewhere']);
    expect(notDownloaded.status).toBe(2);
    expect(notDownloaded.stderr).toContain('--event: Download it first: cadence checkin pull e-elsewhere');
    const status = await cadence(['--json', 'checkin', 'status']);
    expect(JSON.parse(status.stdout)).toMatchObject({ events: [{ counts: { checkedIn: 0, waiting: 0 } }] });
  });
});

import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCredentialVault } from '../../../main/vault/credentialVault';
import { osKeychain } from '../../../main/vault/keychain';
import { SandboxControl } from '../../support/sandbox';
import { startSandboxProcess, type SandboxProcess } from '../../support/sandboxProcess';
import { standupSeries } from '../../support/syncHarness';
import { runCadence } from '../../support/runCadence';
import { makeTempDir } from '../../support/tempDir';

// `cadence sync`, `conflicts` and `resolve` as a script runs them, against `cadence sandbox`.
let dir: ReturnType<typeof makeTempDir>;
let dataDir: string;
let keychainService: string;
let sandbox: SandboxProcess;

function cadence(args: string[], stdin = '') {
  return runCadence(['--data-dir', dataDir, ...args], stdin, { CADENCE_KEYCHAIN_SERVICE: keychainService });
}

function importSeries(name: string): Promise<unknown> {
  const file = join(dir.path, 'series.json');
  writeFileSync(file, JSON.stringify({ version: 1, series: [standupSeries(40, { key: 'cli', name })] }));
  return cadence(['import', file]);
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
});
afterEach(async () => {
  await sandbox.stop();
  await createCredentialVault(osKeychain(keychainService), {}).forget();
  dir.remove();
});

describe('cadence sync', () => {
  it('previews with --dry-run, syncs, reports a conflict with exit 3, and settles it with resolve', async () => {
    const control = new SandboxControl(sandbox.url);
    await importSeries('Standup');
    await control.clearRequests();
    const preview = await cadence(['--json', 'sync', '--dry-run']);
    expect(preview.status).toBe(0);
    const calls = (JSON.parse(preview.stdout) as { calls: { method: string; path: string }[] }).calls;
    expect(calls.map((c) => c.method)).toEqual(['POST', 'POST', 'GET', 'POST', 'POST', 'POST', 'POST', 'POST']);
    expect(await control.requests()).toEqual([]);

    const synced = await cadence(['--json', 'sync']);
    expect(synced.status).toBe(0);
    expect(JSON.parse(synced.stdout)).toMatchObject({ outcome: 'succeeded', done: 44, requests: 8 });

    const state = await control.state();
    const eventId = state.events.find((e) => e.name === 'Standup')?.event_id ?? '';
    await control.edit({ kind: 'rename-event', event_id: eventId, name: 'Their standup' });
    await importSeries('My standup');
    const conflicted = await cadence(['sync']);
    expect(conflicted.status).toBe(3);
    expect(conflicted.stdout).toMatch(/1 conflict to settle/);
    const listed = await cadence(['--json', 'conflicts']);
    const [conflict] = JSON.parse(listed.stdout) as { id: number; kind: string; remote: unknown }[];
    expect(conflict).toMatchObject({ kind: 'event_fields', remote: { name: 'Their standup' } });
    expect((await cadence(['conflicts'])).stdout).toMatch(
      /changed both here and on Zoom[\s\S]*cadence resolve ID --keep local\|remote/,
    );

    expect((await cadence(['resolve', 'x', '--keep', 'local'])).status).toBe(2);
    expect((await cadence(['resolve', String(conflict?.id), '--keep', 'mine'])).status).toBe(2);
    const resolved = await cadence(['resolve', String(conflict?.id), '--keep', 'local']);
    expect(resolved).toMatchObject({ status: 0, stdout: expect.stringMatching(/settled/) as unknown });
    expect((await cadence(['sync'])).status).toBe(0);
    expect((await control.state()).events.find((e) => e.event_id === eventId)?.name).toBe('My standup');
  });

  it('exits 4 with the changes kept when Zoom cannot be reached', async () => {
    await importSeries('Standup');
    await sandbox.stop();
    const offline = await cadence(['sync']);
    expect(offline.status).toBe(4);
    expect(offline.stdout).toMatch(/^Offline — 44 changes waiting\./);
    const status = JSON.parse((await cadence(['--json', 'status'])).stdout) as { outbox: { pending: number } };
    expect(status.outbox.pending).toBe(44);
  });
});

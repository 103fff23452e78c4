import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCredentialVault } from '../../../main/vault/credentialVault';
import { osKeychain } from '../../../main/vault/keychain';
import { SandboxControl } from '../../support/sandbox';
import { startSandboxProcess, type SandboxProcess } from '../../support/sandboxProcess';
import { runCadence } from '../../support/runCadence';
import { makeTempDir } from '../../support/tempDir';

// `cadence sandbox`, `connect` and `hubs` as a planner's script runs them: real processes, the
// real OS keychain (under a service name of this test's own), real HTTP on 127.0.0.1.
let dir: ReturnType<typeof makeTempDir>;
let dataDir: string;
let keychainService: string;
let sandbox: SandboxProcess | undefined;

beforeEach(() => {
  dir = makeTempDir();
  dataDir = join(dir.path, 'data');
  keychainService = `Cadence test ${randomUUID()}`;
});
afterEach(async () => {
  // Leave nothing in the keychain.
  await createCredentialVault(osKeychain(keychainService), {}).forget();
  await sandbox?.stop();
  sandbox = undefined;
  dir.remove();
});

function cadence(args: string[], stdin = '', env: NodeJS.ProcessEnv = {}) {
  return runCadence(args, stdin, { CADENCE_KEYCHAIN_SERVICE: keychainService, ...env });
}

function connect(s: SandboxProcess, secret: string, extra: string[] = []) {
  return cadence(
    [
      '--data-dir',
      dataDir,
      ...extra,
      'connect',
      '--account-id',
      s.account_id,
      '--client-id',
      s.client_id,
      '--client-secret-stdin',
      '--api-url',
      s.api_url,
      '--oauth-url',
      s.oauth_url,
    ],
    `${secret}\n`,
  );
}

describe('cadence sandbox, connect and hubs', () => {
  it('connects to the sandbox with the credentials it prints, keeps them, and lists hubs', async () => {
    sandbox = await startSandboxProcess(['--client-secret', 'printed-secret']);
    expect(sandbox.client_secret).toBe('printed-secret');
    const connected = await connect(sandbox, 'printed-secret', ['--json']);
    expect(connected.stderr).toBe('');
    expect(connected.status).toBe(0);
    expect(JSON.parse(connected.stdout)).toEqual({
      account_id: 'sandbox-account',
      plan: 'pro',
      api_url: sandbox.api_url,
      hubs: [{ hub_id: 'hub-sandbox-main', name: 'Sandbox Hub' }],
    });
    const hubs = await cadence(['--data-dir', dataDir, 'hubs']);
    expect(hubs).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('hub-sandbox-main  Sandbox Hub') as unknown,
    });
  });

  it('keeps nothing when Zoom refuses the credentials (exit 2), and the earlier ones still work', async () => {
    sandbox = await startSandboxProcess();
    expect((await connect(sandbox, sandbox.client_secret)).status).toBe(0);
    const refused = await connect(sandbox, 'not-the-secret');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/does not accept these credentials/);
    expect((await cadence(['--data-dir', dataDir, 'hubs'])).status).toBe(0);
  });

  it('warns on stderr about scopes the token seems to lack, naming what they stop, and still connects', async () => {
    sandbox = await startSandboxProcess();
    // Every scope the sandbox knows but the attendee actions, which check-in needs.
    await new SandboxControl(sandbox.url).setFaults({
      scopes: [
        'zoom_events_basic:read',
        'zoom_events_basic:write',
        'zoom_events_hubs:read',
        'zoom_events_sessions:read',
        'zoom_events_sessions:write',
        'zoom_events_ticket_types:read',
        'zoom_events_ticket_types:write',
        'zoom_events_access_links:read',
        'zoom_events_access_links:write',
        'zoom_events_tickets:read',
        'zoom_events_tickets:write',
        'zoom_events_registrants:read',
      ],
    });
    const connected = await connect(sandbox, sandbox.client_secret);
    expect(connected.status).toBe(0);
    expect(connected.stdout).toMatch(/Connected to Zoom account sandbox-account/);
    expect(connected.stderr.trim().split('\n')).toEqual([
      'cadence: warning: The token seems to lack zoom_events_attendee_actions:read:admin — affects: check-in. Zoom decides; add it in the Zoom App Marketplace if a call is refused.',
      'cadence: warning: The token seems to lack zoom_events_attendee_actions:write:admin — affects: check-in. Zoom decides; add it in the Zoom App Marketplace if a call is refused.',
    ]);
  });

  it("says nothing about scopes when Zoom's token answer lists none", async () => {
    sandbox = await startSandboxProcess();
    // The sandbox then refuses every call, as Zoom would: connecting fails by Zoom's code, naming the scope.
    await new SandboxControl(sandbox.url).setFaults({ scopes: [] });
    const refused = await connect(sandbox, sandbox.client_secret);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).not.toMatch(/seems to lack/);
    expect(refused.stderr).toMatch(/Add the scope zoom_events_hubs:read:admin or zoom_events:read:list_hubs:admin/);
  });

  it('refuses a secret on the command line and a malformed account ID, with exit 2', async () => {
    sandbox = await startSandboxProcess();
    const noStdin = await cadence(['--data-dir', dataDir, 'connect', '--account-id', 'a', '--client-id', 'c']);
    expect(noStdin.status).toBe(2);
    expect(noStdin.stderr).toMatch(/--client-secret-stdin/);
    const spaced = await cadence(
      ['--data-dir', dataDir, 'connect', '--account-id', 'has space', '--client-id', 'c', '--client-secret-stdin'],
      'x',
    );
    expect(spaced.status).toBe(2);
    expect(JSON.parse(spaced.stdout)).toMatchObject({ error: { issues: [{ path: 'account_id' }] } });
  });

  it('says plainly when not connected (exit 2), and uses ZOOM_* from the environment without storing them', async () => {
    sandbox = await startSandboxProcess();
    const none = await cadence(['--data-dir', dataDir, 'hubs']);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/not connected to Zoom.*cadence connect.*ZOOM_ACCOUNT_ID/);
    const fromEnv = await cadence(['--data-dir', dataDir, '--json', 'hubs'], '', {
      ZOOM_ACCOUNT_ID: sandbox.account_id,
      ZOOM_CLIENT_ID: sandbox.client_id,
      ZOOM_CLIENT_SECRET: sandbox.client_secret,
      CADENCE_ZOOM_API_URL: sandbox.api_url,
      CADENCE_ZOOM_OAUTH_URL: sandbox.oauth_url,
    });
    expect(fromEnv.status).toBe(0);
    expect(JSON.parse(fromEnv.stdout)).toEqual([{ hub_id: 'hub-sandbox-main', name: 'Sandbox Hub' }]);
    // Nothing was kept: without the environment, still not connected.
    expect((await cadence(['--data-dir', dataDir, 'hubs'])).status).toBe(2);
  });

  it('without a keychain, connect says what to install or set and keeps nothing; ZOOM_* still work', async () => {
    sandbox = await startSandboxProcess();
    const noKeychain = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/cadence-no-keychain', DISPLAY: '' };
    const refused = await cadence(
      [
        '--data-dir',
        dataDir,
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
      `${sandbox.client_secret}\n`,
      noKeychain,
    );
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Cadence cannot reach the system keychain');
    expect(refused.stderr).toContain('sudo apt-get install gnome-keyring');
    expect(refused.stderr).not.toMatch(/^\s+at /m);
    const fromEnv = await cadence(['--data-dir', dataDir, '--json', 'hubs'], '', {
      ...noKeychain,
      ZOOM_ACCOUNT_ID: sandbox.account_id,
      ZOOM_CLIENT_ID: sandbox.client_id,
      ZOOM_CLIENT_SECRET: sandbox.client_secret,
      CADENCE_ZOOM_API_URL: sandbox.api_url,
      CADENCE_ZOOM_OAUTH_URL: sandbox.oauth_url,
    });
    expect(fromEnv.status).toBe(0);
    expect(JSON.parse(fromEnv.stdout)).toEqual([{ hub_id: 'hub-sandbox-main', name: 'Sandbox Hub' }]);
  });

  it('exits 4 when Zoom cannot be reached', async () => {
    sandbox = await startSandboxProcess();
    expect((await connect(sandbox, sandbox.client_secret)).status).toBe(0);
    await sandbox.stop();
    const offline = await cadence(['--data-dir', dataDir, 'hubs']);
    expect(offline.status).toBe(4);
    expect(offline.stderr).toMatch(/cannot be reached/);
  });
});

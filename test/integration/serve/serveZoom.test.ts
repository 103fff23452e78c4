import { randomUUID } from 'node:crypto';
import { fetch } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../main/sandbox/sandboxServer';
import { createCredentialVault } from '../../../main/vault/credentialVault';
import { osKeychain } from '../../../main/vault/keychain';
import { SandboxControl } from '../../support/sandbox';
import { startInProcessServe } from '../../support/inProcessServe';
import { makeTempDir } from '../../support/tempDir';

// The Zoom settings channels as the app's window calls them: over real HTTP through `cadence
// serve`, with the real keychain (a service name of this test's own) and the sandbox.
let dir: ReturnType<typeof makeTempDir>;
let app: Awaited<ReturnType<typeof startInProcessServe>>;
let sandbox: Sandbox;
let keychainService: string;

beforeEach(async () => {
  dir = makeTempDir();
  keychainService = `Cadence test ${randomUUID()}`;
  sandbox = await startSandbox({
    credentials: { account_id: 'acct-9', client_id: 'client-9', client_secret: 'secret-9' },
  });
  app = await startInProcessServe({
    dataDir: dir.path,
    probe: () => Promise.resolve(true),
    env: { CADENCE_KEYCHAIN_SERVICE: keychainService },
  });
});
afterEach(async () => {
  await app.close();
  await sandbox.close();
  await createCredentialVault(osKeychain(keychainService), {}).forget();
  dir.remove();
});

async function call(channel: string, input: unknown = {}): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
  const response = await fetch(`${app.serve.origin}/api/call/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...app.session, origin: app.serve.origin },
    body: JSON.stringify(input),
  });
  return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
}

const details = () => ({
  ...sandbox.credentials,
  api_url: sandbox.apiUrl,
  oauth_url: sandbox.oauthUrl,
});

describe('Zoom settings over IPC', () => {
  it('connects, tests, sets the plan, lists hubs and forgets; the secret never comes back', async () => {
    expect(await call('zoom.status')).toMatchObject({
      ok: true,
      value: { isConnected: false, accountId: null, plan: 'pro' },
    });
    const connected = await call('zoom.connect', details());
    expect(connected).toMatchObject({
      ok: true,
      value: {
        hubs: [{ hub_id: 'hub-sandbox-main', name: 'Sandbox Hub' }],
        status: { isConnected: true, source: 'keychain', accountId: 'acct-9', apiUrl: sandbox.apiUrl },
      },
    });
    expect(JSON.stringify(connected)).not.toContain('secret-9');
    expect(await call('zoom.test')).toMatchObject({ ok: true, value: { hubs: [{ hub_id: 'hub-sandbox-main' }] } });
    expect(await call('zoom.setPlan', { plan: 'business' })).toMatchObject({ ok: true, value: { plan: 'business' } });
    expect(await call('zoom.hubs')).toMatchObject({ ok: true, value: [{ hub_id: 'hub-sandbox-main' }] });
    expect(await call('zoom.forget')).toEqual({ ok: true, value: { wasConnected: true } });
    expect(await call('zoom.status')).toMatchObject({ ok: true, value: { isConnected: false, plan: 'business' } });
    expect(await call('zoom.hubs')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('carries the scopes the token seems to lack in the status, until the account is forgotten', async () => {
    // A granular token that may list hubs and nothing else.
    await new SandboxControl(sandbox.url).setFaults({ scopes: ['zoom_events:read:list_hubs:admin'] });
    const connected = await call('zoom.connect', details());
    expect(connected.ok).toBe(true);
    const warnings = (connected.value as { status: { scopeWarnings: { scope: string; features: string[] }[] } }).status
      .scopeWarnings;
    expect(warnings).toContainEqual({ scope: 'zoom_events:write:ticket:admin', features: ['registrations'] });
    expect(warnings).toContainEqual({ scope: 'zoom_events:read:event:admin', features: ['syncing', 'readingEvents'] });
    expect(warnings).toContainEqual({ scope: 'zoom_events:read:list_attendee_actions:admin', features: ['checkin'] });
    expect(warnings.flatMap((warning) => warning.features)).not.toContain('hubs');
    expect(await call('zoom.status')).toMatchObject({ ok: true, value: { scopeWarnings: warnings } });
    await call('zoom.forget');
    expect(await call('zoom.status')).toMatchObject({ ok: true, value: { scopeWarnings: [] } });
  });

  it('keeps nothing when Zoom refuses the credentials, and names bad fields', async () => {
    const refused = await call('zoom.connect', { ...details(), client_secret: 'wrong' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('zoom.status')).toMatchObject({ ok: true, value: { isConnected: false } });
    const bad = await call('zoom.connect', { ...details(), api_url: 'not a url', plan: 'gold' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const paths = (bad.error as { issues: { path: string }[] }).issues.map((i) => i.path).sort();
    expect(paths).toEqual(['api_url', 'plan']);
  });

  it('tries Cadence without a Zoom account: connects to the built-in sandbox', async () => {
    const tried = await call('zoom.trySandbox');
    expect(tried).toMatchObject({
      ok: true,
      value: { hubs: [{ hub_id: 'hub-sandbox-main' }], status: { isConnected: true, accountId: 'sandbox-account' } },
    });
    const status = (tried.value as { status: { apiUrl: string } }).status;
    expect(status.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
    expect(await call('zoom.test')).toMatchObject({ ok: true });
  });

  it("keeps the sandbox's credentials, which are not secret, out of the keychain, and replaces the account the keychain held", async () => {
    const vault = createCredentialVault(osKeychain(keychainService), {});
    expect(await call('zoom.connect', details())).toMatchObject({ ok: true });
    expect((await vault.read())?.credentials.account_id).toBe('acct-9');

    const tried = await call('zoom.trySandbox');
    expect(tried).toMatchObject({ ok: true, value: { status: { source: 'sandbox', accountId: 'sandbox-account' } } });
    expect(await vault.read()).toBeUndefined();
    expect(await call('zoom.hubs')).toMatchObject({ ok: true, value: [{ name: 'Sandbox Hub' }] });

    expect(await call('zoom.forget')).toMatchObject({ ok: true, value: { wasConnected: true } });
    expect(await call('zoom.status')).toMatchObject({
      ok: true,
      value: { isConnected: false, source: null, keychainProblem: null },
    });
  });
});

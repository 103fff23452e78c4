import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import keytar from 'keytar';
import { build } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCredentialVault } from '../../../main/vault/credentialVault';
import { osKeychain } from '../../../main/vault/keychain';

// The vault on the real Secret Service (npm test provides an unlocked gnome-keyring), under a
// service name of its own so that no person's credentials are touched.
const service = `Cadence-test-${randomUUID()}`;
const keychain = osKeychain(service);
const credentials = { account_id: 'acct-123', client_id: 'client-abc', client_secret: 'very-secret-1' };
const probe = join('node_modules', '.cache', 'cadence-tests', 'vaultProbe.mjs');

beforeAll(async () => {
  mkdirSync(join('node_modules', '.cache', 'cadence-tests'), { recursive: true });
  await build({
    entryPoints: ['test/support/vaultProbe.ts'],
    outfile: probe,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
});
afterEach(async () => {
  for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account);
});

describe('credential vault', () => {
  it('saves, reads, replaces and forgets credentials in the keychain', async () => {
    const vault = createCredentialVault(keychain, {});
    expect(await vault.read()).toBeUndefined();
    await vault.save(credentials);
    expect(await vault.read()).toEqual({ credentials, source: 'keychain' });
    await vault.save({ ...credentials, client_secret: 'very-secret-2' });
    expect((await vault.read())?.credentials.client_secret).toBe('very-secret-2');
    expect(await keytar.findCredentials(service)).toHaveLength(1);
    expect(await vault.forget()).toBe(true);
    expect(await vault.read()).toBeUndefined();
    expect(await vault.forget()).toBe(false);
  });

  it('takes credentials from the environment over the keychain, and writes them nowhere', async () => {
    await createCredentialVault(keychain, {}).save(credentials);
    const env = { ZOOM_ACCOUNT_ID: 'env-acct', ZOOM_CLIENT_ID: 'env-client', ZOOM_CLIENT_SECRET: 'env-secret' };
    const vault = createCredentialVault(keychain, env);
    expect(await vault.read()).toEqual({
      credentials: { account_id: 'env-acct', client_id: 'env-client', client_secret: 'env-secret' },
      source: 'environment',
    });
    const stored = await keytar.findCredentials(service);
    expect(stored.map((entry) => entry.password).join('')).not.toContain('env-secret');
  });

  it('names the missing variables when only some are set', async () => {
    const vault = createCredentialVault(keychain, { ZOOM_ACCOUNT_ID: 'a', ZOOM_CLIENT_SECRET: 's' });
    await expect(vault.read()).rejects.toMatchObject({
      code: 'invalid_input',
      message:
        'Set all three of ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET, or none; ZOOM_CLIENT_ID is missing.',
    });
  });

  it('refuses credentials with a field missing, before anything is stored', async () => {
    const vault = createCredentialVault(keychain, {});
    await expect(vault.save({ ...credentials, client_id: ' ' })).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'client_id', message: 'The client ID cannot be empty.' }],
    });
    expect(await keytar.findCredentials(service)).toEqual([]);
  });

  it('says so when the keychain holds something it cannot read', async () => {
    await keytar.setPassword(service, 'zoom-server-to-server', 'not json');
    await expect(createCredentialVault(keychain, {}).read()).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('Connect again to replace them') as string,
    });
  });

  it('without a reachable keychain, says what to install or set, and stores nothing in a file', () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/cadence-bus',
      CADENCE_PROBE_SERVICE: service,
    };
    delete env.DISPLAY;
    const result = spawnSync(process.execPath, [probe], { env, encoding: 'utf8', timeout: 20_000 });
    const outcome = JSON.parse(result.stdout) as { ok: boolean; message: string };
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toContain('Cadence cannot reach the system keychain');
    expect(outcome.message).toContain('gnome-keyring');
    expect(outcome.message).toContain('ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET');
    expect(outcome.message).toContain('never stores the client secret in a file');
  });
});

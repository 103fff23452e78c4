import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../main/sandbox/sandboxServer';
import { createCredentialVault } from '../../../main/vault/credentialVault';
import { osKeychain } from '../../../main/vault/keychain';
import { startInProcessServe } from '../../support/inProcessServe';
import { makeTempDir } from '../../support/tempDir';

// Fills one data directory through every path that touches credentials — the CLI with the
// keychain and with ZOOM_* variables, the app's settings channels, refused credentials, an
// expired token, an unreachable Zoom, forgetting — then reads every byte in it.
const secret = `canary-secret-${randomBytes(12).toString('hex')}`;
const keychainService = `Cadence test ${randomUUID()}`;
let dir: ReturnType<typeof makeTempDir>;
let sandbox: Sandbox;
let tokens: string[];
/** Every file of the data directory while the app still had it open (WAL included), then after. */
let whileOpen: Map<string, Buffer>;
let afterClose: Map<string, Buffer>;

function cadence(dataDir: string, args: string[], stdin = '', env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, ['main/cli/bin.js', '--data-dir', dataDir, ...args], {
    env: { ...process.env, CADENCE_KEYCHAIN_SERVICE: keychainService, ...env },
  });
  child.stdout.resume();
  child.stderr.resume();
  child.stdin.end(stdin);
  return new Promise<number | null>((resolve) => child.on('close', resolve));
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function snapshot(folder: string): Map<string, Buffer> {
  return new Map(filesUnder(folder).map((file) => [file.slice(folder.length), readFileSync(file)]));
}

beforeAll(async () => {
  dir = makeTempDir();
  const dataDir = join(dir.path, 'data');
  sandbox = await startSandbox({
    credentials: { account_id: 'acct-leak', client_id: 'client-leak', client_secret: secret },
  });
  const endpoints = ['--api-url', sandbox.apiUrl, '--oauth-url', sandbox.oauthUrl];
  const connectArgs = [
    'connect',
    '--account-id',
    'acct-leak',
    '--client-id',
    'client-leak',
    '--client-secret-stdin',
    ...endpoints,
  ];

  // The CLI: refused, then accepted, then used; and the environment override.
  expect(await cadence(dataDir, connectArgs, `${secret}-wrong\n`)).toBe(2);
  expect(await cadence(dataDir, [...connectArgs, '--plan', 'business'], `${secret}\n`)).toBe(0);
  expect(await cadence(dataDir, ['hubs'])).toBe(0);
  expect(
    await cadence(dataDir, ['--json', 'hubs'], '', {
      ZOOM_ACCOUNT_ID: 'acct-leak',
      ZOOM_CLIENT_ID: 'client-leak',
      ZOOM_CLIENT_SECRET: secret,
    }),
  ).toBe(0);

  // The app: every settings channel, an expired token, Zoom out of reach, forgetting.
  const app = await startInProcessServe({
    dataDir,
    probe: () => Promise.resolve(true),
    env: { CADENCE_KEYCHAIN_SERVICE: keychainService },
  });
  const call = async (channel: string, input: unknown = {}) => {
    const response = await fetch(`${app.serve.origin}/api/call/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...app.session, origin: app.serve.origin },
      body: JSON.stringify(input),
    });
    return (await response.json()) as { ok: boolean };
  };
  const details = {
    account_id: 'acct-leak',
    client_id: 'client-leak',
    api_url: sandbox.apiUrl,
    oauth_url: sandbox.oauthUrl,
  };
  expect(await call('zoom.connect', { ...details, client_secret: `${secret}-typo` })).toMatchObject({ ok: false });
  expect(await call('zoom.connect', { ...details, client_secret: secret, unexpected: secret })).toMatchObject({
    ok: false,
  });
  expect(await call('zoom.connect', { ...details, client_secret: secret })).toMatchObject({ ok: true });
  expect(await call('zoom.test')).toMatchObject({ ok: true });
  await fetch(`${sandbox.url}/_sandbox/tokens/expire`, { method: 'POST' });
  expect(await call('zoom.hubs')).toMatchObject({ ok: true });
  expect(await call('zoom.setPlan', { plan: 'business' })).toMatchObject({ ok: true });
  await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'PUT', body: JSON.stringify({ failNextRequests: 50 }) });
  expect(await call('zoom.test')).toMatchObject({ ok: false });
  await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'PUT', body: JSON.stringify({ failNextRequests: 0 }) });
  expect(await call('zoom.forget')).toMatchObject({ ok: true });
  whileOpen = snapshot(dataDir);
  await app.close();
  afterClose = snapshot(dataDir);
  tokens = sandbox.issuedTokens();
}, 60_000);

afterAll(async () => {
  await sandbox.close();
  await createCredentialVault(osKeychain(keychainService), {}).forget();
  dir.remove();
});

describe('secrets stay out of the data directory', () => {
  it.each([
    ['while the app has it open', () => whileOpen, '/cadence.sqlite-wal'],
    ['after it closed', () => afterClose, '/cadence.sqlite'],
  ])(
    '%s: the database, its WAL and every log hold neither the client secret nor any access token',
    (_when, files, expected) => {
      const contents = files();
      expect([...contents.keys()]).toEqual(expect.arrayContaining([expected, '/logs/cadence.log']));
      expect(tokens.length).toBeGreaterThanOrEqual(6);
      const basic = Buffer.from(`client-leak:${secret}`).toString('base64');
      const needles = [secret, basic, ...tokens];
      const hits = [...contents].flatMap(([file, bytes]) =>
        needles.filter((needle) => bytes.includes(needle)).map((needle) => `${file}: ${needle.slice(0, 12)}…`),
      );
      expect(hits).toEqual([]);
      // The search reads what was written: the plan setting is in there.
      expect(Buffer.concat([...contents.values()]).includes('"business"')).toBe(true);
    },
  );
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../shared/contentSecurityPolicy';
import { channelNames } from '../../../shared/ipc/contract';
import { startFakeZoomHost } from '../../support/fakeZoomHost';
import { malformedPayloads } from '../../support/malformedPayloads';
import { rawHttp } from '../../support/rawHttp';
import { startServeProcess, type ServeProcess } from '../../support/serveProcess';
import { makeTempDir } from '../../support/tempDir';

let dir: ReturnType<typeof makeTempDir>;
let zoom: Awaited<ReturnType<typeof startFakeZoomHost>>;
let serve: ServeProcess;
/** The page cookie a browser gets for the launch link: it opens the app's files only. */
let cookie: string;
/** How a script proves its session: the launch secret, in the session header. */
let session: Record<string, string>;

beforeAll(async () => {
  dir = makeTempDir();
  zoom = await startFakeZoomHost();
  serve = await startServeProcess({ dataDir: dir.path, env: { CADENCE_ZOOM_API_URL: zoom.apiUrl } });
  session = { 'x-cadence-session': serve.secret };
  const launch = await rawHttp({ port: serve.port, path: `/?token=${serve.secret}` });
  cookie = (launch.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
});

afterAll(async () => {
  await serve.stop();
  await zoom.stop();
  dir.remove();
});

const get = (path: string, headers: Record<string, string> = {}) => rawHttp({ port: serve.port, path, headers });
const call = (channel: string, body: string, headers: Record<string, string> = {}) =>
  rawHttp({
    port: serve.port,
    path: `/api/call/${channel}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...session, ...headers },
    body,
  });

describe('cadence serve', () => {
  it('prints a 127.0.0.1 URL with a long per-launch secret', () => {
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
  });

  it('listens on 127.0.0.1 only', async () => {
    await expect(rawHttp({ port: serve.port, path: '/', address: '127.0.0.2' })).rejects.toThrow(/ECONNREFUSED/);
  });

  describe('without the secret', () => {
    it.each(['/', '/index.html', '/api/events'])('refuses GET %s', async (path) => {
      const response = await get(path);
      expect(response.status).toBe(401);
      expect(response.body).toContain('cadence serve');
    });

    it('refuses calls', async () => {
      const response = await call('app.info', '{}', { 'x-cadence-session': '' });
      expect(response.status).toBe(401);
    });

    it('refuses a wrong secret, in the URL, the cookie or the session header', async () => {
      expect((await get('/?token=not-the-secret')).status).toBe(401);
      expect((await get('/', { cookie: `cadence_page_${serve.port}=not-the-secret` })).status).toBe(401);
      expect((await call('app.info', '{}', { 'x-cadence-session': 'not-the-secret' })).status).toBe(401);
    });
  });

  it('trades the secret in the URL for a page session in the fragment and a cookie that is not the secret', async () => {
    const response = await get(`/?token=${serve.secret}`);
    expect(response.status).toBe(303);
    expect(response.headers.location).toMatch(/^\/#cadence-session=[A-Za-z0-9_-]{43}$/);
    const [setCookie] = response.headers['set-cookie'] ?? [];
    expect(setCookie).toMatch(
      new RegExp(`^cadence_page_${String(serve.port)}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`),
    );
    expect(setCookie).not.toContain(serve.secret);
  });

  it('the page session from the fragment opens calls; the cookie alone opens none', async () => {
    const launch = await get(`/?token=${serve.secret}`);
    const pageSession = String(launch.headers.location).split('=')[1] ?? '';
    expect((await call('app.info', '{}', { 'x-cadence-session': pageSession })).status).toBe(200);
    const withCookieOnly = await call('app.info', '{}', { 'x-cadence-session': '', cookie });
    expect(withCookieOnly.status).toBe(401);
    expect((await get('/api/events', { cookie })).status).toBe(401);
    const stream = new AbortController();
    const events = await fetch(`${serve.origin}/api/events?session=${pageSession}`, { signal: stream.signal });
    expect(events.status).toBe(200);
    stream.abort();
  });

  it('redirects the launch link only to its own root, whatever path it came with', async () => {
    const response = await get(`/.//evil.example/?token=${serve.secret}`);
    expect(response.status).toBe(303);
    expect(response.headers.location).toMatch(/^\/#cadence-session=/);
  });

  it('answers malformed paths with 400, checks the secret before anything, and never logs a query', async () => {
    const log = () => readFileSync(`${dir.path}/logs/cadence.log`, 'utf8');
    const before = log().length;
    expect((await get(`//?token=${serve.secret}`)).status).toBe(303);
    expect((await get('//?token=not-the-secret')).status).toBe(401);
    for (let i = 0; i < 3; i += 1) expect((await get('//?x')).status).toBe(400);
    expect((await get('/\\evil')).status).toBe(400);
    const written = log().slice(before);
    expect(written).not.toContain(serve.secret);
    expect(written).not.toMatch(/at .*serveServer|Error:/);
  });

  it('serves the built app with the cookie, under the CSP', async () => {
    const response = await get('/', { cookie });
    expect(response.status).toBe(200);
    expect(response.body).toContain('<div id="root"></div>');
    expect(response.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it.each([`evil.example:PORT`, 'localhost.evil.example', '127.0.0.1:1'])(
    'refuses Host %s even with the secret (DNS rebinding)',
    async (host) => {
      const response = await get('/', { cookie, host: host.replace('PORT', String(serve.port)) });
      expect(response.status).toBe(403);
      expect((await call('app.info', '{}', { host: host.replace('PORT', String(serve.port)) })).status).toBe(403);
    },
  );

  it.each(['http://evil.example', 'null', 'http://127.0.0.1:1'])(
    'refuses calls whose Origin is %s even with the secret',
    async (origin) => {
      const response = await call('app.info', '{}', { origin });
      expect(response.status).toBe(403);
      expect(response.body).toContain('other sites');
    },
  );

  it('refuses requests a browser marks as cross-site', async () => {
    expect((await call('app.info', '{}', { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('accepts calls from its own origin', async () => {
    const response = await call('app.info', '{}', { origin: serve.origin });
    expect(response.status).toBe(200);
  });

  it('refuses a call a plain HTML form could send (no JSON content type)', async () => {
    const response = await call('app.info', '{}', { 'content-type': 'text/plain' });
    expect(response.status).toBe(415);
  });

  it('refuses a call made with GET', async () => {
    expect((await get('/api/call/app.info', session)).status).toBe(405);
  });

  it('answers app.info with the version, data folder and online state', async () => {
    const response = await call('app.info', '{}');
    expect(response.status).toBe(200);
    const result = JSON.parse(response.body) as unknown;
    expect(result).toMatchObject({
      ok: true,
      value: {
        version: '0.1.0',
        dataDir: dir.path,
        host: 'serve',
        online: { isOnline: expect.any(Boolean) as unknown },
      },
    });
  });

  it('reports Zoom reachable when it answers', async () => {
    const response = await call('app.checkOnline', '{}');
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { isOnline: true } });
  });

  describe.each(channelNames)('channel %s over HTTP', (channel) => {
    it.each(malformedPayloads)('refuses $kind with 400 and the field path', async ({ payload }) => {
      const response = await call(channel, JSON.stringify(payload));
      expect(response.status).toBe(400);
      const result = JSON.parse(response.body) as { ok: boolean; error: { code: string; issues: unknown[] } };
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(result.error.issues.length).toBeGreaterThan(0);
    });

    it('refuses a body that is not JSON', async () => {
      const response = await call(channel, '{"unterminated": ');
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: 'The request body is not valid JSON.' },
      });
    });
  });

  it('refuses an unknown channel with 404', async () => {
    const response = await call('vault.export', '{}');
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('refuses a malformed channel name instead of failing', async () => {
    const response = await call('%E0%A4%A', '{}');
    expect(response.status).toBe(404);
  });

  it('refuses a body over 1 MiB', async () => {
    const response = await call('app.info', JSON.stringify({ padding: 'x'.repeat(1024 * 1024 + 1) }));
    expect(response.status).toBe(400);
    expect(response.body).toContain('larger than');
  });

  it('does not serve files outside the built app', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/%2e%2e%2f%2e%2e%2f..%2fpackage.json']) {
      expect((await get(path, { cookie })).status).toBe(404);
    }
  });

  it('leaves a log of its start in the data folder', () => {
    expect(readFileSync(`${dir.path}/logs/cadence.log`, 'utf8')).toContain('"host":"serve"');
  });
});

describe('cadence serve --port', () => {
  it('listens on the port it is given', async () => {
    const portDir = makeTempDir();
    const probe = await startServeProcess({ dataDir: portDir.path });
    const port = probe.port;
    await probe.stop();
    const fixed = await startServeProcess({ dataDir: portDir.path, port });
    try {
      expect(fixed.port).toBe(port);
      expect(fixed.url.startsWith(`http://127.0.0.1:${port}/`)).toBe(true);
      expect((await rawHttp({ port, path: `/?token=${fixed.secret}` })).status).toBe(303);
    } finally {
      await fixed.stop();
      portDir.remove();
    }
  });
});

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TokenProvider } from '../../../main/zoom/tokenProvider';

// The token provider over real HTTP on 127.0.0.1, against a token endpoint the test controls.
const credentials = { account_id: 'acct-1', client_id: 'client-1', client_secret: 'secret-1' };

let server: Server;
let url: string;
let seen: { method?: string; url?: string; authorization?: string }[];
let answer: (request: IncomingMessage) => { status: number; body: unknown; delayMs?: number };

beforeEach(async () => {
  seen = [];
  let issued = 0;
  answer = () => {
    issued += 1;
    return {
      status: 200,
      body: {
        access_token: `token-${String(issued)}`,
        token_type: 'bearer',
        expires_in: 3599,
        scope: 'zoom_events:read:list_hubs:admin zoom_events:write:event:admin',
      },
    };
  };
  server = createServer((request, response) => {
    seen.push({ method: request.method, url: request.url, authorization: request.headers.authorization });
    const { status, body, delayMs } = answer(request);
    setTimeout(() => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    }, delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/oauth/token`;
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function provider(clock: () => number = Date.now) {
  return new TokenProvider({ oauthUrl: url, credentials: () => Promise.resolve(credentials), clock });
}

describe('tokens', () => {
  it('asks with the account_credentials grant and HTTP Basic auth, and keeps the scopes', async () => {
    const token = await provider().token();
    expect(token.value).toBe('token-1');
    expect([...token.scopes]).toEqual(['zoom_events:read:list_hubs:admin', 'zoom_events:write:event:admin']);
    expect(seen).toEqual([
      {
        method: 'POST',
        url: '/oauth/token?grant_type=account_credentials&account_id=acct-1',
        authorization: `Basic ${Buffer.from('client-1:secret-1').toString('base64')}`,
      },
    ]);
  });

  it('caches the token and refreshes it a minute before it expires', async () => {
    let now = Date.parse('2026-11-22T10:00:00Z');
    const tokens = provider(() => now);
    expect((await tokens.token()).value).toBe('token-1');
    now += (3599 - 61) * 1000;
    expect((await tokens.token()).value).toBe('token-1');
    now += 2000;
    expect((await tokens.token()).value).toBe('token-2');
    expect(seen).toHaveLength(2);
  });

  it('sends one request however many callers wait', async () => {
    const plain = answer;
    answer = (request) => ({ ...plain(request), delayMs: 50 });
    const tokens = provider();
    const values = await Promise.all(Array.from({ length: 20 }, () => tokens.token()));
    expect(new Set(values.map((token) => token.value))).toEqual(new Set(['token-1']));
    expect(seen).toHaveLength(1);
  });

  it('fetches a new token after Zoom called the current one invalid', async () => {
    const tokens = provider();
    const first = await tokens.token();
    tokens.invalidate('some-older-token');
    expect((await tokens.token()).value).toBe(first.value);
    tokens.invalidate(first.value);
    expect((await tokens.token()).value).toBe('token-2');
  });
});

describe('when Zoom says no', () => {
  it('refused credentials: says which and where to check them, and tries again next time', async () => {
    answer = () => ({ status: 401, body: { reason: 'Invalid client_id or client_secret', error: 'invalid_client' } });
    const tokens = provider();
    await expect(tokens.token()).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining(
        'Zoom does not accept these credentials (Invalid client_id or client_secret)',
      ) as string,
    });
    answer = () => ({ status: 200, body: { access_token: 'fresh', expires_in: 3599 } });
    expect((await tokens.token()).value).toBe('fresh');
  });

  it('a server error or an answer without a token is "unavailable", never a crash', async () => {
    answer = () => ({ status: 503, body: {} });
    await expect(provider().token()).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('HTTP 503') as string,
    });
    answer = () => ({ status: 200, body: { token: 'misnamed' } });
    await expect(provider().token()).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('an unreachable endpoint is "unavailable", naming it', async () => {
    const tokens = new TokenProvider({
      oauthUrl: 'http://127.0.0.1:9/oauth/token',
      credentials: () => Promise.resolve(credentials),
    });
    await expect(tokens.token()).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining("Zoom's sign-in service at http://127.0.0.1:9 cannot be reached") as string,
    });
  });
});

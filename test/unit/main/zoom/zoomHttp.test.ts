import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RateLimiter } from '../../../../main/zoom/rateLimiter';
import type { AccessToken, TokenProvider } from '../../../../main/zoom/tokenProvider';
import { retryAfterMs, ZoomHttp } from '../../../../main/zoom/zoomHttp';

// The HTTP layer with undici's MockAgent, where the answers need finer control than the sandbox gives.
const origin = 'https://api.zoom.test';
let agent: MockAgent;
let issued: string[];
let invalidated: string[];

function fakeTokens(scopes: readonly string[] = []): TokenProvider {
  let n = 0;
  return {
    token: () => {
      n += 1;
      const value = `token-${String(n)}`;
      issued.push(value);
      return Promise.resolve<AccessToken>({
        value,
        accountId: 'acct',
        expiresAt: Date.now() + 3_600_000,
        scopes: new Set(scopes),
      });
    },
    invalidate: (value: string) => {
      invalidated.push(value);
    },
  } as unknown as TokenProvider;
}

function http(scopes: readonly string[] = []): ZoomHttp {
  return new ZoomHttp({
    apiUrl: `${origin}/v2`,
    tokens: fakeTokens(scopes),
    limiter: new RateLimiter({ plan: () => 'business' }),
    agent: agent as never,
    retry: { maxRetries: 2, minDelayMs: 1, maxDelayMs: 2 },
  });
}

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  issued = [];
  invalidated = [];
});
afterEach(async () => {
  await agent.close();
});

const hubs = z.object({ hubs: z.array(z.object({ hub_id: z.string(), name: z.string() })) });

describe('ZoomHttp', () => {
  it('refreshes the token once on 124 and gives up when the new one is refused too', async () => {
    const pool = agent.get(origin);
    pool
      .intercept({ path: '/v2/zoom_events/hubs?role_type=host', method: 'GET' })
      .reply(401, { code: 124, message: 'Invalid access token.' })
      .times(2);
    const error = await http()
      .call('getHubList', { query: { role_type: 'host' } }, hubs)
      .catch((failure: unknown) => failure);
    expect(error).toMatchObject({ status: 401, zoomCode: 124, code: 'forbidden' });
    expect(issued).toEqual(['token-1', 'token-2']);
    expect(invalidated).toEqual(['token-1']);
  });

  it('refuses an answer of the wrong shape, naming the field', async () => {
    agent
      .get(origin)
      .intercept({ path: '/v2/zoom_events/hubs', method: 'GET' })
      .reply(200, { hubs: [{ hub_id: 7, name: 'Main' }] });
    await expect(http().call('getHubList', {}, hubs)).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/form Cadence does not recognise/) as unknown,
      issues: [{ path: 'hubs[0].hub_id', message: expect.any(String) as unknown }],
    });
  });

  it('sends the path parameters encoded and the bearer token', async () => {
    let seen: Record<string, string> | undefined;
    agent
      .get(origin)
      .intercept({ path: '/v2/zoom_events/events/a%2Fb', method: 'DELETE' })
      .reply((options) => {
        seen = options.headers as Record<string, string>;
        return { statusCode: 204, data: '' };
      });
    await http().call('deleteEvent', { params: { eventId: 'a/b' } });
    expect(seen?.authorization).toBe('Bearer token-1');
  });

  it('sends the call whatever the scope names of the token: Zoom decides', async () => {
    let calls = 0;
    agent
      .get(origin)
      .intercept({ path: '/v2/zoom_events/hubs', method: 'GET' })
      .reply(() => {
        calls += 1;
        return { statusCode: 200, data: { hubs: [{ hub_id: 'h1', name: 'Main' }] } };
      });
    // A spelling Cadence has never seen, and nothing it knows for the hub list.
    const answer = await http(['zoom_events:read:hub_catalogue:tenant']).call('getHubList', {}, hubs);
    expect(answer.hubs).toHaveLength(1);
    expect(calls).toBe(1);
  });

  it("names the operation's scopes when Zoom refuses the token for lacking one (4711)", async () => {
    agent
      .get(origin)
      .intercept({ path: '/v2/zoom_events/events/e1/tickets', method: 'POST' })
      .reply(403, { code: 4711, message: 'Invalid access token, does not contain scopes:[zoom_events:write:ticket].' });
    const error = await http(['zoom_events:read:list_hubs:admin'])
      .call('createTickets', { params: { eventId: 'e1' }, body: { tickets: [] }, what: 'registering attendees' })
      .catch((failure: unknown) => failure);
    expect(error).toMatchObject({
      code: 'forbidden',
      status: 403,
      zoomCode: 4711,
      missingScopes: ['zoom_events_tickets:write:admin', 'zoom_events:write:ticket:admin'],
      message: expect.stringContaining(
        'Add the scope zoom_events_tickets:write:admin or zoom_events:write:ticket:admin',
      ) as unknown,
    });
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('0.5')).toBe(500);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('2026-10-21T07:28:00Z'))).toBe(10_000);
    expect(retryAfterMs(undefined)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});

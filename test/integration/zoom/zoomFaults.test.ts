import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../main/sandbox/sandboxServer';
import { RateLimiter } from '../../../main/zoom/rateLimiter';
import { TokenProvider } from '../../../main/zoom/tokenProvider';
import { ZoomApiError, ZoomOutcomeUnknownError, ZoomUnreachableError } from '../../../main/zoom/zoomErrors';
import { ZoomHttp } from '../../../main/zoom/zoomHttp';
import { zoomEventSchema } from '../../../shared/zoom/zoomReadShapes';
import { sandboxHarness, weeklyStandupBody, type SandboxHarness } from '../../support/sandbox';
import { makeTempDir } from '../../support/tempDir';

// Every error path of the client, produced by the sandbox over real HTTP on 127.0.0.1.
let harness: SandboxHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(...args: Parameters<typeof sandboxHarness>): Promise<SandboxHarness> {
  harness = await sandboxHarness(...args);
  return harness;
}

async function failure(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

/** The events in the account's own hub (the sandbox also holds someone else's). */
const ownEvents = (h: SandboxHarness) => h.sandbox.data.events.filter((e) => e.hub_id === 'hub-sandbox-main');

const apiRequests = async (h: SandboxHarness, operationId: string) =>
  (await h.control.requests()).filter((r) => r.operationId === operationId);

describe('tokens', () => {
  it('signs in again once when Zoom calls the token invalid (124), and retries the call once', async () => {
    const h = await start();
    await h.client.api.listHubs();
    await h.control.expireTokens();
    await h.control.clearRequests();
    expect(await h.client.api.listHubs()).toHaveLength(1);
    const seen = await h.control.requests();
    expect(seen.map((r) => [r.path.replace(/\?.*/, ''), r.status])).toEqual([
      ['/v2/zoom_events/hubs', 401],
      ['/oauth/token', 200],
      ['/v2/zoom_events/hubs', 200],
    ]);
  });

  it('refuses wrong credentials with a message that says what to check', async () => {
    const h = await start();
    const client = h.clientWith({
      credentials: () => Promise.resolve({ ...h.sandbox.credentials, client_secret: 'wrong' }),
    });
    await expect(client.api.listHubs()).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/does not accept these credentials.*client secret/) as unknown,
    });
  });

  it('sends the call whatever scopes the token names, and names the scope when Zoom refuses it', async () => {
    const h = await start({ faults: { scopes: ['zoom_events_hubs:read', 'zoom_events_basic:read'] } });
    await h.client.api.listHubs();
    await h.control.clearRequests();
    await expect(
      h.client.api.createTickets('e1', [
        { email: 'a@example.com', ticket_type_id: 't', external_ticket_id: 'r', send_notification: false },
      ]),
    ).rejects.toMatchObject({
      code: 'forbidden',
      zoomCode: 4711,
      missingScopes: ['zoom_events_tickets:write:admin', 'zoom_events:write:ticket:admin'],
      message: expect.stringMatching(/Add the scope zoom_events_tickets:write:admin or/) as unknown,
    });
    expect((await apiRequests(h, 'createTickets')).map((r) => r.status)).toEqual([403]);
  });

  it('names the scope when Zoom itself refuses a token that lacks it', async () => {
    // A token answer without a scope list: Zoom refuses by its code.
    const h = await start({ faults: { scopes: [] } });
    const error = await failure(h.client.api.listHubs());
    expect(error).toBeInstanceOf(ZoomApiError);
    expect((error as ZoomApiError).message).toMatch(/Add the scope zoom_events_hubs:read/);
  });
});

describe('rate limits', () => {
  it('waits out Retry-After and repeats a GET after 429s', async () => {
    const h = await start();
    await h.client.api.listHubs();
    await h.control.setFaults({ burst429: 2 });
    await h.control.clearRequests();
    const started = Date.now();
    await h.client.api.listHubs();
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect((await apiRequests(h, 'getHubList')).map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it('never re-sends a POST after a 429, and holds back the next request of its label', async () => {
    const h = await start();
    await h.client.api.listHubs();
    await h.control.setFaults({ burst429: 1 });
    await h.control.clearRequests();
    const error = await failure(h.client.api.createEvent(weeklyStandupBody));
    expect(error).toMatchObject({ status: 429, code: 'unavailable' });
    await h.client.api.listHubs();
    const [refused, next] = await h.control.requests();
    expect(refused).toMatchObject({ operationId: 'createEvent', status: 429 });
    expect(next).toMatchObject({ operationId: 'getHubList', status: 200 });
    expect((next?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(990);
    expect(ownEvents(h)).toEqual([]);
  });

  it('keeps within the limit by itself: no 429 for 65 calls at 30 a second', async () => {
    const h = await start();
    await h.client.api.listHubs();
    await h.control.clearRequests();
    const started = Date.now();
    await Promise.all(Array.from({ length: 65 }, () => h.client.api.listHubs()));
    const elapsed = Date.now() - started;
    const statuses = (await apiRequests(h, 'getHubList')).map((r) => r.status);
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    expect(statuses).toHaveLength(65);
    // 65 calls at 30 a second take at least two windows.
    expect(elapsed).toBeGreaterThanOrEqual(2000);
  });

  it('the sandbox refuses calls over its limit with 429 and Retry-After', async () => {
    const h = await start({ faults: { rateLimits: { LIGHT: 5, MEDIUM: 5, HEAVY: 5 } } });
    const token = await h.client.tokens.token();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        fetch(`${h.sandbox.apiUrl}/zoom_events/hubs`, { headers: { authorization: `Bearer ${token.value}` } }),
      ),
    );
    const limited = answers.filter((a) => a.status === 429);
    expect(limited).toHaveLength(3);
    expect(limited[0]?.headers.get('retry-after')).toBe('1');
    expect(await limited[0]?.json()).toMatchObject({ code: 429 });
  });
});

describe('server errors, lost answers and timeouts', () => {
  it('repeats a GET after 5xx answers with backoff', async () => {
    const h = await start();
    await h.client.api.listHubs();
    await h.control.setFaults({ failNextRequests: 2 });
    await h.control.clearRequests();
    await h.client.api.listHubs();
    expect((await apiRequests(h, 'getHubList')).map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('gives up after its retries with a message that the changes wait', async () => {
    const h = await start({}, { retry: { maxRetries: 2, minDelayMs: 5, maxDelayMs: 10 } });
    await h.client.api.listHubs();
    await h.control.setFaults({ failNextRequests: 10 });
    await h.control.clearRequests();
    const error = await failure(h.client.api.listHubs());
    expect(error).toMatchObject({ code: 'unavailable', status: 503 });
    expect((await apiRequests(h, 'getHubList')).map((r) => r.status)).toEqual([503, 503, 503]);
  });

  it('does not re-send a POST after a 5xx: the outcome is unknown', async () => {
    const h = await start();
    await h.client.api.listHubs();
    await h.control.setFaults({ failNextRequests: 1 });
    const error = await failure(h.client.api.createEvent(weeklyStandupBody));
    expect(error).toBeInstanceOf(ZoomOutcomeUnknownError);
    expect((error as ZoomOutcomeUnknownError).message).toMatch(/may or may not have been done/);
    expect(await apiRequests(h, 'createEvent')).toHaveLength(1);
  });

  it('reports a POST whose answer was lost as unknown, though Zoom applied it', async () => {
    const h = await start();
    await h.client.api.listHubs();
    await h.control.setFaults({ loseNextResponses: 1 });
    const error = await failure(h.client.api.createEvent(weeklyStandupBody));
    expect(error).toBeInstanceOf(ZoomOutcomeUnknownError);
    expect(await apiRequests(h, 'createEvent')).toMatchObject([{ lost: true, status: 201 }]);
    expect(ownEvents(h).map((e) => e.name)).toEqual(['Weekly Team Standup']);
  });

  it('repeats a PATCH and a DELETE whose answers were lost; the DELETE that finds it gone is done', async () => {
    const h = await start();
    const event = await h.client.api.createEvent(weeklyStandupBody);
    const [session] = await h.client.api.listSessions(event.event_id);
    await h.control.setFaults({ loseNextResponses: 1 });
    await h.client.api.updateEvent(event.event_id, { name: 'Renamed' });
    expect((await apiRequests(h, 'updateEvent')).map((r) => [r.status, r.lost])).toEqual([
      [204, true],
      [204, false],
    ]);
    await h.control.setFaults({ loseNextResponses: 1 });
    await h.client.api.deleteSession(event.event_id, session?.session_id ?? '');
    expect((await apiRequests(h, 'deleteEventSession')).map((r) => [r.status, r.lost])).toEqual([
      [204, true],
      [404, false],
    ]);
    expect(h.sandbox.data.sessions.filter((s) => s.event_id === event.event_id)).toHaveLength(11);
  });

  it('times out a slow answer: a GET is retried then reported unreachable, a POST is unknown', async () => {
    // undici's timers tick about twice a second, so a timeout fires within roughly a second of its time.
    const h = await start({}, { timeoutMs: 300, retry: { maxRetries: 1, minDelayMs: 5, maxDelayMs: 10 } });
    await h.client.api.listHubs();
    await h.control.setFaults({ latencyMs: [2500, 2500] });
    expect(await failure(h.client.api.listHubs())).toBeInstanceOf(ZoomUnreachableError);
    expect(await failure(h.client.api.createEvent(weeklyStandupBody))).toBeInstanceOf(ZoomOutcomeUnknownError);
  });

  it('reports Zoom unreachable when nothing listens', async () => {
    const h = await start();
    const client = h.clientWith({
      urls: { apiUrl: 'http://127.0.0.1:9/v2', oauthUrl: h.sandbox.oauthUrl },
      retry: { maxRetries: 1, minDelayMs: 5, maxDelayMs: 10 },
    });
    const error = await failure(client.api.listHubs());
    expect(error).toBeInstanceOf(ZoomUnreachableError);
    expect((error as Error).message).toMatch(/cannot be reached.*wait until Zoom answers/);
  });
});

describe('request bodies', () => {
  it('refuses to send a body that does not fit Zoom’s OpenAPI document, naming the field', async () => {
    const h = await start();
    await h.client.api.listHubs();
    await h.control.clearRequests();
    const body = { ...weeklyStandupBody, attendance_type: 'on-the-moon' } as unknown as typeof weeklyStandupBody;
    await expect(h.client.api.createEvent(body)).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [expect.objectContaining({ path: 'attendance_type' })],
    });
    expect(await h.control.requests()).toEqual([]);
  });

  it('the sandbox refuses such a body with code 300 and field errors, which the client keeps', async () => {
    const h = await start();
    const tokens = new TokenProvider({
      oauthUrl: h.sandbox.oauthUrl,
      credentials: () => Promise.resolve(h.sandbox.credentials),
    });
    const unchecked = new ZoomHttp({
      apiUrl: h.sandbox.apiUrl,
      tokens,
      limiter: new RateLimiter({ plan: () => 'pro' }),
    });
    const error = await failure(
      unchecked.call(
        'createEvent',
        { body: { ...weeklyStandupBody, attendance_type: 'on-the-moon' } },
        zoomEventSchema,
      ),
    );
    await unchecked.close();
    expect(error).toMatchObject({ zoomCode: 300, code: 'invalid_input' });
    expect((error as ZoomApiError).issues).toEqual([expect.objectContaining({ path: 'attendance_type' })]);
    expect((await h.control.requests()).at(-1)?.bodyIssues).toEqual([
      expect.objectContaining({ path: 'attendance_type' }),
    ]);
  });
});

describe('the sandbox', () => {
  it('keeps its state in a file with --state, across restarts', async () => {
    const dir = makeTempDir();
    try {
      const statePath = join(dir.path, 'sandbox.json');
      const h = await start({ statePath });
      const event = await h.client.api.createEvent(weeklyStandupBody);
      await h.close();
      harness = undefined;
      expect(existsSync(statePath)).toBe(true);
      const again = await start({ statePath });
      expect((await again.client.api.getEvent(event.event_id)).name).toBe('Weekly Team Standup');
      expect(await again.client.api.listSessions(event.event_id)).toHaveLength(12);
    } finally {
      dir.remove();
    }
  });

  it('applies "another planner" edits through Zoom’s own rules', async () => {
    const h = await start();
    const event = await h.client.api.createEvent({ ...weeklyStandupBody, attendance_type: 'in-person' });
    const [first, second] = await h.client.api.listSessions(event.event_id);
    expect(await h.control.edit({ kind: 'rename-event', event_id: event.event_id, name: 'Their name' })).toMatchObject({
      status: 204,
    });
    await h.control.edit({
      kind: 'rename-session',
      event_id: event.event_id,
      session_id: first?.session_id ?? '',
      name: 'Kick-off',
    });
    await h.control.edit({
      kind: 'move-session',
      event_id: event.event_id,
      session_id: second?.session_id ?? '',
      start_time: '2027-03-04T16:00:00Z',
      end_time: '2027-03-04T16:30:00Z',
    });
    expect((await h.client.api.getEvent(event.event_id)).name).toBe('Their name');
    const sessions = await h.client.api.listSessions(event.event_id);
    expect(sessions[0]?.name).toBe('Kick-off');
    expect(sessions[1]?.start_time).toBe('2027-03-04T16:00:00Z');
    await h.control.edit({ kind: 'delete-session', event_id: event.event_id, session_id: first?.session_id ?? '' });
    expect(await h.client.api.listSessions(event.event_id)).toHaveLength(11);
    // Check-in needs a published event and a ticket: refused like Zoom would, then done.
    const refused = await h.control.edit({ kind: 'check-in', event_id: event.event_id, email: 'a@example.com' });
    expect(refused).toMatchObject({ status: 400, answer: { code: 26501 } });
    await h.control.edit({ kind: 'publish-event', event_id: event.event_id });
    const ticketTypeId = await h.client.api.createTicketType(event.event_id, {
      name: 'Free',
      currency: 'USD',
      free: true,
      start_time: '2026-01-01T00:00:00Z',
      end_time: '2027-03-01T00:00:00Z',
    });
    await h.client.api.createTickets(event.event_id, [
      { email: 'a@example.com', ticket_type_id: ticketTypeId, external_ticket_id: 'r1', send_notification: false },
    ]);
    const checkedIn = await h.control.edit({
      kind: 'check-in',
      event_id: event.event_id,
      email: 'a@example.com',
      source: 'front desk',
    });
    expect(checkedIn).toMatchObject({ status: 201, answer: { errors: [] } });
    expect(await h.client.api.listEventAttendeeActions(event.event_id)).toEqual([
      { email: 'a@example.com', action: 'check-in', source: 'front desk' },
    ]);
    await h.control.edit({ kind: 'cancel-event', event_id: event.event_id });
    expect((await h.client.api.getEvent(event.event_id)).status).toBe('CANCELLED');
    await h.control.edit({ kind: 'delete-event', event_id: event.event_id });
    await expect(h.client.api.getEvent(event.event_id)).rejects.toMatchObject({ zoomCode: 2002 });
  });

  it('accepts only its own credentials and account', async () => {
    const sandbox = await startSandbox({ credentials: { account_id: 'a1', client_id: 'c1', client_secret: 's1' } });
    try {
      const ask = (user: string, account: string) =>
        fetch(`${sandbox.oauthUrl}?grant_type=account_credentials&account_id=${account}`, {
          method: 'POST',
          headers: { authorization: `Basic ${Buffer.from(user).toString('base64')}` },
        });
      expect((await ask('c1:s1', 'a1')).status).toBe(200);
      expect((await ask('c1:nope', 'a1')).status).toBe(401);
      expect((await ask('c1:s1', 'other')).status).toBe(400);
    } finally {
      await sandbox.close();
    }
  });
});

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import type { ZoomCredentials } from '../../shared/credentials';
import type { Issue } from '../../shared/ipc/envelope';
import { operationSpec } from '../zoom/openApi/operationCatalog';
import { ZoomRequestValidator } from '../zoom/openApi/zoomRequestValidator';
import type { RateLimitLabel } from '../zoom/rateLimits';
import { sandboxBehaviourPatchSchema, sandboxBehaviourSchema, type SandboxBehaviour } from './sandboxBehaviour';
import { addUser, emptySandboxData, sandboxDataSchema, sandboxUserInputSchema, type SandboxData } from './sandboxData';
import { applyEdit, sandboxEditSchema } from './sandboxEdits';
import { sandboxFaultsPatchSchema, sandboxFaultsSchema, seededRandom, type SandboxFaults } from './sandboxFaults';
import { handleOperation, zoomError, type SandboxAnswer } from './sandboxOperations';
import { sandboxSeedSchema, seedScenarios, type SandboxSeed, type SeededEvent } from './sandboxScenarios';

/** The credentials a sandbox accepts unless told others. */
export const sandboxDefaultCredentials: ZoomCredentials = {
  account_id: 'sandbox-account',
  client_id: 'sandbox-client',
  client_secret: 'sandbox-secret',
};

export interface SandboxOptions {
  port?: number;
  /** Keep the state in this file, loaded at start and written after every change. */
  statePath?: string;
  credentials?: ZoomCredentials;
  faults?: Partial<SandboxFaults>;
  /** Which of Zoom's documents to follow where they disagree; the tutorial's Zoom by default. */
  behaviour?: Partial<SandboxBehaviour>;
  /** Seeds the fault draws, so that a run can be replayed. */
  seed?: number;
  clock?: () => number;
  /** Users (meeting hosts) to add by email, beside the script's example hosts every sandbox has. */
  users?: readonly string[];
}

/** One request the sandbox received, for tests to inspect. */
export interface SandboxRequestRecord {
  /** When it arrived (epoch ms). */
  at: number;
  /** When it was answered, or its connection dropped (epoch ms); `at` plus latency and work. */
  answeredAt: number;
  method: string;
  path: string;
  operationId?: string;
  label?: RateLimitLabel;
  status: number;
  /** Problems of the body against Zoom's OpenAPI document; empty when it fits. */
  bodyIssues: Issue[];
  /** The change was applied but the connection was dropped instead of answering. */
  lost: boolean;
  /** The emails a check-in request (PATCH attendee_action) carried, once its body was read. */
  checkInEmails?: string[];
}

export interface Sandbox {
  readonly url: string;
  readonly apiUrl: string;
  readonly oauthUrl: string;
  readonly credentials: ZoomCredentials;
  readonly data: SandboxData;
  readonly faults: SandboxFaults;
  readonly behaviour: SandboxBehaviour;
  readonly requests: readonly SandboxRequestRecord[];
  /** Every access token it has issued, for tests that look for leaks. */
  readonly issuedTokens: () => string[];
  /** Makes the tutorial's scenarios on it (see `sandboxScenarios.ts`), kept like any change. */
  seed(seed?: SandboxSeed): SeededEvent[];
  close(): Promise<void>;
}

interface IssuedToken {
  account: string;
  expiresAt: number;
  scopes: ReadonlySet<string>;
}

const allScopes = [
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
  'zoom_events_reports:read',
  'zoom_events_attendee_actions:read',
  'zoom_events_attendee_actions:write',
  'zoom_events_speakers:read',
  'zoom_events_speakers:write',
  'meeting:read:admin',
  'meeting:write:admin',
  'user:read:admin',
];
const maxRecords = 200_000;

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, answer: SandboxAnswer, headers: Record<string, string> = {}): void {
  const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    ...(body === '' ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    'content-length': String(Buffer.byteLength(body)),
    ...answer.headers,
    ...headers,
  });
  response.end(body);
}

const checkInOperations = ['UpdateEventAttendeeActions', 'UpdateSessionAttendeeActions'];

/** For the request log: the emails of a check-in request, so tests can prove nothing went twice. */
function checkInEmailsOf(operationId: string, body: unknown): { checkInEmails?: string[] } {
  if (!checkInOperations.includes(operationId)) return {};
  const attendees = (body as { attendees?: { email?: unknown }[] } | undefined)?.attendees ?? [];
  return { checkInEmails: attendees.map((a) => String(a.email)) };
}

function loadState(path: string | undefined): SandboxData {
  if (path === undefined || !existsSync(path)) return emptySandboxData();
  const parsed = sandboxDataSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path} is not a sandbox state file: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/**
 * A Zoom Events API on 127.0.0.1 that behaves as Zoom's reference and tutorials describe: the
 * OAuth token endpoint, every operation Cadence uses, the rate limits by label, request bodies
 * checked against Zoom's OpenAPI document. Tests steer it through `/_sandbox/…`: faults, which
 * document to follow where Zoom's disagree, token expiry and edits made by "another planner".
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const credentials = options.credentials ?? sandboxDefaultCredentials;
  const clock = options.clock ?? Date.now;
  const random = seededRandom(options.seed ?? 1);
  const validator = new ZoomRequestValidator();
  let data = loadState(options.statePath);
  for (const email of options.users ?? []) addUser(data, { email });
  let faults: SandboxFaults = sandboxFaultsSchema.parse(options.faults ?? {});
  let behaviour: SandboxBehaviour = sandboxBehaviourSchema.parse(options.behaviour ?? {});
  const tokens = new Map<string, IssuedToken>();
  const arrivals = new Map<string, number[]>();
  const requests: SandboxRequestRecord[] = [];
  let origin = '';

  const save = () => {
    if (options.statePath === undefined) return;
    const temporary = `${options.statePath}.tmp`;
    // Owner-only; the rename also replaces a state file an earlier version left readable.
    writeFileSync(temporary, JSON.stringify(data), { mode: 0o600 });
    renameSync(temporary, options.statePath);
  };

  const seedAndSave = (seed: z.output<typeof sandboxSeedSchema>): SeededEvent[] => {
    const events = seedScenarios(data, seed, clock());
    save();
    return events;
  };

  /** Called just before answering, which stamps `answeredAt`. */
  const record = (entry: Omit<SandboxRequestRecord, 'answeredAt'>) => {
    if (requests.length >= maxRecords) requests.shift();
    requests.push({ ...entry, answeredAt: clock() });
  };

  const issueToken = (request: IncomingMessage, url: URL): SandboxAnswer => {
    const basic = /^Basic (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const [clientId = '', clientSecret = ''] = Buffer.from(basic ?? '', 'base64')
      .toString('utf8')
      .split(':');
    if (url.searchParams.get('grant_type') !== 'account_credentials') {
      return { status: 400, body: { reason: 'Unsupported grant type', error: 'unsupported_grant_type' } };
    }
    if (
      basic === undefined ||
      !sameText(clientId, credentials.client_id) ||
      !sameText(clientSecret, credentials.client_secret)
    ) {
      return { status: 401, body: { reason: 'Invalid client_id or client_secret', error: 'invalid_client' } };
    }
    if (url.searchParams.get('account_id') !== credentials.account_id) {
      return { status: 400, body: { reason: 'Invalid account_id', error: 'invalid_request' } };
    }
    const value = `sbx.${randomBytes(24).toString('base64url')}`;
    const scopes = faults.scopes ?? allScopes;
    tokens.set(value, {
      account: credentials.account_id,
      expiresAt: clock() + faults.tokenTtlSeconds * 1000,
      scopes: new Set(scopes),
    });
    return {
      status: 200,
      body: {
        access_token: value,
        token_type: 'bearer',
        expires_in: faults.tokenTtlSeconds,
        scope: scopes.join(' '),
        api_url: origin,
      },
    };
  };

  /** Zoom's per-second limit per account and label; true when this request is over it. */
  const overLimit = (account: string, label: RateLimitLabel, now: number): boolean => {
    const key = `${account}\u0000${label}`;
    const recent = (arrivals.get(key) ?? []).filter((at) => at > now - 1000);
    arrivals.set(key, recent);
    if (recent.length >= faults.rateLimits[label]) return true;
    recent.push(now);
    return false;
  };

  const serveApi = async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    const method = request.method ?? 'GET';
    const path = url.pathname.replace(/^\/v2/, '');
    const base = { at: clock(), method, path: url.pathname + url.search, bodyIssues: [] as Issue[], lost: false };
    const token = tokens.get(/^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '');
    const raw = await readBody(request);
    if (token === undefined || token.expiresAt <= clock()) {
      record({ ...base, status: 401 });
      send(response, zoomError(401, 124, 'Invalid access token.'));
      return;
    }
    const operation = validator.findOperation(method, path);
    if (operation === undefined) {
      record({ ...base, status: 404 });
      send(response, zoomError(404, 404, `No API at ${method} ${path}.`));
      return;
    }
    const spec = operationSpec(operation.operationId);
    const entry = { ...base, operationId: operation.operationId, label: spec.label };
    if (!spec.scopes.some((scope) => token.scopes.has(scope))) {
      record({ ...entry, status: 403 });
      send(response, zoomError(403, 4711, `Invalid access token, does not contain scopes:[${spec.scopes[0] ?? ''}].`));
      return;
    }
    // Zoom counts a request when it arrives, however long its body takes to read.
    if (faults.burst429 > 0 || overLimit(token.account, spec.label, base.at)) {
      if (faults.burst429 > 0) faults = { ...faults, burst429: faults.burst429 - 1 };
      record({ ...entry, status: 429 });
      send(
        response,
        zoomError(429, 429, 'You have reached the maximum per-second rate limit for this API. Try again later.'),
        {
          'retry-after': '1',
          'x-ratelimit-category': spec.label,
          'x-ratelimit-type': 'QPS',
        },
      );
      return;
    }
    const [low, high] = faults.latencyMs;
    if (high > 0) await sleep(low + random() * (high - low));
    let body: unknown;
    try {
      body = raw.trim() === '' ? undefined : JSON.parse(raw);
    } catch {
      record({ ...entry, status: 400, bodyIssues: [{ path: '', message: 'not JSON' }] });
      send(response, zoomError(400, 300, 'The request body is not valid JSON.'));
      return;
    }
    const bodyIssues = method === 'GET' || method === 'DELETE' ? [] : validator.bodyIssues(method, path, body);
    if (bodyIssues.length > 0) {
      record({ ...entry, status: 400, bodyIssues });
      send(response, zoomError(400, 300, 'Validation Failed.', bodyIssues));
      return;
    }
    const forcedFailure = faults.failNextRequests > 0;
    if (forcedFailure) faults = { ...faults, failNextRequests: faults.failNextRequests - 1 };
    if (forcedFailure || random() < faults.serverErrorRate) {
      record({ ...entry, status: 503 });
      send(response, zoomError(503, 503, 'The service is temporarily unavailable.'));
      return;
    }
    const writes = method !== 'GET';
    const carried = checkInEmailsOf(operation.operationId, body);
    const answer = handleOperation(data, {
      operationId: operation.operationId,
      params: operation.params,
      query: url.searchParams,
      body: (body ?? {}) as Record<string, unknown>,
      now: clock(),
      dropGeneratedSessions: faults.dropGeneratedSessions,
      ticketTypes: behaviour.ticketTypes,
      meetingDailyLimit: faults.meetingDailyLimit,
      seed: options.seed ?? 1,
      sessionAttendance: behaviour.sessionAttendance,
      blockRemovedRegistrants: faults.blockRemovedRegistrants,
    });
    if (writes && answer.status < 400) save();
    const forcedLoss = faults.loseNextResponses > 0;
    if (forcedLoss) faults = { ...faults, loseNextResponses: faults.loseNextResponses - 1 };
    if (forcedLoss || random() < faults.lostResponseRate) {
      record({ ...entry, ...carried, status: answer.status, lost: true });
      response.socket?.destroy();
      return;
    }
    record({ ...entry, ...carried, status: answer.status });
    send(response, answer);
  };

  const serveControl = async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    const route = `${request.method ?? 'GET'} ${url.pathname.replace(/^\/_sandbox/, '')}`;
    const raw = await readBody(request);
    const input: unknown = raw.trim() === '' ? {} : JSON.parse(raw);
    switch (route) {
      case 'GET /state':
        send(response, { status: 200, body: data });
        return;
      case 'POST /reset':
        // The sandbox as it started: its account's users, and the faults and behaviour it was given.
        data = emptySandboxData();
        faults = sandboxFaultsSchema.parse(options.faults ?? {});
        behaviour = sandboxBehaviourSchema.parse(options.behaviour ?? {});
        for (const email of options.users ?? []) addUser(data, { email });
        tokens.clear();
        arrivals.clear();
        requests.length = 0;
        save();
        send(response, { status: 204 });
        return;
      case 'GET /faults':
        send(response, { status: 200, body: faults });
        return;
      case 'PUT /faults': {
        const patch = sandboxFaultsPatchSchema.safeParse(input);
        if (!patch.success) {
          send(response, { status: 400, body: { message: 'Invalid faults.', issues: patch.error.issues } });
          return;
        }
        faults = sandboxFaultsSchema.parse({ ...faults, ...patch.data });
        send(response, { status: 200, body: faults });
        return;
      }
      case 'GET /behaviour':
        send(response, { status: 200, body: behaviour });
        return;
      case 'PUT /behaviour': {
        // Applies to what happens from now on: events made under the other rules keep their ticket types.
        const patch = sandboxBehaviourPatchSchema.safeParse(input);
        if (!patch.success) {
          send(response, { status: 400, body: { message: 'Invalid behaviour.', issues: patch.error.issues } });
          return;
        }
        behaviour = sandboxBehaviourSchema.parse({ ...behaviour, ...patch.data });
        send(response, { status: 200, body: behaviour });
        return;
      }
      case 'POST /tokens/expire':
        for (const token of tokens.values()) token.expiresAt = 0;
        send(response, { status: 204 });
        return;
      case 'POST /edits': {
        const edit = sandboxEditSchema.safeParse(input);
        if (!edit.success) {
          send(response, { status: 400, body: { message: 'Invalid edit.', issues: edit.error.issues } });
          return;
        }
        const answer = applyEdit(data, edit.data, clock());
        if (answer.status < 400) save();
        send(response, { status: 200, body: { status: answer.status, answer: answer.body ?? null } });
        return;
      }
      case 'GET /users':
        send(response, { status: 200, body: { users: data.users } });
        return;
      case 'POST /users': {
        const user = sandboxUserInputSchema.safeParse(input);
        if (!user.success) {
          send(response, { status: 400, body: { message: 'Invalid user.', issues: user.error.issues } });
          return;
        }
        const added = addUser(data, user.data);
        save();
        send(response, { status: 200, body: added });
        return;
      }
      case 'POST /seed': {
        const seed = sandboxSeedSchema.safeParse(input);
        if (!seed.success) {
          send(response, { status: 400, body: { message: 'Invalid seed.', issues: seed.error.issues } });
          return;
        }
        send(response, { status: 200, body: { events: seedAndSave(seed.data) } });
        return;
      }
      case 'GET /requests':
        send(response, { status: 200, body: requests });
        return;
      case 'DELETE /requests':
        requests.length = 0;
        send(response, { status: 204 });
        return;
      default:
        send(response, { status: 404, body: { message: `No sandbox control at ${route}.` } });
    }
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    // Only this machine's own names: a web page cannot reach the sandbox through DNS rebinding.
    const host = request.headers.host ?? '';
    if (!/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host)) {
      send(response, { status: 421, body: { message: 'The sandbox answers on 127.0.0.1 only.' } });
      return;
    }
    const route =
      url.pathname === '/oauth/token' && request.method === 'POST'
        ? readBody(request).then(() => {
            const answer = issueToken(request, url);
            record({
              at: clock(),
              method: 'POST',
              path: url.pathname,
              status: answer.status,
              bodyIssues: [],
              lost: false,
            });
            send(response, answer);
          })
        : url.pathname.startsWith('/v2/')
          ? serveApi(request, response, url)
          : url.pathname.startsWith('/_sandbox/')
            ? serveControl(request, response, url)
            : Promise.resolve().then(() => {
                send(response, zoomError(404, 404, 'Not found.'));
              });
    route.catch((error: unknown) => {
      if (!response.headersSent)
        send(response, zoomError(500, 500, error instanceof Error ? error.message : String(error)));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${String(port)}`;

  return {
    url: origin,
    apiUrl: `${origin}/v2`,
    oauthUrl: `${origin}/oauth/token`,
    credentials,
    get data() {
      return data;
    },
    get faults() {
      return faults;
    },
    get behaviour() {
      return behaviour;
    },
    requests,
    issuedTokens: () => [...tokens.keys()],
    seed: (seed = {}) => seedAndSave(sandboxSeedSchema.parse(seed)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

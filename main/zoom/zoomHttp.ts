import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request, type Dispatcher } from 'undici';
import type { z } from 'zod';
import { CadenceError } from '../../shared/errors';
import { issuesFromZod } from '../../shared/ipc/envelope';
import { operationPath, operationSpec, type OperationSpec } from './openApi/operationCatalog';
import type { ZoomRequestValidator } from './openApi/zoomRequestValidator';
import type { RateLimiter, RequestPriority } from './rateLimiter';
import { scopesToName } from './scopeSpellings';
import type { AccessToken, TokenProvider } from './tokenProvider';
import {
  isDailyLimit,
  zoomApiError,
  zoomDailyLimitError,
  ZoomOutcomeUnknownError,
  ZoomUnreachableError,
} from './zoomErrors';
import { readBoundedText } from './boundedBody';

/** One call: path parameters, query and JSON body. */
export interface ZoomCall {
  params?: Readonly<Record<string, string>>;
  query?: Readonly<Record<string, string | number | boolean | undefined>>;
  body?: unknown;
  /** What the call does, in the planner's words: "creating the event". */
  what?: string;
  /** `bulk` for a batch of many items that nothing else waits for: it gives way in the rate limiter. */
  priority?: RequestPriority;
  /** This call's answer timeout, when it must be shorter than the client's. */
  timeoutMs?: number;
  /**
   * False for a call that is never sent again on a guess, whatever its method (a check-in batch):
   * a lost answer or a 5xx is reported as unknown, for the caller to look on Zoom first. A 429,
   * which Zoom answers before doing anything, is still waited out and retried.
   */
  isRepeatable?: boolean;
}

export interface RetryPolicy {
  maxRetries: number;
  /** The first backoff's ceiling; each retry doubles it, up to `maxDelayMs`. */
  minDelayMs: number;
  maxDelayMs: number;
}

export interface ZoomHttpOptions {
  /** `https://api.zoom.us/v2` or the sandbox's. */
  apiUrl: string;
  tokens: TokenProvider;
  limiter: RateLimiter;
  /** Checks every body against Zoom's OpenAPI document before it is sent. */
  validator?: ZoomRequestValidator;
  /** Shared by all calls; one is made when absent. */
  agent?: Agent;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  random?: () => number;
  /** Told after each request whether Zoom answered at all, so a lost network is noticed at once. */
  onReachability?: (isReachable: boolean) => void;
}

/** Methods whose effect is the same however often they arrive. A POST is never re-sent blindly. */
const repeatableMethods = ['GET', 'PATCH', 'DELETE'];
const retryableStatuses = [429, 500, 502, 503, 504];
const retryableErrorCodes = [
  'ECONNRESET',
  'ECONNREFUSED',
  'ENOTFOUND',
  'ENETDOWN',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EHOSTUNREACH',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
];
/**
 * Connections per origin: enough for a full second of the largest plan's limit to be in flight
 * at once, so that requests leave when the limiter lets them, not when a connection frees up.
 */
export const zoomConnections = 96;

/** Network errors before any connection was made: the request cannot have reached Zoom. */
const connectionNeverMade = [
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
];

const defaultRetry: RetryPolicy = { maxRetries: 5, minDelayMs: 250, maxDelayMs: 20_000 };

/** Retry-After in milliseconds: seconds or an HTTP date. */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Zoom's answer to one call. */
interface Answer {
  status: number;
  json: unknown;
  headers: Dispatcher.ResponseData['headers'];
  /** True when the request was sent more than once (after a lost answer, a 5xx or a 429). */
  repeated: boolean;
}

/**
 * The HTTP layer of the Zoom client: one connection pool, the account's rate limits, OAuth tokens
 * with one refresh-and-retry on Zoom's invalid-token answer, retries with backoff and full jitter
 * (or Retry-After) for calls that are safe to repeat, and zod-checked answers.
 *
 * The retries are not undici's RetryAgent: its handler keeps the connection paused while its
 * retry callback waits, and a retry here must wait for a rate-limit slot, which would hold pool
 * connections for seconds. The token request, which has no slot to wait for, does use it.
 */
/** What the typed API needs of a transport: the real HTTP client, or the dry run's recorder. */
export type ZoomTransport = Pick<ZoomHttp, 'call'>;

export class ZoomHttp {
  private readonly agent: Agent;
  private readonly ownsAgent: boolean;
  private readonly retry: RetryPolicy;
  private readonly random: () => number;
  private readonly timeoutMs: number;
  /** Requests sent, retries included. */
  sent = 0;

  constructor(private readonly options: ZoomHttpOptions) {
    this.ownsAgent = options.agent === undefined;
    this.agent = options.agent ?? new Agent({ connections: 16, connectTimeout: 10_000, keepAliveTimeout: 10_000 });
    this.retry = { ...defaultRetry, ...options.retry };
    this.random = options.random ?? Math.random;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** Calls `operationId` and returns its answer checked against `schema` (nothing for 204). */
  async call<Schema extends z.ZodType>(operationId: string, call: ZoomCall, schema: Schema): Promise<z.output<Schema>>;
  async call(operationId: string, call: ZoomCall): Promise<undefined>;
  async call(operationId: string, call: ZoomCall, schema?: z.ZodType): Promise<unknown> {
    const spec = operationSpec(operationId);
    const path = operationPath(spec, call.params ?? {});
    const what = call.what ?? operationId;
    if (call.body !== undefined && this.options.validator !== undefined) {
      const issues = this.options.validator.bodyIssues(spec.method, path, call.body);
      if (issues.length > 0) {
        throw new CadenceError(
          'invalid_input',
          `Cadence built a request for ${what} that Zoom's API reference does not allow; nothing was sent.`,
          issues,
        );
      }
    }
    const url = this.urlOf(path, call.query);
    let token = await this.options.tokens.token();
    let answer = await this.send(spec, url, call, token, what);
    if (answer.status === 401 && isInvalidToken(answer.json)) {
      // Zoom revoked or expired the token early: one new token, one more try.
      this.options.tokens.invalidate(token.value);
      token = await this.options.tokens.token();
      answer = await this.send(spec, url, call, token, what);
    }
    if (answer.status >= 400) {
      if (answer.status === 404 && spec.method === 'DELETE' && answer.repeated) return undefined;
      if (answer.status >= 500 && !isRepeatable(spec, call)) {
        throw new ZoomOutcomeUnknownError(
          operationId,
          `Zoom answered HTTP ${String(answer.status)} to ${what}; it may or may not have been done. Cadence checks on Zoom before trying again.`,
          answer.status,
        );
      }
      // A daily limit is the host's or the account's for the day: the label stays open for the rest.
      if (answer.status === 429 && isDailyLimit(answer.headers)) {
        throw zoomDailyLimitError(answer.json, answer.headers, { operation: what, now: Date.now() });
      }
      if (answer.status === 429) this.pauseAfter429(spec, token, answer.headers);
      throw zoomApiError(answer.status, answer.json, { operation: what, scopes: scopesToName(spec.scopes) });
    }
    if (schema === undefined) return undefined;
    const parsed = schema.safeParse(answer.json);
    if (!parsed.success) {
      throw new CadenceError(
        'unavailable',
        `Zoom answered ${what} in a form Cadence does not recognise; nothing was recorded.`,
        issuesFromZod(parsed.error),
      );
    }
    return parsed.data;
  }

  async close(): Promise<void> {
    if (this.ownsAgent) await this.agent.close();
  }

  private urlOf(path: string, query: ZoomCall['query']): URL {
    const url = new URL(this.options.apiUrl.replace(/\/+$/, '') + path);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
    }
    return url;
  }

  /**
   * One call, repeated after 429, 5xx or a network error when its method is safe to repeat. Each
   * attempt takes its own rate-limit slot; the answer is read in full before any wait, so a
   * waiting retry never holds a connection of the pool. The token's scopes are not checked here:
   * Zoom renames its scopes, and only Zoom knows whether a spelling it granted allows the call.
   */
  private async send(spec: OperationSpec, url: URL, call: ZoomCall, token: AccessToken, what: string): Promise<Answer> {
    const repeatable = isRepeatable(spec, call);
    const isOnlyRateLimitRetried = call.isRepeatable === false;
    for (let attempt = 0; ; attempt += 1) {
      await this.options.limiter.acquire(token.accountId, spec.label, call.priority);
      const outcome = await this.attempt(spec, url, call, token);
      const answer = outcome.isAnswered ? { ...outcome.answer, repeated: attempt > 0 } : undefined;
      // A daily limit refuses every try until it renews: waiting it out within a run would stall it.
      const isDailyRefusal =
        outcome.isAnswered && outcome.answer.status === 429 && isDailyLimit(outcome.answer.headers);
      const retryable =
        attempt < this.retry.maxRetries &&
        !isDailyRefusal &&
        (outcome.isAnswered
          ? (repeatable && retryableStatuses.includes(outcome.answer.status)) ||
            (isOnlyRateLimitRetried && outcome.answer.status === 429)
          : repeatable && retryableErrorCodes.includes(outcome.code ?? ''));
      if (!retryable) {
        if (answer !== undefined) return answer;
        const failure = outcome.isAnswered ? '' : outcome.message;
        const wasNeverSent = !outcome.isAnswered && connectionNeverMade.includes(outcome.code ?? '');
        if (wasNeverSent) {
          throw new ZoomUnreachableError(
            `Zoom cannot be reached for ${what} (${failure}). The changes wait until Zoom answers again.`,
            true,
          );
        }
        throw repeatable
          ? new ZoomUnreachableError(
              `Zoom cannot be reached for ${what} (${failure}). The changes wait until Zoom answers again.`,
            )
          : new ZoomOutcomeUnknownError(
              spec.operationId,
              `No answer from Zoom to ${what} (${failure}); it may or may not have been done. Cadence checks on Zoom before trying again.`,
            );
      }
      const ceiling = Math.min(this.retry.maxDelayMs, this.retry.minDelayMs * 2 ** attempt);
      const delay = retryAfterMs(answer?.headers['retry-after']) ?? this.random() * ceiling;
      if (answer?.status === 429) this.options.limiter.pause(token.accountId, spec.label, Date.now() + delay);
      await sleep(delay);
    }
  }

  /** One request on the shared pool: Zoom's answer read in full, or the network error. */
  private async attempt(
    spec: OperationSpec,
    url: URL,
    call: ZoomCall,
    token: AccessToken,
  ): Promise<
    { isAnswered: true; answer: Omit<Answer, 'repeated'> } | { isAnswered: false; code?: string; message: string }
  > {
    this.sent += 1;
    try {
      const response = await request(url, {
        method: spec.method,
        dispatcher: this.agent,
        headers: {
          authorization: `Bearer ${token.value}`,
          accept: 'application/json',
          ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
        headersTimeout: call.timeoutMs ?? this.timeoutMs,
        bodyTimeout: call.timeoutMs ?? this.timeoutMs,
        // undici's own timers tick once a second: a short per-call limit is kept to the millisecond.
        ...(call.timeoutMs === undefined ? {} : { signal: AbortSignal.timeout(call.timeoutMs) }),
      });
      const text = await readBoundedText(response.body);
      this.options.onReachability?.(true);
      return {
        isAnswered: true,
        answer: { status: response.statusCode, json: parseJson(text), headers: response.headers },
      };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      this.options.onReachability?.(false);
      return {
        isAnswered: false,
        ...(typeof code === 'string' ? { code } : {}),
        message: error instanceof Error ? error.message : String(error),
      };
    }
  }

  private pauseAfter429(spec: OperationSpec, token: AccessToken, headers: Dispatcher.ResponseData['headers']): void {
    const wait = retryAfterMs(headers['retry-after']) ?? 1000;
    this.options.limiter.pause(token.accountId, spec.label, Date.now() + wait);
  }
}

/** Whether a call may be sent again after a lost answer or a 5xx: its method decides unless the call says. */
function isRepeatable(spec: OperationSpec, call: ZoomCall): boolean {
  return call.isRepeatable ?? repeatableMethods.includes(spec.method);
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Zoom's answer to an expired or revoked access token: HTTP 401 with code 124. */
function isInvalidToken(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { code?: unknown }).code === 124;
}

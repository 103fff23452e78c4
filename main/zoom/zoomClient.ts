import { Agent, RetryAgent } from 'undici';
import type { ZoomCredentials } from '../../shared/credentials';
import type { ZoomUrls } from '../config/zoomUrls';
import { ZoomRequestValidator } from './openApi/zoomRequestValidator';
import type { ZoomPlan } from '../../shared/zoomConnection';
import { RateLimiter } from './rateLimiter';
import { TokenProvider, type AccessToken } from './tokenProvider';
import { ZoomEventsApi } from './zoomEventsApi';
import { ZoomMeetingsClient, type ZoomMeetingsApi } from './zoomMeetingsApi';
import { ZoomHttp, type ZoomTransport, zoomConnections, type RetryPolicy } from './zoomHttp';

export interface ZoomClientOptions {
  urls: ZoomUrls;
  credentials: () => Promise<ZoomCredentials>;
  /** Read at every request, so a change in the settings applies at once. */
  plan: () => ZoomPlan;
  /** Told of each new access token (its scopes, for the account's warnings). */
  onToken?: (token: AccessToken) => void;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Told after each API request whether Zoom answered at all. */
  onReachability?: (isReachable: boolean) => void;
}

/** The Zoom client: typed operations over one connection pool, one token cache and one rate limiter. */
export interface ZoomClient {
  readonly api: ZoomEventsApi;
  /** The Meetings API over the same connection, token and rate limiter. */
  readonly meetings: ZoomMeetingsApi;
  /** The HTTP transport under `api`, for a typed API over the same connection with another view of it. */
  readonly transport: ZoomTransport;
  readonly tokens: TokenProvider;
  /** HTTP requests sent to Zoom so far: tokens, calls and their retries. */
  requestCount(): number;
  close(): Promise<void>;
}

/** A client with its own connection pool, token cache and rate limiter; close it when done. */
export function createZoomClient(options: ZoomClientOptions): ZoomClient {
  const agent = new Agent({ connections: zoomConnections, connectTimeout: 10_000, keepAliveTimeout: 10_000 });
  // Asking for a token twice is harmless, so undici's own retry (backoff, Retry-After) covers it.
  const tokenDispatcher = new RetryAgent(agent, {
    methods: ['POST'],
    statusCodes: [429, 500, 502, 503, 504],
    maxRetries: 3,
    minTimeout: 250,
    throwOnError: false,
  });
  const tokens = new TokenProvider({
    oauthUrl: options.urls.oauthUrl,
    credentials: options.credentials,
    dispatcher: tokenDispatcher,
    ...(options.onToken === undefined ? {} : { onToken: options.onToken }),
    ...(options.onReachability === undefined ? {} : { onUnreachable: () => options.onReachability?.(false) }),
  });
  const http = new ZoomHttp({
    apiUrl: options.urls.apiUrl,
    tokens,
    limiter: new RateLimiter({ plan: options.plan }),
    validator: new ZoomRequestValidator(),
    agent,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.onReachability === undefined ? {} : { onReachability: options.onReachability }),
  });
  return {
    api: new ZoomEventsApi(http),
    meetings: new ZoomMeetingsClient(http),
    transport: http,
    tokens,
    requestCount: () => tokens.fetched + http.sent,
    close: () => agent.close(),
  };
}

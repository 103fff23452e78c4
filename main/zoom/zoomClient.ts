import { Agent, RetryAgent } from 'undici';
import type { ZoomCredentials } from '../../shared/credentials';
import type { ZoomUrls } from '../config/zoomUrls';
import { ZoomRequestValidator } from './openApi/zoomRequestValidator';
import { RateLimiter } from './rateLimiter';
import type { ZoomPlan } from '../../shared/zoomConnection';
import { TokenProvider } from './tokenProvider';
import { ZoomEventsApi } from './zoomEventsApi';
import { ZoomHttp, zoomConnections, type RetryPolicy } from './zoomHttp';

export interface ZoomClientOptions {
  urls: ZoomUrls;
  credentials: () => Promise<ZoomCredentials>;
  /** Read at every request, so a change in the settings applies at once. */
  plan: () => ZoomPlan;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
}

/** The Zoom client: typed operations over one connection pool, one token cache and one rate limiter. */
export interface ZoomClient {
  readonly api: ZoomEventsApi;
  readonly tokens: TokenProvider;
  close(): Promise<void>;
}

export function createZoomClient(options: ZoomClientOptions): ZoomClient {
  const agent = new Agent({ connections: 16, connectTimeout: 10_000, keepAliveTimeout: 10_000 });
  const tokens = new TokenProvider({
    oauthUrl: options.urls.oauthUrl,
    credentials: options.credentials,
    dispatcher: agent,
  });
  const http = new ZoomHttp({
    apiUrl: options.urls.apiUrl,
    tokens,
    limiter: new RateLimiter({ plan: options.plan }),
    validator: new ZoomRequestValidator(),
    agent,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
  });
  return {
    api: new ZoomEventsApi(http),
    tokens,
    close: () => agent.close(),
  };
}

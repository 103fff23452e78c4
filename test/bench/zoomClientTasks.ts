import { createZoomClient } from '../../main/zoom/zoomClient';

export interface GetRunResult {
  /** Milliseconds from the first request's start to the last answer. */
  elapsedMs: number;
  ok: number;
  failed: number;
}

/** `count` GETs of the hub list through the client, all asked for at once; the limiter paces them. */
export async function runGets(
  urls: { apiUrl: string; oauthUrl: string },
  credentials: { account_id: string; client_id: string; client_secret: string },
  count: number,
): Promise<GetRunResult> {
  const client = createZoomClient({ urls, credentials: () => Promise.resolve(credentials), plan: () => 'pro' });
  try {
    await client.tokens.token();
    const started = performance.now();
    const outcomes = await Promise.allSettled(Array.from({ length: count }, () => client.api.listHubs()));
    const elapsedMs = performance.now() - started;
    const ok = outcomes.filter((o) => o.status === 'fulfilled').length;
    return { elapsedMs, ok, failed: count - ok };
  } finally {
    await client.close();
  }
}

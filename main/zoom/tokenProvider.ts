import { request, type Dispatcher } from 'undici';
import { z } from 'zod';
import type { ZoomCredentials } from '../../shared/credentials';
import { CadenceError } from '../../shared/errors';
import { ZoomUnreachableError } from './zoomErrors';
import { readBoundedText } from './boundedBody';

/** A token answer is a few hundred bytes. */
const maxTokenAnswerBytes = 64 * 1024;

/** An access token in main's memory only, with the scopes Zoom granted it. */
export interface AccessToken {
  readonly value: string;
  /** The Zoom account the token acts for: the rate limits are counted per account. */
  readonly accountId: string;
  /** UTC milliseconds. */
  readonly expiresAt: number;
  readonly scopes: ReadonlySet<string>;
}

const tokenAnswerSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive(),
  scope: z.string().optional(),
});

const refusalSchema = z.object({ reason: z.string().optional(), error: z.string().optional() }).partial();

export interface TokenProviderOptions {
  /** The token endpoint, `https://zoom.us/oauth/token` or the sandbox's. */
  oauthUrl: string;
  credentials: () => Promise<ZoomCredentials>;
  dispatcher?: Dispatcher;
  clock?: () => number;
  /** Told of each new token, so that the account can warn about the scopes Zoom listed. */
  onToken?: (token: AccessToken) => void;
  /** Told when the sign-in request got no answer at all, so a lost network is noticed at once. */
  onUnreachable?: () => void;
  /** Refresh this long before expiry; a minute by default. */
  refreshMarginMs?: number;
  timeoutMs?: number;
}

/**
 * Server-to-Server OAuth tokens (`account_credentials` grant, HTTP Basic auth), cached in memory
 * and refreshed a minute before they expire. However many callers ask at once, one request is in
 * flight. The token and the secret are never logged or written anywhere.
 */
export class TokenProvider {
  private current: AccessToken | undefined;
  private pending: Promise<AccessToken> | undefined;
  private readonly clock: () => number;
  private readonly margin: number;
  /** Token requests sent. */
  fetched = 0;

  constructor(private readonly options: TokenProviderOptions) {
    this.clock = options.clock ?? Date.now;
    this.margin = options.refreshMarginMs ?? 60_000;
  }

  /** A token valid for at least the refresh margin. */
  async token(): Promise<AccessToken> {
    if (this.current !== undefined && this.current.expiresAt - this.margin > this.clock()) return this.current;
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Forgets `value` after Zoom called it invalid, so the next `token()` fetches a new one. */
  invalidate(value: string): void {
    if (this.current?.value === value) this.current = undefined;
  }

  private async fetchToken(): Promise<AccessToken> {
    const credentials = await this.options.credentials();
    const url = new URL(this.options.oauthUrl);
    url.searchParams.set('grant_type', 'account_credentials');
    url.searchParams.set('account_id', credentials.account_id);
    const basic = Buffer.from(`${credentials.client_id}:${credentials.client_secret}`).toString('base64');
    const timeout = this.options.timeoutMs ?? 15_000;
    this.fetched += 1;
    let answer: Dispatcher.ResponseData;
    try {
      answer = await request(url, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
        headersTimeout: timeout,
        bodyTimeout: timeout,
        ...(this.options.dispatcher === undefined ? {} : { dispatcher: this.options.dispatcher }),
      });
    } catch (error) {
      this.options.onUnreachable?.();
      throw new ZoomUnreachableError(
        `Zoom's sign-in service at ${url.origin} cannot be reached (${error instanceof Error ? error.message : String(error)}). Check the network and try again.`,
        // Without a token, no call was made.
        true,
      );
    }
    const body: unknown = await readBoundedText(answer.body, maxTokenAnswerBytes)
      .then((text) => JSON.parse(text) as unknown)
      .catch(() => undefined);
    if (answer.statusCode >= 400) throw refusal(answer.statusCode, body);
    const parsed = tokenAnswerSchema.safeParse(body);
    if (!parsed.success) {
      throw new CadenceError(
        'unavailable',
        `Zoom's sign-in service answered without a usable token (HTTP ${String(answer.statusCode)}).`,
      );
    }
    const token: AccessToken = {
      value: parsed.data.access_token,
      accountId: credentials.account_id,
      expiresAt: this.clock() + parsed.data.expires_in * 1000,
      scopes: new Set((parsed.data.scope ?? '').split(/\s+/).filter((scope) => scope !== '')),
    };
    this.current = token;
    this.options.onToken?.(token);
    return token;
  }
}

/** Zoom's refusal as a message a planner can act on. */
function refusal(status: number, body: unknown): CadenceError {
  const parsed = refusalSchema.safeParse(body);
  const reason = parsed.success ? (parsed.data.reason ?? parsed.data.error ?? '') : '';
  if (status === 400 || status === 401) {
    return new CadenceError(
      'forbidden',
      `Zoom does not accept these credentials${reason === '' ? '' : ` (${reason})`}. Check the account ID, client ID and client secret of your Server-to-Server OAuth app in the Zoom App Marketplace, and that the app is activated.`,
    );
  }
  return new ZoomUnreachableError(
    `Zoom's sign-in service answered HTTP ${String(status)}${reason === '' ? '' : ` (${reason})`}. Try again in a moment.`,
    true,
  );
}

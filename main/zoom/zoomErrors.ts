import { z } from 'zod';
import { CadenceError } from '../../shared/errors';
import type { IpcErrorCode, Issue } from '../../shared/ipc/envelope';

/** Zoom's error body: `{code, message}`, with field errors for code 300. */
const zoomErrorBodySchema = z.looseObject({
  code: z.number().int().optional(),
  message: z.string().optional(),
  errors: z.array(z.looseObject({ field: z.string().optional(), message: z.string().optional() })).optional(),
});

interface Explanation {
  code: IpcErrorCode;
  message: string;
}

/** What each Zoom error code means for the planner, and what to do about it. */
const explanations: Readonly<Record<number, Explanation>> = {
  124: { code: 'forbidden', message: 'Zoom no longer accepts the access token; Cadence signs in again.' },
  300: { code: 'invalid_input', message: 'Zoom refused some fields of the request.' },
  1006: { code: 'conflict', message: 'Zoom does not allow this for this type of event.' },
  2001: { code: 'not_found', message: 'The hub no longer exists on Zoom. Choose another hub.' },
  2002: { code: 'not_found', message: 'The event no longer exists on Zoom: someone deleted it.' },
  2003: { code: 'not_found', message: 'The event or session no longer exists on Zoom: someone deleted it.' },
  2005: { code: 'not_found', message: 'The session no longer exists on Zoom: someone deleted it.' },
  2007: {
    code: 'conflict',
    message: 'The ticket type is sold out on Zoom (or no longer exists): raise its quantity or remove attendees.',
  },
  26201: {
    code: 'forbidden',
    message: 'The Zoom account may not create events in this hub. Make it a host of the hub, or choose another hub.',
  },
  26401: { code: 'invalid_input', message: 'Zoom refused the ticket sale dates: sales must end after they start.' },
  26402: { code: 'conflict', message: 'One or more sessions no longer exist on Zoom.' },
  26501: { code: 'conflict', message: 'Zoom registers attendees only for a published event: publish it first.' },
  260101: { code: 'forbidden', message: 'The Zoom account has no access to this hub.' },
  260200: { code: 'forbidden', message: 'The Zoom account has no access to this event.' },
  260209: { code: 'conflict', message: 'Zoom no longer allows this event to be edited.' },
  260210: { code: 'conflict', message: 'Zoom does not allow changes to past or cancelled events.' },
  261201: { code: 'not_found', message: 'The registration link no longer exists on Zoom.' },
  261202: { code: 'not_found', message: 'The ticket type no longer exists on Zoom.' },
  261203: {
    code: 'conflict',
    message: 'The event already has a registration link with this name on Zoom: give the link another name.',
  },
};

/**
 * Zoom's codes for a token that lacks a scope the call needs: "Invalid access token, does not
 * contain scopes:[…]", with HTTP 400, 401 or 403 depending on the API.
 */
const missingScopeCodes: ReadonlySet<number> = new Set([4700, 4711]);

/** A refusal from the Zoom API, with Zoom's own code and message kept for the conflict report. */
export class ZoomApiError extends CadenceError {
  /**
   * @param missingScopes when Zoom refused for a scope the token lacks: the scopes the operation's
   *   catalogue lists, any one of which would do. Empty otherwise.
   */
  constructor(
    code: IpcErrorCode,
    message: string,
    issues: Issue[],
    readonly status: number,
    readonly zoomCode: number | undefined,
    readonly zoomMessage: string | undefined,
    readonly missingScopes: readonly string[] = [],
  ) {
    super(code, message, issues);
    this.name = 'ZoomApiError';
  }
}

/**
 * Turns a Zoom error answer into a typed error with a message a planner can act on, by Zoom's
 * code (never by the words of its message). `scopes` are the scopes the operation's catalogue
 * lists, named when Zoom's code says the token lacks one.
 */
export function zoomApiError(
  status: number,
  body: unknown,
  context: { operation: string; scopes?: readonly string[] },
): ZoomApiError {
  const parsed = zoomErrorBodySchema.safeParse(body);
  const zoomCode = parsed.success ? parsed.data.code : undefined;
  const zoomMessage = parsed.success ? parsed.data.message : undefined;
  const said = zoomMessage === undefined ? '' : ` Zoom said: "${zoomMessage}".`;
  const issues: Issue[] = parsed.success
    ? (parsed.data.errors ?? []).map((error) => ({ path: error.field ?? '', message: error.message ?? 'refused' }))
    : [];
  const make = (code: IpcErrorCode, message: string) =>
    new ZoomApiError(code, message, issues, status, zoomCode, zoomMessage);

  if (zoomCode !== undefined && missingScopeCodes.has(zoomCode)) {
    const scopes = context.scopes ?? [];
    const add =
      scopes.length === 0
        ? ' Add the Zoom Events scopes Cadence needs to your Server-to-Server OAuth app in the Zoom App Marketplace, then connect again.'
        : ` Add the scope ${scopes.join(' or ')} to your Server-to-Server OAuth app in the Zoom App Marketplace, then connect again.`;
    return new ZoomApiError(
      'forbidden',
      `Zoom refused ${context.operation}: the Zoom app's token lacks a scope it needs.${said}${add}`,
      issues,
      status,
      zoomCode,
      zoomMessage,
      scopes,
    );
  }
  const known = zoomCode === undefined ? undefined : explanations[zoomCode];
  if (known !== undefined) return make(known.code, `${known.message}${said}`);
  if (status === 429) {
    return make(
      'unavailable',
      `Zoom asks Cadence to slow down (${context.operation}); the changes wait for the next try.`,
    );
  }
  if (status === 401 || status === 403) return make('forbidden', `Zoom refused ${context.operation}.${said}`);
  if (status === 404) return make('not_found', `Zoom does not have what ${context.operation} asked for.${said}`);
  if (status >= 500)
    return make(
      'unavailable',
      `Zoom had a problem with ${context.operation} (HTTP ${String(status)}); it is tried again later.${said}`,
    );
  return make('invalid_input', `Zoom refused ${context.operation} (HTTP ${String(status)}).${said}`);
}

/**
 * A write whose outcome is unknown: the request may have reached Zoom and been applied, but no
 * answer came back (a reset connection, a timeout, a 5xx). It is never re-sent as it is; the sync
 * engine first looks on Zoom for its effect.
 */
export class ZoomOutcomeUnknownError extends CadenceError {
  constructor(
    readonly operationId: string,
    message: string,
    readonly status?: number,
  ) {
    super('unavailable', message);
    this.name = 'ZoomOutcomeUnknownError';
  }
}

/** Zoom cannot be reached at all, or only with errors after every retry: the outbox waits. */
export class ZoomUnreachableError extends CadenceError {
  /**
   * @param wasNeverSent true when no connection was made (refused, no route, no such host), so
   *   the request cannot have reached Zoom, even a POST.
   */
  constructor(
    message: string,
    readonly wasNeverSent = false,
  ) {
    super('unavailable', message);
    this.name = 'ZoomUnreachableError';
  }
}

/**
 * Zoom's daily limit is reached: HTTP 429 with `X-RateLimit-Type: Daily-limit`, such as the
 * Meetings API's 100 creates and updates per host per UTC day. Nothing was done, and trying again
 * before `renewsAt` is refused the same way, so it is never retried within a run: the caller
 * keeps the change for when the limit renews.
 */
export class ZoomDailyLimitError extends ZoomApiError {
  /**
   * @param renewsAt when Zoom takes requests again (UTC, `YYYY-MM-DDTHH:MM:SSZ`): Zoom's
   *   `Retry-After`, or the next UTC midnight when Zoom does not say.
   * @param limit the day's limit, from `X-RateLimit-Limit` when Zoom sends it.
   */
  constructor(
    message: string,
    issues: Issue[],
    zoomCode: number | undefined,
    zoomMessage: string | undefined,
    readonly renewsAt: string,
    readonly limit: number | undefined,
  ) {
    super('unavailable', message, issues, 429, zoomCode, zoomMessage);
    this.name = 'ZoomDailyLimitError';
  }
}

/** Whether a 429's headers say a daily limit, not the per-second one (`X-RateLimit-Type: Daily-limit`). */
export function isDailyLimit(headers: Readonly<Record<string, string | string[] | undefined>>): boolean {
  const type = headers['x-ratelimit-type'];
  const value = Array.isArray(type) ? type[0] : type;
  return value !== undefined && /^daily/i.test(value.trim());
}

/** The next midnight, UTC, after an instant. */
export function nextUtcMidnight(now: number): number {
  const day = new Date(now);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1);
}

/**
 * The typed error for a daily limit: when it renews from `Retry-After` (an instant, as Zoom
 * writes it for daily limits, or seconds), else the next UTC midnight, the reset Zoom documents.
 */
export function zoomDailyLimitError(
  body: unknown,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  context: { operation: string; now: number },
): ZoomDailyLimitError {
  const parsed = zoomErrorBodySchema.safeParse(body);
  const zoomCode = parsed.success ? parsed.data.code : undefined;
  const zoomMessage = parsed.success ? parsed.data.message : undefined;
  const retryAfter = firstHeader(headers['retry-after']);
  const seconds = retryAfter === undefined || retryAfter.trim() === '' ? Number.NaN : Number(retryAfter);
  const stated = Number.isFinite(seconds)
    ? context.now + seconds * 1000
    : retryAfter === undefined
      ? Number.NaN
      : Date.parse(retryAfter);
  const renews = Number.isFinite(stated) && stated > context.now ? stated : nextUtcMidnight(context.now);
  const renewsAt = new Date(Math.ceil(renews / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  const limitHeader = Number(firstHeader(headers['x-ratelimit-limit']));
  const limit = Number.isInteger(limitHeader) && limitHeader > 0 ? limitHeader : undefined;
  const said = zoomMessage === undefined ? '' : ` Zoom said: "${zoomMessage}".`;
  const perDay = limit === undefined ? '' : ` of ${String(limit)} a day`;
  return new ZoomDailyLimitError(
    `Zoom's daily limit${perDay} is reached for ${context.operation}; nothing was done. It renews at ${renewsAt}, and the change waits until then.${said}`,
    [],
    zoomCode,
    zoomMessage,
    renewsAt,
    limit,
  );
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

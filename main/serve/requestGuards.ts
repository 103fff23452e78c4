import { randomBytes, timingSafeEqual } from 'node:crypto';
import { serveSessionFragment, serveSessionHeader } from '../../shared/ipc/servePaths';

/** A fresh secret for each `cadence serve` launch: 256 bits, URL-safe. */
export function createSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The cookie that lets a browser load the app's files. Browsers send a host's cookies to every
 * port, so another local server may see it: it holds no secret and opens no call, only the
 * public files of the app. Cookies ignore ports, so the name carries it.
 */
export function pageCookieName(port: number): string {
  return `cadence_page_${port}`;
}

/** The header a page (or script) proves its session with, as Node spells incoming headers; browsers never send it on their own. */
export const sessionHeader = serveSessionHeader.toLowerCase();

/** The launch URL's fragment that hands the page its session, out of every request and log. */
export const sessionFragment = serveSessionFragment;

/**
 * A request path split from its query, or undefined when it is not a plain absolute path
 * (`//host`, a backslash, a control character): such a path is refused before anything reads it.
 */
export function splitRequestPath(raw: string): { path: string; query: URLSearchParams } | undefined {
  const mark = raw.indexOf('?');
  const path = mark === -1 ? raw : raw.slice(0, mark);
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (!path.startsWith('/') || path.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(path)) return undefined;
  return { path, query: new URLSearchParams(mark === -1 ? '' : raw.slice(mark + 1)) };
}

/** The sessions one launch has handed out, each checked in constant time; the oldest go first. */
export class SessionKeys {
  private readonly keys: string[] = [];
  constructor(private readonly capacity = 64) {}

  mint(): string {
    const key = createSessionSecret();
    this.keys.push(key);
    if (this.keys.length > this.capacity) this.keys.shift();
    return key;
  }

  has(presented: string | undefined): boolean {
    let found = false;
    for (const key of this.keys) found = isSecretMatch(presented, key) || found;
    return found;
  }
}

/** The Host values this server answers to; anything else is DNS rebinding or a misdirected request. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Browsers send Origin on cross-origin and state-changing requests; only our own page may call. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** Compares a presented secret with the real one in constant time. */
export function isSecretMatch(presented: string | undefined, secret: string): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads one cookie from a `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

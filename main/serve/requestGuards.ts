import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret for each `cadence serve` launch: 256 bits, URL-safe. */
export function createSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Cookies ignore ports, so the name carries it: two servers on one machine never share a session. */
export function sessionCookieName(port: number): string {
  return `cadence_session_${port}`;
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

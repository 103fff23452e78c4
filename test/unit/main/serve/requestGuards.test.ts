import { describe, expect, it } from 'vitest';
import {
  createSessionSecret,
  isAllowedHost,
  isAllowedOrigin,
  isSecretMatch,
  readCookie,
  sessionCookieName,
} from '../../../../main/serve/requestGuards';

describe('serve request guards', () => {
  it('makes a new, long, URL-safe secret each time', () => {
    const a = createSessionSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createSessionSecret()).not.toBe(a);
  });

  it('accepts only this server as Host', () => {
    expect(isAllowedHost('127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedHost('localhost:4000', 4000)).toBe(true);
    expect(isAllowedHost('127.0.0.1:4001', 4000)).toBe(false);
    expect(isAllowedHost('evil.example:4000', 4000)).toBe(false);
    expect(isAllowedHost('127.0.0.1', 4000)).toBe(false);
    expect(isAllowedHost(undefined, 4000)).toBe(false);
  });

  it('accepts no Origin (same-origin GET) or our own, nothing else', () => {
    expect(isAllowedOrigin(undefined, 4000)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedOrigin('http://localhost:4000', 4000)).toBe(true);
    expect(isAllowedOrigin('null', 4000)).toBe(false);
    expect(isAllowedOrigin('https://127.0.0.1:4000', 4000)).toBe(false);
    expect(isAllowedOrigin('http://evil.example', 4000)).toBe(false);
  });

  it('compares secrets exactly', () => {
    expect(isSecretMatch('abc', 'abc')).toBe(true);
    expect(isSecretMatch('abd', 'abc')).toBe(false);
    expect(isSecretMatch('ab', 'abc')).toBe(false);
    expect(isSecretMatch(undefined, 'abc')).toBe(false);
  });

  it('reads one cookie by its port-specific name', () => {
    const name = sessionCookieName(4000);
    expect(name).toBe('cadence_session_4000');
    expect(readCookie(`a=1; ${name}=s3cret; b=2`, name)).toBe('s3cret');
    expect(readCookie('cadence_session_4001=other', name)).toBeUndefined();
    expect(readCookie(undefined, name)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import {
  createSessionSecret,
  isAllowedHost,
  isAllowedOrigin,
  isSecretMatch,
  readCookie,
  pageCookieName,
  SessionKeys,
  splitRequestPath,
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
    const name = pageCookieName(4000);
    expect(name).toBe('cadence_page_4000');
    expect(readCookie(`a=1; ${name}=s3cret; b=2`, name)).toBe('s3cret');
    expect(readCookie('cadence_page_4001=other', name)).toBeUndefined();
    expect(readCookie(undefined, name)).toBeUndefined();
  });

  it.each(['//evil.example/', '//?token=x', '\\evil', 'relative', '/a\\b', '/a\u0000b', '/a\nb'])(
    'refuses the path %j as malformed',
    (raw) => {
      expect(splitRequestPath(raw)).toBeUndefined();
    },
  );

  it('splits a plain path from its query', () => {
    const split = splitRequestPath('/api/events?session=abc&x=1');
    expect(split?.path).toBe('/api/events');
    expect(split?.query.get('session')).toBe('abc');
    expect(splitRequestPath('/.//evil.example/')?.path).toBe('/.//evil.example/');
  });

  it('knows the sessions it handed out, and forgets the oldest past its capacity', () => {
    const keys = new SessionKeys(2);
    const first = keys.mint();
    const second = keys.mint();
    expect([keys.has(first), keys.has(second), keys.has('other'), keys.has(undefined)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    keys.mint();
    expect(keys.has(first)).toBe(false);
    expect(keys.has(second)).toBe(true);
  });
});

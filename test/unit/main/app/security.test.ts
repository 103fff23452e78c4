import { describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents, isAllowedRequest } from '../../../../main/app/security';

type Listener = (event: { preventDefault: () => void }, url: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: vi.fn((event: string, listener: Listener) => {
      listeners.set(event, listener);
    }),
    setWindowOpenHandler: vi.fn((handler: (details: { url: string }) => { action: string }) => {
      openHandler = handler;
    }),
  };
  const openExternal = vi.fn();
  hardenWebContents(contents as never, openExternal);
  const fire = (event: string, url = '') => {
    const preventDefault = vi.fn();
    const listener = listeners.get(event);
    if (!listener) throw new Error(`no listener for ${event}`);
    listener({ preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  };
  return { fire, openExternal, openWindow: (url = 'https://events.zoom.us/ev/e1') => openHandler?.({ url }) };
}

describe('hardenWebContents', () => {
  it.each(['https://evil.example/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'cadence://elsewhere/'])(
    'denies navigation to %s',
    (url) => {
      const { fire } = fakeContents();
      expect(fire('will-navigate', url)).toBe(true);
      expect(fire('will-redirect', url)).toBe(true);
    },
  );

  it('lets the app reload its own page', () => {
    expect(fakeContents().fire('will-navigate', 'cadence://app/index.html')).toBe(false);
  });

  it('denies every new window', () => {
    expect(fakeContents().openWindow()).toEqual({ action: 'deny' });
  });

  it("opens an https page, such as a series' registration link, in the system browser", () => {
    const contents = fakeContents();
    contents.openWindow('https://events.zoom.us/ev/e1/r/l1');
    expect(contents.openExternal).toHaveBeenCalledWith('https://events.zoom.us/ev/e1/r/l1');
  });

  it.each(['http://events.zoom.us/ev/e1', 'file:///etc/passwd', 'javascript:alert(1)', 'cadence://app/', 'not a url'])(
    'opens %s nowhere',
    (url) => {
      const contents = fakeContents();
      expect(contents.openWindow(url)).toEqual({ action: 'deny' });
      expect(contents.openExternal).not.toHaveBeenCalled();
    },
  );

  it('denies embedded webviews', () => {
    expect(fakeContents().fire('will-attach-webview')).toBe(true);
  });
});

describe('hardenSession', () => {
  function hardened() {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onBeforeRequest: vi.fn() },
    };
    hardenSession(session as never);
    return session;
  }

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])(
    'denies the permission request for %s',
    (permission) => {
      const session = hardened();
      const handler = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
        contents: unknown,
        permission: string,
        callback: (granted: boolean) => void,
      ) => void;
      const callback = vi.fn();
      handler({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    },
  );

  it('grants writing to the clipboard, for the Copy buttons, and nothing else', () => {
    const session = hardened();
    const handler = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    const callback = vi.fn();
    handler({}, 'clipboard-sanitized-write', callback);
    expect(callback).toHaveBeenCalledWith(true);
  });

  it('answers every permission check with no, but writing to the clipboard', () => {
    const check = hardened().setPermissionCheckHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
    ) => boolean;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(check({}, permission)).toBe(false);
    }
    expect(check({}, 'clipboard-sanitized-write')).toBe(true);
  });

  it('cancels requests for remote content and lets the app load itself', () => {
    const filter = hardened().webRequest.onBeforeRequest.mock.calls[0]?.[0] as (
      details: { url: string },
      callback: (response: { cancel: boolean }) => void,
    ) => void;
    const decide = (url: string) => {
      const callback = vi.fn();
      filter({ url }, callback);
      return callback.mock.calls[0]?.[0] as { cancel: boolean };
    };
    expect(decide('https://cdn.example/font.woff2')).toEqual({ cancel: true });
    expect(decide('http://127.0.0.1:9/')).toEqual({ cancel: true });
    expect(decide('file:///etc/hosts')).toEqual({ cancel: true });
    expect(decide('cadence://app/assets/index.js')).toEqual({ cancel: false });
  });
});

describe('isAllowedRequest', () => {
  it('refuses what it cannot parse', () => {
    expect(isAllowedRequest('not a url')).toBe(false);
  });
});

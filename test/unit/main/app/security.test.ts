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
        details: unknown,
      ) => void;
      const callback = vi.fn();
      handler({}, permission, callback, { requestingUrl: 'cadence://app/index.html', mediaTypes: ['video', 'audio'] });
      expect(callback).toHaveBeenCalledWith(false);
    },
  );

  it("grants the app's own page the camera alone (QR codes at the desk) and full screen (the kiosk)", () => {
    const handler = hardened().setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: unknown,
    ) => void;
    const answer = (permission: string, details: unknown) => {
      const callback = vi.fn();
      handler({}, permission, callback, details);
      return callback.mock.calls[0]?.[0] as boolean;
    };
    const app = 'cadence://app/index.html#checkin';
    expect(answer('media', { requestingUrl: app, mediaTypes: ['video'] })).toBe(true);
    expect(answer('fullscreen', { requestingUrl: app })).toBe(true);
    expect(answer('media', { requestingUrl: app, mediaTypes: ['audio'] })).toBe(false);
    expect(answer('media', { requestingUrl: app })).toBe(false);
    expect(answer('media', { requestingUrl: 'https://example.com/', mediaTypes: ['video'] })).toBe(false);
    expect(answer('fullscreen', { requestingUrl: 'https://example.com/' })).toBe(false);
  });

  it('grants writing to the clipboard, for the Copy buttons', () => {
    const session = hardened();
    const handler = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: unknown,
    ) => void;
    const callback = vi.fn();
    handler({}, 'clipboard-sanitized-write', callback, { requestingUrl: 'cadence://app/index.html' });
    expect(callback).toHaveBeenCalledWith(true);
  });

  it('answers every other permission check with no, but writing to the clipboard', () => {
    const check = hardened().setPermissionCheckHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      origin: string,
      details: unknown,
    ) => boolean;
    const app = { requestingUrl: 'cadence://app/index.html' };
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(check({}, permission, 'cadence://app', app)).toBe(false);
    }
    expect(check({}, 'clipboard-sanitized-write', 'cadence://app', app)).toBe(true);
  });

  it("answers yes to the app's own page checking for the camera alone and for full screen", () => {
    const check = hardened().setPermissionCheckHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      origin: string,
      details: unknown,
    ) => boolean;
    const app = 'cadence://app/index.html';
    expect(check({}, 'media', 'cadence://app', { requestingUrl: app, mediaType: 'video' })).toBe(true);
    expect(check({}, 'fullscreen', 'cadence://app', { requestingUrl: app })).toBe(true);
    expect(check({}, 'media', 'cadence://app', { requestingUrl: app, mediaType: 'audio' })).toBe(false);
    expect(
      check({}, 'media', 'https://example.com', { requestingUrl: 'https://example.com/', mediaType: 'video' }),
    ).toBe(false);
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

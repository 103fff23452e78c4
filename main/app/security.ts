import type { Session, WebContents } from 'electron';
import { isAppUrl } from './appProtocol';

/** URL schemes the app's own session may load; everything else (http, https, file…) is refused. */
const allowedRequestSchemes = new Set(['cadence:', 'devtools:', 'data:']);

/** Whether the session may load a URL: only the app's own content, never remote content. */
export function isAllowedRequest(url: string): boolean {
  try {
    return allowedRequestSchemes.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Whether a link the page opens may go to the system browser: a web page over https, nothing else. */
export function isExternalPage(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Denies navigation away from the app, new windows and embedded webviews for one web contents.
 * A link opened in a new window (a series' registration link on Zoom) goes to the system browser
 * through `openExternal` when it is an https page; the app itself never loads it.
 */
export function hardenWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  openExternal: (url: string) => void = () => undefined,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalPage(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** The one permission the page gets: writing plain text to the clipboard (its Copy buttons); never reading it. */
const grantedPermission = 'clipboard-sanitized-write';

/** Denies every other permission request and check, and blocks requests to anything but the app itself. */
export function hardenSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === grantedPermission));
  session.setPermissionCheckHandler((_contents, permission) => permission === grantedPermission);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
}

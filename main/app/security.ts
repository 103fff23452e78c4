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

/** Writing plain text to the clipboard (the Copy buttons), for any page of the session; never reading it. */
const grantedPermission = 'clipboard-sanitized-write';

/**
 * What the app's own page may also have: full screen (the self check-in kiosk) and the camera
 * alone, never the microphone (reading the QR code on a ticket at the check-in desk).
 */
function isGrantedToApp(permission: string, url: string | undefined, mediaTypes: readonly string[]): boolean {
  if (!isAppUrl(url)) return false;
  if (permission === 'fullscreen') return true;
  return permission === 'media' && mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');
}

/** Denies every other permission request and check, and blocks requests to anything but the app itself. */
export function hardenSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(permission === grantedPermission || isGrantedToApp(permission, details.requestingUrl, mediaTypes));
  });
  session.setPermissionCheckHandler(
    (_contents, permission, _origin, details) =>
      permission === grantedPermission ||
      isGrantedToApp(permission, details.requestingUrl, details.mediaType === undefined ? [] : [details.mediaType]),
  );
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
}

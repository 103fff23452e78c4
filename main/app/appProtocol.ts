import type { CustomScheme } from 'electron';
import { contentSecurityPolicy } from '../../shared/contentSecurityPolicy';
import { readAsset } from '../assets/readAsset';

/** The renderer is served from `cadence://app/`, never `file://`, so it has a real origin and CSP. */
export const appScheme = 'cadence';
export const appHost = 'app';
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;

/** Registered before `ready`: a standard, secure scheme that may use fetch but not bypass CSP. */
export const privilegedSchemes: CustomScheme[] = [
  {
    scheme: appScheme,
    privileges: { standard: true, secure: true, supportFetchAPI: true, bypassCSP: false, corsEnabled: false },
  },
];

/** Whether a URL belongs to the app's own page. */
export function isAppUrl(url: string | undefined): boolean {
  if (url === undefined) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
  } catch {
    return false;
  }
}

/** Answers a `cadence://` request from the built renderer, with the CSP on every response. */
export async function appProtocolResponse(rendererDir: string, requestUrl: string): Promise<Response> {
  const headers = { 'Content-Security-Policy': contentSecurityPolicy, 'X-Content-Type-Options': 'nosniff' };
  if (!isAppUrl(requestUrl)) return new Response('Not found', { status: 404, headers });
  const asset = await readAsset(rendererDir, new URL(requestUrl).pathname);
  if (!asset) return new Response('Not found', { status: 404, headers });
  return new Response(new Uint8Array(asset.body), {
    status: 200,
    headers: { ...headers, 'Content-Type': asset.contentType },
  });
}

/** Where Cadence reaches Zoom; the sandbox and tests point these at 127.0.0.1. */
export interface ZoomUrls {
  apiUrl: string;
  oauthUrl: string;
}

export const defaultZoomUrls: ZoomUrls = {
  apiUrl: 'https://api.zoom.us/v2',
  oauthUrl: 'https://zoom.us/oauth/token',
};

/** `CADENCE_ZOOM_API_URL` / `CADENCE_ZOOM_OAUTH_URL` override the defaults. */
export function resolveZoomUrls(env: NodeJS.ProcessEnv = process.env): ZoomUrls {
  return {
    apiUrl: env.CADENCE_ZOOM_API_URL || defaultZoomUrls.apiUrl,
    oauthUrl: env.CADENCE_ZOOM_OAUTH_URL || defaultZoomUrls.oauthUrl,
  };
}

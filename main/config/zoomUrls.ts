/** Where Cadence reaches Zoom; the sandbox and tests point these at 127.0.0.1 (see `ZoomConnection.urls`). */
export interface ZoomUrls {
  apiUrl: string;
  oauthUrl: string;
}

export const defaultZoomUrls: ZoomUrls = {
  apiUrl: 'https://api.zoom.us/v2',
  oauthUrl: 'https://zoom.us/oauth/token',
};

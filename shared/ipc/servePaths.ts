/** URL paths of the HTTP transport that `cadence serve` offers and the renderer's serve bridge uses. */
export const servePaths = {
  /** `POST /api/call/<channel>` with the JSON input; answers the result envelope. */
  callPrefix: '/api/call/',
  /** `GET /api/events`: server-sent events, one per contract event. */
  events: '/api/events',
} as const;

/** The header a page proves its `cadence serve` session with. */
export const serveSessionHeader = 'X-Cadence-Session';

/** The launch link's fragment that hands the page its session: `#cadence-session=…`. */
export const serveSessionFragment = 'cadence-session';

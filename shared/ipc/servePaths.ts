/** URL paths of the HTTP transport that `cadence serve` offers and the renderer's serve bridge uses. */
export const servePaths = {
  /** `POST /api/call/<channel>` with the JSON input; answers the result envelope. */
  callPrefix: '/api/call/',
  /** `GET /api/events`: server-sent events, one per contract event. */
  events: '/api/events',
} as const;

import eventsDocument from './events-openapi.json' with { type: 'json' };
import meetingsDocument from './meetings-openapi.json' with { type: 'json' };

/**
 * The operations Cadence may call, as one OpenAPI `paths` object: Zoom's Events document as Zoom
 * publishes it, and the Meetings operations Cadence uses, transcribed from Zoom's Meetings API
 * reference (`meetings-openapi.json`, whose `info` names its sources and the date they were read).
 * Their paths do not overlap: every Events path starts with `/zoom_events/`.
 */
export const zoomApiDocument: { paths: object } = {
  paths: { ...eventsDocument.paths, ...meetingsDocument.paths },
};

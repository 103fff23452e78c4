import { z } from 'zod';

/**
 * An address Zoom gave for people to open: http(s) only, so that nothing else (a `javascript:`
 * URL, a file) is ever stored, shown as a link or opened.
 */
export const zoomPageUrlSchema = z.url({ protocol: /^https?$/, error: 'Zoom gave an address that is not a web page.' });

/**
 * Where a synced series lives on Zoom, as the planner opens and shares it: the hub's name, the
 * event's page and the registration link. Each is null until Zoom has given it.
 */
export const zoomPagesSchema = z.object({
  hub_name: z.string().nullable(),
  event_url: zoomPageUrlSchema.nullable(),
  registration_url: zoomPageUrlSchema.nullable(),
});
export type ZoomPages = z.output<typeof zoomPagesSchema>;

import { z } from 'zod';

export const seriesLinkKindSchema = z.enum(['pattern_change', 'part']);
export type SeriesLinkKind = z.output<typeof seriesLinkKindSchema>;

/** The series at the other end of a link, as a series' page shows it. */
export const linkedSeriesSchema = z.object({
  series_id: z.string(),
  name: z.string(),
  kind: seriesLinkKindSchema,
  created_at: z.string(),
  /** When the old event was cancelled on Zoom (a pattern change); null while it waits for the sync. */
  settled_at: z.string().nullable(),
  cancel_message: z.string().nullable(),
});
export type LinkedSeries = z.output<typeof linkedSeriesSchema>;

/** A series' links both ways: the series it continues, and the series that continue it. */
export const seriesLinksSchema = z.object({
  replaces: z.array(linkedSeriesSchema),
  replaced_by: z.array(linkedSeriesSchema),
});
export type SeriesLinks = z.output<typeof seriesLinksSchema>;

/** A pattern change replaced the series: it stays as it was, read-only, and its successor is the one to change. */
export function isReplaced(links: SeriesLinks): boolean {
  return links.replaced_by.some((link) => link.kind === 'pattern_change');
}

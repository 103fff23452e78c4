import { z } from 'zod';
import { syncStateSchema } from './draftSummary';

/** One part of a series longer than one Zoom event holds, as the series' page shows it. */
export const seriesPartSummarySchema = z.object({
  /** The part's own series row: its outbox, conflicts and Zoom IDs are its own. */
  series_id: z.string(),
  /** 0-based; `partLabel(index, total)` names it. */
  index: z.number().int(),
  /** The whole series' occurrence number (1-based) of the part's first session. */
  first_occurrence: z.number().int(),
  /** How many of the whole's occurrences the part holds (1..60). */
  count: z.number().int(),
  /** The part's event name on Zoom: the whole's with "(part 2 of 5)". */
  name: z.string(),
  zoom_event_id: z.string().nullable(),
  sync_state: syncStateSchema,
  is_published: z.boolean(),
  /** Its event was cancelled on Zoom (the parts a new pattern replaced). */
  is_cancelled: z.boolean(),
  pending_changes: z.number().int(),
  conflicts: z.number().int(),
});
export type SeriesPartSummary = z.output<typeof seriesPartSummarySchema>;

import type Database from 'better-sqlite3';
import { z } from 'zod';
import { CadenceError } from '../../shared/errors';
import { keptOnZoomItemSchema, type ZoomOrigin } from '../../shared/zoom/zoomCatalog';

const originRowSchema = z.object({
  opened_from_zoom_at: z.string().nullable(),
  refreshed_at: z.string().nullable(),
  kept_on_zoom_json: z.string(),
});

/** A stored list that no longer parses shows as empty rather than locking the series page. */
function keptOnZoomOf(text: string): ZoomOrigin['kept_on_zoom'] {
  try {
    const parsed = z.array(keptOnZoomItemSchema).safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Where a series came from and what of it stays on Zoom only, for the series page. */
export function readZoomOrigin(db: Database.Database, seriesId: string): ZoomOrigin {
  const row: unknown = db
    .prepare(
      'SELECT opened_from_zoom_at, refreshed_at, kept_on_zoom_json FROM series WHERE id = ? AND deleted_at IS NULL',
    )
    .get(seriesId);
  if (row === undefined) throw new CadenceError('not_found', 'This series no longer exists.');
  const origin = originRowSchema.parse(row);
  return {
    opened_at: origin.opened_from_zoom_at,
    refreshed_at: origin.refreshed_at,
    kept_on_zoom: keptOnZoomOf(origin.kept_on_zoom_json),
  };
}

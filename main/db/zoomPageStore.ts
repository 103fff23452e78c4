import type Database from 'better-sqlite3';
import { z } from 'zod';
import { zoomPagesSchema, type ZoomPages } from '../../shared/zoom/zoomPages';

/** A series on Zoom with something Zoom could give that Cadence does not have yet. */
export interface ZoomPagesToRead {
  seriesId: string;
  eventId: string;
  accessLinkId: string | undefined;
  pages: ZoomPages;
}

const dueRowSchema = z.object({
  series_id: z.string(),
  zoom_event_id: z.string(),
  zoom_access_link_id: z.string().nullable(),
  hub_name: z.string().nullable(),
  event_url: z.string().nullable(),
  registration_url: z.string().nullable(),
});

const none: ZoomPages = { hub_name: null, event_url: null, registration_url: null };

/**
 * Where each synced series lives on Zoom (`zoom_page`): read from Zoom after a sync, shown on the
 * series. Facts to open and share, never compared or sent back: the outbox does not need them.
 */
export class ZoomPageStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => string,
  ) {}

  /** The series' pages; all null before Zoom gave any. */
  get(seriesId: string): ZoomPages {
    const row = this.db
      .prepare('SELECT hub_name, event_url, registration_url FROM zoom_page WHERE series_id = ?')
      .get(seriesId);
    return row === undefined ? none : zoomPagesSchema.parse(row);
  }

  /**
   * Series whose pages are not all known: the hub's name, the registration link once Zoom has the
   * link, and the event's page (Zoom may give it only once the event is published).
   */
  toRead(): ZoomPagesToRead[] {
    const rows = this.db
      .prepare(
        `SELECT s.id AS series_id, s.zoom_event_id, r.zoom_access_link_id, p.hub_name, p.event_url, p.registration_url
         FROM series s
           LEFT JOIN registration_link r ON r.series_id = s.id
           LEFT JOIN zoom_page p ON p.series_id = s.id
         WHERE s.zoom_event_id IS NOT NULL AND s.deleted_at IS NULL
           AND (p.series_id IS NULL OR p.hub_name IS NULL
             OR (p.event_url IS NULL AND s.zoom_status = 'published')
             OR (p.registration_url IS NULL AND r.zoom_access_link_id IS NOT NULL))
         ORDER BY s.created_at, s.rowid`,
      )
      .all();
    return rows.map((raw) => {
      const row = dueRowSchema.parse(raw);
      return {
        seriesId: row.series_id,
        eventId: row.zoom_event_id,
        accessLinkId: row.zoom_access_link_id ?? undefined,
        pages: zoomPagesSchema.parse(row),
      };
    });
  }

  /** Keeps what Zoom gave, checked by the same schema the renderer reads. */
  record(seriesId: string, pages: ZoomPages): void {
    const valid = zoomPagesSchema.parse(pages);
    this.db
      .prepare(
        `INSERT INTO zoom_page (series_id, hub_name, event_url, registration_url, read_at)
         VALUES (@series_id, @hub_name, @event_url, @registration_url, @read_at)
         ON CONFLICT (series_id) DO UPDATE SET hub_name = excluded.hub_name, event_url = excluded.event_url,
           registration_url = excluded.registration_url, read_at = excluded.read_at`,
      )
      .run({ series_id: seriesId, ...valid, read_at: this.now() });
  }
}

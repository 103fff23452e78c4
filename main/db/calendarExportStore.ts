import type Database from 'better-sqlite3';
import { z } from 'zod';

const rowSchema = z.object({ content_hash: z.string(), sequence: z.number().int().nonnegative() });

/**
 * The SEQUENCE of each series' calendar entry (`calendar_export`): the same content exported again
 * keeps its number, changed content raises it by one.
 */
export class CalendarExportStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => string,
  ) {}

  /** The SEQUENCE for each series' content, keyed by series ID, recorded in one transaction. */
  sequences(entries: readonly { seriesId: string; contentHash: string }[]): Map<string, number> {
    const read = this.db.prepare('SELECT content_hash, sequence FROM calendar_export WHERE series_id = ?');
    const write = this.db.prepare(
      `INSERT INTO calendar_export (series_id, content_hash, sequence, exported_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (series_id) DO UPDATE SET content_hash = excluded.content_hash, sequence = excluded.sequence,
         exported_at = excluded.exported_at`,
    );
    return this.db.transaction(() => {
      const result = new Map<string, number>();
      for (const { seriesId, contentHash } of entries) {
        const found: unknown = read.get(seriesId);
        const last = found === undefined ? undefined : rowSchema.parse(found);
        if (last !== undefined && last.content_hash === contentHash) {
          result.set(seriesId, last.sequence);
          continue;
        }
        const sequence = last === undefined ? 0 : last.sequence + 1;
        write.run(seriesId, contentHash, sequence, this.now());
        result.set(seriesId, sequence);
      }
      return result;
    })();
  }
}

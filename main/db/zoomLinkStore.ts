import type Database from 'better-sqlite3';
import { CadenceError } from '../../shared/errors';
import { eventFieldsOf } from '../../shared/outbox/planOperations';
import { readSeriesDraft } from './seriesRows';

/**
 * Records what Zoom now has of a series, in the same transaction that marks the operation that
 * did it as done, so that a crash can never leave Zoom's ID recorded without its operation done,
 * or the other way round. The sync engine is its writer.
 */
export class ZoomLinkStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => string,
  ) {}

  /** Zoom created the event: remember its ID and the fields it was created with (the base). */
  recordEventCreated(seriesId: string, eventId: string): void {
    this.db
      .transaction(() => {
        const draft = readSeriesDraft(this.db, seriesId);
        if (draft === undefined) throw new CadenceError('not_found', 'This series no longer exists.');
        const now = this.now();
        this.db
          .prepare(
            `UPDATE series SET zoom_event_id = ?, zoom_status = 'draft', synced_json = ?, synced_at = ? WHERE id = ?`,
          )
          .run(eventId, JSON.stringify(eventFieldsOf(draft)), now, seriesId);
        this.db
          .prepare(
            `UPDATE outbox SET state = 'done', updated_at = ? WHERE series_id = ? AND op_key = 'event' AND kind = 'event.create' AND state IN ('pending', 'in_flight')`,
          )
          .run(now, seriesId);
      })
      .immediate();
  }
}

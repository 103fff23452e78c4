import type Database from 'better-sqlite3';
import type { OutboxPlanner } from '../../shared/outbox/planOperations';
import { AttendeeStore } from './attendeeStore';
import { ConflictStore } from './conflictStore';
import { Outbox } from './outbox/outbox';
import { SeriesStore } from './seriesStore';
import { SyncLog } from './syncLog';
import { ZoomPageStore } from './zoomPageStore';

/** Every store of one database, sharing one outbox owner and one clock. */
export interface Stores {
  db: Database.Database;
  outbox: Outbox;
  series: SeriesStore;
  attendees: AttendeeStore;
  conflicts: ConflictStore;
  log: SyncLog;
  pages: ZoomPageStore;
}

/** The stores of a database; `planner` turns drafts into operations (the sync's operation kinds). */
export function createStores(db: Database.Database, now: () => string, planner: OutboxPlanner): Stores {
  const outbox = new Outbox(db, now, planner);
  return {
    db,
    outbox,
    series: new SeriesStore(db, outbox, now),
    attendees: new AttendeeStore(db, outbox, now),
    conflicts: new ConflictStore(db, now),
    log: new SyncLog(db, now),
    pages: new ZoomPageStore(db, now),
  };
}

import type Database from 'better-sqlite3';
import type { OutboxPlanner } from '../../shared/outbox/planOperations';
import { AttendeeStore } from './attendeeStore';
import { ConflictStore } from './conflictStore';
import { HistoryStore } from './historyStore';
import { MeetingQuotaStore } from './meetingQuotaStore';
import { MeetingStore } from './meetingStore';
import { Outbox } from './outbox/outbox';
import { SeriesLinkStore } from './seriesLinkStore';
import { SeriesStore } from './seriesStore';
import { SyncLog } from './syncLog';
import { WaitingList } from './waitingList';
import { ZoomPageStore } from './zoomPageStore';

/** Every store of one database, sharing one outbox owner and one clock. */
export interface Stores {
  db: Database.Database;
  outbox: Outbox;
  series: SeriesStore;
  attendees: AttendeeStore;
  conflicts: ConflictStore;
  history: HistoryStore;
  log: SyncLog;
  pages: ZoomPageStore;
  /** Typed links between series (a pattern change's old and new series). */
  links: SeriesLinkStore;
  /** Recurring meeting drafts, saved with their outbox operations. */
  meetings: MeetingStore;
  /** What was spent of each host's daily limit of meeting creates and updates. */
  meetingQuota: MeetingQuotaStore;
  /** Who waits for a place in a series with a capacity, in order. */
  waitingList: WaitingList;
}

/** The stores of a database; `planner` turns drafts into operations (the sync's operation kinds). */
export function createStores(db: Database.Database, now: () => string, planner: OutboxPlanner): Stores {
  const outbox = new Outbox(db, now, planner);
  const history = new HistoryStore(db, now);
  const waitingList = new WaitingList(db, now);
  const series = new SeriesStore(db, outbox, now, history, waitingList);
  return {
    db,
    outbox,
    series,
    attendees: new AttendeeStore(db, outbox, now, history, waitingList),
    conflicts: new ConflictStore(db, now),
    history,
    log: new SyncLog(db, now),
    pages: new ZoomPageStore(db, now),
    links: new SeriesLinkStore(db, now),
    meetings: new MeetingStore(db, outbox, now),
    meetingQuota: new MeetingQuotaStore(db),
    waitingList,
  };
}

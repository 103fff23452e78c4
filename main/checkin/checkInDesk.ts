import { hostname } from 'node:os';
import type Database from 'better-sqlite3';
import { deskNameSchema, type CheckInEvent } from '../../shared/checkin/checkIn';
import { formatInstant } from '../../shared/recurrence/expandRecurrence';
import { CheckInCountQueries } from '../db/checkInCountQueries';
import { CheckInListStore } from '../db/checkInListStore';
import { CheckInSearchQueries } from '../db/checkInSearchQueries';
import { CheckInSeriesQueries } from '../db/checkInSeriesQueries';
import { CheckInSettingsStore } from '../db/checkInSettingsStore';
import { CheckInStore } from '../db/checkInStore';
import { checkInCsv } from './checkInCsv';
import { downloadList, eventToDownload, type CheckInDownloadFrom, type DownloadApi } from './checkInDownload';
import { CheckInOverview } from './checkInOverview';
import { CheckInService } from './checkInService';
import { KioskLock } from './kioskLock';

/** This computer's name cut to a desk name's 40 characters; "Desk" when it has none that fits. */
export function defaultDeskName(name: string = hostname()): string {
  const parsed = deskNameSchema.safeParse(name.trim().slice(0, 40));
  return parsed.success ? parsed.data : 'Desk';
}

export interface CheckInDeskOptions {
  db: Database.Database;
  now: () => number;
  /** The Zoom API, asked only by a download. */
  api: () => Promise<DownloadApi>;
  /** The desk name a new laptop starts with; this computer's name by default. */
  defaultDesk?: () => string;
}

/** Check-in, wired over one database: the stores, the service the desk and the upload use, the kiosk. */
export interface CheckInDesk {
  readonly service: CheckInService;
  readonly overview: CheckInOverview;
  readonly kiosk: KioskLock;
  readonly settings: CheckInSettingsStore;
  readonly list: CheckInListStore;
  readonly checkIns: CheckInStore;
  /** Downloads (or refreshes) an event's list from Zoom and answers it as the desk shows it. */
  download(from: CheckInDownloadFrom): Promise<CheckInEvent>;
  /** The CSV of who checked in when and where, for a downloaded event. */
  exportCsv(eventId: string): { fileName: string; csv: string };
  /** What a person or script names an event by (a series' key or ID, else a Zoom event ID), as a download source. */
  sourceNamed(name: string): CheckInDownloadFrom;
  /** The Zoom event ID of what `name` names; a series not on Zoom yet is an error. */
  eventIdNamed(name: string): string;
}

export function createCheckInDesk(options: CheckInDeskOptions): CheckInDesk {
  const { db, now } = options;
  const list = new CheckInListStore(db);
  const checkIns = new CheckInStore(db);
  const settings = new CheckInSettingsStore(db, options.defaultDesk ?? (() => defaultDeskName()));
  const counts = new CheckInCountQueries(db);
  const series = new CheckInSeriesQueries(db);
  const service = new CheckInService({ list, search: new CheckInSearchQueries(db), checkIns, settings, now });
  const overview = new CheckInOverview({ list, counts, settings });
  return {
    service,
    overview,
    kiosk: new KioskLock(settings, now),
    settings,
    list,
    checkIns,
    async download(from) {
      const downloaded = await downloadList({ series, api: options.api, now }, from);
      list.replace(downloaded);
      const { event } = service.scopeOnList({ eventId: downloaded.eventId, sessionId: null });
      return overview.event(event);
    },
    sourceNamed(name) {
      const found = series.series(name, formatInstant(now()));
      return found === undefined ? { eventId: name } : { seriesId: found.id };
    },
    eventIdNamed(name) {
      return eventToDownload(series, this.sourceNamed(name), now()).eventId;
    },
    exportCsv(eventId) {
      const { event } = service.scopeOnList({ eventId, sessionId: null });
      return checkInCsv(event, { list, checkIns });
    },
  };
}

import Database from 'better-sqlite3';
import { formatInstant } from '../shared/recurrence/expandRecurrence';
import { createStores, type Stores } from './db/stores';
import { AppSettingsStore } from './db/appSettingsStore';
import { SettingsStore } from './db/settingsStore';
import { AttendeeImports } from './drafts/attendeeImports';
import { AttendeeService } from './drafts/attendeeService';
import { ClosedDayPlanner } from './drafts/closedDayPlanner';
import { DraftService } from './drafts/draftService';
import { PatternChangeService } from './drafts/patternChangeService';
import { HolidayCalendars } from './drafts/holidayCalendar';
import { ConflictResolver } from './sync/conflictResolver';
import { MeetingConflictResolver } from './sync/meetingConflictResolver';
import { outboxPlanner } from './sync/operations/registry';
import { SyncService, type SyncServiceDeps } from './sync/syncService';
import { createCredentialVault } from './vault/credentialVault';
import { keychainServiceFor, osKeychain, type Keychain } from './vault/keychain';
import { ZoomConnection } from './account/zoomConnection';
import { CheckInUploads } from './db/checkInUploads';
import { CheckInUploader } from './checkin/upload/checkInUploader';
import { createCheckInDesk, type CheckInDesk } from './checkin/checkInDesk';
import { ZoomOpener } from './sync/readBack/openFromZoom';
import { seriesOfEvents } from './db/zoomEventLinks';
import { SeriesRefresher } from './sync/readBack/seriesRefresher';
import { ZoomCatalog } from './sync/readBack/zoomCatalog';
import { createMeetingService, type MeetingService } from './meetings/meetingService';
import { importMeetingConfig, readConfigOrThrow } from './meetings/meetingImport';
import { createSeriesExporter, type SeriesExporter } from './drafts/export/seriesExporter';
import { AttendanceReports } from './reports/attendanceReports';

export interface ServicesOptions {
  db: Database.Database;
  /** The one clock, in milliseconds; the system's by default. */
  now?: () => number;
  /** Where ZOOM_* credentials and CADENCE_ZOOM_* endpoints are read; the process's by default. */
  env?: NodeJS.ProcessEnv;
  /** The OS keychain by default. */
  keychain?: Keychain;
  /** The Electron build of the SQLite driver, for the dry run's copy; Node's own otherwise. */
  sqliteBinding?: string;
  /** A signed-in client instead of the account's (tests and benchmarks against a sandbox). */
  zoom?: SyncServiceDeps['zoom'];
  engine?: SyncServiceDeps['engine'];
  /** Told after each request to Zoom whether Zoom answered at all (the online monitor listens). */
  onZoomReachability?: (isReachable: boolean) => void;
  /** Told when an event's check-ins changed outside the screen (an upload, others' check-ins seen). */
  onCheckInsChanged?: (eventId: string) => void;
  /** The desk name a new laptop starts with; this computer's name by default. */
  defaultDesk?: () => string;
}

/** The services every host and the tests run, wired once over one database and one clock. */
export interface Services {
  readonly db: Database.Database;
  readonly now: () => number;
  readonly stores: Stores;
  readonly account: ZoomConnection;
  readonly drafts: DraftService;
  /** A published series' new pattern: previewed, then made as a new event that takes its place. */
  readonly patternChange: PatternChangeService;
  /** Public-holiday calendars by country and region, offline. */
  readonly holidays: HolidayCalendars;
  readonly attendees: AttendeeService;
  /** Large attendee imports, sent in parts and written at once. */
  readonly attendeeImports: AttendeeImports;
  readonly conflicts: ConflictResolver;
  readonly sync: SyncService;
  /** Refreshes a synced series from Zoom when the planner asks (a sync does it at its start). */
  readonly zoomRefresh: SeriesRefresher;
  /** The planner's app settings (automatic sync). */
  readonly appSettings: AppSettingsStore;
  /** Uploads the check-ins recorded here, exactly once, and reads everyone's back. */
  readonly checkInUploader: CheckInUploader;
  /** Onsite check-in: downloaded lists, the desk's check-ins, settings and the kiosk. */
  readonly checkIn: CheckInDesk;
  /** Opens events that are on Zoom as linked series. */
  readonly zoomOpener: ZoomOpener;
  /** Browses the account's events on Zoom, page by page, each saying whether it is open here. */
  readonly zoomCatalog: ZoomCatalog;
  /** Recurring Zoom Meetings: drafts, config imports; synced by \`sync\` with the series. */
  readonly meetings: MeetingService;
  /** Series as CSV, iCalendar or a series file. */
  readonly exporter: SeriesExporter;
  /** Per-session attendance reports downloaded from Zoom, kept for reading offline. */
  readonly reports: AttendanceReports;
  close(): Promise<void>;
}

export function createServices(options: ServicesOptions): Services {
  const { db } = options;
  const now = options.now ?? Date.now;
  const iso = () => formatInstant(now());
  const stores = createStores(db, iso, outboxPlanner);
  const env = options.env ?? process.env;
  const account = new ZoomConnection({
    vault: createCredentialVault(options.keychain ?? osKeychain(keychainServiceFor(env)), env),
    settings: new SettingsStore(db),
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(options.onZoomReachability === undefined ? {} : { onReachability: options.onZoomReachability }),
  });
  const zoom = options.zoom ?? (() => account.zoom());
  const sync = new SyncService({
    stores,
    zoom,
    now,
    copyStores: () => {
      // The dry run writes as a sync would, into an in-memory copy that is thrown away.
      const image = db.serialize();
      // The file is in WAL mode (header bytes 18-19 = 2); an in-memory copy must say rollback mode.
      image[18] = 1;
      image[19] = 1;
      const copy = new Database(
        image,
        options.sqliteBinding === undefined ? {} : { nativeBinding: options.sqliteBinding },
      );
      copy.pragma('foreign_keys = ON');
      return { ...createStores(copy, iso, outboxPlanner), close: () => copy.close() };
    },
    ...(options.engine === undefined ? {} : { engine: options.engine }),
  });
  const attendees = new AttendeeService(db, stores.attendees, stores.waitingList);
  const checkInUploader = new CheckInUploader({
    uploads: new CheckInUploads(db, iso),
    zoom: options.zoom ?? (() => account.zoom()),
    now,
    ...(options.onCheckInsChanged === undefined ? {} : { onChanged: options.onCheckInsChanged }),
  });
  const desk = createCheckInDesk({
    db,
    now,
    api: async () => (await zoom()).api,
    ...(options.defaultDesk === undefined ? {} : { defaultDesk: options.defaultDesk }),
  });
  const checkIn: CheckInDesk = {
    ...desk,
    // Everyone's check-ins come with the list, so a desk that just downloaded shows who is in already.
    async download(from) {
      const event = await desk.download(from);
      const read = await checkInUploader.readBack(event.eventId);
      if (read.outcome === 'offline') return event;
      return desk.overview.events().find((e) => e.eventId === event.eventId) ?? event;
    },
  };
  const zoomRefresh = new SeriesRefresher({ stores, zoom, now, isSyncing: () => sync.isRunning() });
  const holidays = new HolidayCalendars();
  return {
    db,
    now,
    stores,
    account,
    drafts: new DraftService(db, stores.series, stores.outbox, now, new ClosedDayPlanner(holidays, now)),
    patternChange: new PatternChangeService(db, stores, now),
    holidays,
    attendees,
    attendeeImports: new AttendeeImports(attendees, now),
    conflicts: new ConflictResolver(
      stores.conflicts,
      stores.outbox,
      stores.series,
      stores.history,
      new MeetingConflictResolver(stores.outbox, stores.meetings),
    ),
    sync,
    zoomRefresh,
    appSettings: new AppSettingsStore(new SettingsStore(db)),
    checkInUploader,
    checkIn,
    // Opening an event that is a series here already refreshes it instead.
    zoomOpener: new ZoomOpener({ stores, zoom, now, refresh: (seriesId) => zoomRefresh.refresh(seriesId) }),
    zoomCatalog: new ZoomCatalog({
      api: async () => (await zoom()).api,
      seriesOfEvents: (eventIds) => seriesOfEvents(db, eventIds),
    }),
    meetings: createMeetingService({
      db,
      store: stores.meetings,
      quota: stores.meetingQuota,
      now,
      // The app never signs in with a config's zoom_api block; the report says so.
      importConfig: (text, options) =>
        importMeetingConfig(readConfigOrThrow(text, 'The config'), stores.meetings, {
          dryRun: options.dryRun,
          zoomApiUse: 'ignored',
        }),
    }),
    exporter: createSeriesExporter({ db, now }),
    reports: new AttendanceReports({ db, now, api: async () => (await zoom()).api }),
    async close() {
      sync.cancel();
      await account.close();
    },
  };
}

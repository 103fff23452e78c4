import { join } from 'node:path';
import type { AppInfo } from '../shared/appInfo';
import { ensurePrivateFolder } from './config/privateFiles';
import { databaseFile, openDatabase } from './db/database';
import type { DraftService } from './drafts/draftService';
import { createEventBus, type EventBus } from './ipc/eventBus';
import { createAppHandlers } from './ipc/handlers/appHandlers';
import { createCheckInHandlers } from './ipc/handlers/checkInHandlers';
import { kioskGate } from './ipc/kioskGate';
import { createDraftHandlers } from './ipc/handlers/draftHandlers';
import { createPatternChangeHandlers } from './ipc/handlers/patternChangeHandlers';
import { createSyncHandlers } from './ipc/handlers/syncHandlers';
import { createZoomHandlers } from './ipc/handlers/zoomHandlers';
import { createZoomReadHandlers } from './ipc/handlers/zoomReadHandlers';
import { createZoomOpenHandlers } from './ipc/handlers/zoomOpenHandlers';
import { createHolidayHandlers } from './ipc/handlers/holidayHandlers';
import { createHistoryHandlers } from './ipc/handlers/historyHandlers';
import { createMeetingHandlers } from './ipc/handlers/meetingHandlers';
import { createExportHandlers } from './ipc/handlers/exportHandlers';
import { createReportHandlers } from './ipc/handlers/reportHandlers';
import { createRouter, type Router } from './ipc/router';
import { createLogger, type Logger } from './log/logger';
import { builtInSandbox } from './sandbox/builtInSandbox';
import type { Keychain } from './vault/keychain';
import {
  createOnlineMonitor,
  httpReachabilityProbe,
  type OnlineMonitor,
  type ReachabilityProbe,
} from './zoom/onlineMonitor';
import type { ZoomConnection } from './account/zoomConnection';
import { createServices } from './services';
import { autoSyncWhenOnline } from './sync/autoSync';
import { createUploadLoop } from './checkin/upload/uploadLoop';
import { createCheckInUploadHandlers } from './ipc/handlers/checkInUploadHandlers';

export interface CoreOptions {
  dataDir: string;
  host: AppInfo['host'];
  version: string;
  /** Where ZOOM_* credentials and CADENCE_ZOOM_* endpoints are read; the process's by default. */
  env?: NodeJS.ProcessEnv;
  /** The OS keychain by default. */
  keychain?: Keychain;
  /** Replaces the HTTP probe of the Zoom API, for tests. */
  probe?: ReachabilityProbe;
  /** The Electron build of the SQLite driver; Node's own build otherwise. */
  sqliteBinding?: string;
}

/** The services every host runs, wired once: the Electron app and `cadence serve` differ only in transport. */
export interface Core {
  readonly router: Router;
  readonly events: EventBus;
  readonly online: OnlineMonitor;
  readonly logger: Logger;
  readonly drafts: DraftService;
  readonly zoom: ZoomConnection;
  close(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  ensurePrivateFolder(options.dataDir);
  const logger = createLogger(join(options.dataDir, 'logs', 'cadence.log'));
  const { db, migration } = openDatabase(
    databaseFile(options.dataDir),
    options.sqliteBinding === undefined ? {} : { nativeBinding: options.sqliteBinding },
  );
  if (migration.from !== migration.to) logger.info('database migrated', { ...migration });
  const events = createEventBus();
  // The monitor hears from every request of the services' Zoom client; it probes the API they use.
  const online = createOnlineMonitor({
    probe: options.probe ?? httpReachabilityProbe(() => services.account.urls().apiUrl),
    onChange: (state) => {
      events.emit('app.online', state);
      void autoSync(state);
    },
  });
  const services = createServices({
    db,
    onZoomReachability: (isReachable) => online.report(isReachable),
    onCheckInsChanged: (eventId) => events.emit('checkin.changed', { eventId }),
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(options.keychain === undefined ? {} : { keychain: options.keychain }),
    ...(options.sqliteBinding === undefined ? {} : { sqliteBinding: options.sqliteBinding }),
  });
  const { drafts, account: zoom, sync } = services;
  const autoSync = autoSyncWhenOnline({
    sync,
    isEnabled: () => services.appSettings.read().auto_sync_when_online,
    hasWork: () => services.stores.outbox.work().length > 0 || services.stores.outbox.meetings.work().length > 0,
    onProgress: (progress) => events.emit('sync.progress', progress),
    onFinished: (report) => events.emit('sync.finished', report),
    onError: (error) => logger.error('automatic sync failed', { error }),
  });
  const uploadLoop = createUploadLoop({
    uploader: services.checkInUploader,
    isEnabled: () => services.checkIn.settings.read().uploadAutomatically,
    isOnline: () => online.current().isOnline,
    now: services.now,
    onError: (error) => logger.error('background check-in upload failed', { error }),
  });
  const sandbox = builtInSandbox(options.dataDir);
  const router = createRouter(
    {
      ...createAppHandlers({
        version: options.version,
        dataDir: options.dataDir,
        host: options.host,
        online,
        settings: services.appSettings,
      }),
      ...createDraftHandlers({
        db,
        drafts,
        attendees: services.attendees,
        attendeeImports: services.attendeeImports,
        pages: services.stores.pages,
      }),
      ...createPatternChangeHandlers({ patternChange: services.patternChange, links: services.stores.links }),
      ...createZoomHandlers({ connection: zoom, sandbox: () => sandbox.start() }),
      ...createCheckInUploadHandlers({ uploader: services.checkInUploader }),
      ...createSyncHandlers({
        sync,
        conflicts: services.conflicts,
        events,
      }),
      ...createCheckInHandlers(services.checkIn),
      ...createZoomReadHandlers({ catalog: services.zoomCatalog, refresher: services.zoomRefresh }),
      ...createZoomOpenHandlers({ db, opener: services.zoomOpener, events }),
      ...createHistoryHandlers(services.stores.history),
      ...createMeetingHandlers(services.meetings),
      ...createExportHandlers(services.exporter),
      ...createReportHandlers(services.reports),
      ...createHolidayHandlers(services.holidays),
    },
    logger,
    kioskGate(() => services.checkIn.kiosk.state()),
  );
  if (zoom.usesBuiltInSandbox()) {
    // The built-in sandbox listens on a new port at every start; the connection follows it.
    void sandbox
      .start()
      .then((started) => zoom.followBuiltInSandbox({ apiUrl: started.apiUrl, oauthUrl: started.oauthUrl }))
      .catch((error: unknown) => {
        logger.error('built-in sandbox did not start', { error });
      });
  }
  online.start();
  uploadLoop.start();
  logger.info('core started', { host: options.host, version: options.version });
  return {
    router,
    events,
    online,
    logger,
    drafts,
    zoom,
    async close() {
      online.stop();
      uploadLoop.stop();
      await services.close();
      await sandbox.close();
      db.close();
    },
  };
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../shared/appInfo';
import type { ZoomUrls } from './config/zoomUrls';
import { databaseFile, openDatabase } from './db/database';
import { DraftService } from './drafts/draftService';
import { createEventBus, type EventBus } from './ipc/eventBus';
import { createAppHandlers } from './ipc/handlers/appHandlers';
import { createDraftHandlers } from './ipc/handlers/draftHandlers';
import { createRouter, type Router } from './ipc/router';
import { createLogger, type Logger } from './log/logger';
import {
  createOnlineMonitor,
  httpReachabilityProbe,
  type OnlineMonitor,
  type ReachabilityProbe,
} from './zoom/onlineMonitor';

export interface CoreOptions {
  dataDir: string;
  host: AppInfo['host'];
  version: string;
  zoomUrls: ZoomUrls;
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
  close(): void;
}

export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const logger = createLogger(join(options.dataDir, 'logs', 'cadence.log'));
  const { db, migration } = openDatabase(
    databaseFile(options.dataDir),
    options.sqliteBinding === undefined ? {} : { nativeBinding: options.sqliteBinding },
  );
  if (migration.from !== migration.to) logger.info('database migrated', { ...migration });
  const drafts = new DraftService(db);
  const events = createEventBus();
  const online = createOnlineMonitor({
    probe: options.probe ?? httpReachabilityProbe(options.zoomUrls.apiUrl),
    onChange: (state) => events.emit('app.online', state),
  });
  const router = createRouter(
    {
      ...createAppHandlers({ version: options.version, dataDir: options.dataDir, host: options.host, online }),
      ...createDraftHandlers(drafts),
    },
    logger,
  );
  online.start();
  logger.info('core started', { host: options.host, version: options.version });
  return {
    router,
    events,
    online,
    logger,
    drafts,
    close() {
      online.stop();
      db.close();
    },
  };
}

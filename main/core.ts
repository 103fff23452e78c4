import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../shared/appInfo';
import { databaseFile, openDatabase } from './db/database';
import { SettingsStore } from './db/settingsStore';
import { AttendeeService } from './drafts/attendeeService';
import { DraftService } from './drafts/draftService';
import { createEventBus, type EventBus } from './ipc/eventBus';
import { createAppHandlers } from './ipc/handlers/appHandlers';
import { createDraftHandlers } from './ipc/handlers/draftHandlers';
import { createSyncHandlers } from './ipc/handlers/syncHandlers';
import { createZoomHandlers } from './ipc/handlers/zoomHandlers';
import { createRouter, type Router } from './ipc/router';
import { createLogger, type Logger } from './log/logger';
import { builtInSandbox } from './sandbox/builtInSandbox';
import { ConflictResolver } from './sync/conflictResolver';
import { SyncService } from './sync/syncService';
import { createCredentialVault } from './vault/credentialVault';
import { keychainServiceFor, osKeychain, type Keychain } from './vault/keychain';
import {
  createOnlineMonitor,
  httpReachabilityProbe,
  type OnlineMonitor,
  type ReachabilityProbe,
} from './zoom/onlineMonitor';
import { ZoomConnection } from './account/zoomConnection';

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
  mkdirSync(options.dataDir, { recursive: true });
  const logger = createLogger(join(options.dataDir, 'logs', 'cadence.log'));
  const { db, migration } = openDatabase(
    databaseFile(options.dataDir),
    options.sqliteBinding === undefined ? {} : { nativeBinding: options.sqliteBinding },
  );
  if (migration.from !== migration.to) logger.info('database migrated', { ...migration });
  const drafts = new DraftService(db);
  const zoom = new ZoomConnection({
    vault: createCredentialVault(
      options.keychain ?? osKeychain(keychainServiceFor(options.env ?? process.env)),
      options.env ?? process.env,
    ),
    settings: new SettingsStore(db),
    ...(options.env === undefined ? {} : { env: options.env }),
  });
  const sandbox = builtInSandbox(options.dataDir);
  const sync = new SyncService(db, zoom);
  const events = createEventBus();
  const online = createOnlineMonitor({
    probe: options.probe ?? httpReachabilityProbe(() => zoom.urls().apiUrl),
    onChange: (state) => events.emit('app.online', state),
  });
  const router = createRouter(
    {
      ...createAppHandlers({ version: options.version, dataDir: options.dataDir, host: options.host, online }),
      ...createDraftHandlers({ db, drafts, attendees: new AttendeeService(db) }),
      ...createZoomHandlers({ connection: zoom, sandbox: () => sandbox.start() }),
      ...createSyncHandlers({
        sync,
        conflicts: new ConflictResolver(db, () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')),
        events,
      }),
    },
    logger,
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
      sync.cancel();
      await zoom.close();
      await sandbox.close();
      db.close();
    },
  };
}

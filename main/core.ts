import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../shared/appInfo';
import type { ZoomUrls } from './config/zoomUrls';
import { createEventBus, type EventBus } from './ipc/eventBus';
import { createAppHandlers } from './ipc/handlers/appHandlers';
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
}

/** The services every host runs, wired once: the Electron app and `cadence serve` differ only in transport. */
export interface Core {
  readonly router: Router;
  readonly events: EventBus;
  readonly online: OnlineMonitor;
  readonly logger: Logger;
  close(): void;
}

export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const logger = createLogger(join(options.dataDir, 'logs', 'cadence.log'));
  const events = createEventBus();
  const online = createOnlineMonitor({
    probe: options.probe ?? httpReachabilityProbe(options.zoomUrls.apiUrl),
    onChange: (state) => events.emit('app.online', state),
  });
  const router = createRouter(
    {
      ...createAppHandlers({ version: options.version, dataDir: options.dataDir, host: options.host, online }),
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
    close() {
      online.stop();
    },
  };
}

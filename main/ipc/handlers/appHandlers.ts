import type { AppInfo } from '../../../shared/appInfo';
import type { AppSettingsStore } from '../../db/appSettingsStore';
import type { OnlineMonitor } from '../../zoom/onlineMonitor';
import type { ChannelHandlers } from '../router';

export interface AppHandlerDeps {
  version: string;
  dataDir: string;
  host: AppInfo['host'];
  online: OnlineMonitor;
  settings: AppSettingsStore;
}

/** Channels about the app itself. */
export function createAppHandlers(
  deps: AppHandlerDeps,
): Pick<ChannelHandlers, 'app.info' | 'app.checkOnline' | 'app.settings' | 'app.changeSettings'> {
  return {
    'app.info': () => ({
      version: deps.version,
      dataDir: deps.dataDir,
      host: deps.host,
      online: deps.online.current(),
    }),
    'app.checkOnline': () => deps.online.checkNow(),
    'app.settings': () => deps.settings.read(),
    'app.changeSettings': (changes) => deps.settings.change(changes),
  };
}

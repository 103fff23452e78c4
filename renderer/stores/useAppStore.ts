import { create } from 'zustand';
import type { AppInfo, OnlineState } from '../../shared/appInfo';
import type { CadenceApi } from '../../shared/ipc/cadenceApi';
import type { IpcError } from '../../shared/ipc/envelope';
import { parseRoute, routeHash, type Route, type Screen } from '../lib/routes';

export {
  isScreen,
  newMeetingId,
  parseRoute,
  routeHash,
  screens,
  seriesTabs,
  type Route,
  type Screen,
  type SeriesTab,
} from '../lib/routes';

interface AppState {
  api: CadenceApi | undefined;
  info: AppInfo | undefined;
  online: OnlineState | undefined;
  isCheckingOnline: boolean;
  /** Whether this page can reach Cadence itself (always true in the desktop app). */
  isBridgeConnected: boolean;
  error: IpcError | undefined;
  screen: Screen;
  route: Route;
  /** Connects the store to Cadence: listens for changes, then reads the app's facts. */
  connect: (api: CadenceApi) => Promise<void>;
  checkOnline: () => Promise<void>;
  setOnline: (online: OnlineState) => void;
  setBridgeConnected: (isConnected: boolean) => void;
  /**
   * Goes to a screen, series or meeting; the URL fragment follows, so reload and Back keep the
   * place. `replace` names the same place anew (a new meeting once saved) without a Back step.
   */
  navigate: (route: Route | Screen, options?: { replace?: boolean }) => void;
  /** Takes the route from the URL fragment (after Back, or at start). */
  followHash: (hash: string) => void;
}

/** App-wide facts and navigation. */
export const useAppStore = create<AppState>()((set, get) => ({
  api: undefined,
  info: undefined,
  online: undefined,
  isCheckingOnline: false,
  isBridgeConnected: true,
  error: undefined,
  screen: 'series',
  route: { screen: 'series' },
  async connect(api) {
    set({ api });
    // Subscribe before the first read so a change in between is not lost.
    api.on('app.online', get().setOnline);
    const result = await api.app.info();
    if (result.ok) set({ info: result.value, online: result.value.online, error: undefined });
    else set({ error: result.error });
  },
  async checkOnline() {
    const { api, isCheckingOnline } = get();
    if (!api || isCheckingOnline) return;
    set({ isCheckingOnline: true });
    const result = await api.app.checkOnline();
    if (result.ok) set({ online: result.value, isCheckingOnline: false });
    else set({ error: result.error, isCheckingOnline: false });
  },
  setOnline: (online) => set({ online }),
  setBridgeConnected: (isBridgeConnected) => set({ isBridgeConnected }),
  navigate(target, options) {
    const route = typeof target === 'string' ? { screen: target } : target;
    const hash = routeHash(route);
    if (window.location.hash !== hash) {
      if (options?.replace === true) window.history.replaceState(null, '', hash);
      else window.history.pushState(null, '', hash);
    }
    set({ route, screen: route.screen });
  },
  followHash(hash) {
    const route = parseRoute(hash);
    set({ route, screen: route.screen });
  },
}));

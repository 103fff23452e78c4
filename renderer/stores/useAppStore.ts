import { create } from 'zustand';
import type { AppInfo, OnlineState } from '../../shared/appInfo';
import type { CadenceApi } from '../../shared/ipc/cadenceApi';
import type { IpcError } from '../../shared/ipc/envelope';

export const screens = ['series', 'sync', 'checkin', 'settings'] as const;
export type Screen = (typeof screens)[number];

export function isScreen(value: string): value is Screen {
  return (screens as readonly string[]).includes(value);
}

interface AppState {
  api: CadenceApi | undefined;
  info: AppInfo | undefined;
  online: OnlineState | undefined;
  isCheckingOnline: boolean;
  /** Whether this page can reach Cadence itself (always true in the desktop app). */
  isBridgeConnected: boolean;
  error: IpcError | undefined;
  screen: Screen;
  /** Connects the store to Cadence: listens for changes, then reads the app's facts. */
  connect: (api: CadenceApi) => Promise<void>;
  checkOnline: () => Promise<void>;
  setOnline: (online: OnlineState) => void;
  setBridgeConnected: (isConnected: boolean) => void;
  navigate: (screen: Screen) => void;
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
  navigate: (screen) => set({ screen }),
}));

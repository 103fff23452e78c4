import { create } from 'zustand';
import type { CadenceApi } from '../../shared/ipc/cadenceApi';
import type { IpcError } from '../../shared/ipc/envelope';
import type { RefreshReport, ZoomOrigin } from '../../shared/zoom/zoomCatalog';

interface ZoomOriginState {
  seriesId: string | undefined;
  origin: ZoomOrigin | undefined;
  isRefreshing: boolean;
  /** What the last refresh of this series took; kept while the editor reloads the series. */
  report: RefreshReport | undefined;
  error: IpcError | undefined;
  load: (api: CadenceApi, seriesId: string) => Promise<void>;
  /** Reads the series back from Zoom, then `afterRefresh` (the editor shows what came into the draft). */
  refresh: (api: CadenceApi, seriesId: string, afterRefresh: () => Promise<void>) => Promise<void>;
}

/** A series' bond with Zoom on its page: where it came from, what stays on Zoom, and refreshing it. */
export const useZoomOriginStore = create<ZoomOriginState>()((set, get) => ({
  seriesId: undefined,
  origin: undefined,
  isRefreshing: false,
  report: undefined,
  error: undefined,
  async load(api, seriesId) {
    if (get().seriesId !== seriesId) {
      set({ seriesId, origin: undefined, report: undefined, error: undefined, isRefreshing: false });
    }
    const result = await api.zoom.origin({ seriesId });
    if (get().seriesId === seriesId && result.ok) set({ origin: result.value });
  },
  async refresh(api, seriesId, afterRefresh) {
    if (get().isRefreshing) return;
    set({ isRefreshing: true, report: undefined, error: undefined });
    const result = await api.zoom.refresh({ seriesId });
    if (get().seriesId !== seriesId) return;
    if (!result.ok) {
      set({ isRefreshing: false, error: result.error });
      return;
    }
    set({ isRefreshing: false, report: result.value });
    await afterRefresh();
    await get().load(api, seriesId);
  },
}));

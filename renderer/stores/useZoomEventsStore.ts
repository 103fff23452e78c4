import { create } from 'zustand';
import type { CadenceApi } from '../../shared/ipc/cadenceApi';
import type { EventPayload } from '../../shared/ipc/contract';
import type { IpcError, IpcResult } from '../../shared/ipc/envelope';
import type { ZoomEventListItem, ZoomOpenInput, ZoomOpenReport } from '../../shared/zoom/zoomCatalog';
import type { HubSummary } from '../../shared/zoomConnection';

export type OpenProgress = EventPayload<'zoom.openProgress'>;

interface ZoomEventsState {
  hubs: HubSummary[] | undefined;
  /** The hub whose events are listed; undefined for every hub. */
  hubId: string | undefined;
  events: ZoomEventListItem[];
  /** Where "Load more" goes on; undefined once the last page is here. */
  nextPageToken: string | undefined;
  isLoading: boolean;
  /** Event IDs ticked to open. */
  selected: ReadonlySet<string>;
  isOpening: boolean;
  isSeeding: boolean;
  progress: OpenProgress | undefined;
  report: ZoomOpenReport | undefined;
  error: IpcError | undefined;
  load: (api: CadenceApi) => Promise<void>;
  chooseHub: (api: CadenceApi, hubId: string | undefined) => Promise<void>;
  loadMore: (api: CadenceApi) => Promise<void>;
  toggle: (eventId: string) => void;
  /** Ticks every listed event that can be opened, or none when all are ticked already. */
  toggleAll: () => void;
  openSelected: (api: CadenceApi) => Promise<void>;
  openHub: (api: CadenceApi) => Promise<void>;
  /** Adds the tutorial's example events to the built-in sandbox, then lists again. */
  seedSandbox: (api: CadenceApi) => Promise<void>;
  setProgress: (progress: OpenProgress) => void;
}

/** A call that could not be made at all (the app's own process gone) reads as Cadence out of reach. */
async function settle<T>(call: () => Promise<IpcResult<T>>): Promise<IpcResult<T>> {
  try {
    return await call();
  } catch {
    return {
      ok: false,
      error: { code: 'unavailable', message: 'Cadence itself does not answer; reload the page.', issues: [] },
    };
  }
}

const canOpen = (event: ZoomEventListItem) => event.cannot_open === null;

/** The "On Zoom" screen: the account's events per hub, page by page, and opening them as series. */
export const useZoomEventsStore = create<ZoomEventsState>()((set, get) => {
  async function firstPage(api: CadenceApi, hubId: string | undefined) {
    set({ hubId, events: [], nextPageToken: undefined, selected: new Set(), isLoading: true, error: undefined });
    const result = await settle(() => api.zoom.events(hubId === undefined ? {} : { hub_id: hubId }));
    // A hub chosen meanwhile has its own page on its way.
    if (get().hubId !== hubId) return;
    if (result.ok) set({ events: result.value.events, nextPageToken: result.value.next_page_token });
    set({ isLoading: false, error: result.ok ? undefined : result.error });
  }

  async function open(api: CadenceApi, input: ZoomOpenInput) {
    if (get().isOpening) return;
    set({ isOpening: true, progress: undefined, report: undefined, error: undefined });
    const result = await settle(() => api.zoom.open(input));
    if (!result.ok) {
      set({ isOpening: false, progress: undefined, error: result.error });
      return;
    }
    const seriesOf = new Map(result.value.results.map((r) => [r.event_id, r.series_id]));
    // An event Zoom no longer answers for comes back under its ID: the list still knows its name.
    const listedName = new Map(get().events.map((event) => [event.event_id, event.name]));
    const results = result.value.results.map((r) =>
      r.name === '' || r.name === r.event_id ? { ...r, name: listedName.get(r.event_id) ?? r.name } : r,
    );
    set((state) => ({
      isOpening: false,
      progress: undefined,
      report: { ...result.value, results },
      selected: new Set(),
      events: state.events.map((event) => ({ ...event, series_id: seriesOf.get(event.event_id) ?? event.series_id })),
    }));
  }

  return {
    hubs: undefined,
    hubId: undefined,
    events: [],
    nextPageToken: undefined,
    isLoading: false,
    selected: new Set(),
    isOpening: false,
    isSeeding: false,
    progress: undefined,
    report: undefined,
    error: undefined,
    async load(api) {
      const hubs = await settle(() => api.zoom.hubs());
      if (hubs.ok) set({ hubs: hubs.value });
      await firstPage(api, get().hubId);
    },
    chooseHub: (api, hubId) => firstPage(api, hubId),
    async loadMore(api) {
      const { nextPageToken, hubId, isLoading } = get();
      if (nextPageToken === undefined || isLoading) return;
      set({ isLoading: true, error: undefined });
      const result = await settle(() =>
        api.zoom.events({ page_token: nextPageToken, ...(hubId === undefined ? {} : { hub_id: hubId }) }),
      );
      if (get().hubId !== hubId) return;
      if (result.ok) {
        set((state) => ({
          events: [...state.events, ...result.value.events],
          nextPageToken: result.value.next_page_token,
        }));
      }
      set({ isLoading: false, error: result.ok ? undefined : result.error });
    },
    toggle(eventId) {
      set((state) => {
        const selected = new Set(state.selected);
        if (!selected.delete(eventId)) selected.add(eventId);
        return { selected };
      });
    },
    toggleAll() {
      set((state) => {
        const openable = state.events.filter(canOpen).map((event) => event.event_id);
        const isAll = openable.length > 0 && openable.every((id) => state.selected.has(id));
        return { selected: new Set(isAll ? [] : openable) };
      });
    },
    openSelected: (api) => open(api, { event_ids: [...get().selected] }),
    async openHub(api) {
      const { hubId } = get();
      if (hubId !== undefined) await open(api, { hub_id: hubId });
    },
    async seedSandbox(api) {
      if (get().isSeeding) return;
      set({ isSeeding: true, error: undefined });
      const result = await settle(() => api.zoom.seedSandbox());
      set({ isSeeding: false });
      if (!result.ok) {
        set({ error: result.error });
        return;
      }
      // The example events bring a hub of their own.
      await get().load(api);
    },
    setProgress: (progress) => set({ progress }),
  };
});

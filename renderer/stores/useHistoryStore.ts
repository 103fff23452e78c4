import { create } from 'zustand';
import type { HistoryEntry, HistoryQuery } from '../../shared/history/seriesHistory';
import type { CadenceApi } from '../../shared/ipc/cadenceApi';
import type { IpcError } from '../../shared/ipc/envelope';

/** What the history shows: a series and its filters, without the page. */
export type HistoryFilter = Omit<HistoryQuery, 'before' | 'limit'>;

interface HistoryState {
  entries: HistoryEntry[] | undefined;
  nextBefore: number | undefined;
  error: IpcError | undefined;
  /** What the last undo did, in words. */
  message: string | undefined;
  /** Reads the first page for these filters; an older request answering late is dropped. */
  load: (api: CadenceApi, filter: HistoryFilter) => Promise<void>;
  /** Adds the next page of the same filters. */
  loadMore: (api: CadenceApi) => Promise<void>;
  /** Undoes a conflict's resolution (the conflict opens again) and reads the history again. */
  undo: (api: CadenceApi, conflictId: number) => Promise<void>;
}

const pageSize = 50;

/** A series' history as its History tab shows it. */
export const useHistoryStore = create<HistoryState>()((set, get) => {
  let filter: HistoryFilter | undefined;
  let latest = 0;
  async function read(api: CadenceApi, before?: number): Promise<void> {
    if (filter === undefined) return;
    const request = ++latest;
    const result = await api.history.list({ ...filter, limit: pageSize, ...(before === undefined ? {} : { before }) });
    if (request !== latest) return;
    if (!result.ok) {
      set({ error: result.error });
      return;
    }
    set((state) => ({
      error: undefined,
      entries: before === undefined ? result.value.entries : [...(state.entries ?? []), ...result.value.entries],
      nextBefore: result.value.next_before,
    }));
  }
  return {
    entries: undefined,
    nextBefore: undefined,
    error: undefined,
    message: undefined,
    async load(api, next) {
      if (filter?.series_id !== next.series_id) set({ entries: undefined, message: undefined });
      filter = next;
      await read(api);
    },
    async loadMore(api) {
      const before = get().nextBefore;
      if (before !== undefined) await read(api, before);
    },
    async undo(api, conflictId) {
      const result = await api.conflicts.undo({ id: conflictId });
      if (!result.ok) {
        set({ error: result.error });
        return;
      }
      set({ message: result.value.message });
      await read(api);
    },
  };
});

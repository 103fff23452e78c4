import { create } from 'zustand';
import type { DraftSummary, ImportSummary, SyncState } from '../../shared/drafts/draftSummary';
import type { CadenceApi } from '../../shared/ipc/cadenceApi';
import type { IpcError } from '../../shared/ipc/envelope';
import { newSeriesDraft } from '../lib/newSeries';
import { useEditorStore } from './useEditorStore';
import { parseJsonText } from '../../shared/drafts/jsonText';
import { limits, megabytes } from '../../shared/limits';

export type SeriesFilter = 'all' | SyncState;

interface SeriesState {
  series: DraftSummary[] | undefined;
  query: string;
  filter: SeriesFilter;
  error: IpcError | undefined;
  /** What the last series-file import did, shown until dismissed. */
  imported: ImportSummary | undefined;
  load: (api: CadenceApi) => Promise<void>;
  setQuery: (query: string) => void;
  setFilter: (filter: SeriesFilter) => void;
  /** Creates a new draft and answers its ID. */
  create: (api: CadenceApi) => Promise<string | undefined>;
  duplicate: (api: CadenceApi, id: string) => Promise<string | undefined>;
  remove: (api: CadenceApi, id: string) => Promise<void>;
  /** Keeps a series out of syncs ("Not ready"), or lets it sync again. */
  setReady: (api: CadenceApi, id: string, isReady: boolean) => Promise<void>;
  importFile: (api: CadenceApi, file: File) => Promise<void>;
  dismiss: () => void;
}

/** The series list: every draft and synced series, the search and the filter. */
export const useSeriesStore = create<SeriesState>()((set, get) => ({
  series: undefined,
  query: '',
  filter: 'all',
  error: undefined,
  imported: undefined,
  async load(api) {
    const result = await api.drafts.list();
    if (result.ok) set({ series: result.value });
    else set({ error: result.error });
  },
  setQuery: (query) => set({ query }),
  setFilter: (filter) => set({ filter }),
  async create(api) {
    const result = await api.drafts.save({ draft: newSeriesDraft() });
    if (!result.ok) {
      set({ error: result.error });
      return undefined;
    }
    useEditorStore.getState().wantNameFocus(true);
    await get().load(api);
    return result.value.id;
  },
  async duplicate(api, id) {
    const result = await api.drafts.duplicate({ id });
    if (!result.ok) {
      set({ error: result.error });
      return undefined;
    }
    await get().load(api);
    return result.value.id;
  },
  async remove(api, id) {
    const result = await api.drafts.delete({ id });
    if (!result.ok) set({ error: result.error });
    await get().load(api);
  },
  async setReady(api, id, isReady) {
    // The box follows the click at once; the reload below says how it really is.
    set({ series: get().series?.map((entry) => (entry.id === id ? { ...entry, is_ready: isReady } : entry)) });
    const result = await api.drafts.setReady({ id, isReady });
    if (!result.ok) set({ error: result.error });
    await get().load(api);
  },
  async importFile(api, chosen) {
    if (chosen.size > limits.seriesFileBytes) {
      const message = `${chosen.name} is larger than ${megabytes(limits.seriesFileBytes)}, the most Cadence reads of a series file. Nothing was imported.`;
      set({ error: { code: 'invalid_input', message, issues: [] } });
      return;
    }
    const fileName = chosen.name;
    const parsed = parseJsonText(await chosen.text(), fileName);
    if (!parsed.ok) {
      set({
        error: { code: 'invalid_input', message: `${parsed.message} Nothing was imported.`, issues: parsed.issues },
      });
      return;
    }
    const file = parsed.value;
    const result = await api.drafts.import({ file, dryRun: false });
    if (result.ok) set({ imported: result.value, error: undefined });
    else set({ error: result.error, imported: undefined });
    await get().load(api);
  },
  dismiss: () => set({ error: undefined, imported: undefined }),
}));

/** The series that match the search words and the filter, in list order. */
export function visibleSeries(series: readonly DraftSummary[], query: string, filter: SeriesFilter): DraftSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return series.filter(
    (entry) =>
      (filter === 'all' || entry.sync_state === filter) &&
      words.every((word) => `${entry.name} ${entry.key ?? ''} ${entry.timezone}`.toLowerCase().includes(word)),
  );
}

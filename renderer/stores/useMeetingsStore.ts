import { create } from 'zustand';
import type { CadenceApi } from '../../shared/ipc/cadenceApi';
import type { IpcError } from '../../shared/ipc/envelope';
import { limits, megabytes } from '../../shared/limits';
import type { MeetingImportReport, MeetingSummary } from '../../shared/meetings/meetingViews';

/** A config chosen for import: its text, what importing it would do, and then what it did. */
export interface ConfigImport {
  fileName: string;
  text: string;
  /** The dry run's report; undefined while it runs or when the config has problems. */
  preview: MeetingImportReport | undefined;
  /** The config's problems, by JSON path, all at once. */
  error: IpcError | undefined;
  isImporting: boolean;
}

interface MeetingsState {
  meetings: MeetingSummary[] | undefined;
  query: string;
  error: IpcError | undefined;
  /** The config import in progress (its dialog is open). */
  configImport: ConfigImport | undefined;
  /** What the last import did, shown until dismissed. */
  imported: MeetingImportReport | undefined;
  load: (api: CadenceApi) => Promise<void>;
  setQuery: (query: string) => void;
  remove: (api: CadenceApi, id: string) => Promise<void>;
  /** Reads a chosen config and asks what importing it would do, without changing anything. */
  chooseConfig: (api: CadenceApi, file: File) => Promise<void>;
  /** Imports the config whose dry run is shown. */
  importConfig: (api: CadenceApi) => Promise<void>;
  closeImport: () => void;
  dismiss: () => void;
}

/** The Meetings list: every recurring meeting drafted or on Zoom, and importing a config. */
export const useMeetingsStore = create<MeetingsState>()((set, get) => ({
  meetings: undefined,
  query: '',
  error: undefined,
  configImport: undefined,
  imported: undefined,
  async load(api) {
    const result = await api.meetings.list();
    if (result.ok) set({ meetings: result.value });
    else set({ error: result.error });
  },
  setQuery: (query) => set({ query }),
  async remove(api, id) {
    const result = await api.meetings.delete({ id });
    if (!result.ok) set({ error: result.error });
    await get().load(api);
  },
  async chooseConfig(api, file) {
    const fileName = file.name;
    const base = { fileName, text: '', preview: undefined, isImporting: false };
    if (file.size > limits.seriesFileBytes) {
      const message = `${fileName} is larger than ${megabytes(limits.seriesFileBytes)}, the most Cadence reads of a config. Nothing was imported.`;
      set({ configImport: { ...base, error: { code: 'invalid_input', message, issues: [] } } });
      return;
    }
    const text = await file.text();
    set({ configImport: { ...base, text, error: undefined }, imported: undefined });
    const result = await api.meetings.importConfig({ text, dryRun: true });
    // Another file was chosen meanwhile: its own dry run answers for it.
    if (get().configImport?.text !== text) return;
    set({
      configImport: {
        ...base,
        text,
        preview: result.ok ? result.value : undefined,
        error: result.ok ? undefined : result.error,
      },
    });
  },
  async importConfig(api) {
    const chosen = get().configImport;
    if (chosen?.preview === undefined || chosen.isImporting) return;
    set({ configImport: { ...chosen, isImporting: true } });
    const result = await api.meetings.importConfig({ text: chosen.text, dryRun: false });
    if (result.ok) set({ configImport: undefined, imported: result.value });
    else set({ configImport: { ...chosen, isImporting: false, preview: undefined, error: result.error } });
    await get().load(api);
  },
  closeImport: () => set({ configImport: undefined }),
  dismiss: () => set({ error: undefined, imported: undefined }),
}));

/** The meetings that match every search word (in topic, host, zone or key), in list order. */
export function visibleMeetings(meetings: readonly MeetingSummary[], query: string): MeetingSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return meetings.filter((entry) =>
    words.every((word) =>
      `${entry.topic} ${entry.host_email} ${entry.timezone} ${entry.key ?? ''}`.toLowerCase().includes(word),
    ),
  );
}

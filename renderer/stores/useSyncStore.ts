import { create } from 'zustand';
import type { SyncStatus } from '../../shared/drafts/draftSummary';
import type { CadenceApi } from '../../shared/ipc/cadenceApi';
import type { IpcError } from '../../shared/ipc/envelope';
import type { ConflictSummary, Resolution } from '../../shared/sync/conflicts';
import type { SyncProgress, SyncReport } from '../../shared/sync/syncReport';
import type { PendingChange, SyncRun } from '../../shared/sync/syncRun';
import { useEditorStore } from './useEditorStore';
import { useMeetingEditorStore } from './useMeetingEditorStore';

interface SyncState {
  status: SyncStatus | undefined;
  conflicts: ConflictSummary[];
  pending: PendingChange[];
  runs: SyncRun[];
  /** Each series' time zone, for showing the times in a conflict as the series has them. */
  seriesZones: Readonly<Record<string, string>>;
  /** Each recurring meeting's time zone, likewise. */
  meetingZones: Readonly<Record<string, string>>;
  isRunning: boolean;
  progress: SyncProgress | undefined;
  /** The report of the sync just run, shown until anything is reloaded (its counts age). */
  lastReport: SyncReport | undefined;
  /** The conflict being settled, so its buttons wait. */
  settling: number | undefined;
  /** The last conflict settled, with what it did; `canUndo` when Zoom's version replaced something of the draft. */
  settled: { id: number; message: string; canUndo: boolean } | undefined;
  /** A choice Cadence could not carry out for a conflict, with the reason, shown on its card. */
  refused: { id: number; message: string } | undefined;
  error: IpcError | undefined;
  /** What the sync the planner asked for would make public, waiting for their word; undefined when not asking. */
  publicChanges: PendingChange[] | undefined;
  load: (api: CadenceApi) => Promise<void>;
  /** Sync now: asks first when anything would become visible to the public, else sends at once. */
  run: (api: CadenceApi) => Promise<void>;
  /** The planner's answer to the question `run` asked: make it public, or send only the rest. */
  answer: (api: CadenceApi, makePublic: boolean) => Promise<void>;
  /** The planner called the sync off at the question. */
  dismiss: () => void;
  cancel: (api: CadenceApi) => Promise<void>;
  resolve: (api: CadenceApi, id: number, keep: Resolution) => Promise<void>;
  undo: (api: CadenceApi, id: number) => Promise<void>;
  setProgress: (progress: SyncProgress) => void;
}

/** The outbox, the running sync and the conflicts, as the Sync screen shows them. */
export const useSyncStore = create<SyncState>()((set, get) => {
  async function send(api: CadenceApi, makePublic: boolean): Promise<void> {
    if (get().isRunning) return;
    set({ isRunning: true, progress: undefined, error: undefined });
    const result = await api.sync.run({ makePublic });
    await get().load(api);
    set({ isRunning: false, progress: undefined });
    // After the reload, which would otherwise clear the run's own error.
    if (result.ok) set({ lastReport: result.value });
    else set({ error: result.error });
  }
  return {
    status: undefined,
    conflicts: [],
    pending: [],
    runs: [],
    seriesZones: {},
    meetingZones: {},
    isRunning: false,
    progress: undefined,
    lastReport: undefined,
    settling: undefined,
    settled: undefined,
    refused: undefined,
    error: undefined,
    publicChanges: undefined,
    async load(api) {
      // A sync's report counts what waited when it ended; once anything is reloaded, the live counts speak.
      set({ lastReport: undefined });
      const [status, conflicts, pending, runs, series, meetings] = await Promise.all([
        api.sync.status(),
        api.conflicts.list(),
        api.sync.pending(),
        api.sync.runs({ limit: 10 }),
        api.drafts.list(),
        api.meetings.list(),
      ]);
      if (series.ok) set({ seriesZones: Object.fromEntries(series.value.map((entry) => [entry.id, entry.timezone])) });
      if (meetings.ok) {
        set({ meetingZones: Object.fromEntries(meetings.value.map((entry) => [entry.id, entry.timezone])) });
      }
      if (status.ok) set({ status: status.value });
      if (conflicts.ok) set({ conflicts: conflicts.value });
      if (pending.ok) set({ pending: pending.value });
      if (runs.ok) set({ runs: runs.value });
      const failed = [status, conflicts, pending, runs, series, meetings].find((result) => !result.ok);
      set({ error: failed?.ok === false ? failed.error : undefined });
    },
    async run(api) {
      if (get().isRunning || get().publicChanges !== undefined) return;
      // The editor's last change goes with this sync, not the next one.
      await Promise.all([useEditorStore.getState().flush(api), useMeetingEditorStore.getState().flush(api)]);
      const pending = await api.sync.pending();
      if (!pending.ok) {
        set({ error: pending.error });
        return;
      }
      // What the sync would send now, not what a conflict holds, is what the planner is asked about.
      const publicChanges = pending.value.filter(
        (change) => change.public_effect !== null && (change.state === 'pending' || change.state === 'in_flight'),
      );
      if (publicChanges.length > 0) set({ pending: pending.value, publicChanges });
      else await send(api, false);
    },
    async answer(api, makePublic) {
      set({ publicChanges: undefined });
      await send(api, makePublic);
    },
    dismiss: () => set({ publicChanges: undefined }),
    async cancel(api) {
      await api.sync.cancel();
    },
    async resolve(api, id, keep) {
      set({ settling: id, error: undefined, refused: undefined });
      const result = await api.conflicts.resolve({ id, keep });
      set({ settling: undefined });
      await get().load(api);
      // After the reload, which clears errors.
      if (result.ok) set({ settled: { id, message: result.value.message, canUndo: result.value.can_undo } });
      else if (result.error.code === 'conflict') {
        set({ refused: { id, message: result.error.message }, settled: undefined });
      } else set({ error: result.error, settled: undefined });
    },
    async undo(api, id) {
      set({ settling: id, error: undefined });
      const result = await api.conflicts.undo({ id });
      set({ settling: undefined });
      await get().load(api);
      if (result.ok) set({ settled: { id, message: result.value.message, canUndo: false } });
      else set({ error: result.error });
    },
    setProgress: (progress) => set({ progress }),
  };
});

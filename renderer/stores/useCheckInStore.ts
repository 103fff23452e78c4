import { create } from 'zustand';
import type {
  CheckInEvent,
  CheckInMatches,
  CheckInResult,
  CheckInScope,
  CheckInSettings,
  CheckInStatus,
  CheckInUploadReport,
  CheckInWho,
} from '../../shared/checkin/checkIn';
import type { CadenceApi } from '../../shared/ipc/cadenceApi';
import type { IpcError } from '../../shared/ipc/envelope';
import { defaultScope } from '../lib/checkInTimes';

type CheckInSettingsChange = Partial<Omit<CheckInSettings, 'kioskPinSet'>>;

/** What a download starts from: a series Cadence has on Zoom, or a Zoom event ID typed in. */
export type DownloadSource = { seriesId: string } | { eventId: string };

interface CheckInState {
  /** At the staffed desk, or in the kiosk, where main answers only search and record (no lists, counts or numbers). */
  mode: 'desk' | 'kiosk';
  events: CheckInEvent[] | undefined;
  /** Counts per desk and Zoom's refusals, per event. */
  status: CheckInStatus | undefined;
  settings: CheckInSettings | undefined;
  scope: CheckInScope | undefined;
  query: string;
  matches: CheckInMatches | undefined;
  /** What the desk shows after the last check-in, scan or undo. */
  result: CheckInResult | undefined;
  /** Whom the last result was asked for: the scan to start a walk-in from, the walk-in's names for a badge. */
  resultFor: CheckInWho | undefined;
  /** The check-in just taken back, so the panel says so. */
  undone: string | undefined;
  isDownloading: boolean;
  isRecording: boolean;
  isUploading: boolean;
  /** What the upload the staffer asked for did, until the next one. */
  uploadReport: CheckInUploadReport | undefined;
  error: IpcError | undefined;
  load: (api: CadenceApi) => Promise<void>;
  /** The kiosk's event or session, as main locked it; nothing else is read while locked. */
  enterKiosk: (scope: CheckInScope) => void;
  /** Rereads events, counts and refusals and the list, after anything changed them (here or at another desk). */
  refresh: (api: CadenceApi) => Promise<void>;
  download: (api: CadenceApi, from: DownloadSource) => Promise<boolean>;
  choose: (api: CadenceApi, scope: CheckInScope) => Promise<void>;
  search: (api: CadenceApi, query: string) => Promise<void>;
  /** Keeps what was typed without searching (the kiosk lists no one). */
  setQuery: (query: string) => void;
  record: (api: CadenceApi, who: CheckInWho) => Promise<void>;
  undo: (api: CadenceApi, checkInId: string) => Promise<void>;
  /** Upload now: sends what waits for the event, then reads everyone's check-ins back. */
  upload: (api: CadenceApi) => Promise<void>;
  changeSettings: (api: CadenceApi, change: CheckInSettingsChange) => Promise<void>;
  setKioskPin: (api: CadenceApi, pin: string) => Promise<IpcError | undefined>;
  clearResult: () => void;
}

/** The check-in desk: downloaded events, the scope checked in for, the search, and the last result. */
export const useCheckInStore = create<CheckInState>()((set, get) => {
  // Answers to searches typed before the latest one are dropped, so a slow answer never replaces a newer one.
  let searchSequence = 0;
  /**
   * After a check-in or an undo here, only the counts and the list change: Zoom's refusals change
   * only with an upload. Reading less keeps main free for the next scan.
   */
  async function refreshAfterCheckIn(api: CadenceApi): Promise<void> {
    if (get().mode === 'kiosk') return;
    const [events] = await Promise.all([api.checkin.events(), get().search(api, get().query)]);
    if (events.ok) set({ events: events.value });
  }
  const scopeStillThere = (events: CheckInEvent[], scope: CheckInScope | undefined) =>
    scope !== undefined && events.some((event) => event.eventId === scope.eventId);

  return {
    mode: 'desk',
    events: undefined,
    status: undefined,
    settings: undefined,
    scope: undefined,
    query: '',
    matches: undefined,
    result: undefined,
    resultFor: undefined,
    undone: undefined,
    isDownloading: false,
    isRecording: false,
    isUploading: false,
    uploadReport: undefined,
    error: undefined,
    async load(api) {
      set({ mode: 'desk' });
      const [events, status, settings] = await Promise.all([
        api.checkin.events(),
        api.checkin.status(),
        api.checkin.settings(),
      ]);
      if (settings.ok) set({ settings: settings.value });
      if (status.ok) set({ status: status.value });
      if (!events.ok) {
        set({ error: events.error });
        return;
      }
      set({ events: events.value, error: status.ok ? undefined : status.error });
      const current = get().scope;
      const first = events.value[0];
      if (!scopeStillThere(events.value, current) && first !== undefined) await get().choose(api, defaultScope(first));
      else if (current !== undefined) await get().search(api, get().query);
    },
    enterKiosk: (scope) => set({ mode: 'kiosk', scope, query: '', matches: undefined, result: undefined }),
    async refresh(api) {
      if (get().mode === 'kiosk') return;
      const [events, status] = await Promise.all([api.checkin.events(), api.checkin.status()]);
      if (events.ok) set({ events: events.value });
      if (status.ok) set({ status: status.value });
      if (get().scope !== undefined) await get().search(api, get().query);
    },
    async download(api, from) {
      set({ isDownloading: true, error: undefined });
      const result = await api.checkin.download({ from });
      set({ isDownloading: false });
      if (!result.ok) {
        set({ error: result.error });
        return false;
      }
      await get().refresh(api);
      await get().choose(api, defaultScope(result.value));
      return true;
    },
    async choose(api, scope) {
      set({ scope, query: '', matches: undefined, result: undefined, undone: undefined });
      await get().search(api, '');
    },
    async search(api, query) {
      const { scope, settings } = get();
      set({ query });
      if (scope === undefined) return;
      const sequence = ++searchSequence;
      if (query.trim() === '' && settings?.listOnlyWhenSearching === true) {
        set({ matches: undefined });
        return;
      }
      const result = await api.checkin.search({ ...scope, query });
      if (sequence !== searchSequence) return;
      if (result.ok) set({ matches: result.value });
      else set({ error: result.error });
    },
    setQuery: (query) => set({ query }),
    async record(api, who) {
      const { scope, isRecording } = get();
      if (scope === undefined || isRecording) return;
      set({ isRecording: true, error: undefined, undone: undefined });
      const result = await api.checkin.record({ ...scope, who });
      set({ isRecording: false });
      if (result.ok) set({ result: result.value, resultFor: who });
      else set({ error: result.error });
      // The box is cleared for the next person; the list and the counts show the new check-in.
      set({ query: '' });
      await refreshAfterCheckIn(api);
    },
    async undo(api, checkInId) {
      const result = await api.checkin.undo({ checkInId });
      if (!result.ok) {
        set({ error: result.error });
        return;
      }
      const shown = get().result;
      if (shown?.checkIn?.id === checkInId) set({ result: undefined });
      set({ undone: result.value.undone ? checkInId : undefined });
      await refreshAfterCheckIn(api);
    },
    async upload(api) {
      const eventId = get().scope?.eventId;
      if (get().isUploading || eventId === undefined) return;
      set({ isUploading: true, uploadReport: undefined });
      const result = await api.checkin.upload({ eventId });
      set({ isUploading: false });
      if (result.ok) set({ uploadReport: result.value });
      else set({ error: result.error });
      await get().refresh(api);
    },
    async changeSettings(api, change) {
      const before = get().settings;
      if (before !== undefined) set({ settings: { ...before, ...change } });
      const result = await api.checkin.changeSettings(change);
      if (result.ok) set({ settings: result.value, error: undefined });
      else set({ settings: before, error: result.error });
      if (change.listOnlyWhenSearching !== undefined) await get().search(api, get().query);
    },
    async setKioskPin(api, pin) {
      const result = await api.checkin.setKioskPin({ pin });
      if (!result.ok) return result.error;
      set({ settings: result.value });
      return undefined;
    },
    clearResult: () => set({ result: undefined, undone: undefined }),
  };
});

/** The downloaded event the desk checks in for. */
export function useCurrentEvent(): CheckInEvent | undefined {
  return useCheckInStore((state) => state.events?.find((event) => event.eventId === state.scope?.eventId));
}

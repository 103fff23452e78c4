import { create } from 'zustand';
import type { AttendeeDraft } from '../../shared/drafts/attendeeDraft';
import type { AttendeeImportSummary, AttendeeRow } from '../../shared/drafts/attendeeList';
import type { CadenceApi } from '../../shared/ipc/cadenceApi';
import type { IpcError, IpcResult } from '../../shared/ipc/envelope';

interface AttendeeState {
  seriesId: string | undefined;
  rows: AttendeeRow[] | undefined;
  error: IpcError | undefined;
  load: (api: CadenceApi, seriesId: string) => Promise<void>;
  /** Adds a person (no `id`) or changes one; answers main's verdict so a form can show it. */
  save: (api: CadenceApi, id: string | undefined, attendee: AttendeeDraft) => Promise<IpcResult<{ id: string }>>;
  remove: (api: CadenceApi, ids: readonly string[]) => Promise<void>;
  importMany: (
    api: CadenceApi,
    attendees: readonly AttendeeDraft[],
    dryRun: boolean,
  ) => Promise<IpcResult<AttendeeImportSummary>>;
}

/** The attendees of the series being edited, as the attendee table shows them. */
export const useAttendeeStore = create<AttendeeState>()((set, get) => ({
  seriesId: undefined,
  rows: undefined,
  error: undefined,
  async load(api, seriesId) {
    if (get().seriesId !== seriesId) set({ seriesId, rows: undefined, error: undefined });
    const result = await api.attendees.list({ seriesId });
    if (get().seriesId !== seriesId) return;
    if (result.ok) set({ rows: result.value, error: undefined });
    else set({ error: result.error });
  },
  async save(api, id, attendee) {
    const seriesId = get().seriesId ?? '';
    const result = await api.attendees.save({ seriesId, attendee, ...(id === undefined ? {} : { id }) });
    if (result.ok) await get().load(api, seriesId);
    return result;
  },
  async remove(api, ids) {
    const seriesId = get().seriesId ?? '';
    const result = await api.attendees.remove({ seriesId, ids: [...ids] });
    if (!result.ok) set({ error: result.error });
    await get().load(api, seriesId);
  },
  async importMany(api, attendees, dryRun) {
    const seriesId = get().seriesId ?? '';
    const result = await api.attendees.import({ seriesId, attendees: [...attendees], dryRun });
    if (result.ok && !dryRun) await get().load(api, seriesId);
    return result;
  },
}));

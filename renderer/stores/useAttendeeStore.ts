import { create } from 'zustand';
import type { AttendeeDraft } from '../../shared/drafts/attendeeDraft';
import { importParts } from '../lib/importParts';
import type { AttendeeImportSummary, AttendeeRow } from '../../shared/drafts/attendeeList';
import type { PlaceCount } from '../../shared/drafts/capacity';
import type { CadenceApi } from '../../shared/ipc/cadenceApi';
import type { IpcError, IpcResult } from '../../shared/ipc/envelope';

interface AttendeeState {
  seriesId: string | undefined;
  rows: AttendeeRow[] | undefined;
  /** Places taken and people waiting, for the series or each session with a capacity. */
  places: PlaceCount[];
  error: IpcError | undefined;
  load: (api: CadenceApi, seriesId: string) => Promise<void>;
  /** Adds a person (no `id`) or changes one; answers main's verdict so a form can show it. */
  save: (api: CadenceApi, id: string | undefined, attendee: AttendeeDraft) => Promise<IpcResult<{ id: string }>>;
  remove: (api: CadenceApi, ids: readonly string[]) => Promise<void>;
  /** Moves a waiting person to `place` in the waiting list (1 is next in line). */
  moveWaiting: (api: CadenceApi, id: string, place: number) => Promise<void>;
  /**
   * Imports many people in parts of one request each, then writes them all at once; `onProgress`
   * hears how many rows main has received. An import that fails half-way writes nothing.
   */
  importMany: (
    api: CadenceApi,
    attendees: readonly Record<string, unknown>[],
    onProgress: (received: number) => void,
  ) => Promise<IpcResult<AttendeeImportSummary>>;
}

/** Each part of an import stays well under the request limit of `cadence serve` (1 MiB). */
const maxPartBytes = 512 * 1024;

/** The attendees of the series being edited, as the attendee table shows them. */
export const useAttendeeStore = create<AttendeeState>()((set, get) => ({
  seriesId: undefined,
  rows: undefined,
  places: [],
  error: undefined,
  async load(api, seriesId) {
    if (get().seriesId !== seriesId) set({ seriesId, rows: undefined, places: [], error: undefined });
    const [result, places] = await Promise.all([api.attendees.list({ seriesId }), api.attendees.places({ seriesId })]);
    if (get().seriesId !== seriesId) return;
    if (result.ok) set({ rows: result.value, error: undefined });
    else set({ error: result.error });
    if (places.ok) set({ places: places.value });
  },
  async moveWaiting(api, id, place) {
    const seriesId = get().seriesId ?? '';
    const result = await api.attendees.moveWaiting({ seriesId, id, place });
    if (!result.ok) set({ error: result.error });
    await get().load(api, seriesId);
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
  async importMany(api, attendees, onProgress) {
    const seriesId = get().seriesId ?? '';
    const begun = await api.attendees.importBegin({ seriesId, total: attendees.length });
    if (!begun.ok) return begun;
    const { importId } = begun.value;
    for (const part of importParts(attendees, maxPartBytes)) {
      const sent = await api.attendees.importRows({ importId, offset: part.offset, attendees: part.rows });
      if (!sent.ok) {
        void api.attendees.importCancel({ importId });
        return sent;
      }
      onProgress(sent.value.received);
    }
    const result = await api.attendees.importCommit({ importId });
    if (result.ok) await get().load(api, seriesId);
    return result;
  },
}));

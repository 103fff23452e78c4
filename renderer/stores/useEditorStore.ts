import { create } from 'zustand';
import { seriesDraftSchema, type SeriesDraft } from '../../shared/drafts/seriesDraft';
import { draftIssues } from '../../shared/drafts/seriesFile';
import { pastStartIssues } from '../../shared/drafts/startRules';
import { isReplaced, type SeriesLinks } from '../../shared/drafts/seriesLink';
import type { CadenceApi } from '../../shared/ipc/cadenceApi';
import type { IpcError, Issue } from '../../shared/ipc/envelope';

type WithoutAttendees<T> = T extends unknown ? Omit<T, 'attendees'> : never;
/** Everything the series editor edits: the draft without its attendees (they have their own table). */
export type SeriesDetails = WithoutAttendees<SeriesDraft>;

export type SaveState = 'saved' | 'saving' | 'invalid' | 'failed';

interface EditorState {
  seriesId: string | undefined;
  details: SeriesDetails | undefined;
  /** Problems found as the planner types, and those main reported for the last save. */
  issues: Issue[];
  saveState: SaveState;
  error: IpcError | undefined;
  /** Published on Zoom: Zoom keeps how the series repeats as it is. */
  isPublished: boolean;
  /** Synced once: Zoom holds the series, so its start may lie in the past. */
  isOnZoom: boolean;
  /** False while the planner keeps the series out of syncs ("Not ready"). */
  isReady: boolean;
  /** The series' attendees, who hear from Zoom about a cancelled session once it is published. */
  attendeeCount: number;
  /** The series this one continues, and the one that continues it (a pattern change). */
  links: SeriesLinks;
  /**
   * The planner is changing a published series' pattern: edits wait for the change to be
   * confirmed (a new event) instead of being saved.
   */
  isChangingPattern: boolean;
  /** The series as it is stored (and on Zoom) while a pattern change is drafted; undefined otherwise. */
  patternChangeFrom: SeriesDetails | undefined;
  startPatternChange: (api: CadenceApi) => Promise<void>;
  /** Drops the edits made for a pattern change: the series as stored again. */
  cancelPatternChange: (api: CadenceApi) => Promise<void>;
  setReady: (api: CadenceApi, isReady: boolean) => Promise<void>;
  /** A new series was just made: its name field takes the focus once shown. */
  isNameFocusWanted: boolean;
  wantNameFocus: (isWanted: boolean) => void;
  open: (api: CadenceApi, seriesId: string) => Promise<void>;
  /** Applies an edit and saves it once the planner pauses (or at once with `flush`). */
  change: (api: CadenceApi, edit: (details: SeriesDetails) => SeriesDetails) => void;
  flush: (api: CadenceApi) => Promise<void>;
  /**
   * Sends the edit waiting for the pause at once, without waiting for a save on its way: the page
   * is closing, and the call must start before it is gone.
   */
  saveBeforeLeaving: (api: CadenceApi) => void;
  close: () => void;
}

const pauseBeforeSaveMs = 350;
let timer: ReturnType<typeof setTimeout> | undefined;
let saving: Promise<void> = Promise.resolve();
/** The details last handed to main, so a close right after a save does not send them twice. */
let sentDetails: SeriesDetails | undefined;

/** The editor's own checks: every rule except the attendees', which main checks on save. */
export function detailIssues(details: SeriesDetails, isOnZoom: boolean, now = Date.now()): Issue[] {
  const parsed = seriesDraftSchema.safeParse({ ...details, attendees: [] });
  return [...(parsed.success ? [] : draftIssues(parsed.error)), ...pastStartIssues(details, { now, isOnZoom })];
}

function withoutAttendees(draft: SeriesDraft): SeriesDetails {
  const details: Partial<SeriesDraft> = { ...draft };
  delete details.attendees;
  return details as SeriesDetails;
}

/** The series being edited; every valid edit is saved without a Save button. */
export const useEditorStore = create<EditorState>()((set, get) => ({
  seriesId: undefined,
  details: undefined,
  issues: [],
  saveState: 'saved',
  error: undefined,
  isPublished: false,
  isOnZoom: false,
  isReady: true,
  attendeeCount: 0,
  links: { replaces: [], replaced_by: [] },
  isChangingPattern: false,
  patternChangeFrom: undefined,
  isNameFocusWanted: false,
  wantNameFocus: (isNameFocusWanted) => set({ isNameFocusWanted }),
  async open(api, seriesId) {
    await get().flush(api);
    set({
      seriesId,
      details: undefined,
      issues: [],
      saveState: 'saved',
      error: undefined,
      isPublished: false,
      isOnZoom: false,
      isChangingPattern: false,
      patternChangeFrom: undefined,
      links: { replaces: [], replaced_by: [] },
    });
    const [result, list, links] = await Promise.all([
      api.drafts.get({ id: seriesId, attendees: false }),
      api.drafts.list(),
      api.drafts.links({ id: seriesId }),
    ]);
    if (get().seriesId !== seriesId) return;
    const entry = list.ok ? list.value.find((candidate) => candidate.id === seriesId) : undefined;
    const isPublished = entry?.is_published === true;
    const isReady = entry?.is_ready ?? true;
    const attendeeCount = entry?.attendees ?? 0;
    // Unsure means not on Zoom: main checks again on save and has the last word.
    const isOnZoom = entry !== undefined && entry.sync_state !== 'draft';
    if (!result.ok) {
      set({ error: result.error });
      return;
    }
    const details = withoutAttendees(result.value.draft);
    set({
      details,
      isPublished,
      isOnZoom,
      isReady,
      attendeeCount,
      links: links.ok ? links.value : { replaces: [], replaced_by: [] },
      issues: detailIssues(details, isOnZoom),
    });
  },
  async startPatternChange(api) {
    await get().flush(api);
    set({ isChangingPattern: true, patternChangeFrom: get().details });
  },
  async cancelPatternChange(api) {
    const { seriesId } = get();
    set({ isChangingPattern: false, patternChangeFrom: undefined });
    if (seriesId !== undefined) await get().open(api, seriesId);
  },
  change(api, edit) {
    const current = get().details;
    // A replaced series is read-only: main would refuse the save.
    if (current === undefined || isReplaced(get().links)) return;
    const details = edit(current);
    const issues = detailIssues(details, get().isOnZoom);
    // A pattern change is made as a whole once confirmed, never saved edit by edit.
    if (get().isChangingPattern) {
      set({ details, issues });
      return;
    }
    set({ details, issues, saveState: issues.length > 0 ? 'invalid' : 'saving' });
    clearTimeout(timer);
    if (issues.length === 0) timer = setTimeout(() => void get().flush(api), pauseBeforeSaveMs);
  },
  async flush(api) {
    clearTimeout(timer);
    timer = undefined;
    await saving;
    const { seriesId, details, saveState } = get();
    if (seriesId === undefined || details === undefined || saveState !== 'saving') return;
    sentDetails = details;
    saving = (async () => {
      const result = await api.drafts.saveDetails({ id: seriesId, draft: details });
      // A newer edit arrived meanwhile: it will be saved in its turn.
      if (get().details !== details) return;
      if (result.ok) set({ saveState: 'saved', error: undefined });
      else if (result.error.code === 'invalid_input') set({ saveState: 'invalid', issues: result.error.issues });
      else set({ saveState: 'failed', error: result.error });
    })();
    await saving;
  },
  async setReady(api, isReady) {
    const { seriesId } = get();
    if (seriesId === undefined || isReplaced(get().links)) return;
    // The box follows the click at once; a refusal puts it back.
    set({ isReady });
    const result = await api.drafts.setReady({ id: seriesId, isReady });
    if (!result.ok) set({ isReady: !isReady, error: result.error });
  },
  saveBeforeLeaving(api) {
    clearTimeout(timer);
    timer = undefined;
    const { seriesId, details, saveState } = get();
    if (seriesId === undefined || details === undefined || saveState !== 'saving' || details === sentDetails) return;
    sentDetails = details;
    void api.drafts.saveDetails({ id: seriesId, draft: details });
  },
  close: () => set({ seriesId: undefined, details: undefined, issues: [], error: undefined }),
}));

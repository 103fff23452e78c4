import { create } from 'zustand';
import { meetingDraftSchema, type MeetingDraft } from '../../shared/meetings/meetingDraft';
import type { MeetingSummary } from '../../shared/meetings/meetingViews';
import { draftIssues } from '../../shared/drafts/seriesFile';
import type { CadenceApi } from '../../shared/ipc/cadenceApi';
import type { IpcError, Issue } from '../../shared/ipc/envelope';
import { newMeetingDraft } from '../lib/newMeeting';
import type { SaveState } from './useEditorStore';

interface MeetingEditorState {
  /** The meeting being edited; undefined for a new one until its first save. */
  meetingId: string | undefined;
  draft: MeetingDraft | undefined;
  /** A new meeting's ID from its first save, until the editor has taken it as its place. */
  createdId: string | undefined;
  /** Where it stands with Zoom, as it was when opened. */
  summary: MeetingSummary | undefined;
  /** Problems found as the planner types, and those main reported for the last save. */
  issues: Issue[];
  saveState: SaveState;
  error: IpcError | undefined;
  open: (api: CadenceApi, meetingId: string) => Promise<void>;
  /** Starts a new meeting, saved (and given an ID) at its first valid edit. */
  openNew: (api: CadenceApi) => Promise<void>;
  /** Applies an edit and saves it once the planner pauses (or at once with `flush`). */
  change: (api: CadenceApi, edit: (draft: MeetingDraft) => MeetingDraft) => void;
  flush: (api: CadenceApi) => Promise<void>;
  /** Sends the edit waiting for the pause at once: the page is closing, the call must start before it is gone. */
  saveBeforeLeaving: (api: CadenceApi) => void;
  /** The editor has taken the new meeting's ID as its place. */
  takeCreated: () => void;
}

const pauseBeforeSaveMs = 350;
let timer: ReturnType<typeof setTimeout> | undefined;
let saving: Promise<void> = Promise.resolve();
/** A new meeting's first save is on its way: another would make a second meeting. */
let isCreating = false;
/** The new meeting whose place the editor has just taken: opening it again keeps what is shown. */
let adoptedId: string | undefined;
/** The draft last handed to main, so a close right after a save does not send it twice. */
let sentDraft: MeetingDraft | undefined;

/** The meeting's problems by the same schema main saves with (Zoom's limit of 50 occurrences included). */
export function meetingIssues(draft: MeetingDraft): Issue[] {
  const parsed = meetingDraftSchema.safeParse(draft);
  return parsed.success ? [] : draftIssues(parsed.error);
}

/** The meeting being edited; every valid edit is saved without a Save button, as series drafts are. */
export const useMeetingEditorStore = create<MeetingEditorState>()((set, get) => ({
  meetingId: undefined,
  createdId: undefined,
  draft: undefined,
  summary: undefined,
  issues: [],
  saveState: 'saved',
  error: undefined,
  async open(api, meetingId) {
    set({ createdId: undefined });
    // Already shown: the new meeting that has just been saved and given its ID; only its standing is read.
    const isAdopted = adoptedId === meetingId && get().meetingId === meetingId && get().draft !== undefined;
    adoptedId = undefined;
    if (isAdopted) {
      const found = await api.meetings.get({ id: meetingId });
      if (found.ok && get().meetingId === meetingId) set({ summary: found.value.summary });
      return;
    }
    await get().flush(api);
    set({ meetingId, draft: undefined, summary: undefined, issues: [], saveState: 'saved', error: undefined });
    const result = await api.meetings.get({ id: meetingId });
    if (get().meetingId !== meetingId) return;
    if (!result.ok) {
      set({ error: result.error });
      return;
    }
    const { draft, summary } = result.value;
    set({ draft, summary, issues: meetingIssues(draft) });
  },
  async openNew(api) {
    set({ createdId: undefined });
    await get().flush(api);
    const draft = newMeetingDraft();
    const issues = meetingIssues(draft);
    set({
      meetingId: undefined,
      draft,
      summary: undefined,
      issues,
      saveState: issues.length > 0 ? 'invalid' : 'saving',
      error: undefined,
    });
  },
  change(api, edit) {
    const current = get().draft;
    if (current === undefined) return;
    const draft = edit(current);
    const issues = meetingIssues(draft);
    set({ draft, issues, saveState: issues.length > 0 ? 'invalid' : 'saving' });
    clearTimeout(timer);
    if (issues.length === 0) timer = setTimeout(() => void get().flush(api), pauseBeforeSaveMs);
  },
  async flush(api) {
    clearTimeout(timer);
    timer = undefined;
    await saving;
    const { meetingId, draft, saveState } = get();
    if (draft === undefined || saveState !== 'saving') return;
    sentDraft = draft;
    isCreating = meetingId === undefined;
    saving = (async () => {
      const result = await api.meetings.save({ ...(meetingId === undefined ? {} : { id: meetingId }), draft });
      isCreating = false;
      if (result.ok && meetingId === undefined && get().draft !== undefined && get().meetingId === undefined) {
        set({ meetingId: result.value.id, createdId: result.value.id });
      }
      // A newer edit arrived meanwhile: it will be saved in its turn.
      if (get().draft !== draft) return;
      if (result.ok) set({ saveState: 'saved', error: undefined });
      else if (result.error.code === 'invalid_input') set({ saveState: 'invalid', issues: result.error.issues });
      else set({ saveState: 'failed', error: result.error });
    })();
    await saving;
  },
  saveBeforeLeaving(api) {
    clearTimeout(timer);
    timer = undefined;
    const { meetingId, draft, saveState } = get();
    if (draft === undefined || saveState !== 'saving' || draft === sentDraft) return;
    if (meetingId === undefined && isCreating) return;
    sentDraft = draft;
    void api.meetings.save({ ...(meetingId === undefined ? {} : { id: meetingId }), draft });
  },
  takeCreated() {
    adoptedId = get().createdId;
    set({ createdId: undefined });
  },
}));

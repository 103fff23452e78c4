import type { Issue } from '../../../shared/ipc/envelope';
import type { MeetingDraft, MeetingSettings } from '../../../shared/meetings/meetingDraft';

/** What every part of the meeting form receives: the draft, its problems, and a way to edit it. */
export interface MeetingPartProps {
  draft: MeetingDraft;
  issues: readonly Issue[];
  edit: (change: (draft: MeetingDraft) => MeetingDraft) => void;
}

/** The draft with some settings changed. */
export function withSettings(draft: MeetingDraft, fields: Partial<MeetingSettings>): MeetingDraft {
  return { ...draft, settings: { ...draft.settings, ...fields } };
}

/** Text typed into an optional field: an empty field leaves it out. */
export function optionalValue(text: string): string | undefined {
  return text === '' ? undefined : text;
}

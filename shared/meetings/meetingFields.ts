import type { MeetingDraft } from './meetingDraft';

/**
 * The fields of a meeting that live on Zoom's meeting and that either side may change: what a
 * sync compares three ways. The host and the key stay as created.
 */
export type MeetingFields = Pick<
  MeetingDraft,
  'topic' | 'agenda' | 'timezone' | 'start_time' | 'recurrence' | 'password' | 'settings'
>;

export const comparedMeetingFields = [
  'topic',
  'agenda',
  'timezone',
  'start_time',
  'recurrence',
  'password',
  'settings',
] as const satisfies readonly (keyof MeetingFields)[];

/** The compared fields of a draft, without the ones it leaves unset. */
export function meetingFieldsOf(draft: MeetingDraft): MeetingFields {
  const fields: MeetingFields = {
    topic: draft.topic,
    timezone: draft.timezone,
    start_time: draft.start_time,
    recurrence: draft.recurrence,
    settings: draft.settings,
  };
  if (draft.agenda !== undefined) fields.agenda = draft.agenda;
  if (draft.password !== undefined) fields.password = draft.password;
  return fields;
}

import type { MeetingDraft, MeetingSettings } from './meetingDraft';
import type { ComparableMeetingFields, MeetingFieldName } from './meetingToZoom';

/** Some fields' values in comparable form, by name (`settings.waiting_room` one by one). */
export type MeetingFieldValues = Partial<Record<MeetingFieldName, unknown>>;

/** The values of the named fields. */
export function meetingFieldValues(
  fields: ComparableMeetingFields,
  names: readonly MeetingFieldName[],
): MeetingFieldValues {
  const values: MeetingFieldValues = {};
  for (const name of names) {
    if (name.startsWith('settings.')) {
      values[name] = fields.settings[name.slice('settings.'.length) as keyof MeetingSettings];
    } else values[name] = fields[name as Exclude<MeetingFieldName, `settings.${string}`>];
  }
  return values;
}

/**
 * A draft with these fields' values written in: the candidate a three-way comparison or a
 * resolution makes, to be parsed by the draft's schema before it is kept. An empty agenda or an
 * absent passcode removes the field; a recurrence keeps the draft's duration unless `duration`
 * is among the values.
 */
export function withMeetingFieldValues(draft: MeetingDraft, values: MeetingFieldValues): unknown {
  const next: Record<string, unknown> = { ...draft, settings: { ...draft.settings } };
  const removed = new Set<string>();
  const settings = next.settings as Record<string, unknown>;
  let recurrence: Record<string, unknown> = { ...draft.recurrence };
  for (const [name, value] of Object.entries(values)) {
    if (name.startsWith('settings.')) settings[name.slice('settings.'.length)] = value;
    else if (name === 'duration') recurrence.duration = value;
    else if (name === 'recurrence' && typeof value === 'object' && value !== null) {
      recurrence = { ...(value as Record<string, unknown>), duration: recurrence.duration };
    } else if ((name === 'agenda' || name === 'password') && (value === '' || value === undefined || value === null)) {
      removed.add(name);
    } else next[name] = value;
  }
  next.recurrence = recurrence;
  return Object.fromEntries(Object.entries(next).filter(([name]) => !removed.has(name)));
}

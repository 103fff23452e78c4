import { ownEntry } from '../../../shared/ownEntry';
/** "1 session", "3 sessions". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${String(n)} ${n === 1 ? one : many}`;
}

const fieldWords: Readonly<Record<string, string>> = {
  name: 'name',
  description: 'description',
  timezone: 'time zone',
  start_time: 'start',
  end_time: 'end',
  recurrence: 'schedule',
  hub_id: 'hub',
  meeting_type: 'meeting type',
  attendance_type: 'attendance',
  access_level: 'access',
  event_type: 'event type',
};

/** The changed fields of an update, in words: " (name, start)"; empty without changes. */
export function changedFieldWords(changes: object): string {
  const words = Object.keys(changes).map((key) => ownEntry(fieldWords, key) ?? key.replaceAll('_', ' '));
  return words.length === 0 ? '' : ` (${words.join(', ')})`;
}

/** The fields named in a subject line: "name, start". */
export function fieldList(fields: readonly string[]): string {
  return fields.join(', ');
}

/** Picks some fields of an object. */
export function pick<T extends object>(fields: T, keys: readonly (keyof T)[]): Partial<T> {
  const picked: Partial<T> = {};
  for (const key of keys) picked[key] = fields[key];
  return picked;
}

import { describeRecurrence } from '../../shared/recurrence/describeRecurrence';
import type { HistoryEntry, HistoryItem, HistorySource } from '../../shared/history/seriesHistory';
import { nameOf } from './fieldNames';
import { plural } from './words';
import { formatMoment } from './zonedTime';

/** Who made a change, as the history's filters and entries say it. */
export const sourceWords: Readonly<Record<HistorySource, string>> = {
  here: 'on this laptop',
  zoom: 'on Zoom',
  planner: 'by another planner',
  resolution: 'conflict settled',
  opened: 'opened from Zoom',
};

const resolutionWords = { keep_mine: 'kept mine', take_theirs: 'took Zoom’s', undo: 'undone' } as const;

/** What part of a series an entry is about, for the "what" filter. */
export const itemWords: Readonly<Record<HistoryItem, string>> = {
  event: 'Event',
  series: 'Event',
  session: 'Sessions',
  ticket_type: 'Ticket type',
  registration: 'Registration link',
  attendee: 'Attendees',
};

/** Fields whose values are Zoom's codes rather than the planner's own words. */
const codeFields = new Set([
  'event_type',
  'meeting_type',
  'attendance_type',
  'access_level',
  'recurring_registration_option',
  'authentication_method',
  'on_closed_day',
]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A stored value in words: times in the series' zone, yes and no, lists, a group of fields. */
export function valueWords(value: unknown, zone: string, field?: string): string {
  if (value === undefined || value === null || value === '') return '—';
  if (field === 'recurrence' && isRecord(value)) return describeRecurrence(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?Z$/.test(value))
    return formatMoment(value, zone);
  // Zoom's codes (all_sessions, PRIVATE_RESTRICTED, WEBINAR) as words; names and currencies as they are.
  if (typeof value === 'string' && field !== undefined && codeFields.has(field))
    return value.toLowerCase().replaceAll('_', ' ');
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return value.toLocaleString();
  if (Array.isArray(value)) return value.map((item) => valueWords(item, zone)).join(', ');
  if (isRecord(value)) {
    return Object.entries(value)
      .filter(([, item]) => item !== undefined && item !== null)
      .map(([inner, item]) => `${nameOf(inner)}: ${valueWords(item, zone, inner)}`)
      .join('; ');
  }
  return '';
}

/** A session's change (or none: as planned) in words. */
function sessionWords(value: unknown, zone: string): string {
  if (!isRecord(value)) return 'as planned';
  // A closed day's change says which day: "cancelled (Thanksgiving Day)".
  const closedDay =
    isRecord(value.closed_day) && typeof value.closed_day.name === 'string' ? value.closed_day.name : '';
  const reason = closedDay === '' ? '' : ` (${closedDay})`;
  if (value.action === 'cancel') return `cancelled${reason}`;
  return typeof value.start_time === 'string'
    ? `moved to ${formatMoment(value.start_time, zone)}${reason}`
    : `moved${reason}`;
}

/** The name of someone added or removed: their name and email, or the email alone. */
function personWords(value: unknown, email: string): string {
  if (!isRecord(value)) return email;
  const name = [value.first_name, value.last_name].filter((part) => typeof part === 'string').join(' ');
  return name === '' ? email : `${name} (${email})`;
}

/** A pattern change, from the side of the series the entry belongs to. */
function patternChangeWords(entry: HistoryEntry): string {
  const text = (value: unknown, key: string) => (isRecord(value) && typeof value[key] === 'string' ? value[key] : '');
  const patterns = `${text(entry.old, 'pattern')} → ${text(entry.new, 'pattern')}`;
  return entry.subject === 'replaced_by'
    ? `Pattern changed (${patterns}): continues as the new series "${text(entry.new, 'name')}"`
    : `Continues "${text(entry.old, 'name')}" with a new pattern (${patterns})`;
}

/** What changed, in the planner's words: "Name: Weekly sync → Team sync". */
export function changeWords(entry: HistoryEntry, zone: string): string {
  const change = (label: string) =>
    `${label}: ${valueWords(entry.old, zone, entry.field)} → ${valueWords(entry.new, zone, entry.field)}`;
  switch (entry.item) {
    case 'series': {
      if (entry.field === 'pattern_change') return patternChangeWords(entry);
      const name = isRecord(entry.new) && typeof entry.new.name === 'string' ? entry.new.name : '';
      const people = isRecord(entry.new) && typeof entry.new.attendees === 'number' ? entry.new.attendees : 0;
      const what = entry.source === 'opened' ? 'Opened from Zoom' : 'Series created';
      return `${what}: ${name}${people > 0 ? `, with ${plural(people, 'attendee')}` : ''}`;
    }
    case 'event':
      return change(nameOf(entry.field));
    case 'ticket_type':
    case 'registration': {
      const label = entry.item === 'ticket_type' ? 'Ticket type' : 'Registration link';
      if (entry.field !== '*') return change(`${label} · ${nameOf(entry.field)}`);
      const whole = entry.new ?? entry.old;
      const named = isRecord(whole) ? (whole.name ?? whole.link_name) : undefined;
      return `${label} ${entry.new === null ? 'removed' : 'added'}${typeof named === 'string' ? `: ${named}` : ''}`;
    }
    case 'session': {
      const label = entry.subject === null ? 'Sessions' : entry.subject.replace(/^session/, 'Session');
      if (entry.field !== 'change') return change(label);
      return `${label}: ${sessionWords(entry.old, zone)} → ${sessionWords(entry.new, zone)}`;
    }
    case 'attendee': {
      if (entry.subject === null) {
        const counts = isRecord(entry.new) ? entry.new : {};
        const parts = (['added', 'changed', 'removed'] as const).flatMap((what) => {
          const count = counts[what];
          return typeof count === 'number' && count > 0 ? [`${count.toLocaleString()} ${what}`] : [];
        });
        return `Attendees: ${parts.join(', ')}`;
      }
      if (entry.field === '*') {
        return entry.new === null
          ? `Attendee removed: ${personWords(entry.old, entry.subject)}`
          : `Attendee added: ${personWords(entry.new, entry.subject)}`;
      }
      return change(`${entry.subject} · ${nameOf(entry.field)}`);
    }
  }
}

/** Who made it: "on Zoom", "conflict settled: took Zoom’s". */
export function sourceOf(entry: HistoryEntry): string {
  if (entry.source === 'resolution' && entry.resolution !== null) {
    return `${sourceWords.resolution}: ${resolutionWords[entry.resolution]}`;
  }
  return sourceWords[entry.source];
}

/** When, for a list read today: "10:42 today", "10:42 yesterday", else the day and time. */
export function whenWords(at: string, now: Date, zone: string): string {
  const day = (date: Date) => new Intl.DateTimeFormat(undefined, { timeZone: zone, dateStyle: 'short' }).format(date);
  const time = new Intl.DateTimeFormat(undefined, { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(
    Date.parse(at),
  );
  const then = new Date(Date.parse(at));
  if (day(then) === day(now)) return `${time} today`;
  if (day(then) === day(new Date(now.getTime() - 86_400_000))) return `${time} yesterday`;
  return new Intl.DateTimeFormat(undefined, {
    timeZone: zone,
    month: 'short',
    day: 'numeric',
    year: then.getFullYear() === now.getFullYear() ? undefined : 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(then);
}

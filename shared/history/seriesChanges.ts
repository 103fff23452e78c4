import type { AttendeeDraft } from '../drafts/attendeeDraft';
import type { SeriesDraft } from '../drafts/seriesDraft';
import type { HistoryItem } from './seriesHistory';

/** One field's change on one item of a series, before it is dated and attributed. */
export interface HistoryChange {
  item: HistoryItem;
  subject: string | null;
  field: string;
  old: unknown;
  new: unknown;
}

/** The draft's parts that are compared on their own rather than as event fields. */
const ownParts = new Set(['attendees', 'ticket_type', 'registration', 'occurrence_changes']);

/** JSON with sorted keys: two values are the same change-wise when their texts are equal. */
function canonical(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Whether two stored values are the same (undefined and null both mean "not set"). */
export function isSameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

const valueOf = (value: unknown): unknown => value ?? null;

/** Field by field differences of two objects, on one item. */
function fieldChanges(
  item: HistoryItem,
  subject: string | null,
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  skip: ReadonlySet<string> = new Set(),
): HistoryChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((field) => !skip.has(field));
  return fields.flatMap((field) =>
    isSameValue(before[field], after[field])
      ? []
      : [{ item, subject, field, old: valueOf(before[field]), new: valueOf(after[field]) }],
  );
}

/** A part that may be absent (ticket type, registration link): added or removed whole, else per field. */
function partChanges(item: HistoryItem, before: object | undefined, after: object | undefined): HistoryChange[] {
  if (before === undefined && after === undefined) return [];
  if (before === undefined || after === undefined) {
    return [{ item, subject: null, field: '*', old: valueOf(before), new: valueOf(after) }];
  }
  return fieldChanges(item, null, before as Record<string, unknown>, after as Record<string, unknown>);
}

/** A session's change without its number, which the entry's subject names. */
function sessionChangesOf(draft: SeriesDraft): Map<number, Record<string, unknown>> {
  const changes = draft.event_type === 'RECURRING' ? draft.occurrence_changes : [];
  return new Map(changes.map(({ occurrence, ...change }) => [occurrence, change]));
}

/**
 * What changed between a stored draft and the next one, old → new per field: the event's own
 * fields, the ticket type, the registration link and each session's move or cancellation. The
 * attendees are compared apart (`attendeeChanges`), since the editor's saves leave them out.
 */
export function seriesChanges(before: SeriesDraft, after: SeriesDraft): HistoryChange[] {
  const eventChanges = fieldChanges('event', null, before, after, ownParts);
  const beforeSessions = sessionChangesOf(before);
  const afterSessions = sessionChangesOf(after);
  const occurrences = [...new Set([...beforeSessions.keys(), ...afterSessions.keys()])].sort((a, b) => a - b);
  const sessionChanges = occurrences.flatMap((occurrence): HistoryChange[] => {
    const old = beforeSessions.get(occurrence);
    const next = afterSessions.get(occurrence);
    if (isSameValue(old, next)) return [];
    return [
      {
        item: 'session',
        subject: `session ${String(occurrence)}`,
        field: 'change',
        old: valueOf(old),
        new: valueOf(next),
      },
    ];
  });
  return [
    ...eventChanges,
    ...partChanges('ticket_type', before.ticket_type, after.ticket_type),
    ...partChanges('registration', before.registration, after.registration),
    ...sessionChanges,
  ];
}

/** What one attendee's write changed: added or removed whole (`*`), else per field; subject is the email. */
export function attendeeChanges(before: AttendeeDraft | undefined, after: AttendeeDraft | undefined): HistoryChange[] {
  const email = (after ?? before)?.email.toLowerCase() ?? '';
  if (before === undefined && after === undefined) return [];
  if (before === undefined || after === undefined) {
    return [{ item: 'attendee', subject: email, field: '*', old: valueOf(before), new: valueOf(after) }];
  }
  return fieldChanges('attendee', email, before, after);
}

/** Above this many people changed at once (an import), one summary entry stands for them. */
export const attendeeSummaryThreshold = 500;

/** How many people one write added, changed and removed. */
export interface AttendeeCounts {
  added: number;
  changed: number;
  removed: number;
}

/** The one entry of a large attendee write: how many were added, changed and removed. */
export function attendeeSummary(counts: AttendeeCounts): HistoryChange {
  return { item: 'attendee', subject: null, field: '*', old: null, new: { ...counts } };
}

/**
 * The attendees' changes of one write: one per person and field, or a single summary above
 * `attendeeSummaryThreshold` people. `pairs` holds each person's row before and after.
 */
export function attendeeListChanges(
  pairs: readonly (readonly [AttendeeDraft | undefined, AttendeeDraft | undefined])[],
): HistoryChange[] {
  const changed = pairs.filter(
    ([before, after]) => before === undefined || after === undefined || !isSameValue(before, after),
  );
  if (changed.length > attendeeSummaryThreshold) {
    return [
      attendeeSummary({
        added: changed.filter(([before]) => before === undefined).length,
        removed: changed.filter(([, after]) => after === undefined).length,
        changed: changed.filter(([before, after]) => before !== undefined && after !== undefined).length,
      }),
    ];
  }
  return changed.flatMap(([before, after]) => attendeeChanges(before, after));
}

/** The one entry of a series made here, or opened from Zoom: not one per field. */
export function seriesCreated(draft: SeriesDraft): HistoryChange {
  return {
    item: 'series',
    subject: null,
    field: '*',
    old: null,
    new: { name: draft.name, attendees: draft.attendees.length },
  };
}

/** Each person of either list with their row before and after, matched by email. */
export function attendeePairs(
  before: readonly AttendeeDraft[],
  after: readonly AttendeeDraft[],
): [AttendeeDraft | undefined, AttendeeDraft | undefined][] {
  const previous = new Map(before.map((attendee) => [attendee.email.toLowerCase(), attendee]));
  const pairs: [AttendeeDraft | undefined, AttendeeDraft | undefined][] = after.map((attendee) => {
    const key = attendee.email.toLowerCase();
    const old = previous.get(key);
    previous.delete(key);
    return [old, attendee];
  });
  for (const gone of previous.values()) pairs.push([gone, undefined]);
  return pairs;
}

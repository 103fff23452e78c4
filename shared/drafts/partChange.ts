import type { OccurrenceChange } from './occurrenceChange';
import type { RecurringSeriesDraft, SeriesDraft } from './seriesDraft';

/** The fields a part has as its whole has them; its start and pattern are its own place in the whole. */
const sharedFields = [
  'name',
  'description',
  'hub_id',
  'timezone',
  'meeting_type',
  'attendance_type',
  'access_level',
  'ticket_type',
  'registration',
] as const;

const partSuffix = / \(part \d+ of \d+\)$/;

/** A part's event name as its whole's: "Daily standup (part 2 of 5)" is "Daily standup"; another name stays. */
export function wholeNameOf(partName: string): string {
  const name = partName.replace(partSuffix, '').trimEnd();
  return name === '' ? partName : name;
}

/**
 * A change made to a part (Zoom's, read back or taken in a conflict) as the same change of its
 * whole, which every part is derived from: the shared fields the part changed, and its sessions'
 * changes renumbered into the whole (`firstOccurrence`, `count`: where the part sits in it).
 * Without this the next edit of the whole would send the part's old values back to Zoom.
 */
export function liftPartChange(
  whole: RecurringSeriesDraft,
  before: SeriesDraft,
  after: SeriesDraft,
  place: { firstOccurrence: number; count: number },
): RecurringSeriesDraft {
  const lifted: Record<string, unknown> = { ...whole };
  const was = before as Record<string, unknown>;
  const is = after as Record<string, unknown>;
  for (const field of sharedFields) {
    if (JSON.stringify(was[field]) === JSON.stringify(is[field])) continue;
    lifted[field] = field === 'name' ? wholeNameOf(after.name) : is[field];
  }
  if (
    before.event_type === 'RECURRING' &&
    after.event_type === 'RECURRING' &&
    JSON.stringify(before.occurrence_changes) !== JSON.stringify(after.occurrence_changes)
  ) {
    const last = place.firstOccurrence + place.count - 1;
    const outside = whole.occurrence_changes.filter(
      (change) => change.occurrence < place.firstOccurrence || change.occurrence > last,
    );
    const inside = after.occurrence_changes.map((change): OccurrenceChange => ({
      ...change,
      occurrence: change.occurrence + place.firstOccurrence - 1,
    }));
    lifted.occurrence_changes = [...outside, ...inside].sort((a, b) => a.occurrence - b.occurrence);
  }
  // A field the part no longer has is left out of the whole too.
  return Object.fromEntries(Object.entries(lifted).filter(([, value]) => value !== undefined)) as RecurringSeriesDraft;
}

import type { HistoryChange } from './seriesChanges';
import { isSameValue } from './seriesChanges';
import type { ChangeSource, HistoryEntry } from './seriesHistory';

/** Typing in the editor saves at each keystroke; changes of one field this close together are one entry. */
export const coalesceWindowMs = 60_000;

/** What becomes of a change given the series' newest entry. */
export type Coalescing =
  /** A new entry. */
  | { kind: 'insert' }
  /** The newest entry takes the change's new value and time (its old value stays the first one). */
  | { kind: 'merge' }
  /** The change brings the field back to the newest entry's old value: that entry goes. */
  | { kind: 'revert' };

/** The newest entry as far as coalescing needs it. */
export type LatestEntry = Pick<HistoryEntry, 'source' | 'item' | 'subject' | 'field' | 'at' | 'old' | 'conflict_id'>;

/**
 * Whether a change made at `at` continues the newest entry: both made here (not a resolution,
 * not from Zoom), on the same field of the same item, within `coalesceWindowMs`.
 */
export function coalescing(
  latest: LatestEntry | undefined,
  by: ChangeSource,
  change: HistoryChange,
  at: string,
): Coalescing {
  if (latest === undefined || by.source !== 'here' || latest.source !== 'here') return { kind: 'insert' };
  if (latest.item !== change.item || latest.subject !== change.subject || latest.field !== change.field) {
    return { kind: 'insert' };
  }
  // Whole items added or removed stay entries of their own.
  if (change.field === '*') return { kind: 'insert' };
  const gap = Date.parse(at) - Date.parse(latest.at);
  if (!(gap >= 0 && gap <= coalesceWindowMs)) return { kind: 'insert' };
  return isSameValue(latest.old, change.new) ? { kind: 'revert' } : { kind: 'merge' };
}

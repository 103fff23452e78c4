import type { DraftSummary } from './draftSummary';

/** Where a replaced series' old event stands on Zoom, as the app's list and `cadence drafts` say it. */
export function replacedEventWords(replacedBy: NonNullable<DraftSummary['replaced_by']>): string {
  return replacedBy.settled_at === null ? 'old event cancelled at the next sync' : 'old event cancelled on Zoom';
}

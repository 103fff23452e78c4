import type { SyncState } from '../../../shared/drafts/draftSummary';

export const syncStateWords: Readonly<Record<SyncState, string>> = {
  draft: 'Draft',
  waiting: 'Waiting to sync',
  synced: 'Synced',
  published: 'Published',
  conflict: 'Conflict',
};

/** Where a series stands with Zoom, as a coloured word (never colour alone). */
export function SyncStateBadge({ state }: { state: SyncState }) {
  return <span className={`badge badge-${state}`}>{syncStateWords[state]}</span>;
}

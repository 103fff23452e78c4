import type { MeetingSyncState } from '../../../shared/meetings/meetingViews';

export const meetingStateWords: Readonly<Record<MeetingSyncState, string>> = {
  draft: 'Draft',
  waiting: 'Waiting to sync',
  waiting_for_quota: "Waits for the host's daily limit",
  synced: 'On Zoom',
  conflict: 'Conflict',
  deleting: 'Deleting',
};

const badgeClasses: Readonly<Record<MeetingSyncState, string>> = {
  draft: 'badge',
  waiting: 'badge badge-waiting',
  waiting_for_quota: 'badge badge-waiting',
  synced: 'badge badge-synced',
  conflict: 'badge badge-conflict',
  deleting: 'badge badge-waiting',
};

/** Where a meeting stands with Zoom, as a coloured word (never colour alone). */
export function MeetingStateBadge({ state }: { state: MeetingSyncState }) {
  return <span className={badgeClasses[state]}>{meetingStateWords[state]}</span>;
}

import type { MeetingSummary } from '../../shared/meetings/meetingViews';
import { plural } from './words';
import { formatMoment, plannerTimeZone } from './zonedTime';

/** What deleting a meeting does, asked before it is done: a draft goes at once, one on Zoom at the next sync. */
export function deleteMeetingQuestion(meeting: Pick<MeetingSummary, 'topic' | 'zoom_meeting_id'>): string {
  return meeting.zoom_meeting_id === null
    ? `Delete the draft "${meeting.topic}"? It was never sent to Zoom, so it is removed now.`
    : `Delete "${meeting.topic}"? It is deleted on Zoom at the next sync, with its join and registration links.`;
}

/** "until Wed, Mar 4, 2026, 7:00 PM EST": when the host's daily limit renews, in the planner's own zone. */
export function waitsUntilWords(waitsUntil: string | null): string {
  return waitsUntil === null ? 'until the next day (UTC)' : `until ${formatMoment(waitsUntil, plannerTimeZone())}`;
}

/** How many meetings an import created (or would create), updated and left unchanged. */
export function countActions(meetings: readonly { action: 'created' | 'updated' | 'unchanged' }[]): {
  created: number;
  updated: number;
  unchanged: number;
} {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const meeting of meetings) counts[meeting.action] += 1;
  return counts;
}

/** "2 new meetings, 1 updated": what an import did, leaving out what did not happen. */
export function importWords(counts: ReturnType<typeof countActions>): string {
  const parts = [
    counts.created > 0 ? plural(counts.created, 'new meeting') : '',
    counts.updated > 0 ? `${String(counts.updated)} updated` : '',
    counts.unchanged > 0 ? `${String(counts.unchanged)} unchanged` : '',
  ].filter(Boolean);
  return parts.length === 0 ? 'no meetings' : parts.join(', ');
}

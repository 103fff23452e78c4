import { bench, describe } from 'vitest';
import { previewParts } from '../../renderer/lib/previewParts';
import { previewSessions } from '../../renderer/lib/schedulePreview';
import type { SeriesDetails } from '../../renderer/stores/useEditorStore';

// What the editor's preview works out when a schedule field of a long series changes: every
// session (DST, moves and cancellations applied) and the parts they become on Zoom. Two schedules
// alternate, so each run misses the cache as a keystroke that changes the count does.
function series(sessions: number, end: number): SeriesDetails {
  return {
    name: 'Daily standup',
    timezone: 'America/New_York',
    event_type: 'RECURRING',
    attendance_type: 'virtual',
    access_level: 'PRIVATE_UNRESTRICTED',
    start_time: '2027-01-04T14:30:00Z',
    recurrence: { type: 2, weekly_days: [2, 3, 4, 5, 6], end_times: sessions - end, duration: 15 },
    occurrence_changes: [
      { occurrence: 45, action: 'cancel' },
      { occurrence: 130, action: 'move', start_time: '2027-07-09T18:00:00Z' },
    ],
    publish: false,
  };
}

function keystrokes(sessions: number): () => void {
  const schedules = [series(sessions, 0), series(sessions, 1)];
  let turn = 0;
  return () => {
    const details = schedules[turn % 2] ?? schedules[0];
    turn += 1;
    if (details === undefined) return;
    const shown = previewSessions(details);
    if (previewParts(details, shown).length < 2) throw new Error('expected parts');
  };
}

describe('the preview of a series in parts', () => {
  bench('260 weekday sessions (5 parts): sessions and parts after a schedule edit', keystrokes(260));
  bench('1,100 weekday sessions (19 parts): sessions and parts after a schedule edit', keystrokes(1_100));
});

import { describe, expect, it } from 'vitest';
import { splitIntoParts } from '../../../shared/drafts/seriesParts';
import { partHeading, partsHint, previewParts } from '../../../renderer/lib/previewParts';
import { previewSessions } from '../../../renderer/lib/schedulePreview';
import type { SeriesDetails } from '../../../renderer/stores/useEditorStore';

// A daily standup for most of a year, in New York: it crosses both of 2027's clock changes.
const standup: SeriesDetails = {
  name: 'Daily standup',
  timezone: 'America/New_York',
  event_type: 'RECURRING',
  attendance_type: 'virtual',
  access_level: 'PRIVATE_UNRESTRICTED',
  start_time: '2027-01-04T14:00:00Z',
  recurrence: { type: 1, end_times: 260, duration: 15 },
  occurrence_changes: [
    { occurrence: 61, action: 'cancel' },
    { occurrence: 130, action: 'move', start_time: '2027-05-14T18:00:00Z' },
  ],
  publish: false,
};

describe('the preview of a series in parts', () => {
  it('numbers the sessions as one series and heads the parts the sync sends', () => {
    const sessions = previewSessions(standup);
    const parts = previewParts(standup, sessions);
    expect(sessions.map((s) => s.occurrence)).toEqual(Array.from({ length: 260 }, (_, i) => i + 1));
    expect(parts.map((p) => [p.first, p.last])).toEqual([
      [1, 60],
      [61, 120],
      [121, 180],
      [181, 240],
      [241, 260],
    ]);
    // The same split as the one the parts are saved and synced from.
    const split = splitIntoParts({ ...standup, attendees: [] });
    expect(split.map((part) => [part.first_occurrence, part.first_occurrence + part.count - 1])).toEqual(
      parts.map((p) => [p.first, p.last]),
    );
    // Each part's sessions, as the part states them, are the preview's sessions there: dates run on.
    for (const part of split) {
      const own = previewSessions({ ...part.draft, attendees: undefined } as unknown as SeriesDetails);
      const shown = sessions.slice(part.first_occurrence - 1, part.first_occurrence - 1 + part.count);
      expect(own.map((s) => [s.start_time, s.status])).toEqual(shown.map((s) => [s.start_time, s.status]));
    }
    const second = parts[1];
    if (second === undefined) throw new Error('No second part.');
    expect(partHeading(second, false)).toBe('Part 2 of 5 · sessions 61–120 · becomes its own event on Zoom');
    expect(partsHint(parts.length, false)).toBe(
      'Will become 5 linked events on Zoom (Zoom allows 60 sessions in one); Cadence keeps them as one series.',
    );
  });

  it('has no parts for a series one event holds, and works them out again only when the schedule changes', () => {
    const short = { ...standup, recurrence: { ...standup.recurrence, end_times: 60 }, occurrence_changes: [] };
    expect(previewParts(short, previewSessions(short))).toEqual([]);
    const sessions = previewSessions(standup);
    const parts = previewParts(standup, sessions);
    const renamed = { ...standup, name: 'Morning standup' };
    expect(previewParts(renamed, previewSessions(renamed))).toBe(parts);
  });
});

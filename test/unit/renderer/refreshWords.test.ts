import { describe, expect, it } from 'vitest';
import type { RefreshReport } from '../../../shared/zoom/zoomCatalog';
import { refreshWords } from '../../../renderer/lib/refreshWords';

const nothing: RefreshReport = {
  series_id: 's1',
  changes: 0,
  new_registrations: 0,
  removed_registrations: 0,
  conflicts: 0,
  is_gone: false,
  refreshed_at: '2027-01-05T10:42:00Z',
};

describe('what a refresh from Zoom took, in words', () => {
  it('says when nothing changed on Zoom', () => {
    expect(refreshWords(nothing)).toBe('Read from Zoom: nothing changed there since the last sync.');
  });

  it('names each kind of change with its count, one or many', () => {
    expect(refreshWords({ ...nothing, changes: 2, new_registrations: 1, removed_registrations: 3, conflicts: 1 })).toBe(
      'Read from Zoom: 2 changes taken into the series; 1 new registration from Zoom, now attendees; ' +
        '3 registrations removed on Zoom, removed here; 1 conflict (changed here and on Zoom) to settle on the Sync screen.',
    );
  });

  it('says an event gone from Zoom waits as a conflict, whatever else was counted', () => {
    expect(refreshWords({ ...nothing, is_gone: true, changes: 4 })).toMatch(/^The event is gone from Zoom/);
  });
});

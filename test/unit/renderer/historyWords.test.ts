import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/history/seriesHistory';
import { changeWords, sourceOf, whenWords } from '../../../renderer/lib/historyWords';

const entry = (fields: Partial<HistoryEntry>): HistoryEntry => ({
  id: 1,
  series_id: 's1',
  at: '2027-01-04T15:42:00Z',
  source: 'here',
  item: 'event',
  subject: null,
  field: 'name',
  old: null,
  new: null,
  conflict_id: null,
  resolution: null,
  can_undo: false,
  ...fields,
});
const zone = 'America/New_York';

describe('a history entry in words', () => {
  it('names the field and its old and new values', () => {
    expect(changeWords(entry({ old: 'Weekly sync', new: 'Team sync' }), zone)).toBe('Name: Weekly sync → Team sync');
    expect(changeWords(entry({ field: 'description', new: 'Notes' }), zone)).toBe('Description: — → Notes');
    expect(changeWords(entry({ field: 'meeting_type', old: 'MEETING', new: 'WEBINAR' }), zone)).toBe(
      'Meeting type: meeting → webinar',
    );
    expect(changeWords(entry({ old: 'NASA', new: 'all_hands' }), zone)).toBe('Name: NASA → all_hands');
    expect(
      changeWords(
        entry({ field: 'recurrence', old: { type: 2, weekly_days: [2] }, new: { type: 2, weekly_days: [4] } }),
        zone,
      ),
    ).toBe('Schedule: Weekly on Monday → Weekly on Wednesday');
  });

  it('says what happened to a session, a ticket type and a person', () => {
    expect(
      changeWords(
        entry({
          item: 'session',
          subject: 'session 3',
          field: 'change',
          new: { action: 'move', start_time: '2027-01-20T15:00:00Z' },
        }),
        zone,
      ),
    ).toMatch(/^Session 3: as planned → moved to Wed, Jan 20, 2027, 10:00\sAM EST$/);
    expect(
      changeWords(entry({ item: 'session', subject: 'session 4', field: 'change', old: { action: 'cancel' } }), zone),
    ).toBe('Session 4: cancelled → as planned');
    const thanksgiving = { date: '2027-11-25', name: 'Thanksgiving Day' };
    expect(
      changeWords(
        entry({
          item: 'session',
          subject: 'session 44',
          field: 'change',
          new: { action: 'cancel', closed_day: thanksgiving },
        }),
        zone,
      ),
    ).toBe('Session 44: as planned → cancelled (Thanksgiving Day)');
    expect(
      changeWords(
        entry({ field: 'closed_days', new: { calendar: { country: 'US' }, on_closed_day: 'next_working_day' } }),
        zone,
      ),
    ).toBe('Closed days: — → Public holidays of: Country: US; On a closed day: next working day');
    expect(changeWords(entry({ item: 'ticket_type', field: 'quantity', old: 20, new: 40 }), zone)).toBe(
      'Ticket type · Number of tickets: 20 → 40',
    );
    expect(
      changeWords(
        entry({
          item: 'attendee',
          subject: 'ada@example.com',
          field: '*',
          new: { email: 'ada@example.com', first_name: 'Ada' },
        }),
        zone,
      ),
    ).toBe('Attendee added: Ada (ada@example.com)');
    expect(
      changeWords(entry({ item: 'attendee', field: '*', new: { added: 2000, changed: 5, removed: 0 } }), zone),
    ).toBe('Attendees: 2,000 added, 5 changed');
    expect(
      changeWords(
        entry({ item: 'series', source: 'opened', field: '*', new: { name: 'Town hall', attendees: 0 } }),
        zone,
      ),
    ).toBe('Opened from Zoom: Town hall');
  });

  it('says who made it, a resolution by its choice', () => {
    expect(sourceOf(entry({ source: 'zoom' }))).toBe('on Zoom');
    expect(sourceOf(entry({ source: 'resolution', resolution: 'take_theirs' }))).toBe('conflict settled: took Zoom’s');
  });

  it('says when: today, yesterday, or the day', () => {
    const now = new Date('2027-01-04T20:00:00Z');
    expect(whenWords('2027-01-04T15:42:00Z', now, zone)).toMatch(/^10:42\sAM today$/);
    expect(whenWords('2027-01-03T15:42:00Z', now, zone)).toMatch(/^10:42\sAM yesterday$/);
    expect(whenWords('2026-12-24T15:42:00Z', now, zone)).toMatch(/Dec 24, 2026/);
  });
});

import { describe, expect, it } from 'vitest';
import { seriesDraftSchema, type SeriesDraft } from '../../../../shared/drafts/seriesDraft';
import {
  attendeeListChanges,
  attendeePairs,
  attendeeSummaryThreshold,
  seriesChanges,
} from '../../../../shared/history/seriesChanges';
import { resolutionChanges } from '../../../../shared/history/resolutionChanges';

const draft = (overrides: Record<string, unknown> = {}): SeriesDraft =>
  seriesDraftSchema.parse({
    name: 'Weekly sync',
    timezone: 'Europe/Berlin',
    event_type: 'RECURRING',
    start_time: '2027-01-04T09:00:00Z',
    recurrence: { type: 2, weekly_days: [2], end_times: 6, duration: 30 },
    ticket_type: { name: 'Seat' },
    registration: { link_name: 'Sign up' },
    ...overrides,
  });

describe('the changes between two drafts', () => {
  it('are none for the same draft', () => {
    expect(seriesChanges(draft(), draft())).toEqual([]);
  });

  it('name each event field old → new, and a field cleared as null', () => {
    const changes = seriesChanges(draft({ description: 'Notes' }), draft({ name: 'Team sync' }));
    expect(changes).toEqual([
      { item: 'event', subject: null, field: 'name', old: 'Weekly sync', new: 'Team sync' },
      { item: 'event', subject: null, field: 'description', old: 'Notes', new: null },
    ]);
  });

  it('compare the recurrence as one value, whatever the order of its keys', () => {
    const before = draft();
    if (before.event_type !== 'RECURRING') throw new Error('The draft repeats.');
    const reordered = { ...before, recurrence: Object.fromEntries(Object.entries(before.recurrence).reverse()) };
    expect(seriesChanges(before, reordered as SeriesDraft)).toEqual([]);
    const changes = seriesChanges(
      before,
      draft({ recurrence: { type: 2, weekly_days: [3], end_times: 6, duration: 30 } }),
    );
    expect(changes.map((change) => change.field)).toEqual(['recurrence']);
  });

  it('give the ticket type and the registration link per field, or whole when added', () => {
    const changes = seriesChanges(
      draft({ registration: undefined }),
      draft({ ticket_type: { name: 'Seat', quantity: 40 }, registration: { link_name: 'Join' } }),
    );
    expect(changes).toEqual([
      { item: 'ticket_type', subject: null, field: 'quantity', old: null, new: 40 },
      expect.objectContaining({ item: 'registration', subject: null, field: '*', old: null }),
    ]);
  });

  it('give each session moved, cancelled or put back by its number', () => {
    const moved = { occurrence: 2, action: 'move', start_time: '2027-01-12T10:00:00Z' };
    const changes = seriesChanges(
      draft({ occurrence_changes: [moved] }),
      draft({ occurrence_changes: [{ occurrence: 3, action: 'cancel' }] }),
    );
    expect(changes).toEqual([
      {
        item: 'session',
        subject: 'session 2',
        field: 'change',
        old: { action: 'move', start_time: '2027-01-12T10:00:00Z' },
        new: null,
      },
      { item: 'session', subject: 'session 3', field: 'change', old: null, new: { action: 'cancel' } },
    ]);
  });
});

describe('the attendees’ changes', () => {
  const ada = { email: 'Ada@example.com', first_name: 'Ada' };
  const bo = { email: 'bo@example.com' };

  it('are one per person and field, by email; added and removed people are whole', () => {
    const changes = attendeeListChanges(
      attendeePairs([ada, bo], [{ ...ada, first_name: 'Adelaide' }, { email: 'cy@example.com' }]),
    );
    expect(changes).toEqual([
      { item: 'attendee', subject: 'ada@example.com', field: 'first_name', old: 'Ada', new: 'Adelaide' },
      { item: 'attendee', subject: 'cy@example.com', field: '*', old: null, new: { email: 'cy@example.com' } },
      { item: 'attendee', subject: 'bo@example.com', field: '*', old: bo, new: null },
    ]);
  });

  it('are one summary for an import of many people', () => {
    const many = Array.from({ length: attendeeSummaryThreshold + 1 }, (_, i) => ({
      email: `p${String(i)}@example.com`,
    }));
    expect(attendeeListChanges(attendeePairs([bo], many))).toEqual([
      { item: 'attendee', subject: null, field: '*', old: null, new: { added: many.length, changed: 0, removed: 1 } },
    ]);
  });
});

describe('a resolution that wrote nothing into the draft', () => {
  it('records what will be sent: Zoom’s value → mine, per field', () => {
    const conflict = {
      target: { item: 'event' as const },
      subject: 'name',
      local: { name: 'Mine' },
      remote: { name: 'Theirs' },
    };
    expect(resolutionChanges(conflict, 'local')).toEqual([
      { item: 'event', subject: null, field: 'name', old: 'Theirs', new: 'Mine' },
    ]);
  });

  it('names a session by its number', () => {
    const conflict = {
      target: { item: 'session' as const, occurrence: 4 },
      subject: 'session 4',
      local: { start_time: 'a' },
      remote: { start_time: 'b' },
    };
    expect(resolutionChanges(conflict, 'local')).toEqual([
      { item: 'session', subject: 'session 4', field: 'change', old: { start_time: 'b' }, new: { start_time: 'a' } },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { coalesceWindowMs, coalescing, type LatestEntry } from '../../../../shared/history/coalescing';

const latest: LatestEntry = {
  source: 'here',
  item: 'event',
  subject: null,
  field: 'name',
  at: '2027-01-04T09:00:00.000Z',
  old: 'Weekly sync',
  conflict_id: null,
};
const typed = (value: string) => ({ item: 'event' as const, subject: null, field: 'name', old: 'x', new: value });
const later = (ms: number) => new Date(Date.parse(latest.at) + ms).toISOString();

describe('coalescing a change with the newest entry', () => {
  it('merges a field typed here again within the window', () => {
    expect(coalescing(latest, { source: 'here' }, typed('Team s'), later(800))).toEqual({ kind: 'merge' });
  });

  it('drops the entry when the field is typed back to its old value', () => {
    expect(coalescing(latest, { source: 'here' }, typed('Weekly sync'), later(800))).toEqual({ kind: 'revert' });
  });

  it('keeps a new entry after the window, for another field, or from elsewhere', () => {
    expect(coalescing(latest, { source: 'here' }, typed('T'), later(coalesceWindowMs + 1))).toEqual({ kind: 'insert' });
    expect(coalescing(latest, { source: 'here' }, { ...typed('T'), field: 'description' }, later(1))).toEqual({
      kind: 'insert',
    });
    expect(coalescing(latest, { source: 'zoom' }, typed('T'), later(1))).toEqual({ kind: 'insert' });
    expect(coalescing({ ...latest, source: 'resolution' }, { source: 'here' }, typed('T'), later(1))).toEqual({
      kind: 'insert',
    });
    expect(coalescing(undefined, { source: 'here' }, typed('T'), later(1))).toEqual({ kind: 'insert' });
  });

  it('keeps people added or removed as entries of their own', () => {
    const added = { item: 'attendee' as const, subject: 'a@example.com', field: '*', old: null, new: {} };
    expect(
      coalescing(
        { ...latest, item: 'attendee', subject: 'a@example.com', field: '*' },
        { source: 'here' },
        added,
        later(1),
      ),
    ).toEqual({
      kind: 'insert',
    });
  });
});

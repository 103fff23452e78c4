import { describe, expect, it } from 'vitest';
import { threeWayMerge } from '../../../../shared/sync/threeWayMerge';

interface Fields {
  name: string;
  description?: string;
  timezone: string;
}
const fields = ['name', 'description', 'timezone'] as const;
const base: Fields = { name: 'Standup', description: 'Daily', timezone: 'UTC' };

describe('three-way merge', () => {
  it('pushes what changed here, adopts what changed on Zoom, and leaves the rest', () => {
    const plan = threeWayMerge(base, { ...base, name: 'Team standup' }, { ...base, timezone: 'Europe/Paris' }, fields);
    expect(plan).toEqual({
      push: { name: 'Team standup' },
      adopt: { timezone: 'Europe/Paris' },
      conflicts: [],
      converged: {},
    });
  });

  it('reports a field changed on both sides to different values, and only that field', () => {
    const plan = threeWayMerge(
      base,
      { ...base, name: 'Mine', timezone: 'Asia/Tokyo' },
      { ...base, name: 'Theirs', timezone: 'Asia/Tokyo' },
      fields,
    );
    // Both chose Asia/Tokyo: nothing to send or take, and the snapshot moves to it.
    expect(plan).toEqual({ push: {}, adopt: {}, conflicts: ['name'], converged: { timezone: 'Asia/Tokyo' } });
  });

  it('does not count the order of an object’s keys as a change', () => {
    type WithObject = { name: { a: number; b: number } };
    const plan = threeWayMerge<WithObject>(
      { name: { a: 1, b: 2 } },
      { name: { a: 1, b: 2 } },
      { name: { b: 2, a: 1 } },
      ['name'],
    );
    expect(plan).toEqual({ push: {}, adopt: {}, conflicts: [], converged: {} });
  });

  it('treats empty text from Zoom as an absent field', () => {
    const plan = threeWayMerge(
      { ...base, description: undefined },
      { ...base, description: undefined },
      { ...base, description: '' },
      fields,
    );
    expect(plan).toEqual({ push: {}, adopt: {}, conflicts: [], converged: {} });
  });
});

import { describe, expect, it } from 'vitest';
import { canonicalRecurrence } from '../../../../shared/recurrence/canonicalRecurrence';

// A Monday 15 March 2027, 10:00 in New York.
const start = { start_time: '2027-03-15T14:00:00Z', timezone: 'America/New_York' };
const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

describe('a recurrence in the one form its copies are compared in', () => {
  it('fills the interval and the weekday of the start, and sorts the days, as Zoom answers them', () => {
    const draft = canonicalRecurrence({ type: 2, end_times: 6, duration: 30 }, start);
    const zoom = canonicalRecurrence(
      { duration: 30, end_times: 6, weekly_days: [2], repeat_interval: 1, type: 2 },
      start,
    );
    expect(draft).toEqual({ type: 2, repeat_interval: 1, duration: 30, weekly_days: [2], end_times: 6 });
    expect(same(draft, zoom)).toBe(true);
    expect(
      canonicalRecurrence({ type: 2, weekly_days: [6, 2, 4], end_times: 6, duration: 30 }, start).weekly_days,
    ).toEqual([2, 4, 6]);
  });

  it('spells a day of the month as a list, as a draft does', () => {
    const read = canonicalRecurrence({ type: 3, monthly_days: 15, end_times: 3, duration: 60 }, start);
    const drafted = canonicalRecurrence(
      { type: 3, monthly_days: [15], end_times: 3, duration: 60, repeat_interval: 1 },
      start,
    );
    expect(same(read, drafted)).toBe(true);
  });

  it('keeps what differs different: another interval, another end', () => {
    const base = canonicalRecurrence({ type: 1, end_times: 10, duration: 15 }, start);
    expect(same(base, canonicalRecurrence({ type: 1, repeat_interval: 2, end_times: 10, duration: 15 }, start))).toBe(
      false,
    );
    expect(same(base, canonicalRecurrence({ type: 1, end_times: 11, duration: 15 }, start))).toBe(false);
  });
});

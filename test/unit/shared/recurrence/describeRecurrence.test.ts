import { describe, expect, it } from 'vitest';
import { describeRecurrence } from '../../../../shared/recurrence/describeRecurrence';

describe('describeRecurrence', () => {
  it.each([
    [{ type: 1 }, 'Daily'],
    [{ type: 1, repeat_interval: 3 }, 'Every 3 days'],
    [{ type: 2, weekly_days: [2] }, 'Weekly on Monday'],
    [{ type: 2, weekly_days: '6,2,4' }, 'Weekly on Monday, Wednesday and Friday'],
    [{ type: 2, repeat_interval: 2, weekly_days: [1, 7] }, 'Every 2 weeks on Sunday and Saturday'],
    [{ type: 3, monthly_week: 2, monthly_week_day: 3 }, 'Monthly on the 2nd Tuesday'],
    [{ type: 3, monthly_week: -1, monthly_week_day: 6 }, 'Monthly on the last Friday'],
    [{ type: 3, monthly_days: [31] }, 'Monthly on day 31 (last day in shorter months)'],
    [{ type: 3, monthly_days: 15, repeat_interval: 3 }, 'Every 3 months on day 15'],
    [{}, 'Does not repeat'],
  ])('%j reads "%s"', (recurrence, words) => {
    expect(describeRecurrence(recurrence)).toBe(words);
  });
});

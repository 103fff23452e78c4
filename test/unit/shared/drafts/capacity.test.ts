import { describe, expect, it } from 'vitest';
import {
  capacityRuleOf,
  placeCounts,
  placeFreedWords,
  settleWaiting,
  type CapacityRule,
} from '../../../../shared/drafts/capacity';
import { seriesDraftSchema } from '../../../../shared/drafts/seriesDraft';

const person = (id: string, occurrences: number[] = []) => ({ id, occurrences });
const perSession: CapacityRule = { scope: 'session', capacity: 2, sessions: new Map([[3, 2]]) };

describe('who takes a place', () => {
  it('fills the series in list order and keeps the rest waiting', () => {
    const rule: CapacityRule = { scope: 'series', capacity: 2 };
    expect(settleWaiting(rule, [person('a')], [person('b'), person('c')])).toEqual({
      promoted: ['b'],
      waiting: [{ id: 'c', sessions: [] }],
    });
  });

  it('counts places per session, and lets someone behind go first when the one ahead waits for a full session', () => {
    const holders = [person('a', [3]), person('b', [3, 4])];
    const outcome = settleWaiting(perSession, holders, [person('c', [3, 4]), person('d', [4]), person('e', [4])]);
    expect(outcome).toEqual({
      promoted: ['d'],
      waiting: [
        { id: 'c', sessions: [3] },
        { id: 'e', sessions: [4] },
      ],
    });
  });

  it('removes nobody when Zoom holds more than the capacity: the list just waits', () => {
    const rule: CapacityRule = { scope: 'series', capacity: 1 };
    const outcome = settleWaiting(rule, [person('a'), person('b'), person('c')], [person('d')]);
    expect(outcome).toEqual({ promoted: [], waiting: [{ id: 'd', sessions: [] }] });
    expect(placeCounts(rule, [person('a'), person('b'), person('c')], [person('d')])).toEqual([
      { pool: 0, capacity: 1, taken: 3, waiting: 1 },
    ]);
  });

  it('lets everyone in without a limit', () => {
    expect(settleWaiting({ scope: 'series' }, [], [person('a'), person('b')]).promoted).toEqual(['a', 'b']);
  });

  it('says where a place freed', () => {
    expect(placeFreedWords([])).toBe('a place freed');
    expect(placeFreedWords([3])).toBe('a place freed in session 3');
    expect(placeFreedWords([2, 5, 7])).toBe('a place freed in sessions 2, 5 and 7');
  });
});

describe('capacity in the draft', () => {
  const base = {
    name: 'Workshop',
    timezone: 'Europe/Lisbon',
    event_type: 'RECURRING',
    start_time: '2027-03-02T18:00:00Z',
    recurrence: { type: 2, weekly_days: [3], end_times: 6, duration: 90 },
  };

  it('takes the series capacity for all sessions and per-session capacities where attendees choose', () => {
    const allSessions = seriesDraftSchema.parse({ ...base, capacity: 40, registration: { link_name: 'Join' } });
    expect(capacityRuleOf(allSessions)).toEqual({ scope: 'series', capacity: 40 });
    const chosen = seriesDraftSchema.parse({
      ...base,
      capacity: 10,
      session_capacities: [{ occurrence: 3, capacity: 4 }],
      registration: { link_name: 'Join', recurring_registration_option: 'multiple_sessions' },
    });
    expect(capacityRuleOf(chosen)).toEqual({ scope: 'session', capacity: 10, sessions: new Map([[3, 4]]) });
  });

  it('names the field of each problem', () => {
    const result = seriesDraftSchema.safeParse({
      ...base,
      capacity: 0,
      session_capacities: [
        { occurrence: 3, capacity: 4 },
        { occurrence: 3, capacity: 5 },
        { occurrence: 9, capacity: 5 },
      ],
      registration: { link_name: 'Join', recurring_registration_option: 'single_session' },
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(['capacity', 'session_capacities.1.occurrence', 'session_capacities.2.occurrence']);
    const allSessions = seriesDraftSchema.safeParse({
      ...base,
      session_capacities: [{ occurrence: 1, capacity: 4 }],
      registration: { link_name: 'Join' },
    });
    expect(allSessions.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['session_capacities']);
  });
});

import { bench, describe } from 'vitest';
import { expandSeries } from '../../shared/recurrence/seriesTiming';

// The editor re-expands on every keystroke: validate + expand a 60-occurrence series.
const weekly60 = {
  timezone: 'America/New_York',
  start_time: '2025-01-06T15:00:00Z',
  recurrence: { type: 2, repeat_interval: 1, weekly_days: [2, 4], end_times: 60, duration: 30 },
};
const monthly60 = {
  timezone: 'Australia/Sydney',
  start_time: '2025-01-06T23:00:00Z',
  recurrence: { type: 3, repeat_interval: 1, monthly_week: -1, monthly_week_day: 6, end_times: 60, duration: 60 },
};

describe('expand + validate, 60 occurrences', () => {
  bench('weekly, New York', () => {
    const result = expandSeries(weekly60);
    if (!result.ok || result.occurrences.length !== 60) throw new Error('unexpected expansion');
  });
  bench('monthly last Friday, Sydney', () => {
    const result = expandSeries(monthly60);
    if (!result.ok || result.occurrences.length !== 60) throw new Error('unexpected expansion');
  });
});

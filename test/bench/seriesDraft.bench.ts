import { bench, describe } from 'vitest';
import { seriesDraftSchema } from '../../shared/drafts/seriesDraft';
import { validateSeriesFile } from '../../shared/drafts/seriesFile';

// The editor re-validates the whole draft as the planner types; an import validates whole files.
function draft(index: number, attendees: number) {
  return {
    key: `series-${index}`,
    name: `Training ${index}`,
    timezone: 'America/New_York',
    event_type: 'RECURRING',
    start_time: '2025-01-06T15:00:00Z',
    recurrence: { type: 2, weekly_days: [2, 4], end_times: 60, duration: 60 },
    occurrence_changes: [{ occurrence: 7, action: 'cancel' }],
    ticket_type: { name: 'Seat', quantity: attendees },
    registration: { link_name: 'Register', recurring_registration_option: 'multiple_sessions' },
    attendees: Array.from({ length: attendees }, (_, i) => ({
      email: `person${i}@example.com`,
      first_name: 'Person',
      last_name: String(i),
      occurrences: [1 + (i % 6), 10 + (i % 40)],
    })),
    publish: true,
  };
}

const oneDraft = draft(0, 200);
const file = { version: 1, series: Array.from({ length: 50 }, (_, i) => draft(i, 200)) };

describe('series drafts', () => {
  bench('validate one draft: 60 occurrences, 200 attendees', () => {
    if (!seriesDraftSchema.safeParse(oneDraft).success) throw new Error('unexpected problems');
  });
  bench(
    'validate a series file: 50 series × 200 attendees',
    () => {
      if (!validateSeriesFile(file).ok) throw new Error('unexpected problems');
    },
    { iterations: 5 },
  );
});

import { describe, expect, it } from 'vitest';
import { cancelQuestion } from '../../../renderer/lib/cancelQuestion';
import type { SeriesDetails } from '../../../renderer/stores/useEditorStore';

const standup = {
  name: 'Standup',
  timezone: 'America/New_York',
  event_type: 'RECURRING',
  attendance_type: 'virtual',
  access_level: 'PRIVATE_UNRESTRICTED',
  start_time: '2027-03-01T15:00:00Z',
  recurrence: { type: 2, repeat_interval: 1, weekly_days: [2], end_times: 4, duration: 30 },
  occurrence_changes: [],
  registration: { link_name: 'Register', recurring_registration_option: 'all_sessions' },
  publish: true,
} as unknown as SeriesDetails;

describe('cancelQuestion', () => {
  it('names how many registrants Zoom emails when a session of a published all-sessions series is cancelled', () => {
    expect(cancelQuestion(standup, 3, { isPublished: true, registrants: 20 })).toBe(
      'Cancel session 3? At the next sync Zoom cancels it and 20 registrants are emailed.',
    );
    expect(cancelQuestion(standup, 1, { isPublished: true, registrants: 1 })).toContain('1 registrant is emailed');
  });

  it('asks nothing when nobody is told: unpublished, nobody registered, or sessions chosen one by one', () => {
    expect(cancelQuestion(standup, 3, { isPublished: false, registrants: 20 })).toBeUndefined();
    expect(cancelQuestion(standup, 3, { isPublished: true, registrants: 0 })).toBeUndefined();
    const picked = {
      ...standup,
      registration: { link_name: 'Register', recurring_registration_option: 'single_session' },
    } as SeriesDetails;
    expect(cancelQuestion(picked, 3, { isPublished: true, registrants: 20 })).toBeUndefined();
  });
});

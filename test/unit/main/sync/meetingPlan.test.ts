import { describe, expect, it } from 'vitest';
import { meetingDraftSchema, type MeetingDraftInput } from '../../../../shared/meetings/meetingDraft';
import { planMeeting } from '../../../../main/sync/operations/meetingPlan';

// What a meeting draft needs from Zoom, compared in Zoom's normal form: a default spelled out is no change.
const draft = (overrides: Partial<MeetingDraftInput> = {}) =>
  meetingDraftSchema.parse({
    host_email: 'ann@example.com',
    topic: 'Design review',
    timezone: 'Europe/Berlin',
    start_time: '2027-03-02T09:00:00Z',
    recurrence: { type: 2, end_times: 6, duration: 30 },
    ...overrides,
  });

describe('planMeeting', () => {
  it('creates a meeting Zoom does not have, carrying the draft', () => {
    expect(planMeeting(draft(), {})).toEqual([
      { key: 'meeting', kind: 'meeting.create', payload: { meeting: draft() }, dependsOn: [] },
    ]);
  });

  it('plans nothing when the draft equals the snapshot, even with its defaults spelled out', () => {
    const spelled = draft({
      recurrence: { type: 2, repeat_interval: 1, weekly_days: [3], end_times: 6, duration: 30 },
    });
    expect(planMeeting(spelled, { meetingId: '81', base: draft() })).toEqual([]);
  });

  it('updates the fields changed since the last sync, settings one by one', () => {
    const changed = draft({ topic: 'Design review (B)', settings: { waiting_room: false } });
    expect(planMeeting(changed, { meetingId: '81', base: draft() })).toEqual([
      {
        key: 'meeting.fields',
        kind: 'meeting.update',
        payload: { changes: { topic: 'Design review (B)', 'settings.waiting_room': false } },
        dependsOn: [],
      },
    ]);
  });

  it('deletes a meeting Zoom has once it is deleted here, and forgets one Zoom never had', () => {
    expect(planMeeting(undefined, { meetingId: '81', base: draft() })).toEqual([
      { key: 'meeting.delete', kind: 'meeting.delete', payload: { zoom_meeting_id: '81' }, dependsOn: [] },
    ]);
    expect(planMeeting(undefined, {})).toEqual([]);
  });
});

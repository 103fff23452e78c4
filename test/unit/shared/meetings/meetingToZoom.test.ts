import { describe, expect, it } from 'vitest';
import { ZoomRequestValidator } from '../../../../main/zoom/openApi/zoomRequestValidator';
import {
  meetingDraftSchema,
  type MeetingDraft,
  type MeetingDraftInput,
} from '../../../../shared/meetings/meetingDraft';
import {
  changedMeetingFields,
  comparableMeetingFields,
  draftOfZoomMeeting,
  meetingBody,
  zoomLocalStart,
} from '../../../../shared/meetings/meetingToZoom';
import type { ZoomMeeting } from '../../../../shared/zoom/zoomMeetingShapes';

const validator = new ZoomRequestValidator();

function draft(input: Partial<MeetingDraftInput>): MeetingDraft {
  return meetingDraftSchema.parse({
    host_email: 'manager@company.com',
    topic: 'Monday Team Sync',
    timezone: 'America/New_York',
    start_time: '2026-03-03T14:00:00Z',
    recurrence: { type: 2, weekly_days: [3], end_date_time: '2026-12-31T04:59:59Z', duration: 45 },
    ...input,
  });
}

/** A meeting as Zoom answers a create or a get: the start as the first occurrence, days as "1,3". */
function zoomAnswer(fields: Partial<ZoomMeeting> = {}): ZoomMeeting {
  return {
    id: 87654321098,
    host_id: 'z8yAAAAA8bbbQ',
    topic: 'Monday Team Sync',
    type: 8,
    start_time: '2026-03-03T14:00:00Z',
    duration: 45,
    timezone: 'America/New_York',
    agenda: '',
    join_url: 'https://zoom.us/j/87654321098',
    recurrence: { type: 2, repeat_interval: 1, weekly_days: '3', end_date_time: '2026-12-31T04:59:59Z' },
    settings: {
      host_video: true,
      participant_video: true,
      join_before_host: false,
      mute_upon_entry: true,
      watermark: false,
      waiting_room: true,
      meeting_authentication: false,
      approval_type: 0,
      registration_type: 1,
      audio: 'both',
      auto_recording: 'none',
      use_pmi: false,
    },
    ...fields,
  };
}

describe('meetingBody', () => {
  it('asks for a recurring meeting with a fixed time, its start on the wall clock of its zone', () => {
    const body = meetingBody(draft({ agenda: 'Weekly sync', password: 'a1@_-*' }));
    expect(body).toEqual({
      topic: 'Monday Team Sync',
      type: 8,
      start_time: '2026-03-03T09:00:00',
      duration: 45,
      timezone: 'America/New_York',
      agenda: 'Weekly sync',
      password: 'a1@_-*',
      recurrence: { type: 2, repeat_interval: 1, weekly_days: '3', end_date_time: '2026-12-31T04:59:59Z' },
      settings: {
        host_video: true,
        participant_video: true,
        join_before_host: false,
        mute_upon_entry: true,
        waiting_room: true,
        watermark: false,
        auto_recording: 'none',
        audio: 'both',
        meeting_authentication: false,
        approval_type: 0,
        registration_type: 1,
      },
    });
    expect(validator.bodyIssues('POST', '/users/manager%40company.com/meetings', body)).toEqual([]);
  });

  it('writes the start in the zone on either side of a DST change', () => {
    expect(zoomLocalStart('2026-03-03T14:00:00Z', 'America/New_York')).toBe('2026-03-03T09:00:00');
    expect(zoomLocalStart('2026-03-10T13:00:00Z', 'America/New_York')).toBe('2026-03-10T09:00:00');
    expect(zoomLocalStart('2026-03-15T15:00:00Z', 'America/Chicago')).toBe('2026-03-15T10:00:00');
  });

  it('sends weekly days as a sorted list, and the start date’s weekday when the draft has none', () => {
    const listed = meetingBody(draft({ recurrence: { type: 2, weekly_days: [5, 1, 3], end_times: 10, duration: 30 } }));
    expect(listed.recurrence).toEqual({ type: 2, repeat_interval: 1, weekly_days: '1,3,5', end_times: 10 });
    // 2026-03-03 is a Tuesday in New York: Zoom's own default would be Sunday.
    const unlisted = meetingBody(draft({ recurrence: { type: 2, end_times: 10, duration: 30, repeat_interval: 2 } }));
    expect(unlisted.recurrence).toEqual({ type: 2, repeat_interval: 2, weekly_days: '3', end_times: 10 });
  });

  it('sends a monthly day as monthly_day, and a monthly weekday as its week and day', () => {
    const byDate = meetingBody(
      draft({
        timezone: 'America/Chicago',
        start_time: '2026-03-15T20:00:00Z',
        recurrence: { type: 3, monthly_days: [15], end_times: 10, duration: 90 },
      }),
    );
    expect(byDate).toMatchObject({
      start_time: '2026-03-15T15:00:00',
      duration: 90,
      recurrence: { type: 3, repeat_interval: 1, monthly_day: 15, end_times: 10 },
    });
    const byWeekday = meetingBody(
      draft({ recurrence: { type: 3, monthly_week: -1, monthly_week_day: 6, end_times: 4, duration: 60 } }),
    );
    expect(byWeekday.recurrence).toEqual({
      type: 3,
      repeat_interval: 1,
      monthly_week: -1,
      monthly_week_day: 6,
      end_times: 4,
    });
    expect(validator.bodyIssues('POST', '/users/hr%40company.com/meetings', byDate)).toEqual([]);
  });
});

describe('draftOfZoomMeeting and the comparable fields', () => {
  it('reads a meeting Zoom created from a draft as equal to that draft', () => {
    // Starting on a Monday, its first Tuesday is the start Zoom answers.
    const original = draft({ start_time: '2026-03-02T14:00:00Z' });
    const read = draftOfZoomMeeting(zoomAnswer(), { host_email: 'manager@company.com' });
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(comparableMeetingFields(read.draft)).toEqual(comparableMeetingFields(original));
    expect(changedMeetingFields(comparableMeetingFields(original), comparableMeetingFields(read.draft))).toEqual([]);
  });

  it('round-trips every kind of recurrence through Zoom’s read form', () => {
    const drafts = [
      draft({ recurrence: { type: 1, repeat_interval: 3, end_times: 20, duration: 15 } }),
      draft({ recurrence: { type: 2, weekly_days: [2, 4, 6], repeat_interval: 2, end_times: 12, duration: 30 } }),
      draft({ recurrence: { type: 3, monthly_days: [31], end_date_time: '2026-12-31T23:00:00Z', duration: 60 } }),
      draft({ recurrence: { type: 3, monthly_week: 2, monthly_week_day: 3, end_times: 6, duration: 60 } }),
      draft({ agenda: 'Plans', password: 'secret1', settings: { waiting_room: false, auto_recording: 'cloud' } }),
    ];
    for (const original of drafts) {
      const body = meetingBody(original);
      const first = comparableMeetingFields(original).start_time;
      const answer = zoomAnswer({
        start_time: first,
        duration: body.duration,
        agenda: body.agenda ?? '',
        ...(body.password === undefined ? {} : { password: body.password }),
        recurrence: body.recurrence,
        settings: body.settings,
      });
      const read = draftOfZoomMeeting(answer, { host_email: original.host_email });
      if (!read.ok) throw new Error(JSON.stringify(read.issues));
      expect(comparableMeetingFields(read.draft)).toEqual(comparableMeetingFields(original));
      // Sending what was read gives the same request again.
      expect({ ...meetingBody(read.draft), start_time: body.start_time }).toEqual(body);
    }
  });

  it('ignores the other types’ fields and empty values Zoom fills in on reading', () => {
    const read = draftOfZoomMeeting(
      zoomAnswer({
        recurrence: {
          type: 2,
          repeat_interval: 1,
          weekly_days: '3',
          monthly_day: 0,
          monthly_week_day: 1,
          end_times: 0,
          end_date_time: '2026-12-31T04:59:59.000Z',
        },
      }),
      { host_email: 'manager@company.com' },
    );
    expect(read.ok && read.draft.recurrence).toEqual({
      type: 2,
      repeat_interval: 1,
      weekly_days: [3],
      end_date_time: '2026-12-31T04:59:59Z',
      duration: 45,
    });
  });

  it('names the fields that differ, settings one by one', () => {
    const mine = comparableMeetingFields(draft({}));
    const theirs = comparableMeetingFields(
      draft({ topic: 'Renamed', recurrence: { type: 2, weekly_days: [3], end_times: 5, duration: 60 } }),
    );
    const withoutWaitingRoom = comparableMeetingFields(draft({ settings: { waiting_room: false } }));
    expect(changedMeetingFields(mine, theirs)).toEqual(['topic', 'duration', 'recurrence']);
    expect(changedMeetingFields(mine, withoutWaitingRoom)).toEqual(['settings.waiting_room']);
  });

  it('takes the passcode Zoom gave as no change when the draft leaves it to Zoom', () => {
    const mine = comparableMeetingFields(draft({}));
    const read = draftOfZoomMeeting(zoomAnswer({ password: 'Zx81q2' }), { host_email: 'manager@company.com' });
    if (!read.ok) throw new Error('not read');
    expect(changedMeetingFields(mine, comparableMeetingFields(read.draft))).toEqual([]);
    const chosen = comparableMeetingFields(draft({ password: 'mine42' }));
    expect(changedMeetingFields(chosen, comparableMeetingFields(read.draft))).toEqual(['password']);
  });

  it('refuses a Zoom value the planner could not have written, naming its field', () => {
    const read = draftOfZoomMeeting(zoomAnswer({ settings: { audio: 'thirdParty' } }), {
      host_email: 'manager@company.com',
    });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.issues.map((issue) => issue.path.join('.'))).toEqual(['settings.audio']);
  });
});

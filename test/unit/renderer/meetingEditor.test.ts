import { describe, expect, it } from 'vitest';
import { meetingSettingsSchema, type MeetingDraft } from '../../../shared/meetings/meetingDraft';
import { expandSeries } from '../../../shared/recurrence/seriesTiming';
import { countActions, deleteMeetingQuestion, importWords } from '../../../renderer/lib/meetingWords';
import { newMeetingDraft } from '../../../renderer/lib/newMeeting';
import { previewSessions, recurringSchedule } from '../../../renderer/lib/schedulePreview';
import { parseRoute, routeHash } from '../../../renderer/lib/routes';
import { meetingIssues } from '../../../renderer/stores/useMeetingEditorStore';

const standup: MeetingDraft = {
  host_email: 'manager@company.com',
  topic: 'Monday Team Sync',
  timezone: 'America/New_York',
  start_time: '2027-03-01T14:00:00Z',
  recurrence: { type: 2, repeat_interval: 1, weekly_days: [2], end_times: 5, duration: 45 },
  settings: meetingSettingsSchema.parse({}),
};

describe("the meeting editor's checks", () => {
  it('finds only the missing host in a new meeting, and nothing once it has one', () => {
    const draft = newMeetingDraft(new Date('2027-01-06T12:00:00Z'));
    expect(meetingIssues(draft).map((issue) => issue.path)).toEqual(['host_email']);
    expect(meetingIssues({ ...draft, host_email: 'pat@example.com' })).toEqual([]);
  });

  it("holds the count to Zoom's limit of 50 occurrences, at the end the planner chose", () => {
    const tooMany = { ...standup, recurrence: { ...standup.recurrence, end_times: 51 } };
    expect(meetingIssues(tooMany)).toEqual([
      { path: 'recurrence.end_times', message: expect.stringContaining('at most 50') as string },
    ]);
    const untilNextYear = {
      ...standup,
      recurrence: { type: 2 as const, weekly_days: [2], duration: 45, end_date_time: '2028-03-01T04:59:59Z' },
    };
    expect(meetingIssues(untilNextYear).map((issue) => issue.path)).toEqual(['recurrence.end_date_time']);
  });
});

describe("a meeting's preview", () => {
  it('shows the occurrences the shared expansion gives, keeping 9:00 in New York across the change of the clocks', () => {
    const sessions = previewSessions(recurringSchedule(standup));
    const expanded = expandSeries(standup);
    if (!expanded.ok) throw new Error('the standup expands');
    expect(sessions.map((session) => session.start_time)).toEqual(
      expanded.occurrences.map((occurrence) => occurrence.start_time),
    );
    expect(sessions.map((session) => [session.start_time, session.clocksChanged])).toEqual([
      ['2027-03-01T14:00:00Z', false],
      ['2027-03-08T14:00:00Z', false],
      ['2027-03-15T13:00:00Z', true],
      ['2027-03-22T13:00:00Z', false],
      ['2027-03-29T13:00:00Z', false],
    ]);
  });
});

describe('the Meetings screen in words and places', () => {
  it('says whether deleting removes a draft now or deletes the meeting on Zoom at the next sync', () => {
    expect(deleteMeetingQuestion({ topic: 'Sync', zoom_meeting_id: null })).toContain('removed now');
    expect(deleteMeetingQuestion({ topic: 'Sync', zoom_meeting_id: '85000007919' })).toContain(
      'deleted on Zoom at the next sync',
    );
  });

  it('counts what an import did, leaving out what did not happen', () => {
    const counts = countActions([{ action: 'created' }, { action: 'created' }, { action: 'unchanged' }]);
    expect(counts).toEqual({ created: 2, updated: 0, unchanged: 1 });
    expect(importWords(counts)).toBe('2 new meetings, 1 unchanged');
  });

  it('keeps a meeting, or a new one, in the address', () => {
    expect(parseRoute('#meetings/abc-123')).toEqual({ screen: 'meetings', meetingId: 'abc-123' });
    expect(parseRoute('#meetings')).toEqual({ screen: 'meetings' });
    expect(routeHash({ screen: 'meetings', meetingId: 'a/b' })).toBe('#meetings/a%2Fb');
    expect(parseRoute(routeHash({ screen: 'meetings', meetingId: 'a/b' }))).toEqual({
      screen: 'meetings',
      meetingId: 'a/b',
    });
    expect(parseRoute('#series/s1/attendees')).toEqual({ screen: 'series', seriesId: 's1', tab: 'attendees' });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MeetingDraftInput } from '../../../shared/meetings/meetingDraft';
import { syncHarness } from '../../support/syncHarness';

// Meetings go through the same outbox and engine as the series, against the sandbox's Meetings
// API over HTTP: created exactly once, updated three ways, deleted, and conflicts for the planner.
let h: Awaited<ReturnType<typeof syncHarness>>;
let now = Date.parse('2026-12-01T10:00:00Z');

const host = 'alice@example.com';
const weeklySync = (overrides: Partial<MeetingDraftInput> = {}): MeetingDraftInput => ({
  key: 'weekly-sync',
  host_email: host,
  topic: 'Weekly sync',
  agenda: 'Plans for the week',
  timezone: 'America/New_York',
  start_time: '2027-01-05T15:00:00Z',
  recurrence: { type: 2, weekly_days: [3], end_times: 8, duration: 45 },
  ...overrides,
});

beforeEach(async () => {
  now = Date.parse('2026-12-01T10:00:00Z');
  h = await syncHarness({ users: [host], clock: () => now }, { now: () => now });
});
afterEach(async () => {
  await h.close();
});

const zoomMeetings = () => h.sandbox.sandbox.data.meetings;
const sync = () => h.services.sync.run();
const meetingRequests = async () =>
  (await h.sandbox.control.requests())
    .map((request) => request.operationId ?? '')
    .filter((id) => id.startsWith('meeting') || id === 'user');

async function syncedMeeting(overrides: Partial<MeetingDraftInput> = {}) {
  const { id } = h.services.meetings.save(undefined, weeklySync(overrides));
  expect(await sync()).toMatchObject({ outcome: 'succeeded', waiting: 0, conflicts: 0 });
  const zoomId = h.services.meetings.get(id).summary.zoom_meeting_id ?? '';
  return { id, zoomId };
}

describe('create, update, delete', () => {
  it('creates the meeting for its host with its Zoom ID and links, and a second sync sends nothing', async () => {
    const { id, zoomId } = await syncedMeeting();
    expect(zoomMeetings()).toMatchObject([{ topic: 'Weekly sync', type: 8, duration: 45 }]);
    expect(String(zoomMeetings()[0]?.id)).toBe(zoomId);
    const { summary } = h.services.meetings.get(id);
    expect(summary).toMatchObject({ state: 'synced', occurrences: 8 });
    expect(summary.join_url).toMatch(/^https:\/\//);
    expect(h.services.sync.pending()).toEqual([]);

    await h.sandbox.control.clearRequests();
    expect(await sync()).toMatchObject({ outcome: 'succeeded', done: 0 });
    expect(await meetingRequests()).toEqual([]);
  });

  it('sends what changed here, and deletes the meeting from Zoom and here', async () => {
    const { id, zoomId } = await syncedMeeting();
    h.services.meetings.save(id, weeklySync({ topic: 'Weekly sync (room 4)', settings: { waiting_room: false } }));
    expect(h.services.sync.pending()).toMatchObject([
      { series_id: '', meeting_id: id, series_name: 'Weekly sync (room 4)', state: 'pending' },
    ]);
    expect(h.services.sync.pending()[0]?.sentence).toMatch(
      /Update the meeting "Weekly sync \(room 4\)" \(topic, waiting room\)/,
    );
    expect(await sync()).toMatchObject({ outcome: 'succeeded', done: 1 });
    expect(zoomMeetings()[0]).toMatchObject({ topic: 'Weekly sync (room 4)', agenda: 'Plans for the week' });
    expect(zoomMeetings()[0]?.settings).toMatchObject({ waiting_room: false, mute_upon_entry: true });

    expect(h.services.meetings.delete(id)).toEqual({ outcome: 'queued' });
    expect(await sync()).toMatchObject({ outcome: 'succeeded', done: 1 });
    expect(zoomMeetings().find((m) => String(m.id) === zoomId)).toBeUndefined();
    expect(h.services.meetings.list()).toEqual([]);
  });
});

describe('exactly once', () => {
  it('a create whose answer is lost is found again on Zoom by host, topic and start, never sent twice', async () => {
    h.services.meetings.save(
      undefined,
      weeklySync({ key: 'other', topic: 'Other', start_time: '2027-01-06T15:00:00Z' }),
    );
    expect(await sync()).toMatchObject({ outcome: 'succeeded' });
    const { id } = h.services.meetings.save(undefined, weeklySync());
    await h.sandbox.control.clearRequests();
    await h.sandbox.control.setFaults({ loseNextResponses: 1 });
    expect(await sync()).toMatchObject({ outcome: 'succeeded', waiting: 0 });
    expect(
      zoomMeetings()
        .map((m) => m.topic)
        .sort(),
    ).toEqual(['Other', 'Weekly sync']);
    expect(await meetingRequests()).toEqual(['meetingCreate', 'meetings', 'meeting']);
    const found = zoomMeetings().find((m) => m.topic === 'Weekly sync');
    expect(h.services.meetings.get(id).summary).toMatchObject({ state: 'synced', zoom_meeting_id: String(found?.id) });
  });
});

describe('changes on Zoom', () => {
  it('takes a change made on Zoom only into the draft while sending the one made here', async () => {
    const { id, zoomId } = await syncedMeeting();
    await h.sandbox.control.edit({ kind: 'update-meeting', meeting_id: zoomId, fields: { agenda: 'Their agenda' } });
    h.services.meetings.save(id, weeklySync({ topic: 'My topic' }));
    expect(await sync()).toMatchObject({ outcome: 'succeeded', conflicts: 0 });
    expect(zoomMeetings()[0]).toMatchObject({ topic: 'My topic', agenda: 'Their agenda' });
    expect(h.services.meetings.get(id).draft).toMatchObject({ topic: 'My topic', agenda: 'Their agenda' });
    await h.sandbox.control.clearRequests();
    expect(await sync()).toMatchObject({ outcome: 'succeeded', done: 0 });
    expect(await meetingRequests()).toEqual([]);
  });

  it('a field changed on both sides is a conflict; keep mine sends mine', async () => {
    const { id, zoomId } = await syncedMeeting();
    await h.sandbox.control.edit({ kind: 'update-meeting', meeting_id: zoomId, fields: { topic: 'Their topic' } });
    h.services.meetings.save(id, weeklySync({ topic: 'My topic' }));
    expect(await sync()).toMatchObject({ outcome: 'needs_attention', conflicts: 1 });
    const [conflict] = h.services.conflicts.list();
    expect(conflict).toMatchObject({
      series_id: '',
      meeting_id: id,
      series_name: 'My topic',
      kind: 'item_fields',
      target: { item: 'meeting', operation: 'meeting.update', zoom_id: zoomId },
      base: { topic: 'Weekly sync' },
      local: { topic: 'My topic' },
      remote: { topic: 'Their topic' },
    });
    expect(h.services.meetings.list()[0]?.state).toBe('conflict');
    expect(h.services.sync.pending()).toMatchObject([{ meeting_id: id, state: 'conflict' }]);

    h.services.conflicts.resolve(conflict?.id ?? 0, 'local');
    expect(await sync()).toMatchObject({ outcome: 'succeeded', waiting: 0 });
    expect(zoomMeetings()[0]?.topic).toBe('My topic');
    expect(h.services.meetings.list()[0]?.state).toBe('synced');
  });

  it('take theirs writes Zoom’s value into the draft and sends nothing back', async () => {
    const { id, zoomId } = await syncedMeeting();
    await h.sandbox.control.edit({ kind: 'update-meeting', meeting_id: zoomId, fields: { topic: 'Their topic' } });
    h.services.meetings.save(id, weeklySync({ topic: 'My topic' }));
    await sync();
    const [conflict] = h.services.conflicts.list();
    expect(h.services.conflicts.resolve(conflict?.id ?? 0, 'remote')).toMatchObject({ can_undo: false });
    expect(h.services.meetings.get(id).draft.topic).toBe('Their topic');
    expect(h.services.sync.pending()).toEqual([]);
    await h.sandbox.control.clearRequests();
    expect(await sync()).toMatchObject({ outcome: 'succeeded', waiting: 0 });
    expect(await meetingRequests()).toEqual([]);
  });

  it('a meeting deleted on Zoom is a conflict; keep mine creates it again, take theirs removes it here', async () => {
    const { id, zoomId } = await syncedMeeting();
    await h.sandbox.control.edit({ kind: 'delete-meeting', meeting_id: zoomId });
    h.services.meetings.save(id, weeklySync({ topic: 'My topic' }));
    expect(await sync()).toMatchObject({ outcome: 'needs_attention', conflicts: 1 });
    const [gone] = h.services.conflicts.list();
    expect(gone).toMatchObject({ kind: 'remote_deleted', meeting_id: id });
    h.services.conflicts.resolve(gone?.id ?? 0, 'local');
    expect(await sync()).toMatchObject({ outcome: 'succeeded', waiting: 0 });
    expect(zoomMeetings().map((m) => m.topic)).toEqual(['My topic']);

    const again = String(zoomMeetings()[0]?.id);
    await h.sandbox.control.edit({ kind: 'delete-meeting', meeting_id: again });
    h.services.meetings.save(id, weeklySync({ topic: 'My topic, again' }));
    await sync();
    const [goneAgain] = h.services.conflicts.list();
    h.services.conflicts.resolve(goneAgain?.id ?? 0, 'remote');
    expect(h.services.meetings.list()).toEqual([]);
    expect(await sync()).toMatchObject({ outcome: 'succeeded', waiting: 0 });
    expect(zoomMeetings()).toEqual([]);
  });
});

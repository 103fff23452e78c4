import { afterEach, describe, expect, it } from 'vitest';
import { CadenceError } from '../../../shared/errors';
import { meetingDraftSchema, type MeetingDraft, type MeetingDraftInput } from '../../../shared/meetings/meetingDraft';
import {
  changedMeetingFields,
  comparableMeetingFields,
  draftOfZoomMeeting,
  meetingBody,
} from '../../../shared/meetings/meetingToZoom';
import { expandSeries } from '../../../shared/recurrence/seriesTiming';
import { ZoomApiError, ZoomDailyLimitError, ZoomOutcomeUnknownError } from '../../../main/zoom/zoomErrors';
import { sandboxHarness, type SandboxHarness } from '../../support/sandbox';

// The Meetings client against the sandbox over real HTTP on 127.0.0.1.
let harness: SandboxHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(...args: Parameters<typeof sandboxHarness>): Promise<SandboxHarness> {
  harness = await sandboxHarness(...args);
  return harness;
}

async function failure(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

const host = 'manager@company.com';

/** The script's first example: Mondays at 9 in New York, across the March DST change. */
function draft(input: Partial<MeetingDraftInput> = {}): MeetingDraft {
  return meetingDraftSchema.parse({
    host_email: host,
    topic: 'Monday Team Sync',
    agenda: 'Weekly team synchronization meeting',
    timezone: 'America/New_York',
    start_time: '2027-03-01T14:00:00Z',
    recurrence: { type: 2, weekly_days: [2], end_times: 6, duration: 45 },
    ...input,
  });
}

const requestsOf = async (h: SandboxHarness, operationId: string) =>
  (await h.control.requests()).filter((r) => r.operationId === operationId);

describe('the Meetings client', () => {
  it('creates a recurring meeting whose occurrences are Cadence’s preview, and reads it back equal to the draft', async () => {
    const h = await start();
    const planned = draft();
    const created = await h.client.meetings.createMeeting(host, meetingBody(planned));
    expect(created).toMatchObject({
      type: 8,
      topic: 'Monday Team Sync',
      join_url: `https://zoom.us/j/${String(created.id)}`,
      duration: 45,
      timezone: 'America/New_York',
    });
    expect(created.registration_url).toMatch(/^https:\/\/zoom\.us\/meeting\/register\//);
    const preview = expandSeries(planned);
    if (!preview.ok) throw new Error('no preview');
    // 9:00 in New York is 14:00Z before 14 March 2027 and 13:00Z after it.
    expect(created.occurrences?.map((o) => o.start_time)).toEqual(preview.occurrences.map((o) => o.start_time));
    expect(created.occurrences?.map((o) => o.start_time)).toContain('2027-03-22T13:00:00Z');

    const read = await h.client.meetings.getMeeting(String(created.id));
    const asDraft = draftOfZoomMeeting(read, { host_email: host });
    if (!asDraft.ok) throw new Error(JSON.stringify(asDraft.issues));
    expect(changedMeetingFields(comparableMeetingFields(planned), comparableMeetingFields(asDraft.draft))).toEqual([]);
    expect(read.host_email).toBe(host);
  });

  it('answers no registration link when registration is off', async () => {
    const h = await start();
    const created = await h.client.meetings.createMeeting(host, meetingBody(draft({ settings: { approval_type: 2 } })));
    expect(created.registration_url).toBeUndefined();
  });

  it('updates a meeting, Zoom scheduling its occurrences again, and deletes it', async () => {
    const h = await start();
    const created = await h.client.meetings.createMeeting(host, meetingBody(draft()));
    const id = String(created.id);
    await h.client.meetings.updateMeeting(id, {
      topic: 'Monday Sync',
      duration: 30,
      settings: { ...meetingBody(draft()).settings, waiting_room: false },
    });
    const updated = await h.client.meetings.getMeeting(id);
    expect(updated).toMatchObject({ topic: 'Monday Sync', duration: 30, settings: { waiting_room: false } });
    expect(updated.occurrences?.every((o) => o.duration === 30)).toBe(true);

    await h.client.meetings.deleteMeeting(id);
    const gone = await failure(h.client.meetings.getMeeting(id));
    expect(gone).toBeInstanceOf(ZoomApiError);
    expect(gone).toMatchObject({ status: 404, zoomCode: 3001, code: 'not_found' });
  });

  it('lists every page of a host’s meetings', async () => {
    const h = await start();
    const created = await h.client.meetings.createMeeting(host, meetingBody(draft()));
    const stored = h.sandbox.data.meetings[0];
    if (stored === undefined) throw new Error('not stored');
    // 301 meetings, more than Zoom's largest page, without 301 creates against the daily limit.
    for (let n = 1; n <= 300; n += 1)
      h.sandbox.data.meetings.push({ ...stored, id: stored.id + n, topic: `Copy ${String(n)}` });
    await h.control.clearRequests();
    const listed = await h.client.meetings.listMeetings(host);
    expect(listed).toHaveLength(301);
    expect(listed.map((m) => m.id)).toContain(created.id);
    const pages = await requestsOf(h, 'meetings');
    expect(pages.map((r) => new URL(r.path, 'http://x').searchParams.get('type'))).toEqual(['scheduled', 'scheduled']);
    expect(await h.client.meetings.listMeetings('sales@company.com')).toEqual([]);
  });

  it('checks a host, and names an unknown one with Zoom’s code', async () => {
    const h = await start();
    expect(await h.client.meetings.getUser('HR@company.com')).toMatchObject({ email: 'hr@company.com' });
    const unknown = await failure(h.client.meetings.getUser('nobody@company.com'));
    expect(unknown).toMatchObject({ status: 404, zoomCode: 1001, code: 'not_found' });
    const refused = await failure(h.client.meetings.createMeeting('nobody@company.com', meetingBody(draft())));
    expect(refused).toMatchObject({ status: 404, zoomCode: 1001 });
    expect(h.sandbox.data.meetings).toEqual([]);
  });

  it('refuses before sending a body Zoom’s reference does not allow, naming the field', async () => {
    const h = await start();
    const body = { ...meetingBody(draft()), password: 'elevenchars' };
    body.recurrence = { ...body.recurrence, end_times: 51 };
    await h.control.clearRequests();
    const refused = await failure(h.client.meetings.createMeeting(host, body));
    expect(refused).toBeInstanceOf(CadenceError);
    expect(refused).toMatchObject({ code: 'invalid_input' });
    expect((refused as CadenceError).issues.map((issue) => issue.path).sort()).toEqual([
      'password',
      'recurrence.end_times',
    ]);
    expect(await requestsOf(h, 'meetingCreate')).toEqual([]);
  });

  it('reports Zoom’s own refusals field by field', async () => {
    const h = await start();
    const body = { ...meetingBody(draft()), password: 'pass!' };
    body.recurrence = { ...body.recurrence, repeat_interval: 13 };
    const refused = await failure(h.client.meetings.createMeeting(host, body));
    expect(refused).toMatchObject({ status: 400, zoomCode: 300, code: 'invalid_input' });
    expect((refused as ZoomApiError).issues.map((issue) => issue.path).sort()).toEqual([
      'password',
      'recurrence.repeat_interval',
    ]);
  });

  it('turns a host’s daily limit into a typed error, sent once, that says when it renews', async () => {
    let now = Date.parse('2027-02-10T22:15:00Z');
    const h = await start({ faults: { meetingDailyLimit: 2 }, clock: () => now });
    const first = await h.client.meetings.createMeeting(host, meetingBody(draft()));
    await h.client.meetings.updateMeeting(String(first.id), { topic: 'Renamed once' });
    await h.control.clearRequests();

    const create = await failure(h.client.meetings.createMeeting(host, meetingBody(draft({ topic: 'Second' }))));
    expect(create).toBeInstanceOf(ZoomDailyLimitError);
    expect(create).toMatchObject({ status: 429, renewsAt: '2027-02-11T00:00:00Z', limit: 2, code: 'unavailable' });
    const update = await failure(h.client.meetings.updateMeeting(String(first.id), { topic: 'Renamed twice' }));
    expect(update).toBeInstanceOf(ZoomDailyLimitError);
    // Neither was sent again, and the rest of the account goes on at once.
    expect((await requestsOf(h, 'meetingCreate')).map((r) => r.status)).toEqual([429]);
    expect((await requestsOf(h, 'meetingUpdate')).map((r) => r.status)).toEqual([429]);
    const startedAt = Date.now();
    await h.client.meetings.createMeeting('sales@company.com', meetingBody(draft({ host_email: 'sales@company.com' })));
    await h.client.meetings.getMeeting(String(first.id));
    expect(Date.now() - startedAt).toBeLessThan(900);

    now = Date.parse('2027-02-11T00:00:01Z');
    await expect(
      h.client.meetings.updateMeeting(String(first.id), { topic: 'Renamed twice' }),
    ).resolves.toBeUndefined();
  });

  it('never sends a create again after a lost answer; listing the host finds it by topic and start', async () => {
    const h = await start();
    await h.control.setFaults({ loseNextResponses: 1 });
    const planned = draft({ topic: 'Lost answer sync' });
    const lost = await failure(h.client.meetings.createMeeting(host, meetingBody(planned)));
    expect(lost).toBeInstanceOf(ZoomOutcomeUnknownError);
    expect(await requestsOf(h, 'meetingCreate')).toHaveLength(1);
    const listed = await h.client.meetings.listMeetings(host);
    const first = comparableMeetingFields(planned).start_time;
    expect(listed.filter((m) => m.topic === 'Lost answer sync' && m.start_time === first)).toHaveLength(1);
  });

  it('sees what someone changed or deleted in Zoom’s web portal', async () => {
    const h = await start();
    const planned = draft();
    const created = await h.client.meetings.createMeeting(host, meetingBody(planned));
    const edited = await h.control.edit({
      kind: 'update-meeting',
      meeting_id: created.id,
      fields: { agenda: 'Moved to the big room', settings: { mute_upon_entry: false } },
    });
    expect(edited.status).toBe(204);
    const read = draftOfZoomMeeting(await h.client.meetings.getMeeting(String(created.id)), { host_email: host });
    if (!read.ok) throw new Error('not read');
    expect(changedMeetingFields(comparableMeetingFields(planned), comparableMeetingFields(read.draft))).toEqual([
      'agenda',
      'settings.mute_upon_entry',
    ]);
    await h.control.edit({ kind: 'delete-meeting', meeting_id: created.id });
    expect(await failure(h.client.meetings.getMeeting(String(created.id)))).toMatchObject({ zoomCode: 3001 });
  });
});

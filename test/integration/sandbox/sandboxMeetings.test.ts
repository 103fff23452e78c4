import { request } from 'undici';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleHostEmails } from '../../../main/sandbox/sandboxData';
import { startSandbox } from '../../../main/sandbox/sandboxServer';
import { sandboxHarness, type SandboxHarness } from '../../support/sandbox';
import { makeTempDir } from '../../support/tempDir';

// The sandbox's Meetings API, held to the rules of Zoom's Meetings reference over raw HTTP: what
// the client would refuse before sending is sent here anyway, to see the sandbox refuse it too.
let harness: SandboxHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(...args: Parameters<typeof sandboxHarness>): Promise<SandboxHarness> {
  harness = await sandboxHarness(...args);
  return harness;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

/** One Meetings API request with the client's token, its body sent as it is. */
async function api(h: SandboxHarness, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown) {
  const token = await h.client.tokens.token();
  const answer = await request(`${h.sandbox.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token.value}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await answer.body.text();
  return {
    status: answer.statusCode,
    headers: answer.headers,
    body: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>,
  } satisfies Answer;
}

const weekly = {
  topic: 'Sales Pipeline Review',
  type: 8,
  start_time: '2027-03-03T10:00:00',
  duration: 60,
  timezone: 'America/Los_Angeles',
  recurrence: { type: 2, weekly_days: '4', end_times: 4 },
  settings: { approval_type: 0 },
};

const create = (h: SandboxHarness, body: unknown, host = 'sales@company.com') =>
  api(h, 'POST', `/users/${encodeURIComponent(host)}/meetings`, body);

const fieldsOf = (answer: Answer) =>
  ((answer.body.errors ?? []) as { field: string }[]).map((error) => error.field).sort();

describe('creating a recurring meeting', () => {
  it('schedules the occurrences in the meeting’s zone, whether the start is written locally or in GMT', async () => {
    const h = await start();
    const local = await create(h, weekly);
    const gmt = await create(h, { ...weekly, start_time: '2027-03-03T18:00:00Z' });
    expect(local.status).toBe(201);
    const starts = (a: Answer) => (a.body.occurrences as { start_time: string }[]).map((o) => o.start_time);
    // Wednesdays at 10 in Los Angeles: 18:00Z, then 17:00Z from 14 March.
    expect(starts(local)).toEqual([
      '2027-03-03T18:00:00Z',
      '2027-03-10T18:00:00Z',
      '2027-03-17T17:00:00Z',
      '2027-03-24T17:00:00Z',
    ]);
    expect(starts(gmt)).toEqual(starts(local));
    expect(local.body).toMatchObject({ start_time: '2027-03-03T18:00:00Z', host_email: 'sales@company.com' });
    expect(local.body.registration_url).toMatch(/^https:\/\/zoom\.us\/meeting\/register\/tZ/);
  });

  it('follows Zoom’s own defaults where Cadence has its own: a weekly meeting without days is on Sundays', async () => {
    const h = await start();
    const answer = await create(h, { ...weekly, recurrence: { type: 2, end_times: 2 } });
    expect(answer.body.recurrence).toEqual({ type: 2, repeat_interval: 1, weekly_days: '1', end_times: 2 });
    expect((answer.body.occurrences as { start_time: string }[])[0]?.start_time).toBe('2027-03-07T18:00:00Z');
    expect(answer.body.registration_url).toBeDefined();
    const unregistered = await create(h, { ...weekly, settings: {} });
    expect(unregistered.body.registration_url).toBeUndefined();
  });

  it('refuses what the reference’s schema does not allow, every field at once', async () => {
    const h = await start();
    const answer = await create(h, {
      ...weekly,
      topic: 'x'.repeat(201),
      agenda: 'y'.repeat(2001),
      password: 'elevenchars',
      recurrence: { type: 2, weekly_days: '8', end_times: 51 },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 300, message: 'Validation Failed.' });
    expect(fieldsOf(answer)).toEqual(['agenda', 'password', 'recurrence.end_times', 'recurrence.weekly_days', 'topic']);
    expect(h.sandbox.data.meetings).toEqual([]);
  });

  it('refuses Zoom’s rules beyond the schema: passcode characters, interval maxima, one end, a known zone', async () => {
    const h = await start();
    const refused = await create(h, {
      ...weekly,
      password: 'no spaces',
      timezone: 'Mars/Olympus_Mons',
      recurrence: { type: 1, repeat_interval: 91, end_times: 3, end_date_time: '2027-04-01T00:00:00Z' },
    });
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused)).toEqual(['password', 'recurrence.end_times', 'recurrence.repeat_interval', 'timezone']);
    for (const [type, interval] of [
      [2, 13],
      [3, 4],
    ] as const) {
      const answer = await create(h, { ...weekly, recurrence: { type, repeat_interval: interval, end_times: 2 } });
      expect(fieldsOf(answer)).toEqual(['recurrence.repeat_interval']);
    }
    const accepted = await create(h, { ...weekly, recurrence: { type: 1, repeat_interval: 90, end_times: 2 } });
    expect(accepted.status).toBe(201);
  });

  it('refuses more than 50 occurrences by end date, and a recurring meeting without a recurrence', async () => {
    const h = await start();
    const daily = await create(h, { ...weekly, recurrence: { type: 1, end_date_time: '2027-06-30T00:00:00Z' } });
    expect(daily.status).toBe(400);
    expect(fieldsOf(daily)).toEqual(['recurrence.end_date_time']);
    const bare = await create(h, { ...weekly, recurrence: undefined });
    expect(fieldsOf(bare)).toEqual(['recurrence']);
    expect(h.sandbox.data.meetings).toEqual([]);
  });
});

describe('reading, updating, listing and deleting', () => {
  it('answers past occurrences only when asked, and Zoom’s codes for what does not exist', async () => {
    let now = Date.parse('2027-03-01T00:00:00Z');
    // A token that outlives the sandbox clock's jump.
    const h = await start({ clock: () => now, faults: { tokenTtlSeconds: 60 * 60 * 24 * 365 } });
    const created = await create(h, weekly);
    now = Date.parse('2027-03-12T00:00:00Z');
    const id = String(created.body.id);
    const current = await api(h, 'GET', `/meetings/${id}`);
    expect((current.body.occurrences as unknown[]).length).toBe(2);
    const all = await api(h, 'GET', `/meetings/${id}?show_previous_occurrences=true`);
    expect((all.body.occurrences as unknown[]).length).toBe(4);
    expect(await api(h, 'GET', '/meetings/123')).toMatchObject({ status: 404, body: { code: 3001 } });
    expect(await api(h, 'PATCH', '/meetings/123', { topic: 'x' })).toMatchObject({ status: 404, body: { code: 3001 } });
    expect(await api(h, 'DELETE', '/meetings/123')).toMatchObject({ status: 404, body: { code: 3001 } });
    expect(await api(h, 'GET', '/users/nobody%40company.com')).toMatchObject({
      status: 404,
      body: { code: 1001, message: 'User does not exist: nobody@company.com.' },
    });
    expect(await api(h, 'GET', '/users/nobody%40company.com/meetings')).toMatchObject({ status: 404 });
  });

  it('updates whole: a refused update changes nothing, an accepted one schedules the occurrences again', async () => {
    const h = await start();
    const id = String((await create(h, weekly)).body.id);
    const refused = await api(h, 'PATCH', `/meetings/${id}`, { topic: 'Renamed', password: 'bad pass' });
    expect(fieldsOf(refused)).toEqual(['password']);
    expect((await api(h, 'GET', `/meetings/${id}`)).body.topic).toBe('Sales Pipeline Review');
    const accepted = await api(h, 'PATCH', `/meetings/${id}`, {
      recurrence: { type: 2, weekly_days: '2,4', end_times: 6 },
      settings: { waiting_room: true },
    });
    expect(accepted.status).toBe(204);
    const read = await api(h, 'GET', `/meetings/${id}`);
    expect((read.body.occurrences as unknown[]).length).toBe(6);
    expect(read.body.settings).toMatchObject({ waiting_room: true, approval_type: 0 });
  });

  it('lists a host’s meetings a page at a time', async () => {
    const h = await start();
    for (const topic of ['A', 'B', 'C']) await create(h, { ...weekly, topic });
    await create(h, weekly, 'hr@company.com');
    const first = await api(h, 'GET', '/users/sales%40company.com/meetings?type=scheduled&page_size=2');
    expect(first.body).toMatchObject({ total_records: 3, page_size: 2 });
    expect((first.body.meetings as unknown[]).length).toBe(2);
    const token = String(first.body.next_page_token);
    const second = await api(h, 'GET', `/users/sales%40company.com/meetings?page_size=2&next_page_token=${token}`);
    expect((second.body.meetings as { topic: string }[]).map((m) => m.topic)).toHaveLength(1);
    expect(second.body.next_page_token).toBe('');
  });
});

describe('the per-host daily limit', () => {
  it('refuses the creates and updates of a host past the limit as Zoom does, until the next UTC day', async () => {
    let now = Date.parse('2027-02-10T23:59:00Z');
    const h = await start({ faults: { meetingDailyLimit: 2 }, clock: () => now });
    const refusedByRules = await create(h, { ...weekly, password: 'bad pass' });
    expect(refusedByRules.status).toBe(400);
    const first = await create(h, weekly);
    const id = String(first.body.id);
    expect((await api(h, 'PATCH', `/meetings/${id}`, { topic: 'Again' })).status).toBe(204);
    // Changes made in Zoom's web portal and deletes do not count.
    await h.control.edit({ kind: 'update-meeting', meeting_id: id, fields: { agenda: 'Portal' } });

    const over = await create(h, weekly);
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ code: 429 });
    expect(over.headers).toMatchObject({
      'x-ratelimit-type': 'Daily-limit',
      'x-ratelimit-limit': '2',
      'x-ratelimit-remaining': '0',
      'retry-after': '2027-02-11T00:00:00Z',
    });
    expect((await api(h, 'PATCH', `/meetings/${id}`, { topic: 'Third' })).status).toBe(429);
    expect((await create(h, weekly, 'hr@company.com')).status).toBe(201);
    expect(h.sandbox.data.meetings.filter((m) => m.topic === 'Third')).toEqual([]);

    now = Date.parse('2027-02-11T00:00:00Z');
    expect((await create(h, weekly)).status).toBe(201);
  });

  it('can be changed while running', async () => {
    const h = await start();
    await h.control.setFaults({ meetingDailyLimit: 0 });
    expect((await create(h, weekly)).status).toBe(429);
    await h.control.setFaults({ meetingDailyLimit: 100 });
    expect((await create(h, weekly)).status).toBe(201);
  });

  it('is back as the sandbox started after a reset, with its meetings and added users gone', async () => {
    const h = await start({ users: ['coach@school.edu'], faults: { meetingDailyLimit: 5 } });
    await h.control.addUser({ email: 'guest@school.edu' });
    await h.control.setFaults({ meetingDailyLimit: 0 });
    expect((await create(h, weekly)).status).toBe(429);
    const before = await h.client.tokens.token();
    await h.control.reset();
    // Tokens the sandbox issued are gone with the rest.
    expect((await api(h, 'GET', `/users/${encodeURIComponent('coach@school.edu')}`)).status).toBe(401);
    h.client.tokens.invalidate(before.value);
    expect(h.sandbox.data.meetings).toEqual([]);
    expect((await api(h, 'GET', `/users/${encodeURIComponent('guest@school.edu')}`)).status).toBe(404);
    expect((await api(h, 'GET', `/users/${encodeURIComponent('coach@school.edu')}`)).status).toBe(200);
    expect((await create(h, weekly)).status).toBe(201);
    expect((await h.control.state()).meetings).toHaveLength(1);
  });
});

describe('users', () => {
  it('starts with the recurring-meetings script’s example hosts, and takes more by option or control', async () => {
    const h = await start({ users: ['coach@school.edu'] });
    for (const email of [...exampleHostEmails, 'coach@school.edu']) {
      expect((await api(h, 'GET', `/users/${encodeURIComponent(email)}`)).status).toBe(200);
    }
    const added = await h.control.addUser({ email: 'Host20@Company.com', first_name: 'Twenty' });
    const again = await h.control.addUser({ email: 'host20@company.com' });
    expect(again.id).toBe(added.id);
    const byId = await api(h, 'GET', `/users/${added.id}`);
    expect(byId.body).toMatchObject({ email: 'Host20@Company.com', first_name: 'Twenty', status: 'active' });
    expect((await create(h, weekly, 'host20@company.com')).status).toBe(201);
  });

  it('keeps users and meetings in its state file, and gives an older state file the example hosts', async () => {
    const dir = makeTempDir();
    const statePath = join(dir.path, 'state.json');
    const h = await start({ statePath });
    await h.control.addUser({ email: 'kept@company.com' });
    const id = (await create(h, weekly, 'kept@company.com')).body.id;
    await h.close();
    harness = undefined;
    const again = await startSandbox({ statePath });
    try {
      expect(again.data.meetings.map((m) => m.id)).toEqual([id]);
      expect(again.data.users.some((u) => u.email === 'kept@company.com')).toBe(true);
    } finally {
      await again.close();
    }
    const older = join(dir.path, 'older.json');
    const before = Object.fromEntries(
      Object.entries(again.data).filter(([key]) => !['users', 'meetings', 'meetingQuota'].includes(key)),
    );
    writeFileSync(older, JSON.stringify(before));
    const fromOlder = await startSandbox({ statePath: older });
    try {
      expect(fromOlder.data.users.map((u) => u.email)).toEqual([...exampleHostEmails]);
      expect(fromOlder.data.meetings).toEqual([]);
    } finally {
      await fromOlder.close();
      dir.remove();
    }
  });

  it('asks for the Meetings scopes: a token with only the Events scopes is refused with Zoom’s code', async () => {
    const h = await start({ faults: { scopes: ['zoom_events_basic:read'] } });
    const refused = await create(h, weekly);
    expect(refused).toMatchObject({ status: 403, body: { code: 4711 } });
  });
});

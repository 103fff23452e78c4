import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../../main/db/database';
import { createServices, type Services } from '../../../main/services';
import type { MeetingDraftInput } from '../../../shared/meetings/meetingDraft';
import { meetingDraftSchema } from '../../../shared/meetings/meetingDraft';
import { makeTempDir } from '../../support/tempDir';

// Meeting drafts are stored whole with their outbox plan in one transaction; the list never
// breaks on a row this version cannot read.
let dir: ReturnType<typeof makeTempDir>;
let services: Services;
const now = Date.parse('2026-12-01T10:00:00Z');

const weeklySync = (overrides: Partial<MeetingDraftInput> = {}): MeetingDraftInput => ({
  key: 'weekly-sync',
  host_email: 'alice@example.com',
  topic: 'Weekly sync',
  timezone: 'America/New_York',
  start_time: '2027-01-05T15:00:00Z',
  recurrence: { type: 2, weekly_days: [3], end_times: 8, duration: 45 },
  ...overrides,
});

beforeEach(() => {
  dir = makeTempDir();
  const { db } = openDatabase(databaseFile(join(dir.path, 'data')));
  services = createServices({ db, now: () => now });
});
afterEach(async () => {
  await services.close();
  services.db.close();
  dir.remove();
});

const outboxRows = () =>
  services.db.prepare('SELECT meeting_id, op_key, kind, state FROM outbox ORDER BY id').all() as {
    meeting_id: string;
    op_key: string;
    kind: string;
    state: string;
  }[];

it('saves a draft with its create planned in the same transaction, and lists it from the preview’s expansion', () => {
  const { id, isNew } = services.meetings.save(undefined, weeklySync());
  expect(isNew).toBe(true);
  expect(outboxRows()).toEqual([{ meeting_id: id, op_key: 'meeting', kind: 'meeting.create', state: 'pending' }]);
  const [summary] = services.meetings.list();
  expect(summary).toMatchObject({
    id,
    key: 'weekly-sync',
    topic: 'Weekly sync',
    state: 'draft',
    occurrences: 8,
    first_start: '2027-01-05T15:00:00Z',
    last_start: '2027-02-23T15:00:00Z',
    waits_until: null,
    problem: null,
  });
  // The list says how it repeats in words, from the draft's own recurrence.
  expect(summary?.recurrence).toEqual(meetingDraftSchema.parse(weeklySync()).recurrence);
  expect(services.meetings.get(id).draft).toEqual(meetingDraftSchema.parse(weeklySync()));
});

it('refuses an invalid draft naming the field, writing nothing', () => {
  expect(() =>
    services.meetings.save(undefined, weeklySync({ recurrence: { type: 1, end_times: 51, duration: 30 } })),
  ).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: 'recurrence.end_times' })] }));
  expect(services.meetings.list()).toEqual([]);
  expect(outboxRows()).toEqual([]);
});

it('an edit before any sync replaces the pending create’s payload; deleting it removes it with its operations', () => {
  const { id } = services.meetings.save(undefined, weeklySync());
  services.meetings.save(id, weeklySync({ topic: 'Renamed' }));
  const payload = services.db.prepare('SELECT payload_json FROM outbox').pluck().get() as string;
  expect(JSON.parse(payload)).toMatchObject({ meeting: { topic: 'Renamed' } });
  expect(services.meetings.delete(id)).toEqual({ outcome: 'removed' });
  expect(services.meetings.list()).toEqual([]);
  expect(outboxRows()).toEqual([]);
});

it('a meeting Zoom has is kept, marked deleted, with one pending delete', () => {
  const { id } = services.meetings.save(undefined, weeklySync());
  services.db.prepare(`UPDATE outbox SET state = 'done'`).run();
  services.db
    .prepare('UPDATE meeting SET zoom_meeting_id = ?, synced_json = draft_json, join_url = ? WHERE id = ?')
    .run('81234567890', 'https://zoom.example/j/81234567890', id);
  expect(services.meetings.delete(id)).toEqual({ outcome: 'queued' });
  expect(outboxRows().filter((row) => row.state === 'pending')).toEqual([
    { meeting_id: id, op_key: 'meeting.delete', kind: 'meeting.delete', state: 'pending' },
  ]);
  expect(services.meetings.list()).toMatchObject([{ id, state: 'deleting', key: null }]);
  expect(() => services.meetings.get(id)).toThrow(/no longer exists/);
});

it('upserts by key in one transaction: created, then unchanged, then updated', () => {
  const store = services.stores.meetings;
  const drafts = [weeklySync(), weeklySync({ key: 'standup', topic: 'Standup' })].map((d) => ({
    ...meetingDraftSchema.parse(d),
    key: d.key ?? '',
  }));
  expect(store.upsertByKey(drafts).map((r) => r.action)).toEqual(['created', 'created']);
  expect(store.previewByKey(drafts).map((r) => r.action)).toEqual(['unchanged', 'unchanged']);
  expect(store.upsertByKey(drafts).map((r) => r.action)).toEqual(['unchanged', 'unchanged']);
  const revisions = services.db.prepare('SELECT revision FROM meeting ORDER BY key').pluck().all();
  expect(revisions).toEqual([0, 0]);
  const changed = [{ ...drafts[0], topic: 'Weekly sync (new room)' }, drafts[1]].map((d) => ({
    ...d,
    key: d?.key ?? '',
  }));
  expect(store.upsertByKey(changed as typeof drafts).map((r) => r.action)).toEqual(['updated', 'unchanged']);
  expect(outboxRows()).toHaveLength(2);
});

it('lists a stored row that no longer parses as unreadable, and never throws on load', () => {
  const { id } = services.meetings.save(undefined, weeklySync());
  services.meetings.save(undefined, weeklySync({ key: 'other', topic: 'Other' }));
  services.db.prepare(`UPDATE meeting SET draft_json = '{"topic": 5}' WHERE id = ?`).run(id);
  const list = services.meetings.list();
  expect(list.map((m) => [m.topic, m.state, m.problem === null])).toEqual([
    ['Weekly sync', 'conflict', false],
    ['Other', 'draft', true],
  ]);
  expect(() => services.meetings.get(id)).toThrow(/cannot be read/);
  services.db.prepare(`UPDATE meeting SET draft_json = 'not json' WHERE id = ?`).run(id);
  expect(services.meetings.list()[0]?.problem).toMatch(/not valid JSON/);
});

it('a meeting on Zoom keeps its host: another host is refused naming host_email', () => {
  const { id } = services.meetings.save(undefined, weeklySync());
  services.db.prepare(`UPDATE meeting SET zoom_meeting_id = '1', synced_json = draft_json WHERE id = ?`).run(id);
  expect(() => services.meetings.save(id, weeklySync({ host_email: 'bob@example.com' }))).toThrow(
    expect.objectContaining({ issues: [expect.objectContaining({ path: 'host_email' })] }),
  );
});

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/database';
import { migrate } from '../../../main/db/migrate';
import { migrations } from '../../../main/db/migrations';
import { createServices, type Services } from '../../../main/services';
import { makeTempDir } from '../../support/tempDir';

// A version-6 file with a series' waiting operations and a conflict upgrades with all of them kept,
// and every list over the whole outbox and the conflicts (waiting, status, conflicts) shows a
// series' and a meeting's side by side, each under its own name.
let dir: ReturnType<typeof makeTempDir>;
let services: Services;

beforeEach(() => {
  dir = makeTempDir();
  const file = join(dir.path, 'v6.sqlite');
  const old = new Database(file);
  old.pragma('foreign_keys = ON');
  migrate(old, { file, migrations: migrations.slice(0, 6) });
  old.exec(`
    INSERT INTO series (id, name, event_type, timezone, start_time, end_time, attendance_type, access_level, publish,
        zoom_event_id, synced_json, created_at, updated_at)
      VALUES ('s1', 'Standup', 'SIMPLE_EVENT', 'UTC', '2027-01-04T09:00:00Z', '2027-01-04T10:00:00Z', 'virtual',
        'PRIVATE_UNRESTRICTED', 0, 'e1', NULL, 'now', 'now');
    INSERT INTO outbox (id, series_id, op_key, kind, payload_json, state, attempts, created_at, updated_at)
      VALUES (7, 's1', 'event', 'event.create', '{"event":{}}', 'done', 1, 'now', 'now'),
             (8, 's1', 'event.fields', 'event.update', '{"changes":{"name":"Standup"}}', 'conflict', 2, 'now', 'now');
    INSERT INTO conflict (id, series_id, outbox_id, kind, subject, local_json, remote_json, message, created_at, target_json)
      VALUES (3, 's1', 8, 'event_fields', 'name', '{"name":"Standup"}', '{"name":"Daily"}', 'Changed on both sides.',
        'now', '{"item":"event","operation":"event.update","zoom_id":"e1"}');
  `);
  old.close();
  const { db, migration } = openDatabase(file);
  expect(migration).toMatchObject({ from: 6 });
  services = createServices({ db });
});
afterEach(async () => {
  await services.close();
  services.db.close();
  dir.remove();
});

it('keeps the series’ conflict and waiting change, and lists a meeting’s beside them by its topic', () => {
  expect(services.conflicts.list()).toEqual([
    expect.objectContaining({ id: 3, series_id: 's1', series_name: 'Standup', kind: 'event_fields', subject: 'name' }),
  ]);
  expect(services.conflicts.list()[0]?.meeting_id).toBeNull();
  expect(services.sync.pending()).toEqual([
    expect.objectContaining({ series_id: 's1', series_name: 'Standup', state: 'conflict' }),
  ]);

  const { id } = services.meetings.save(undefined, {
    host_email: 'ann@example.com',
    topic: 'Design review',
    timezone: 'Europe/Berlin',
    start_time: '2027-03-01T09:00:00Z',
    recurrence: { type: 1, end_times: 4, duration: 30 },
  });
  expect(services.sync.pending()).toEqual([
    expect.objectContaining({ series_id: 's1', state: 'conflict' }),
    expect.objectContaining({
      series_id: '',
      meeting_id: id,
      series_name: 'Design review',
      sentence: 'Create the meeting "Design review" for ann@example.com (4 occurrences)',
      state: 'pending',
    }),
  ]);
  expect(services.drafts.status()).toMatchObject({
    waiting: 2,
    conflicts: 1,
    outbox: { pending: 1, conflict: 1, done: 1 },
  });

  // A meeting's conflict lists under its topic, with no series.
  const operationId = services.db.prepare('SELECT id FROM outbox WHERE meeting_id = ?').pluck().get(id) as number;
  services.stores.outbox.meetings.openConflict({
    meetingId: id,
    operationId,
    kind: 'refused',
    target: { item: 'meeting', operation: 'meeting.create' },
    subject: 'creating the meeting',
    message: 'Design review: User does not exist: ann@example.com.',
  });
  expect(services.conflicts.list().map((c) => [c.series_id, c.meeting_id, c.series_name, c.kind])).toEqual([
    ['s1', null, 'Standup', 'event_fields'],
    ['', id, 'Design review', 'refused'],
  ]);
  expect(services.meetings.list()).toMatchObject([{ id, state: 'conflict' }]);
  expect(services.drafts.status()).toMatchObject({ waiting: 2, conflicts: 2, outbox: { failed: 1, conflict: 1 } });

  // Take theirs of a create Zoom refused: Zoom has no such meeting, so it goes here too.
  const meetingConflict = services.conflicts.list()[1];
  expect(services.conflicts.resolve(meetingConflict?.id ?? 0, 'remote').message).toMatch(/removed here/);
  expect(services.meetings.list()).toEqual([]);
  expect(services.conflicts.list().map((c) => c.id)).toEqual([3]);
});

import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../../main/db/database';
import { migrate } from '../../../main/db/migrate';
import { latestSchemaVersion, migrations } from '../../../main/db/migrations';
import { createServices } from '../../../main/services';
import { makeTempDir } from '../../support/tempDir';

// Migration 2: conflicts written when they said what they were about only in words get a typed
// target; update operations get keys of their own; refused operations become `failed`.
let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  dir.remove();
});

const at = '2026-11-01T10:00:00Z';

/** A version-1 database with a synced series and one conflict of each kind, as version 1 wrote them. */
function versionOneDatabase(file: string): void {
  const db = new Database(file);
  migrate(db, { file, migrations: migrations.slice(0, 1) });
  db.prepare(
    `INSERT INTO series (id, name, event_type, timezone, start_time, attendance_type, access_level, recurrence_json,
       publish, created_at, updated_at, zoom_event_id, zoom_status)
     VALUES ('s1', 'Standup', 'RECURRING', 'UTC', '2027-01-05T15:00:00Z', 'virtual', 'PRIVATE_UNRESTRICTED',
       '{"type":2,"repeat_interval":1,"weekly_days":[3],"end_times":3,"duration":30}', 1, ?, ?, 'ev1', 'published')`,
  ).run(at, at);
  db.prepare(
    `INSERT INTO attendee (id, series_id, position, email, email_key, zoom_ticket_id) VALUES
       ('r1', 's1', 0, 'Ada@example.com', 'ada@example.com', 't1'), ('r2', 's1', 1, 'bo@example.com', 'bo@example.com', NULL)`,
  ).run();
  const op = db.prepare(
    `INSERT INTO outbox (id, series_id, op_key, kind, target_json, payload_json, state, created_at, updated_at)
     VALUES (?, 's1', ?, ?, '{}', ?, ?, ?, ?)`,
  );
  op.run(1, 'event', 'event.update', '{"changes":{"name":"Mine"}}', 'conflict', at, at);
  op.run(2, 'ticket_type', 'ticket_type.update', '{"changes":{"quantity":5}}', 'conflict', at, at);
  op.run(
    3,
    'ticket:r2',
    'ticket.create',
    '{"attendee_id":"r2","attendee":{"email":"bo@example.com"}}',
    'conflict',
    at,
    at,
  );
  op.run(4, 'session:2', 'session.update', '{"occurrence":2,"start_time":"x","end_time":"y"}', 'conflict', at, at);
  op.run(5, 'ticket:r1', 'ticket.update', '{"attendee_id":"r1","changes":{"city":"Oslo"}}', 'conflict', at, at);
  op.run(6, 'access_link', 'access_link.update', '{"changes":{"link_name":"Join"}}', 'pending', at, at);
  const conflict = db.prepare(
    `INSERT INTO conflict (series_id, outbox_id, kind, subject, message, created_at) VALUES ('s1', ?, ?, ?, 'words', ?)`,
  );
  conflict.run(1, 'event_fields', 'name', at);
  conflict.run(2, 'item_fields', 'ticket type: quantity', at);
  conflict.run(3, 'ticket_refused', 'bo@example.com', at);
  conflict.run(4, 'session_moved', 'session 2', at);
  conflict.run(5, 'item_fields', 'registration of ada@example.com: city', at);
  conflict.run(null, 'schedule_drift', 'sessions', at);
  conflict.run(2, 'refused', 'updating the ticket type', at);
  db.close();
}

it('gives every old conflict its target, new keys to updates, and keeps a backup', () => {
  const file = databaseFile(join(dir.path, 'data'));
  openDatabase(file).db.close();
  versionOneDatabase(`${file}.v1`);
  const { db, migration } = openDatabase(`${file}.v1`);
  try {
    expect(migration).toMatchObject({ from: 1, to: latestSchemaVersion });
    expect(migration.backup !== undefined && existsSync(migration.backup)).toBe(true);
    const services = createServices({ db });
    expect(services.conflicts.list().map((c) => [c.kind, c.target])).toEqual([
      ['event_fields', { item: 'event', operation: 'event.update' }],
      ['item_fields', { item: 'ticket_type', operation: 'ticket_type.update' }],
      [
        'ticket_refused',
        { item: 'registration', attendee_id: 'r2', email: 'bo@example.com', operation: 'ticket.create' },
      ],
      ['session_moved', { item: 'session', occurrence: 2, operation: 'session.update' }],
      [
        'item_fields',
        { item: 'registration', attendee_id: 'r1', email: 'ada@example.com', operation: 'ticket.update' },
      ],
      ['schedule_drift', { item: 'sessions' }],
      ['refused', { item: 'ticket_type', operation: 'ticket_type.update' }],
    ]);
    const keys = db.prepare('SELECT id, op_key, state FROM outbox ORDER BY id').all();
    expect(keys).toEqual([
      { id: 1, op_key: 'event.fields', state: 'conflict' },
      { id: 2, op_key: 'ticket_type.fields', state: 'failed' },
      { id: 3, op_key: 'ticket:r2', state: 'failed' },
      { id: 4, op_key: 'session:2', state: 'conflict' },
      { id: 5, op_key: 'ticket:r1', state: 'conflict' },
      { id: 6, op_key: 'access_link.fields', state: 'pending' },
    ]);
    const columns = db.prepare("SELECT name FROM pragma_table_info('outbox')").pluck().all();
    expect(columns).not.toContain('target_json');
    expect(columns).not.toContain('next_attempt_at');
  } finally {
    db.close();
  }
});

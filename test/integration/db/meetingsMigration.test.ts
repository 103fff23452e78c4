import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/database';
import { migrate } from '../../../main/db/migrate';
import { latestSchemaVersion, migrations } from '../../../main/db/migrations';
import { makeTempDir } from '../../support/tempDir';

// Migration 7 rebuilds the outbox and the conflicts so that a row belongs to a series or a
// meeting: everything a version-6 file holds survives, links included, and the rules still hold.
let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  dir.remove();
});

function versionSixWithWork(file: string): void {
  const old = new Database(file);
  old.pragma('foreign_keys = ON');
  migrate(old, { file, migrations: migrations.slice(0, 6) });
  old.exec(`
    INSERT INTO series (id, name, event_type, timezone, start_time, attendance_type, access_level, publish, created_at, updated_at)
      VALUES ('s1', 'Standup', 'SIMPLE_EVENT', 'UTC', '2027-01-04T09:00:00Z', 'virtual', 'PRIVATE_UNRESTRICTED', 0, 'now', 'now');
    INSERT INTO outbox (id, series_id, op_key, kind, payload_json, state, attempts, created_at, updated_at)
      VALUES (7, 's1', 'event', 'event.create', '{}', 'done', 1, 'now', 'now'),
             (8, 's1', 'event.fields', 'event.update', '{"name":"x"}', 'conflict', 2, 'now', 'now'),
             (9, 's1', 'publish', 'event.publish', '{}', 'pending', 0, 'now', 'now');
    INSERT INTO conflict (id, series_id, outbox_id, kind, subject, message, created_at, target_json)
      VALUES (3, 's1', 8, 'event_fields', 'the event', 'Changed on both sides.', 'now', '{"item":"event"}');
    INSERT INTO series_history (series_id, at, source, item, field, conflict_id)
      VALUES ('s1', 'now', 'resolution', 'event', 'name', 3);
  `);
  old.close();
}

it('keeps every outbox row, conflict and the links between them when a version-6 database upgrades', () => {
  const file = join(dir.path, 'v6.sqlite');
  versionSixWithWork(file);

  const { db, migration } = openDatabase(file);
  try {
    expect(migration).toMatchObject({ from: 6, to: latestSchemaVersion });
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(
      db.prepare('SELECT id, series_id, meeting_id, op_key, state, attempts FROM outbox ORDER BY id').all(),
    ).toEqual([
      { id: 7, series_id: 's1', meeting_id: null, op_key: 'event', state: 'done', attempts: 1 },
      { id: 8, series_id: 's1', meeting_id: null, op_key: 'event.fields', state: 'conflict', attempts: 2 },
      { id: 9, series_id: 's1', meeting_id: null, op_key: 'publish', state: 'pending', attempts: 0 },
    ]);
    expect(db.prepare('SELECT id, series_id, outbox_id, kind, target_json FROM conflict').all()).toEqual([
      { id: 3, series_id: 's1', outbox_id: 8, kind: 'event_fields', target_json: '{"item":"event"}' },
    ]);
    expect(db.prepare('SELECT conflict_id FROM series_history').pluck().all()).toEqual([3]);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  } finally {
    db.close();
  }
});

it('holds an operation or a conflict to exactly one series or one meeting, and removes them with it', () => {
  const file = join(dir.path, 'v6.sqlite');
  versionSixWithWork(file);
  const { db } = openDatabase(file);
  try {
    db.exec(`
      INSERT INTO meeting (id, key, host_email, host_key, topic, start_time, draft_json, created_at, updated_at)
        VALUES ('m1', 'k', 'Ann@Example.com', 'ann@example.com', 'Sync', '2027-01-04T09:00:00Z', '{}', 'now', 'now');
    `);
    const insert = db.prepare(
      `INSERT INTO outbox (series_id, meeting_id, op_key, kind, payload_json, created_at, updated_at)
       VALUES (?, ?, 'meeting', 'meeting.create', '{}', 'now', 'now')`,
    );
    insert.run(null, 'm1');
    expect(() => insert.run('s1', 'm1')).toThrow(/CHECK/);
    expect(() => insert.run(null, null)).toThrow(/CHECK/);
    expect(() => insert.run(null, 'nowhere')).toThrow(/FOREIGN KEY/);
    // One pending operation per key, per meeting as per series.
    expect(() => insert.run(null, 'm1')).toThrow(/UNIQUE/);
    db.prepare('DELETE FROM meeting WHERE id = ?').run('m1');
    expect(db.prepare('SELECT count(*) FROM outbox WHERE meeting_id IS NOT NULL').pluck().get()).toBe(0);
    // Deleting an outbox row still leaves its conflict, unlinked.
    db.prepare('DELETE FROM outbox WHERE id = 8').run();
    expect(db.prepare('SELECT outbox_id FROM conflict WHERE id = 3').pluck().get()).toBeNull();
  } finally {
    db.close();
  }
});

it('leaves a version-6 database as it was when the upgrade fails', () => {
  const file = join(dir.path, 'v6.sqlite');
  versionSixWithWork(file);
  const raw = new Database(file);
  // A row that refers to nothing (written with the checks off) stops the upgrade whole.
  raw.pragma('foreign_keys = OFF');
  raw.exec(
    `INSERT INTO outbox (series_id, op_key, kind, payload_json, created_at, updated_at) VALUES ('gone', 'event', 'event.create', '{}', 'now', 'now')`,
  );
  raw.pragma('foreign_keys = ON');
  expect(() => migrate(raw, { file })).toThrow(/could not be upgraded/);
  expect(raw.pragma('user_version', { simple: true })).toBe(6);
  expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
  expect(raw.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(4);
  expect(raw.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'meeting'").pluck().get()).toBe(0);
  raw.close();
});

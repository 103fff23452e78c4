import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/database';
import { migrate } from '../../../main/db/migrate';
import { latestSchemaVersion, migrations } from '../../../main/db/migrations';
import { makeTempDir } from '../../support/tempDir';

// Migration 6, its history part: a version-5 file gains a series' history, whose entries go with
// their series and outlive a deleted conflict.
let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  dir.remove();
});

it('adds the history of changes to a version-5 database, with the sources and resolutions an entry may have', () => {
  const file = join(dir.path, 'v5.sqlite');
  const old = new Database(file);
  migrate(old, { file, migrations: migrations.slice(0, 5) });
  old
    .prepare(
      `INSERT INTO series (id, name, event_type, timezone, start_time, attendance_type, access_level, publish, created_at, updated_at)
       VALUES ('s1', 'Standup', 'SIMPLE_EVENT', 'UTC', '2027-01-04T09:00:00Z', 'virtual', 'PRIVATE_UNRESTRICTED', 0, 'now', 'now')`,
    )
    .run();
  old.close();

  const { db, migration } = openDatabase(file);
  try {
    expect(migration).toMatchObject({ from: 5, to: latestSchemaVersion });
    const insert = db.prepare(
      `INSERT INTO series_history (series_id, at, source, item, field, resolution) VALUES ('s1', 'now', ?, 'event', 'name', ?)`,
    );
    insert.run('here', null);
    insert.run('resolution', 'take_theirs');
    expect(() => insert.run('somewhere', null)).toThrow(/CHECK/);
    expect(() => insert.run('resolution', 'maybe')).toThrow(/CHECK/);
    db.prepare('DELETE FROM series WHERE id = ?').run('s1');
    expect(db.prepare('SELECT count(*) FROM series_history').pluck().get()).toBe(0);
  } finally {
    db.close();
  }
});

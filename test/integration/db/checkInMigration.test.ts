import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/database';
import { migrate } from '../../../main/db/migrate';
import { latestSchemaVersion, migrations } from '../../../main/db/migrations';
import { makeTempDir } from '../../support/tempDir';

// Migration 5: check-in. A version-4 file gains the tables; its series are untouched.
let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  dir.remove();
});

it('adds the check-in tables to a version-4 database, with the states a check-in may have', () => {
  const file = join(dir.path, 'v4.sqlite');
  const old = new Database(file);
  migrate(old, { file, migrations: migrations.slice(0, 4) });
  old.close();

  const { db, migration } = openDatabase(file);
  try {
    expect(migration).toMatchObject({ from: 4, to: latestSchemaVersion });
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'check%'")
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining(['checkin_event', 'checkin_registrant', 'checkin_search', 'check_in']),
    );
    const insert = db.prepare(
      `INSERT INTO check_in (id, event_id, email_key, email, origin, state) VALUES (?, 'e1', 'a@x.org', 'a@x.org', 'here', ?)`,
    );
    insert.run('c1', 'waiting');
    expect(() => insert.run('c2', 'deleted')).toThrow(/CHECK/);
    // A check-in seen on Zoom is kept once per person and scope.
    const seen = db.prepare(
      `INSERT INTO check_in (id, event_id, email_key, email, origin, state) VALUES (?, 'e1', 'b@x.org', 'b@x.org', 'elsewhere', 'uploaded')`,
    );
    seen.run('c3');
    expect(() => seen.run('c4')).toThrow(/UNIQUE/);
  } finally {
    db.close();
  }
});

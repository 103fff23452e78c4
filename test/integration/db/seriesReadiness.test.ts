import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../../main/db/database';
import { migrate } from '../../../main/db/migrate';
import { migrations } from '../../../main/db/migrations';
import { makeTempDir } from '../../support/tempDir';

// Migration 4: series can be kept out of syncs; every series from before syncs as it did.
let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  dir.remove();
});

it('keeps every series of a version-2 database ready, and refuses a readiness other than yes or no', () => {
  // The data folder made as Cadence makes it, then a version-2 file beside the current one.
  const current = databaseFile(join(dir.path, 'data'));
  openDatabase(current).db.close();
  const file = `${current}.v2`;
  const old = new Database(file);
  migrate(old, { file, migrations: migrations.slice(0, 2) });
  const at = '2026-11-01T10:00:00Z';
  old
    .prepare(
      `INSERT INTO series (id, name, event_type, timezone, start_time, attendance_type, access_level, publish,
         created_at, updated_at)
       VALUES ('s1', 'Standup', 'SIMPLE_EVENT', 'UTC', '2027-01-05T15:00:00Z', 'virtual', 'PRIVATE_UNRESTRICTED', 0, ?, ?)`,
    )
    .run(at, at);
  old.close();

  const { db, migration } = openDatabase(file);
  try {
    expect(migration).toMatchObject({ from: 2, to: migrations.at(-1)?.version });
    expect(db.prepare('SELECT is_ready FROM series').pluck().all()).toEqual([1]);
    expect(() => db.prepare(`UPDATE series SET is_ready = 2 WHERE id = 's1'`).run()).toThrow(/CHECK/);
  } finally {
    db.close();
  }
});

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { CalendarExportStore } from '../../../main/db/calendarExportStore';
import { databaseFile, openDatabase } from '../../../main/db/database';
import { migrate } from '../../../main/db/migrate';
import { latestSchemaVersion, migrations } from '../../../main/db/migrations';
import { makeTempDir } from '../../support/tempDir';

// Migration 8: each series' calendar entry keeps the SEQUENCE it was last exported with.

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  dir.remove();
});

it('adds calendar exports to a version-7 database, numbered per series and gone with the series', () => {
  const file = databaseFile(join(dir.path, 'data'));
  openDatabase(file).db.close();
  const old = new Database(`${file}.v7`);
  migrate(old, { file: `${file}.v7`, migrations: migrations.slice(0, 7) });
  const at = '2026-11-01T10:00:00Z';
  old
    .prepare(
      `INSERT INTO series (id, name, event_type, timezone, start_time, attendance_type, access_level, publish,
         created_at, updated_at)
       VALUES ('s1', 'Standup', 'SIMPLE_EVENT', 'UTC', '2027-01-05T15:00:00Z', 'virtual', 'PRIVATE_UNRESTRICTED', 0, ?, ?)`,
    )
    .run(at, at);
  old.close();

  const { db, migration } = openDatabase(`${file}.v7`);
  try {
    expect(migration).toMatchObject({ from: 7, to: latestSchemaVersion });
    const store = new CalendarExportStore(db, () => at);
    expect(store.sequences([{ seriesId: 's1', contentHash: 'a' }]).get('s1')).toBe(0);
    expect(store.sequences([{ seriesId: 's1', contentHash: 'a' }]).get('s1')).toBe(0);
    expect(store.sequences([{ seriesId: 's1', contentHash: 'b' }]).get('s1')).toBe(1);
    expect(() => store.sequences([{ seriesId: 'none', contentHash: 'a' }])).toThrow(/FOREIGN KEY/);
    db.prepare(`DELETE FROM series WHERE id = 's1'`).run();
    expect(db.prepare('SELECT count(*) FROM calendar_export').pluck().get()).toBe(0);
  } finally {
    db.close();
  }
});

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../../main/db/database';
import { migrate } from '../../../main/db/migrate';
import { latestSchemaVersion, migrations } from '../../../main/db/migrations';
import { readSeriesDraft } from '../../../main/db/seriesRows';
import { makeTempDir } from '../../support/tempDir';

// Migration 9: a series' closed days, and on each occurrence change the closed day that made it.

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  dir.remove();
});

it('reads a version-8 series as before, then keeps its closed days and each change’s closed day', () => {
  const file = databaseFile(join(dir.path, 'data'));
  openDatabase(file).db.close();
  const old = new Database(`${file}.v8`);
  migrate(old, { file: `${file}.v8`, migrations: migrations.slice(0, 8) });
  const at = '2026-11-01T10:00:00Z';
  old
    .prepare(
      `INSERT INTO series (id, name, event_type, timezone, start_time, attendance_type, access_level, recurrence_json,
         publish, created_at, updated_at)
       VALUES ('s1', 'Standup', 'RECURRING', 'America/New_York', '2027-11-01T14:00:00Z', 'virtual',
         'PRIVATE_UNRESTRICTED', ?, 0, ?, ?)`,
    )
    .run(JSON.stringify({ type: 2, weekly_days: [5], end_times: 6, duration: 30 }), at, at);
  old.prepare(`INSERT INTO occurrence_change (series_id, occurrence, action) VALUES ('s1', 2, 'cancel')`).run();
  old.close();

  const { db, migration } = openDatabase(`${file}.v8`);
  try {
    expect(migration).toMatchObject({ from: 8, to: latestSchemaVersion });
    const before = readSeriesDraft(db, 's1');
    expect(before).toMatchObject({ occurrence_changes: [{ occurrence: 2, action: 'cancel' }] });
    expect(before).not.toHaveProperty('closed_days');

    db.prepare(`UPDATE series SET closed_days_json = ? WHERE id = 's1'`).run(
      JSON.stringify({ calendar: { country: 'US' }, dates: [], on_closed_day: 'cancel', kept: ['2027-11-11'] }),
    );
    db.prepare(`UPDATE occurrence_change SET occurrence = 4, closed_day_json = ? WHERE series_id = 's1'`).run(
      JSON.stringify({ date: '2027-11-25', name: 'Thanksgiving Day' }),
    );
    expect(readSeriesDraft(db, 's1')).toMatchObject({
      closed_days: { calendar: { country: 'US' }, kept: ['2027-11-11'] },
      occurrence_changes: [
        { occurrence: 4, action: 'cancel', closed_day: { date: '2027-11-25', name: 'Thanksgiving Day' } },
      ],
    });
  } finally {
    db.close();
  }
});

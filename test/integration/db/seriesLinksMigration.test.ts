import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../../main/db/database';
import { migrate } from '../../../main/db/migrate';
import { latestSchemaVersion, migrations } from '../../../main/db/migrations';
import { SeriesLinkStore } from '../../../main/db/seriesLinkStore';
import { makeTempDir } from '../../support/tempDir';

// Migration 12: typed links between series; a pattern change links the old series to its successor.

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  dir.remove();
});

it('adds series links to an earlier database: one successor per series, gone with either series', () => {
  const file = databaseFile(join(dir.path, 'data'));
  openDatabase(file).db.close();
  const earlier = `${file}.earlier`;
  const before = migrations.findIndex((step) => step.version === 12);
  const old = new Database(earlier);
  migrate(old, { file: earlier, migrations: migrations.slice(0, before) });
  const at = '2026-11-01T10:00:00Z';
  for (const id of ['old', 'new', 'other']) {
    old
      .prepare(
        `INSERT INTO series (id, name, event_type, timezone, start_time, attendance_type, access_level, publish,
           created_at, updated_at)
         VALUES (?, 'Standup', 'SIMPLE_EVENT', 'UTC', '2027-01-05T15:00:00Z', 'virtual', 'PRIVATE_UNRESTRICTED', 0, ?, ?)`,
      )
      .run(id, at, at);
  }
  old.close();

  const { db, migration } = openDatabase(earlier);
  try {
    expect(migration.to).toBe(latestSchemaVersion);
    const links = new SeriesLinkStore(db, () => at);
    links.add({ from: 'old', to: 'new', kind: 'pattern_change', cancelMessage: 'Moved.' });
    expect(links.successorOf('old')).toBe('new');
    expect(links.linksOf('new')).toEqual({
      replaces: [
        {
          series_id: 'old',
          name: 'Standup',
          kind: 'pattern_change',
          created_at: at,
          settled_at: null,
          cancel_message: 'Moved.',
        },
      ],
      replaced_by: [],
    });
    expect(() => links.add({ from: 'old', to: 'other', kind: 'pattern_change', cancelMessage: 'Again.' })).toThrow(
      /UNIQUE/,
    );
    expect(() => links.add({ from: 'old', to: 'old', kind: 'part', cancelMessage: null })).toThrow(/CHECK/);
    expect(() => links.add({ from: 'old', to: 'none', kind: 'part', cancelMessage: null })).toThrow(/FOREIGN KEY/);
    db.prepare(`DELETE FROM series WHERE id = 'new'`).run();
    expect(db.prepare('SELECT count(*) FROM series_link').pluck().get()).toBe(0);
  } finally {
    db.close();
  }
});

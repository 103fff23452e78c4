import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../../main/db/database';
import { migrate } from '../../../main/db/migrate';
import { latestSchemaVersion, migrations } from '../../../main/db/migrations';
import type { Migration } from '../../../main/db/migrations/migration';
import { makeTempDir } from '../../support/tempDir';
import { createServices } from '../../../main/services';

let dir: ReturnType<typeof makeTempDir>;
let file: string;
beforeEach(() => {
  dir = makeTempDir();
  file = databaseFile(dir.path);
});
afterEach(() => dir.remove());

const at = () => new Date('2026-11-22T10:15:30.123Z');

function schemaOf(path: string): unknown[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(`SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name`).all();
  } finally {
    db.close();
  }
}

function messageOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected a failure');
}

describe('opening the database', () => {
  it('creates one file in the data directory, in WAL mode, with foreign keys and full syncs', () => {
    const { db, migration } = openDatabase(file);
    try {
      expect(migration).toEqual({ from: 0, to: latestSchemaVersion });
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    } finally {
      db.close();
    }
    // A new database needs no backup.
    expect(readdirSync(dir.path).filter((name) => name.startsWith('backups'))).toEqual([]);
  });

  it('syncs with F_FULLFSYNC on macOS and trims the write-ahead log after checkpoints', () => {
    const { db } = openDatabase(file);
    try {
      expect({
        fullfsync: db.pragma('fullfsync', { simple: true }),
        checkpoint_fullfsync: db.pragma('checkpoint_fullfsync', { simple: true }),
        journal_size_limit: db.pragma('journal_size_limit', { simple: true }),
      }).toEqual({ fullfsync: 1, checkpoint_fullfsync: 1, journal_size_limit: 64 * 1024 * 1024 });
    } finally {
      db.close();
    }
  });

  it('migrates from every earlier version to the same schema as a new database', () => {
    openDatabase(join(dir.path, 'fresh.sqlite')).db.close();
    const fresh = schemaOf(join(dir.path, 'fresh.sqlite'));
    for (let steps = 0; steps < migrations.length; steps += 1) {
      const version = migrations[steps - 1]?.version ?? 0;
      const path = join(dir.path, `from-v${String(version)}.sqlite`);
      const old = new Database(path);
      migrate(old, { file: path, migrations: migrations.slice(0, steps) });
      old.close();
      const { db, migration } = openDatabase(path, { now: at });
      db.close();
      expect(migration.from).toBe(version);
      expect(schemaOf(path)).toEqual(fresh);
    }
  });

  it('copies a database with data to a dated backup before migrating it', () => {
    const later: Migration = { version: 2, name: 'notes', up: 'CREATE TABLE note (text TEXT NOT NULL);' };
    const db = new Database(file);
    migrate(db, { file, migrations: [{ version: 1, name: 'v1', up: 'CREATE TABLE kept (value TEXT);' }] });
    db.prepare(`INSERT INTO kept VALUES ('planner data')`).run();
    const report = migrate(db, {
      file,
      now: at,
      migrations: [{ version: 1, name: 'v1', up: 'CREATE TABLE kept (value TEXT);' }, later],
    });
    db.close();
    expect(report).toEqual({ from: 1, to: 2, backup: join(dir.path, 'backups', 'cadence.sqlite.v1.20261122T101530Z') });
    const backup = new Database(report.backup ?? '', { readonly: true });
    try {
      expect(backup.pragma('user_version', { simple: true })).toBe(1);
      expect(backup.prepare('SELECT value FROM kept').pluck().all()).toEqual(['planner data']);
    } finally {
      backup.close();
    }
  });

  it('a migration that fails leaves the database at its old version with its data', () => {
    const v1: Migration = { version: 1, name: 'v1', up: 'CREATE TABLE kept (value TEXT);' };
    const broken: Migration = { version: 2, name: 'broken', up: 'CREATE TABLE fine (x); CREATE TABLE kept (again);' };
    const db = new Database(file);
    migrate(db, { file, migrations: [v1] });
    db.prepare(`INSERT INTO kept VALUES ('planner data')`).run();
    expect(() => migrate(db, { file, now: at, migrations: [v1, broken] })).toThrow(/already exists/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'fine'`).pluck().get()).toBe(0);
    expect(db.prepare('SELECT value FROM kept').pluck().all()).toEqual(['planner data']);
    db.close();
  });
});

describe('a database Cadence cannot use is named, explained and left alone', () => {
  it('newer than this version', () => {
    openDatabase(file).db.close();
    const db = new Database(file);
    db.pragma(`user_version = ${String(latestSchemaVersion + 1)}`);
    db.close();
    const before = readFileSync(file);
    expect(messageOf(() => openDatabase(file))).toBe(
      `${file} was written by a newer version of Cadence (database version ${String(latestSchemaVersion + 1)}; this version reads up to ${String(latestSchemaVersion)}). Update Cadence to open it; the file has not been changed.`,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('damaged, or not a database at all', () => {
    const garbage = Buffer.from('These are meeting notes, not a database.\n'.repeat(200));
    writeFileSync(file, garbage);
    const message = messageOf(() => openDatabase(file));
    expect(message).toContain(`${file} is damaged or is not a Cadence database. Cadence has not changed it.`);
    expect(message).toContain('backups');
    expect(readFileSync(file).equals(garbage)).toBe(true);
    expect(readdirSync(dir.path)).toEqual(['cadence.sqlite']);
  });

  it('a folder where the file should be', () => {
    mkdirSync(file);
    expect(messageOf(() => openDatabase(file))).toBe(
      `${file} is not a file. Move it aside or choose another data directory.`,
    );
  });

  it('locked by another program while Cadence writes', () => {
    const { db } = openDatabase(file);
    const other = new Database(file);
    other.exec('BEGIN EXCLUSIVE');
    try {
      const drafts = createServices({ db }).drafts;
      const draft = {
        name: 'Locked Out',
        timezone: 'UTC',
        event_type: 'SIMPLE_EVENT',
        start_time: '2027-06-10T17:00:00Z',
        end_time: '2027-06-10T18:00:00Z',
      };
      expect(messageOf(() => drafts.save(undefined, draft))).toBe(
        `${file} is locked by another program. Close the other Cadence window or command using it, then try again.`,
      );
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(db.prepare('SELECT count(*) FROM series').pluck().get()).toBe(0);
    db.close();
  }, 20_000);
});

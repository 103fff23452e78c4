import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { CadenceError } from '../../shared/errors';
import { ensurePrivateFile, ensurePrivateFolder } from '../config/privateFiles';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/migration';

export interface MigrateOptions {
  /** The database file, for the backup and for messages. */
  file: string;
  now?: () => Date;
  migrations?: readonly Migration[];
}

/** What `migrate` did: the versions before and after, and the backup it made, if any. */
export interface MigrationReport {
  from: number;
  to: number;
  backup?: string;
}

/** Where the copies made before upgrades are kept, beside the database. */
export function backupsFolder(file: string): string {
  return join(dirname(file), 'backups');
}

/** `cadence.sqlite` → `backups/cadence.sqlite.v1.20261122T101500Z` */
function backupPath(file: string, version: number, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return join(backupsFolder(file), `${basename(file)}.v${version}.${stamp}`);
}

/**
 * Brings the schema up to date: all pending steps in one transaction, so a failure or a crash
 * leaves the previous version intact. A database that already holds data is first copied to a
 * dated backup. A database newer than this build is refused, untouched.
 */
export function migrate(db: Database.Database, options: MigrateOptions): MigrationReport {
  const steps = options.migrations ?? allMigrations;
  const latest = steps.at(-1)?.version ?? 0;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latest) {
    throw new CadenceError(
      'unavailable',
      `${options.file} was written by a newer version of Cadence (database version ${from}; this version reads up to ${latest}). Update Cadence to open it; the file has not been changed.`,
    );
  }
  if (from === latest) return { from, to: latest };

  let backup: string | undefined;
  if (from > 0) {
    backup = backupPath(options.file, from, (options.now ?? (() => new Date()))());
    // The copy holds the same attendees as the database: owner-only. VACUUM INTO writes into an
    // empty file it is given, keeping the mode it was created with.
    ensurePrivateFolder(dirname(backup));
    ensurePrivateFile(backup);
    // VACUUM INTO writes a consistent copy, the write-ahead log included.
    db.prepare('VACUUM INTO ?').run(backup);
  }
  // By version rather than by place, so that a list whose numbers were given out ahead of time still runs.
  const pending = steps.filter((step) => step.version > from);
  // Dropping a table others refer to would otherwise act on their rows (ON DELETE); the pragma
  // cannot change inside a transaction, so it is set around it and every reference checked within.
  const rebuilds = pending.some((step) => step.rebuildsTables === true);
  const hadForeignKeys = db.pragma('foreign_keys', { simple: true }) === 1;
  if (rebuilds && hadForeignKeys) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const step of pending) {
        db.exec(step.up);
        step.transform?.(db);
        db.pragma(`user_version = ${String(step.version)}`);
      }
      if (rebuilds && db.prepare('PRAGMA foreign_key_check').all().length > 0) {
        throw new CadenceError(
          'internal',
          `${options.file} could not be upgraded: a row refers to one that does not exist. The file has not been changed.`,
        );
      }
    }).immediate();
  } finally {
    if (rebuilds && hadForeignKeys) db.pragma('foreign_keys = ON');
  }
  return { from, to: latest, ...(backup === undefined ? {} : { backup }) };
}

import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { CadenceError } from '../../shared/errors';
import { ensurePrivateFile, ensurePrivateFolder, tightenFolder, tightenIfLoose } from '../config/privateFiles';
import { backupsFolder, migrate, type MigrationReport } from './migrate';
import { openSqlite } from './sqlite';

/** The database file inside a data directory. */
export function databaseFile(dataDir: string): string {
  return join(dataDir, 'cadence.sqlite');
}

export interface OpenDatabaseOptions {
  nativeBinding?: string;
  now?: () => Date;
}

export interface OpenedDatabase {
  db: Database.Database;
  file: string;
  migration: MigrationReport;
}

/** The file system's refusals to create or change the database file before SQLite opens it. */
const fileSystemRefusals = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * The database and everything beside it hold attendees' emails: owner-only. SQLite creates the
 * write-ahead log and its shared-memory index with the database file's own mode, so creating the
 * file owner-only before SQLite opens it covers them too, whatever the umask; the ones an earlier
 * version left readable by others are tightened.
 */
function keepPrivate(file: string): void {
  ensurePrivateFolder(dirname(file));
  ensurePrivateFile(file);
  tightenIfLoose(`${file}-wal`);
  tightenIfLoose(`${file}-shm`);
  tightenFolder(backupsFolder(file));
}

/** SQLite's result codes for the failures a planner can do something about, as Cadence errors. */
export function explainSqliteError(error: unknown, file: string): CadenceError | undefined {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new CadenceError(
      'unavailable',
      `${file} is locked by another program. Close the other Cadence window or command using it, then try again.`,
    );
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new CadenceError(
      'unavailable',
      `${file} is damaged or is not a Cadence database. Cadence has not changed it. Restore it from a backup (the backups folder beside it holds the copies made before upgrades), or move it aside to start with an empty one.`,
    );
  }
  if (
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_PERM') ||
    code.startsWith('SQLITE_READONLY') ||
    fileSystemRefusals.has(code)
  ) {
    return new CadenceError(
      'unavailable',
      `Cadence cannot open ${file} for reading and writing. Check that it is a file your user account may read and write, or choose another data directory with --data-dir.`,
    );
  }
  return undefined;
}

/**
 * Opens the data directory's database, creating it if needed, and brings its schema up to date.
 * Every failure names the file and what to do; nothing is repaired or overwritten.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): OpenedDatabase {
  if (existsSync(file) && !statSync(file).isFile()) {
    throw new CadenceError('unavailable', `${file} is not a file. Move it aside or choose another data directory.`);
  }
  let db: Database.Database | undefined;
  try {
    keepPrivate(file);
    db = openSqlite(file, options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding });
    // WAL makes each commit one append; FULL syncs that append before the commit returns, so an
    // edit Cadence has acknowledged survives a power cut or a laptop that dies, not only a crash.
    // Edits come at human pace and an import is one transaction, so the extra sync costs nothing
    // a planner notices.
    db.pragma('synchronous = FULL');
    // On macOS fsync() leaves the data in the drive's cache; only F_FULLFSYNC reaches the disk, so
    // without these an acknowledged edit can still vanish in a power cut there. Other systems'
    // fsync already flushes the drive and SQLite ignores both settings.
    db.pragma('fullfsync = ON');
    db.pragma('checkpoint_fullfsync = ON');
    // A checkpoint leaves the write-ahead log at its largest size (823 MB after a large import was
    // seen); past 64 MB it is truncated back once checkpointed, so the folder does not keep it.
    db.pragma(`journal_size_limit = ${String(64 * 1024 * 1024)}`);
    // Reading the schema is what finds a file that is not a database at all.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    const migration = migrate(db, { file, ...(options.now === undefined ? {} : { now: options.now }) });
    return { db, file, migration };
  } catch (error) {
    db?.close();
    throw explainSqliteError(error, file) ?? error;
  }
}

import Database from 'better-sqlite3';

export interface OpenSqliteOptions {
  /** The compiled driver to load; the Electron host passes its own build, Node uses the default. */
  nativeBinding?: string;
  readonly?: boolean;
}

/** Opens a SQLite file with the settings every Cadence connection shares. */
export function openSqlite(file: string, options: OpenSqliteOptions = {}): Database.Database {
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: false,
    ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
  });
  // A second process (the CLI beside the app) waits for a lock instead of failing at once.
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  if (!options.readonly) db.pragma('journal_mode = WAL');
  return db;
}

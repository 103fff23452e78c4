import type Database from 'better-sqlite3';

/** One step of the schema. Shipped steps are never edited; a change is a new step. */
export interface Migration {
  /** `PRAGMA user_version` after this step; steps are numbered 1, 2, 3 … in order. */
  version: number;
  name: string;
  /** SQL run inside the migration transaction. */
  up: string;
  /** Rewrites rows the SQL cannot, after it, in the same transaction. */
  transform?: (db: Database.Database) => void;
  /**
   * The step rebuilds tables that others refer to (create, copy, drop, rename), which SQLite
   * allows only with foreign keys off; they are checked as a whole before the step commits.
   */
  rebuildsTables?: true;
}

import type Database from 'better-sqlite3';

/** One step of the schema. Shipped steps are never edited; a change is a new step. */
export interface Migration {
  /** `PRAGMA user_version` after this step; steps are numbered 1, 2, 3 … without gaps. */
  version: number;
  name: string;
  /** SQL run inside the migration transaction. */
  up: string;
  /** Rewrites rows the SQL cannot, after it, in the same transaction. */
  transform?: (db: Database.Database) => void;
}

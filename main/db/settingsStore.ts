import type Database from 'better-sqlite3';
import type { z } from 'zod';

/**
 * Settings that are not secret, as JSON values by key in the `setting` table. A stored value that
 * no longer fits its schema reads as absent, so an older or hand-edited value cannot break startup.
 */
export class SettingsStore {
  private readonly select;
  private readonly upsert;
  private readonly remove;

  constructor(db: Database.Database) {
    this.select = db.prepare<[string], { value_json: string }>('SELECT value_json FROM setting WHERE key = ?');
    this.upsert = db.prepare<[string, string]>(
      'INSERT INTO setting (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json',
    );
    this.remove = db.prepare<[string]>('DELETE FROM setting WHERE key = ?');
  }

  get<Schema extends z.ZodType>(key: string, schema: Schema): z.output<Schema> | undefined {
    const row = this.select.get(key);
    if (row === undefined) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(row.value_json);
    } catch {
      return undefined;
    }
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  }

  set(key: string, value: unknown): void {
    this.upsert.run(key, JSON.stringify(value));
  }

  delete(key: string): void {
    this.remove.run(key);
  }
}

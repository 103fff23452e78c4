import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { databaseFile, openDatabase } from '../db/database';
import { migrate } from '../db/migrate';
import { createServices, type Services, type ServicesOptions } from '../services';

/** An in-memory copy of the data directory's database (an empty one when there is none yet). */
function memoryCopy(dataDir: string): Database.Database {
  const file = databaseFile(dataDir);
  if (!existsSync(file)) {
    const empty = new Database(':memory:');
    empty.pragma('foreign_keys = ON');
    migrate(empty, { file: ':memory:' });
    return empty;
  }
  const { db } = openDatabase(file);
  try {
    const image = db.serialize();
    // The file is in WAL mode (header bytes 18-19 = 2); an in-memory copy must say rollback mode.
    image[18] = 1;
    image[19] = 1;
    const copy = new Database(image);
    copy.pragma('foreign_keys = ON');
    return copy;
  } finally {
    db.close();
  }
}

/**
 * Runs `work` with services over a copy of the data that is thrown away afterwards: a dry run
 * does what the real run would (import, then plan the sync) and changes nothing, not even
 * creating the data directory.
 */
export async function withThrowawayServices<T>(
  dataDir: string,
  work: (services: Services) => T | Promise<T>,
  options: Omit<ServicesOptions, 'db'> = {},
): Promise<T> {
  const db = memoryCopy(dataDir);
  const services = createServices({ db, ...options });
  try {
    return await work(services);
  } finally {
    await services.close();
    db.close();
  }
}

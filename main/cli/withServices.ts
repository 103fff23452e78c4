import { databaseFile, openDatabase } from '../db/database';
import { createServices, type Services, type ServicesOptions } from '../services';

/** Runs `work` with the data directory's services, closing them and the database afterwards. */
export async function withServices<T>(
  dataDir: string,
  work: (services: Services) => T | Promise<T>,
  options: Omit<ServicesOptions, 'db'> = {},
): Promise<T> {
  const { db } = openDatabase(databaseFile(dataDir));
  const services = createServices({ db, ...options });
  try {
    return await work(services);
  } finally {
    await services.close();
    db.close();
  }
}

import { initialSchema } from './001_initial';
import type { Migration } from './migration';

/** Every schema step in order; the last one's version is the schema this build writes. */
export const migrations: readonly Migration[] = [initialSchema];

export const latestSchemaVersion = migrations.length;

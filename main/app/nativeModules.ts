import { join } from 'node:path';

/**
 * better-sqlite3 is built against V8 directly, so Electron needs its own build of it, kept apart
 * from the Node build in node_modules that the CLI and tests use. keytar uses N-API, which is the
 * same ABI in both runtimes, so one build serves both.
 */
export const electronNativeFileName = 'better_sqlite3.node';

/** Where `prepareElectronNative.mjs` leaves the Electron build, relative to the project folder. */
export const electronNativeCacheDir = join('node_modules', '.cache', 'cadence-electron');

/** The Electron build of better-sqlite3: in `resources/native` when packaged, in the cache otherwise. */
export function electronSqliteBindingPath(options: {
  isPackaged: boolean;
  appRoot: string;
  resourcesPath: string;
}): string {
  return options.isPackaged
    ? join(options.resourcesPath, 'native', electronNativeFileName)
    : join(options.appRoot, electronNativeCacheDir, electronNativeFileName);
}

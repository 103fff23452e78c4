import { homedir } from 'node:os';
import { join, win32 } from 'node:path';

/** The name Electron derives its per-user folder from (`productName`). */
export const productName = 'Cadence';

/**
 * The per-user folder the desktop app uses (Electron's `userData`), computed without Electron so
 * the CLI and `cadence serve` default to the very same place.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', productName);
    case 'win32':
      return win32.join(env.APPDATA ?? win32.join(home, 'AppData', 'Roaming'), productName);
    default:
      return join(env.XDG_CONFIG_HOME || join(home, '.config'), productName);
  }
}

/** `--data-dir`, then `CADENCE_DATA_DIR`, then the app's per-user folder. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? (env.CADENCE_DATA_DIR || defaultDataDir(process.platform, env));
}

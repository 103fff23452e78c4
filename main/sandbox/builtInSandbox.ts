import { join } from 'node:path';
import { ensurePrivateFolder } from '../config/privateFiles';
import type { SandboxBehaviour } from './sandboxBehaviour';
import { startSandbox, type Sandbox } from './sandboxServer';

/**
 * The sandbox the app runs for "Try without a Zoom account": started on first use on a free
 * port of 127.0.0.1, its state kept in the data folder so that what was tried is still there.
 * `behaviour` chooses which of Zoom's documents it follows; the tutorial's Zoom by default.
 */
export function builtInSandbox(
  dataDir: string,
  behaviour: Partial<SandboxBehaviour> = {},
): { start(): Promise<Sandbox>; close(): Promise<void> } {
  let running: Promise<Sandbox> | undefined;
  return {
    start() {
      running ??= (() => {
        const folder = join(dataDir, 'sandbox');
        // What a planner tries here can be real attendees: as private as the database.
        ensurePrivateFolder(folder);
        return startSandbox({ statePath: join(folder, 'state.json'), behaviour });
      })();
      return running;
    },
    async close() {
      const sandbox = await running?.catch(() => undefined);
      running = undefined;
      await sandbox?.close();
    },
  };
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from './sandboxServer';

/**
 * The sandbox the app runs for "Try without a Zoom account": started on first use on a free
 * port of 127.0.0.1, its state kept in the data folder so that what was tried is still there.
 */
export function builtInSandbox(dataDir: string): { start(): Promise<Sandbox>; close(): Promise<void> } {
  let running: Promise<Sandbox> | undefined;
  return {
    start() {
      running ??= (() => {
        const folder = join(dataDir, 'sandbox');
        mkdirSync(folder, { recursive: true });
        return startSandbox({ statePath: join(folder, 'state.json') });
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

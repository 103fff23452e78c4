import { mkdirSync, rmSync } from 'node:fs';
import { join, parse } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles a worker script of the tests with esbuild and answers its path. The bundle lives inside
 * node_modules, so that native modules resolve from the project like any other import; its name
 * carries the test process's ID, so that test files running at once never run each other's
 * half-written bundle, and it is removed when the process ends.
 */
export async function bundleWorker(entry: string, name: string): Promise<string> {
  const folder = join('node_modules', '.cache', 'cadence-tests');
  mkdirSync(folder, { recursive: true });
  const { name: base, ext } = parse(name);
  const outfile = join(folder, `${base}.${String(process.pid)}${ext}`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // Killed and restarted many times: its pure-JS dependencies bundled start it faster, as in the CLI.
    external: ['better-sqlite3', 'keytar', 'electron'],
    banner: {
      js: "import { createRequire as cadenceCreateRequire } from 'node:module';\nconst require = cadenceCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  process.once('exit', () => rmSync(outfile, { force: true }));
  return outfile;
}

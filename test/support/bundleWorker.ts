import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles a worker script of the tests with esbuild and answers its path. The bundle lives inside
 * node_modules, so that native modules resolve from the project like any other import.
 */
export async function bundleWorker(entry: string, name: string): Promise<string> {
  const folder = join('node_modules', '.cache', 'cadence-tests');
  mkdirSync(folder, { recursive: true });
  const outfile = join(folder, name);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

// Bundles a benchmark's TypeScript tasks with esbuild and imports them, so that the benchmark
// scripts run under plain Node.
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const bundleDir = join('node_modules', '.cache', 'cadence-bench');

/** The bundled module's path; `importTasks` builds it first. */
export function bundlePath(entry) {
  return join(bundleDir, basename(entry).replace(/\.ts$/, '.mjs'));
}

export async function importTasks(entry) {
  mkdirSync(bundleDir, { recursive: true });
  const outfile = bundlePath(entry);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

// Bundles a benchmark's TypeScript tasks with esbuild and imports them, so that the benchmark
// scripts run under plain Node.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

// One folder per checkout: worktrees may share one node_modules, and must not run each other's bundles.
const checkout = createHash('sha256').update(process.cwd()).digest('hex').slice(0, 12);
const bundleDir = join('node_modules', '.cache', 'cadence-bench', checkout);

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

// Bundles the Node-side entry points: the CLI (ESM), the Electron main process and preload (CJS).
// Dependencies stay external so native modules load from node_modules; the sandboxed preload can
// only require `electron`, so it is bundled whole.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['main/cli/cadence.ts'],
    outfile: 'dist/main/cli.js',
    format: 'esm',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: ['main/app/main.ts'],
    outfile: 'dist/main/app.cjs',
    format: 'cjs',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: ['preload/preload.ts'],
    outfile: 'dist/preload/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
]);

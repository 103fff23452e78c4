// Bundles the Node-side entry points: the CLI (ESM), the Electron main process and preload (CJS).
// The CLI carries its pure-JS dependencies: every command, `serve` and the sandbox start a process,
// and resolving hundreds of files from node_modules doubled the start. Native modules stay external
// and load from node_modules. The sandboxed preload can only require `electron`, so it is bundled whole.
import { build } from 'esbuild';

const nativeModules = ['better-sqlite3', 'keytar', 'electron'];

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
    external: nativeModules,
    // The bundled CommonJS dependencies call `require`, which an ES module must be given.
    banner: {
      js: "import { createRequire as cadenceCreateRequire } from 'node:module';\nconst require = cadenceCreateRequire(import.meta.url);",
    },
  }),
  build({
    ...common,
    entryPoints: ['main/app/main.ts'],
    outfile: 'dist/main/app.cjs',
    format: 'cjs',
    packages: 'external',
    // The shared main code is written as ES modules; in CommonJS `import.meta.url` is the file's URL.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
  build({
    ...common,
    entryPoints: ['preload/preload.ts'],
    outfile: 'dist/preload/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
]);

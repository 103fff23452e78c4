#!/usr/bin/env node
// Launches the built CLI; `npm install` builds it (the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../../dist/main/cli.js', import.meta.url);
if (!existsSync(entry)) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  process.stderr.write(`cadence: not built yet. Run "npm run build" in ${root} first.\n`);
  process.exit(1);
}
await import(entry.href);

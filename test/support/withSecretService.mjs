// Runs one command inside the same private Secret Service `npm test` uses, for running a part of
// the suite: `node test/support/withSecretService.mjs npx playwright test test/e2e/series.spec.ts`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureSecretService } from './secretService.mjs';

const args = process.argv.slice(2);
const exitCode = await ensureSecretService(fileURLToPath(import.meta.url), args);
if (exitCode !== undefined) process.exit(exitCode);
if (args.length === 0) {
  console.error('usage: node test/support/withSecretService.mjs COMMAND [ARG...]');
  process.exit(2);
}
const result = spawnSync(args[0], args.slice(1), { stdio: 'inherit', env: process.env });
process.exit(result.status ?? 1);

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project folder (the one with package.json). The CLI runs bundled from `dist/main/`, two
 * levels below it.
 */
export function cliAppRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const manifestSchema = z.object({ version: z.string() });

/** The version in the project's package.json; `appRoot` is the folder that holds it. */
export function readAppVersion(appRoot: string): string {
  return manifestSchema.parse(JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8'))).version;
}

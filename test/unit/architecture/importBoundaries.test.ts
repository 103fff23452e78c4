import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints snippets as if they lived in each folder, proving the boundaries of docs/architecture.md
// are enforced by the build rather than by review. Under CI=true typescript-eslint parses each
// file once from disk ("single run"), which would lint the file instead of the snippet.
process.env.TSESTREE_SINGLE_RUN = 'false';
const eslint = new ESLint();

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('import boundaries', () => {
  it.each([
    ['shared/errors.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['shared/errors.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['shared/errors.ts', "import { createCore } from '../main/core';\nexport const x = createCore;\n"],
    ['renderer/main.tsx', "import { createCore } from '../main/core';\nexport const x = createCore;\n"],
    ['renderer/main.tsx', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
    ['preload/preload.ts', "import { createCore } from '../main/core';\nexport const x = createCore;\n"],
    ['main/core.ts', "import { app } from 'electron';\nexport const x = app;\n"],
  ])('refuses the import in %s', async (filePath, code) => {
    expect(await ruleIdsFor(filePath, code)).toContain('no-restricted-imports');
  });

  it('allows type-only Electron imports outside main/app', async () => {
    const code = "import type { App } from 'electron';\nexport type X = App;\n";
    expect(await ruleIdsFor('main/core.ts', code)).not.toContain('no-restricted-imports');
  });

  it('allows Electron in the Electron layer', async () => {
    const code = "import { app } from 'electron';\nexport const x = app;\n";
    expect(await ruleIdsFor('main/app/main.ts', code)).not.toContain('no-restricted-imports');
  });

  it('refuses raw IPC outside main/ipc and preload', async () => {
    const code = "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);\n";
    expect(await ruleIdsFor('main/app/main.ts', code)).toContain('no-restricted-syntax');
  });
});

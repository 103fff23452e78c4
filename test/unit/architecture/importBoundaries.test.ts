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

  // One case per rule of "Inside main/": each folder, with the import spelled from there.
  const importOf = (from: string) => `import * as other from '${from}';\nexport const x = other;\n`;
  it.each([
    ['main/zoom/zoomHttp.ts', '../db/settingsStore'],
    ['main/zoom/zoomHttp.ts', '../vault/credentialVault'],
    ['main/zoom/zoomHttp.ts', '../sync/syncEngine'],
    ['main/zoom/zoomHttp.ts', '../account/zoomConnection'],
    ['main/zoom/openApi/operationCatalog.ts', '../../db/settingsStore'],
    ['main/zoom/zoomHttp.ts', '../../main/db/settingsStore'],
    ['main/zoom/zoomHttp.ts', '../cli/cadence'],
    ['main/db/outbox/outbox.ts', '../../sync/syncEngine'],
    ['main/db/outbox/outbox.ts', '../../drafts/draftService'],
    ['main/db/stores.ts', '../sync/operations/registry'],
    ['main/db/migrations/index.ts', '../../sync/syncEngine'],
    ['main/db/outbox/outbox.ts', '../../../main/sync/syncEngine'],
    ['main/services.ts', './cli/cadence'],
    ['main/services.ts', './ipc/router'],
    ['main/sync/syncEngine.ts', '../app/main'],
    ['main/sync/syncEngine.ts', '../cli/cadence'],
    ['main/sync/syncEngine.ts', '../serve/serveServer'],
    ['main/sync/syncEngine.ts', '../ipc/router'],
    ['main/sync/syncEngine.ts', '../core'],
    ['main/drafts/draftService.ts', '../ipc/router'],
    ['main/drafts/draftService.ts', '../cli/cadence'],
    ['main/account/zoomConnection.ts', '../sync/syncService'],
    ['main/account/zoomConnection.ts', '../db/outbox/outbox'],
    ['main/account/zoomConnection.ts', '../db/database'],
    ['main/account/zoomConnection.ts', '../../main/db/outboxStore'],
    ['main/account/zoomConnection.ts', '../ipc/router'],
    ['main/app/main.ts', '../cli/cadence'],
    ['main/app/main.ts', '../serve/serveServer'],
    ['main/cli/cadence.ts', '../app/main'],
    ['main/cli/cadence.ts', '../serve/serveServer'],
    ['main/serve/serveServer.ts', '../app/main'],
    ['main/serve/serveServer.ts', '../cli/cadence'],
    ['main/ipc/router.ts', '../cli/cadence'],
    ['main/ipc/handlers/zoomHandlers.ts', '../../serve/serveServer'],
    ['main/core.ts', './cli/cadence'],
    ['main/core.ts', './serve/serveServer'],
    ['main/vault/keychain.ts', '../zoom/zoomClient'],
    ['main/vault/keychain.ts', '../db/settingsStore'],
    ['main/config/dataDir.ts', '../account/zoomConnection'],
    ['main/config/dataDir.ts', '../sync/syncEngine'],
    ['main/log/logger.ts', '../db/database'],
    ['main/log/logger.ts', '../cli/cadence'],
    ['main/sandbox/sandboxServer.ts', '../db/database'],
    ['main/sandbox/sandboxServer.ts', '../sync/syncEngine'],
    ['main/sandbox/sandboxServer.ts', '../drafts/draftService'],
    ['main/sandbox/sandboxServer.ts', '../account/zoomConnection'],
    ['main/sandbox/sandboxServer.ts', '../vault/credentialVault'],
  ])('refuses %s importing %s', async (filePath, from) => {
    expect(await ruleIdsFor(filePath, importOf(from))).toContain('no-restricted-imports');
  });

  it('refuses type-only imports across a boundary too', async () => {
    const code = "import type { SettingsStore } from '../db/settingsStore';\nexport type X = SettingsStore;\n";
    expect(await ruleIdsFor('main/zoom/zoomClient.ts', code)).toContain('no-restricted-imports');
  });

  it.each([
    ['main/account/zoomConnection.ts', '../db/settingsStore'],
    ['main/account/zoomConnection.ts', '../zoom/zoomClient'],
    ['main/account/zoomConnection.ts', '../vault/credentialVault'],
    ['main/db/outbox/outbox.ts', '../seriesStore'],
    ['main/sync/syncEngine.ts', '../db/outbox/outbox'],
    ['main/sync/syncService.ts', '../account/zoomConnection'],
    ['main/zoom/zoomClient.ts', '../config/zoomUrls'],
    ['main/sandbox/sandboxServer.ts', '../zoom/openApi/operationCatalog'],
    ['main/cli/zoomCommands.ts', '../db/database'],
    ['main/serve/serveServer.ts', '../core'],
    ['main/core.ts', './sync/syncService'],
    ['main/ipc/handlers/syncHandlers.ts', '../../sync/syncService'],
  ])('allows %s importing %s', async (filePath, from) => {
    expect(await ruleIdsFor(filePath, importOf(from))).not.toContain('no-restricted-imports');
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

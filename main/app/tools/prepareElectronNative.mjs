// Readies the Electron host before `npm start` and `npm run package`:
//  1. fetches the Electron binary if this machine does not have it yet (install scripts skip it,
//     so `npm install` and `npm test` never depend on it);
//  2. builds better-sqlite3 for Electron's ABI into node_modules/.cache/cadence-electron, from a
//     staging copy, so the Node build that the CLI and tests load is never touched.
// Either order of `npm test` and `npm start` therefore works.
// A failure prints one sentence a person can act on; the details (the installer's own output, a
// stack trace) go to a log beside the cache, named in that sentence.
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rebuild } from '@electron/rebuild';

const require = createRequire(import.meta.url);
const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cacheDir = join(appRoot, 'node_modules', '.cache', 'cadence-electron');
const bindingFile = join(cacheDir, 'better_sqlite3.node');
const stampFile = join(cacheDir, 'stamp.json');
const logFile = join(cacheDir, 'prepare.log');

/** Appends a dated record to the log; the console never sees it. */
function log(what, details) {
  mkdirSync(cacheDir, { recursive: true });
  appendFileSync(logFile, `${new Date().toISOString()} ${what}\n${details.trimEnd()}\n\n`);
}

/** A failure whose details are already in the log: only its message is for the console. */
class LoggedFailure extends Error {}

function ensureElectronBinary() {
  const installer = require.resolve('electron/install.js');
  // Electron's installer prints a stack trace when the download fails: its errors go to the log.
  const result = spawnSync(process.execPath, [installer], { stdio: ['inherit', 'inherit', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) {
    log('Electron binary download failed', result.stderr || result.error?.stack || `exit status ${result.status}`);
    throw new LoggedFailure(
      'Could not download the Electron binary. Check the network connection and run "npm start" again, or use "npm run serve" to run Cadence in a browser.',
    );
  }
}

async function buildSqliteForElectron(electronVersion) {
  const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version;
  const stamp = JSON.stringify({ electronVersion, sqliteVersion });
  if (existsSync(bindingFile) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;

  console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}…`);
  const staging = mkdtempSync(join(tmpdir(), 'cadence-electron-native-'));
  try {
    const stagedModule = join(staging, 'node_modules', 'better-sqlite3');
    cpSync(sqliteDir, stagedModule, {
      recursive: true,
      filter: (source) => !source.startsWith(join(sqliteDir, 'build')),
    });
    writeFileSync(
      join(staging, 'package.json'),
      JSON.stringify({
        name: 'cadence-electron-native',
        version: '0.0.0',
        dependencies: { 'better-sqlite3': sqliteVersion },
      }),
    );
    await rebuild({ buildPath: staging, electronVersion, onlyModules: ['better-sqlite3'], force: true });
    mkdirSync(cacheDir, { recursive: true });
    cpSync(join(stagedModule, 'build', 'Release', 'better_sqlite3.node'), bindingFile);
    writeFileSync(stampFile, stamp);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

try {
  ensureElectronBinary();
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  await buildSqliteForElectron(electronVersion);
} catch (error) {
  if (!(error instanceof LoggedFailure))
    log('preparing the desktop app failed', error instanceof Error ? (error.stack ?? error.message) : String(error));
  console.error(
    `cadence: the desktop app could not be prepared: ${error instanceof Error ? error.message : String(error)} (details: ${logFile})`,
  );
  process.exit(1);
}

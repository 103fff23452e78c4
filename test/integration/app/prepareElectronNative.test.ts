import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/tempDir';

// `npm start`'s preparation on a machine where the Electron binary cannot be fetched: a copy of the
// project whose electron package has no binary, and a download address that refuses. The real
// node_modules is never touched, and nothing here needs the network or the Electron binary.
const dir = makeTempDir('cadence-prepare-');
const script = join(dir.path, 'main', 'app', 'tools', 'prepareElectronNative.mjs');
const logFile = join(dir.path, 'node_modules', '.cache', 'cadence-electron', 'prepare.log');

beforeAll(() => {
  mkdirSync(join(dir.path, 'main', 'app', 'tools'), { recursive: true });
  cpSync('main/app/tools/prepareElectronNative.mjs', script);
  const modules = realpathSync('node_modules');
  const copyModules = join(dir.path, 'node_modules');
  mkdirSync(copyModules);
  for (const name of readdirSync(modules)) {
    if (name === 'electron' || name === '.cache') continue;
    symlinkSync(join(modules, name), join(copyModules, name));
  }
  // The electron package as `npm ci` leaves it with install scripts off: no dist/, no path.txt.
  mkdirSync(join(copyModules, 'electron'));
  for (const file of ['package.json', 'install.js', 'index.js', 'cli.js', 'checksums.json']) {
    cpSync(join(modules, 'electron', file), join(copyModules, 'electron', file));
  }
});
afterAll(() => dir.remove());

describe('preparing the desktop app', () => {
  it('prints one clear message when the Electron binary cannot be fetched, and logs the stack trace', () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_config_cache: join(dir.path, 'download-cache'),
    };
    delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    delete env.ELECTRON_OVERRIDE_DIST_PATH;
    const result = spawnSync(process.execPath, [script], { env, encoding: 'utf8', timeout: 60_000 });

    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      `cadence: the desktop app could not be prepared: Could not download the Electron binary. Check the network connection and run "npm start" again, or use "npm run serve" to run Cadence in a browser. (details: ${logFile})`,
    );
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/^\s+at /m);
    const logged = readFileSync(logFile, 'utf8');
    expect(logged).toContain('Electron binary download failed');
    expect(logged).toMatch(/^\s+at /m);
  });
});

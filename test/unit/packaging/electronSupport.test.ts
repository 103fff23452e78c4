import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

/**
 * Electron fixes security bugs in its newest three stable majors only
 * (https://www.electronjs.org/docs/latest/tutorial/electron-timelines), and ships a new major
 * about every eight weeks. `newestStable` is the registry's `latest` tag on `checkedOn`.
 */
const electronSupport = { checkedOn: '2026-11-30', newestStable: '45.5.0', supportedMajors: 3 } as const;

/** Three majors of eight weeks: past this, the pinned major may have left support unnoticed. */
const recheckAfterDays = 16 * 7;

interface PackageJson {
  engines: { node: string };
  devDependencies: Record<string, string>;
}
interface PackageLock {
  packages: Record<string, { version: string; engines?: { node?: string } }>;
}

const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as PackageJson;
const packageLock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as PackageLock;
const majorOf = (version: string) => Number(version.split('.')[0]);

/** Whether an engines range of the one form these packages use (`>=X`, `>=X.Y.Z`) admits a Node version. */
function admits(range: string, nodeVersion: string): boolean {
  const minimum = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (minimum === null) throw new Error(`an engines range this check does not read: ${range}`);
  const wanted = nodeVersion.split('.').map(Number);
  // A part the range leaves out (`>=10`) is 0.
  const floor = minimum.slice(1, 4).map((part: string | undefined) => (part === undefined ? 0 : Number(part)));
  for (let part = 0; part < 3; part += 1) {
    if ((wanted[part] ?? 0) !== (floor[part] ?? 0)) return (wanted[part] ?? 0) > (floor[part] ?? 0);
  }
  return true;
}

describe('the Electron the app is built on', () => {
  const pinned = packageJson.devDependencies.electron ?? '';

  it('is pinned exactly, and the lock file agrees', () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(packageLock.packages['node_modules/electron']?.version).toBe(pinned);
  });

  it('is one of the majors Electron still supports', () => {
    const newest = majorOf(electronSupport.newestStable);
    const oldestSupported = newest - electronSupport.supportedMajors + 1;
    expect(majorOf(pinned)).toBeGreaterThanOrEqual(oldestSupported);
    expect(majorOf(pinned)).toBeLessThanOrEqual(newest);
  });

  it('was checked against Electron’s releases recently enough to still be supported', () => {
    const days = (Date.now() - Date.parse(`${electronSupport.checkedOn}T00:00:00Z`)) / 86_400_000;
    expect(days, 'Check the newest Electron major again and update electronSupport').toBeLessThan(recheckAfterDays);
    expect(days).toBeGreaterThanOrEqual(0);
  });

  it('has an ABI that @electron/rebuild knows, so the SQLite driver can be built for it', () => {
    const nodeAbi = require('node-abi') as { getAbi(target: string, runtime: 'electron'): string };
    expect(nodeAbi.getAbi(pinned, 'electron')).toMatch(/^\d+$/);
  });

  it('is prepared by tools that run on the Node the project requires (@electron/rebuild 3.x)', () => {
    const requiredNode = packageJson.engines.node.replace(/^>=\s*/, '');
    expect(packageJson.devDependencies['@electron/rebuild']).toMatch(/^3\.\d+\.\d+$/);
    for (const tool of ['node_modules/@electron/rebuild', 'node_modules/node-abi']) {
      expect(admits(packageLock.packages[tool]?.engines?.node ?? '', requiredNode), tool).toBe(true);
    }
  });
});

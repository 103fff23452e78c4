import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../../../main/config/dataDir';

describe('defaultDataDir', () => {
  it('matches Electron userData on Linux, honouring XDG_CONFIG_HOME', () => {
    expect(defaultDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Cadence');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe('/cfg/Cadence');
  });

  it('matches Electron userData on macOS', () => {
    expect(defaultDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Cadence');
  });

  it('matches Electron userData on Windows', () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Cadence',
    );
  });
});

describe('resolveDataDir', () => {
  it('prefers the flag, then CADENCE_DATA_DIR, then the default', () => {
    expect(resolveDataDir('/flag', { CADENCE_DATA_DIR: '/env' })).toBe('/flag');
    expect(resolveDataDir(undefined, { CADENCE_DATA_DIR: '/env' })).toBe('/env');
    expect(resolveDataDir(undefined, { XDG_CONFIG_HOME: '/cfg' })).toBe(
      process.platform === 'linux' ? '/cfg/Cadence' : defaultDataDir(process.platform, { XDG_CONFIG_HOME: '/cfg' }),
    );
  });
});

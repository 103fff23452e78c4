import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { electronSqliteBindingPath } from '../../../main/app/nativeModules';

const require = createRequire(import.meta.url);
const config = load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;

/** electron-builder's own schema for its configuration, shipped inside its package. */
function validate(candidate: unknown) {
  const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  const isValid = ajv.validate(schema, candidate);
  return { isValid, errors: ajv.errorsText(ajv.errors) };
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's JSON schema", () => {
    const { isValid, errors } = validate(config);
    expect(errors).toBe('No errors');
    expect(isValid).toBe(true);
  });

  it('would catch a mistake (the schema check is live)', () => {
    expect(validate({ ...config, productNmae: 'Cadence' }).isValid).toBe(false);
  });

  it('names the product and its id', () => {
    expect(config.productName).toBe('Cadence');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
  });

  it('builds AppImage and deb, dmg and nsis', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'] });
    expect(config.mac).toMatchObject({ target: ['dmg'] });
    expect(config.win).toMatchObject({ target: ['nsis'] });
  });

  it('keeps native modules out of the asar archive and ships the Electron build of SQLite', () => {
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toContainEqual({
      from: 'node_modules/.cache/cadence-electron/better_sqlite3.node',
      to: 'native/better_sqlite3.node',
    });
  });

  it('puts the Electron build of SQLite exactly where the app looks for it', () => {
    const [resource] = config.extraResources as { from: string; to: string }[];
    expect(electronSqliteBindingPath({ isPackaged: true, appRoot: '/app', resourcesPath: '/res' })).toBe(
      `/res/${resource?.to ?? ''}`,
    );
    expect(electronSqliteBindingPath({ isPackaged: false, appRoot: '/app', resourcesPath: '/res' })).toBe(
      `/app/${resource?.from ?? ''}`,
    );
  });

  it('flips the fuses: no running as Node, no NODE_OPTIONS or inspector, only the checked app archive', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      resetAdHocDarwinSignature: true,
    });
    // The app may then load from app.asar only: packaging must make one.
    expect(config.asar).toBe(true);
  });

  it('would catch a misspelt fuse (the schema check covers them)', () => {
    expect(validate({ ...config, electronFuses: { runAsNodee: false } }).isValid).toBe(false);
  });
});

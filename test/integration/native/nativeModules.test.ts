import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../../main/db/sqlite';
import { makeTempDir } from '../../support/tempDir';

// The Node builds of the native modules, as the CLI and tests load them: a real SQLite file and
// the real Secret Service (npm test provides an unlocked gnome-keyring when none is running).
const dir = makeTempDir();
afterAll(() => dir.remove());

describe('better-sqlite3 (Node build)', () => {
  it('opens a real file with WAL, foreign keys and a busy timeout', () => {
    const file = join(dir.path, 'cadence.sqlite');
    const db = openSqlite(file);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      db.exec('CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
      db.prepare('INSERT INTO note (text) VALUES (?)').run('kept');
    } finally {
      db.close();
    }
    expect(existsSync(file)).toBe(true);
    const reopened = openSqlite(file, { readonly: true });
    try {
      expect(reopened.prepare('SELECT text FROM note').pluck().get()).toBe('kept');
    } finally {
      reopened.close();
    }
  });

  it('names the file when a driver build cannot be loaded', () => {
    expect(() => openSqlite(':memory:', { nativeBinding: join(dir.path, 'missing.node') })).toThrow(/missing\.node/);
  });
});

describe('keytar (real Secret Service)', () => {
  const service = `Cadence-test-${randomUUID()}`;

  afterAll(async () => {
    for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account);
  });

  it('stores, reads, replaces and forgets a secret', async () => {
    await keytar.setPassword(service, 'client', 'first-secret');
    expect(await keytar.getPassword(service, 'client')).toBe('first-secret');
    await keytar.setPassword(service, 'client', 'second-secret');
    expect(await keytar.getPassword(service, 'client')).toBe('second-secret');
    expect(await keytar.findCredentials(service)).toEqual([{ account: 'client', password: 'second-secret' }]);
    expect(await keytar.deletePassword(service, 'client')).toBe(true);
    expect(await keytar.getPassword(service, 'client')).toBeNull();
  });
});

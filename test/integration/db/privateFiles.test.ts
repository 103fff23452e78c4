import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core';
import { databaseFile } from '../../../main/db/database';
import { migrate } from '../../../main/db/migrate';
import { migrations } from '../../../main/db/migrations';
import { builtInSandbox } from '../../../main/sandbox/builtInSandbox';
import { emptySandboxData } from '../../../main/sandbox/sandboxData';
import { makeTempDir } from '../../support/tempDir';

// The data folder holds attendees' names and emails: nobody but its owner may read any of it.
let dir: ReturnType<typeof makeTempDir>;
let previousUmask: number;
beforeEach(() => {
  // The usual umask of a desktop session, under which new files would be readable by everyone.
  previousUmask = process.umask(0o022);
  dir = makeTempDir();
});
afterEach(() => {
  process.umask(previousUmask);
  dir.remove();
});

const offline = () => Promise.resolve(false);

/** Each path under the data folder with its permission bits in octal, as `ls -l` would show them. */
function modesIn(dataDir: string, paths: string[]): Record<string, string> {
  return Object.fromEntries(
    paths.map((path) => [path, (statSync(join(dataDir, path)).mode & 0o777).toString(8).padStart(3, '0')]),
  );
}

function openCore(dataDir: string) {
  return createCore({ dataDir, host: 'serve', version: '0.0.0', probe: offline });
}

describe('the data folder is private to its owner', () => {
  it('a fresh data folder, its database with the write-ahead log and shared memory, and the log', async () => {
    const dataDir = join(dir.path, 'Cadence');
    const core = openCore(dataDir);
    try {
      // The write-ahead log and its index exist while the database is open.
      expect(
        modesIn(dataDir, [
          '.',
          'cadence.sqlite',
          'cadence.sqlite-wal',
          'cadence.sqlite-shm',
          'logs',
          'logs/cadence.log',
        ]),
      ).toEqual({
        '.': '700',
        'cadence.sqlite': '600',
        'cadence.sqlite-wal': '600',
        'cadence.sqlite-shm': '600',
        logs: '700',
        'logs/cadence.log': '600',
      });
    } finally {
      await core.close();
    }
  });

  it('the backup made before an upgrade, and files an earlier version left readable, are tightened', async () => {
    const dataDir = join(dir.path, 'Cadence');
    mkdirSync(join(dataDir, 'logs'), { recursive: true, mode: 0o755 });
    writeFileSync(join(dataDir, 'logs', 'cadence.log'), '', { mode: 0o644 });
    const file = databaseFile(dataDir);
    // An earlier version's database, still open in another program, so its WAL files are there.
    const earlier = new Database(file);
    earlier.pragma('journal_mode = WAL');
    migrate(earlier, { file, migrations: migrations.slice(0, -1) });
    chmodSync(dataDir, 0o755);
    expect(modesIn(dataDir, ['.', 'cadence.sqlite', 'cadence.sqlite-wal', 'cadence.sqlite-shm'])).toEqual({
      '.': '755',
      'cadence.sqlite': '644',
      'cadence.sqlite-wal': '644',
      'cadence.sqlite-shm': '644',
    });

    const core = openCore(dataDir);
    try {
      const [backup] = readdirSync(join(dataDir, 'backups'));
      expect(backup).toMatch(/^cadence\.sqlite\.v\d+\./);
      expect(
        modesIn(dataDir, [
          '.',
          'cadence.sqlite',
          'cadence.sqlite-wal',
          'cadence.sqlite-shm',
          'logs',
          'logs/cadence.log',
          'backups',
          `backups/${backup ?? ''}`,
        ]),
      ).toEqual({
        '.': '700',
        'cadence.sqlite': '600',
        'cadence.sqlite-wal': '600',
        'cadence.sqlite-shm': '600',
        logs: '700',
        'logs/cadence.log': '600',
        backups: '700',
        [`backups/${backup ?? ''}`]: '600',
      });
      // The backup is a whole database, not the empty file it was written into.
      const copy = new Database(join(dataDir, 'backups', backup ?? ''), { readonly: true });
      expect(copy.pragma('user_version', { simple: true })).toBe(migrations.at(-2)?.version);
      copy.close();
    } finally {
      await core.close();
      earlier.close();
    }
    expect(existsSync(file)).toBe(true);
  });

  it('the state of the built-in sandbox, where a planner may have tried real attendees', async () => {
    const dataDir = join(dir.path, 'Cadence');
    mkdirSync(join(dataDir, 'sandbox'), { recursive: true, mode: 0o755 });
    writeFileSync(join(dataDir, 'sandbox', 'state.json'), JSON.stringify(emptySandboxData()), { mode: 0o644 });
    const sandbox = builtInSandbox(dataDir);
    try {
      const { url } = await sandbox.start();
      const answer = await request(`${url}/_sandbox/reset`, { method: 'POST' });
      await answer.body.dump();
      expect(answer.statusCode).toBe(204);
      expect(modesIn(dataDir, ['sandbox', 'sandbox/state.json'])).toEqual({
        sandbox: '700',
        'sandbox/state.json': '600',
      });
    } finally {
      await sandbox.close();
    }
  });
});

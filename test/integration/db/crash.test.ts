import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleWorker } from '../../support/bundleWorker';
import { makeTempDir } from '../../support/tempDir';

// A process that imports and edits in a loop is killed with SIGKILL at random moments. After each
// kill the file must pass integrity_check, and every write the process had acknowledged (printed
// after its commit) must be there, whole: the draft, its attendees and its outbox together.

const rounds = 50;
const dir = makeTempDir();
let workerFile: string;

beforeAll(async () => {
  workerFile = await bundleWorker('test/support/crashWorker.ts', 'crashWorker.mjs');
});
afterAll(() => dir.remove());

/** Runs the worker until it has started, waits `delayMs`, kills it, and returns what it acknowledged. */
function runAndKill(dataDir: string, delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [workerFile], {
      env: { ...process.env, CADENCE_CRASH_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (timer === undefined && output.includes('ready\n')) {
        timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the worker stopped by itself: ${errors}`));
      else resolve(output.split('\n').filter((line) => line !== '' && line !== 'ready'));
    });
  });
}

interface Stored {
  name: string;
  attendees: number;
  pendingTickets: number;
  integrity: string;
}

function inspect(file: string): Stored | undefined {
  const db = new Database(file);
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const row = db.prepare(`SELECT id, name FROM series WHERE key = 'crash-a'`).get() as
      { id: string; name: string } | undefined;
    if (row === undefined) return undefined;
    const attendees = db.prepare('SELECT count(*) FROM attendee WHERE series_id = ?').pluck().get(row.id) as number;
    const pendingTickets = db
      .prepare(`SELECT count(*) FROM outbox WHERE series_id = ? AND kind = 'ticket.create' AND state = 'pending'`)
      .pluck()
      .get(row.id) as number;
    return { name: row.name, attendees, pendingTickets, integrity };
  } finally {
    db.close();
  }
}

describe('killed at random moments', () => {
  it(`keeps the file sound and every acknowledged write, ${String(rounds)} times out of ${String(rounds)}`, async () => {
    const dataDir = join(dir.path, 'data');
    const file = join(dataDir, 'cadence.sqlite');
    let lastRound = 0;
    let kills = 0;
    for (let attempt = 0; attempt < rounds; attempt += 1) {
      const acknowledged = await runAndKill(dataDir, 5 + Math.floor(Math.random() * 150));
      kills += 1;
      const last = acknowledged.at(-1);
      const stored = inspect(file);
      expect(stored?.integrity ?? 'ok').toBe('ok');
      if (last === undefined) {
        // Killed before its first commit: what an earlier run acknowledged must still be there.
        if (lastRound > 0) expect(stored).toBeDefined();
        continue;
      }
      if (stored === undefined) throw new Error(`acknowledged "${last}" but series A is missing`);
      const [kind, roundText] = last.split(' ');
      const round = Number(roundText);
      // The stored round is the acknowledged one or a later one that committed before the kill.
      const match = /^A (\d+)( edited)?$/.exec(stored.name);
      expect(match, stored.name).not.toBeNull();
      const storedRound = Number(match?.[1]);
      expect(storedRound).toBeGreaterThanOrEqual(round);
      if (storedRound === round && kind === 'edit') expect(stored.name).toBe(`A ${String(round)} edited`);
      // A draft and its attendees and outbox come from one round: never half of two.
      expect(stored.attendees).toBe((storedRound % 7) + 1);
      expect(stored.pendingTickets).toBe(stored.attendees);
      lastRound = storedRound;
    }
    expect(kills).toBe(rounds);
    expect(lastRound).toBeGreaterThan(0);
  }, 180_000);
});

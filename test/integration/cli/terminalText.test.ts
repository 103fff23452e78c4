import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/tempDir';

// Names with terminal escapes are refused at their field, and whatever reaches the terminal from
// outside (a file name, an answer) is printed with its control characters escaped, never raw.
let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.remove());

const example = JSON.parse(readFileSync('test/fixtures/series-file-example.json', 'utf8')) as {
  series: Record<string, unknown>[];
};
const standup = { ...example.series[0], attendees: [] };

function cadence(...args: string[]) {
  const result = spawnSync(process.execPath, ['main/cli/bin.js', '--data-dir', join(dir.path, 'data'), ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function importing(series: Record<string, unknown>) {
  const file = join(dir.path, 'series.json');
  writeFileSync(file, JSON.stringify({ version: 1, series: [series] }));
  return cadence('import', file);
}

/** Any control character but the line break. */
const rawControl = /(?!\n)\p{Cc}/u;

describe('control characters', () => {
  it.each([
    ['an escape sequence', 'Standup \u001b]0;owned\u0007'],
    ['a NUL', 'Standup\u0000'],
    ['a C1 control', 'Standup \u009b31m'],
  ])('a series name with %s is refused at the name, and nothing raw is printed', (_, name) => {
    const run = importing({ ...standup, name });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('series[0].name: The series name cannot contain control characters');
    expect(run.stdout + run.stderr).not.toMatch(rawControl);
  });

  it('a key with an escape sequence is refused at the key', () => {
    const run = importing({ ...standup, key: 'q1\u001b[2J' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('series[0].key: The key cannot contain control characters');
  });

  it('a name of only zero-width spaces is refused as empty', () => {
    const run = importing({ ...standup, name: '\u200b\u200b\u200b' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('series[0].name: The series name cannot be empty.');
  });

  it('a file name with escapes is echoed with them escaped', () => {
    const run = cadence('import', join(dir.path, 'evil\u001b[31mred.json'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('evil\\u001b[31mred.json');
    expect(run.stdout + run.stderr).not.toMatch(rawControl);
  });
});

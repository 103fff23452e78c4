import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

function cadence(...args: string[]) {
  const result = spawnSync(process.execPath, ['main/cli/bin.js', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cadence command', () => {
  it('prints help listing its commands', () => {
    const result = cadence('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: cadence');
    expect(result.stdout).toMatch(/serve \[options\]\s+run Cadence's user interface/);
    expect(result.stdout).toContain('--data-dir');
  });

  it('prints its version', () => {
    expect(cadence('--version')).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  it('exits 2 for an unknown command, and says so', () => {
    const result = cadence('frobnicate');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });

  it.each([['abc'], ['0'], ['70000'], ['1.5']])('exits 2 for --port %s with the rule', (port) => {
    const result = cadence('serve', '--port', port);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('a port is a whole number from 1 to 65535');
  });

  it('exits 2 for an unknown option', () => {
    const result = cadence('serve', '--bind', '0.0.0.0');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown option '--bind'");
  });
});

// `cadence sandbox` as its own process for the benchmarks, and its control API.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Starts `cadence sandbox --json` with `args` (e.g. `['--ticket-types', 'reference']`) and answers
 * what it printed: URLs and credentials.
 */
export async function startSandbox(args = []) {
  const child = spawn(process.execPath, ['main/cli/bin.js', '--json', 'sandbox', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
  return { child, ...JSON.parse(line) };
}

/** One call of the sandbox's control API (`/_sandbox/…`). */
export async function control(sandbox, method, path, body) {
  const answer = await fetch(`${sandbox.url}/_sandbox${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return answer.status === 204 ? undefined : answer.json();
}

import { spawn } from 'node:child_process';

export interface CadenceRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `cadence` command with `stdin` and extra environment, as a script would. */
export function runCadence(args: readonly string[], stdin = '', env: NodeJS.ProcessEnv = {}): Promise<CadenceRun> {
  const child = spawn(process.execPath, ['main/cli/bin.js', ...args], { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => {
    child.on('close', (status) => {
      resolve({ status, stdout, stderr });
    });
  });
}

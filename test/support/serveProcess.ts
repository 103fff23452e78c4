import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { stopChild } from './stopChild';

const cliBin = 'main/cli/bin.js';

const startedSchema = z.object({ url: z.string(), port: z.number(), data_dir: z.string() });

export interface ServeProcess {
  url: string;
  origin: string;
  port: number;
  secret: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Runs the real `cadence serve --json` and waits for the line that announces its URL. */
export async function startServeProcess(options: {
  dataDir: string;
  port?: number;
  env?: NodeJS.ProcessEnv;
}): Promise<ServeProcess> {
  const args = [cliBin, '--data-dir', options.dataDir, '--json', 'serve'];
  if (options.port !== undefined) args.push('--port', String(options.port));
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  const firstLine = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`cadence serve exited with ${code}: ${stderr}`)));
  });
  let isStopping = false;
  // A serve that dies mid-test says why, where the test's output shows it.
  child.once('exit', (code, signal) => {
    if (!isStopping)
      process.stderr.write(`cadence serve exited (${String(code ?? signal)}) during the test: ${stderr}\n`);
  });
  const started = startedSchema.parse(JSON.parse(firstLine));
  const url = new URL(started.url);
  return {
    url: started.url,
    origin: url.origin,
    port: started.port,
    secret: url.searchParams.get('token') ?? '',
    child,
    stop: () => {
      isStopping = true;
      return stopChild(child);
    },
  };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { ticketTypeRulesSchema } from '../../main/sandbox/sandboxBehaviour';
import { stopChild } from './stopChild';

const startedSchema = z.object({
  url: z.string(),
  api_url: z.string(),
  oauth_url: z.string(),
  account_id: z.string(),
  client_id: z.string(),
  client_secret: z.string(),
  state: z.string().nullable(),
  ticket_types: ticketTypeRulesSchema,
  /** The events `--seed` made. */
  seeded: z
    .array(z.object({ scenario: z.string(), event_id: z.string(), name: z.string(), hub_id: z.string() }))
    .default([]),
});

export type SandboxProcess = z.infer<typeof startedSchema> & { child: ChildProcess; stop(): Promise<void> };

/** Runs the real `cadence sandbox --json` and waits for the line that announces it. */
export async function startSandboxProcess(args: string[] = []): Promise<SandboxProcess> {
  const child = spawn(process.execPath, ['main/cli/bin.js', '--json', 'sandbox', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => {
      reject(new Error(`cadence sandbox exited with ${String(code)}: ${stderr}`));
    });
  });
  return {
    ...startedSchema.parse(JSON.parse(firstLine)),
    child,
    stop: () => stopChild(child),
  };
}

/** The environment a script gives `cadence` to reach this sandbox: its credentials and endpoints. */
export function sandboxEnv(sandbox: SandboxProcess): NodeJS.ProcessEnv {
  return {
    ZOOM_ACCOUNT_ID: sandbox.account_id,
    ZOOM_CLIENT_ID: sandbox.client_id,
    ZOOM_CLIENT_SECRET: sandbox.client_secret,
    CADENCE_ZOOM_API_URL: sandbox.api_url,
    CADENCE_ZOOM_OAUTH_URL: sandbox.oauth_url,
  };
}

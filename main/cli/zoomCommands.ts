import type { ZoomConnection } from '../account/zoomConnection';
import { withServices } from './withServices';
import { zoomFeatureNames, type HubSummary, type ScopeWarning } from '../../shared/zoomConnection';
import { CadenceError } from '../../shared/errors';

export interface ZoomCommandContext {
  dataDir: string;
  isJson: boolean;
  stdout: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  /** Warnings for people, apart from the answer on stdout. */
  stderr: NodeJS.WritableStream;
}

/** Runs `work` with the data directory's Zoom account, closing it and the database afterwards. */
function withConnection<T>(dataDir: string, work: (connection: ZoomConnection) => Promise<T>): Promise<T> {
  return withServices(dataDir, (services) => work(services.account));
}

async function readSecret(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin as AsyncIterable<Buffer | string>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  // A trailing newline from `echo` or a file is not part of the secret.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function hubLines(hubs: readonly HubSummary[]): string[] {
  if (hubs.length === 0) return ['  (none: ask a hub owner to add this account as a host)'];
  const width = Math.max(...hubs.map((hub) => hub.hub_id.length));
  return hubs.map((hub) => `  ${hub.hub_id.padEnd(width)}  ${hub.name}`);
}

/** One line per scope the token seems to lack: a warning, since Zoom decides what it allows. */
function scopeWarningLines(warnings: readonly ScopeWarning[]): string[] {
  return warnings.map(
    (warning) =>
      `cadence: warning: The token seems to lack ${warning.scope} — affects: ${warning.features.map((feature) => zoomFeatureNames[feature]).join(', ')}. Zoom decides; add it in the Zoom App Marketplace if a call is refused.`,
  );
}

export interface ConnectOptions {
  accountId: string;
  clientId: string;
  clientSecretStdin?: boolean;
  apiUrl?: string;
  oauthUrl?: string;
  plan?: string;
}

/**
 * `cadence connect`: checks the credentials with Zoom, then keeps them in the OS keychain. Scopes
 * the token seems to lack are warned about on stderr; they never stop the connection.
 */
export async function runConnectCommand(context: ZoomCommandContext, options: ConnectOptions): Promise<void> {
  if (options.clientSecretStdin !== true) {
    throw new CadenceError('invalid_input', 'Give the client secret on standard input with --client-secret-stdin.', [
      {
        path: '--client-secret-stdin',
        message: 'Required: a secret on the command line would be visible to other users and kept in shell history.',
      },
    ]);
  }
  const secret = await readSecret(context.stdin);
  const result = await withConnection(context.dataDir, (connection) =>
    connection.connect({
      account_id: options.accountId,
      client_id: options.clientId,
      client_secret: secret,
      ...(options.apiUrl === undefined ? {} : { api_url: options.apiUrl }),
      ...(options.oauthUrl === undefined ? {} : { oauth_url: options.oauthUrl }),
      ...(options.plan === undefined ? {} : { plan: options.plan }),
    }),
  );
  for (const line of scopeWarningLines(result.status.scopeWarnings)) context.stderr.write(`${line}\n`);
  if (context.isJson) {
    context.stdout.write(
      `${JSON.stringify({ account_id: result.status.accountId, plan: result.status.plan, api_url: result.status.apiUrl, hubs: result.hubs })}\n`,
    );
    return;
  }
  context.stdout.write(
    [
      `Connected to Zoom account ${result.status.accountId ?? ''} (${result.status.apiUrl}); the credentials are in the system keychain.`,
      `Plan: ${result.status.plan === 'pro' ? 'Pro' : 'Business or above'} (rate limits follow it).`,
      'Hubs where this account is a host:',
      ...hubLines(result.hubs),
      '',
    ].join('\n'),
  );
}

/** `cadence hubs`: the hubs where the connected account is a host. */
export async function runHubsCommand(context: ZoomCommandContext): Promise<void> {
  const hubs = await withConnection(context.dataDir, (connection) => connection.hubs());
  if (context.isJson) {
    context.stdout.write(`${JSON.stringify(hubs)}\n`);
    return;
  }
  context.stdout.write(`${hubLines(hubs).join('\n')}\n`);
}

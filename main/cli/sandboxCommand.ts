import { resolve } from 'node:path';
import type { ZoomCredentials } from '../../shared/credentials';
import { requestsPerSecond } from '../zoom/rateLimits';
import type { TicketTypeRules } from '../sandbox/sandboxBehaviour';
import { sandboxDefaultCredentials, startSandbox } from '../sandbox/sandboxServer';
import type { ZoomPlan } from '../../shared/zoomConnection';
import { untilInterrupted } from './untilInterrupted';

export interface SandboxCommandOptions {
  port?: number;
  state?: string;
  accountId?: string;
  clientId?: string;
  clientSecret?: string;
  plan: ZoomPlan;
  /** Whose ticket type rules it follows; `--ticket-types`. */
  ticketTypes: TicketTypeRules;
  /** Start with the tutorial's three scenarios (`--seed`). */
  seed?: boolean;
  isJson: boolean;
  stdout: NodeJS.WritableStream;
}

const ticketTypesLine: Readonly<Record<TicketTypeRules, string>> = {
  tutorial:
    "the tutorial's rules: events start without ticket types (--ticket-types reference for the API reference's)",
  reference: "the API reference's rules: single-session and recurring events come with one and take no other",
};

/** `cadence sandbox`: the Zoom Events and Meetings simulator on 127.0.0.1 until interrupted. */
export async function runSandboxCommand(options: SandboxCommandOptions): Promise<void> {
  const credentials: ZoomCredentials = {
    account_id: options.accountId ?? sandboxDefaultCredentials.account_id,
    client_id: options.clientId ?? sandboxDefaultCredentials.client_id,
    client_secret: options.clientSecret ?? sandboxDefaultCredentials.client_secret,
  };
  const statePath = options.state === undefined ? undefined : resolve(options.state);
  const sandbox = await startSandbox({
    credentials,
    faults: { rateLimits: { ...requestsPerSecond[options.plan] } },
    behaviour: { ticketTypes: options.ticketTypes },
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(statePath === undefined ? {} : { statePath }),
  });
  const seeded = options.seed === true ? sandbox.seed() : [];
  const hosts = sandbox.data.users.map((user) => user.email);
  if (options.isJson) {
    options.stdout.write(
      `${JSON.stringify({ url: sandbox.url, api_url: sandbox.apiUrl, oauth_url: sandbox.oauthUrl, ...credentials, state: statePath ?? null, ticket_types: sandbox.behaviour.ticketTypes, meeting_hosts: hosts, seeded })}\n`,
    );
  } else {
    options.stdout.write(
      [
        `Zoom Events sandbox running at ${sandbox.url}`,
        `  API:            ${sandbox.apiUrl}`,
        `  OAuth token:    ${sandbox.oauthUrl}`,
        `  Account ID:     ${credentials.account_id}`,
        `  Client ID:      ${credentials.client_id}`,
        `  Client secret:  ${credentials.client_secret}`,
        `  State:          ${statePath ?? 'in memory (lost when it stops; keep it with --state FILE)'}`,
        `  Ticket types:   ${ticketTypesLine[sandbox.behaviour.ticketTypes]}`,
        `  Meeting hosts:  ${hosts.join(', ')}`,
        `                  (add one: curl -X POST ${sandbox.url}/_sandbox/users -d '{"email": "…"}')`,
        ...(seeded.length === 0
          ? []
          : ['Seeded with events made as on Zoom (open them with "cadence zoom open EVENT_ID"):']),
        ...seeded.map((event) => `  ${event.event_id}  ${event.name} (${event.hub_id})`),
        'Connect Cadence to it with:',
        `  printf %s '${credentials.client_secret}' | cadence connect --account-id ${credentials.account_id} --client-id ${credentials.client_id} --client-secret-stdin --api-url ${sandbox.apiUrl} --oauth-url ${sandbox.oauthUrl}`,
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
  }
  await untilInterrupted();
  await sandbox.close();
}

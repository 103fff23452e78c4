import { request } from 'undici';
import type { SandboxBehaviour } from '../../main/sandbox/sandboxBehaviour';
import type { SandboxData } from '../../main/sandbox/sandboxData';
import type { SandboxEdit } from '../../main/sandbox/sandboxEdits';
import type { SandboxFaults } from '../../main/sandbox/sandboxFaults';
import type { SandboxSeed, SeededEvent } from '../../main/sandbox/sandboxScenarios';
import {
  startSandbox,
  type Sandbox,
  type SandboxOptions,
  type SandboxRequestRecord,
} from '../../main/sandbox/sandboxServer';
import { createZoomClient, type ZoomClient, type ZoomClientOptions } from '../../main/zoom/zoomClient';

/** The sandbox's control API over HTTP, as tests steer it. */
export class SandboxControl {
  constructor(readonly url: string) {}

  private async call(method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
    const answer = await request(`${this.url}/_sandbox${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await answer.body.text();
    if (answer.statusCode >= 400)
      throw new Error(`sandbox control ${method} ${path}: ${String(answer.statusCode)} ${text}`);
    return text === '' ? undefined : JSON.parse(text);
  }

  setFaults(faults: Partial<SandboxFaults>): Promise<unknown> {
    return this.call('PUT', '/faults', faults);
  }
  /** Switches which of Zoom's documents the sandbox follows, e.g. `{ ticketTypes: 'reference' }`. */
  async setBehaviour(behaviour: Partial<SandboxBehaviour>): Promise<SandboxBehaviour> {
    return (await this.call('PUT', '/behaviour', behaviour)) as SandboxBehaviour;
  }
  async behaviour(): Promise<SandboxBehaviour> {
    return (await this.call('GET', '/behaviour')) as SandboxBehaviour;
  }
  expireTokens(): Promise<unknown> {
    return this.call('POST', '/tokens/expire');
  }
  async edit(edit: SandboxEdit): Promise<{ status: number; answer: unknown }> {
    return (await this.call('POST', '/edits', edit)) as { status: number; answer: unknown };
  }
  async state(): Promise<SandboxData> {
    return (await this.call('GET', '/state')) as SandboxData;
  }
  async requests(): Promise<SandboxRequestRecord[]> {
    return (await this.call('GET', '/requests')) as SandboxRequestRecord[];
  }
  clearRequests(): Promise<unknown> {
    return this.call('DELETE', '/requests');
  }
  reset(): Promise<unknown> {
    return this.call('POST', '/reset');
  }
  /** Adds a user (a meeting host) to the sandbox's account; answers Zoom's user. */
  async addUser(user: {
    email: string;
    first_name?: string;
    last_name?: string;
  }): Promise<{ id: string; email: string }> {
    return (await this.call('POST', '/users', user)) as { id: string; email: string };
  }
  /** Makes the tutorial's scenarios on the sandbox, as a planner would in Zoom's console. */
  async seed(seed: SandboxSeed = {}): Promise<SeededEvent[]> {
    return ((await this.call('POST', '/seed', seed)) as { events: SeededEvent[] }).events;
  }
}

export interface SandboxHarness {
  sandbox: Sandbox;
  control: SandboxControl;
  client: ZoomClient;
  /** Another client for the same sandbox, with other options. */
  clientWith(options: Partial<ZoomClientOptions>): ZoomClient;
  close(): Promise<void>;
}

/**
 * A sandbox on 127.0.0.1 with a Zoom client signed in to it. `options` are the sandbox's own,
 * e.g. `{ behaviour: { ticketTypes: 'reference' } }` for the API reference's ticket type rules.
 */
export async function sandboxHarness(
  options: SandboxOptions = {},
  clientOptions: Partial<ZoomClientOptions> = {},
): Promise<SandboxHarness> {
  const sandbox = await startSandbox(options);
  const clients: ZoomClient[] = [];
  const clientWith = (extra: Partial<ZoomClientOptions>) => {
    const client = createZoomClient({
      urls: { apiUrl: sandbox.apiUrl, oauthUrl: sandbox.oauthUrl },
      credentials: () => Promise.resolve(sandbox.credentials),
      plan: () => 'pro',
      retry: { minDelayMs: 20, maxDelayMs: 200 },
      ...clientOptions,
      ...extra,
    });
    clients.push(client);
    return client;
  };
  const client = clientWith({});
  return {
    sandbox,
    control: new SandboxControl(sandbox.url),
    client,
    clientWith,
    async close() {
      await Promise.all(clients.map((c) => c.close()));
      await sandbox.close();
    },
  };
}

/** The tutorial's weekly standup: Tuesdays and Thursdays, 12 sessions, in New York. */
export const weeklyStandupBody = {
  hub_id: 'hub-sandbox-main',
  name: 'Weekly Team Standup',
  description: 'Tuesday and Thursday standups.',
  timezone: 'America/New_York',
  event_type: 'RECURRING' as const,
  access_level: 'PRIVATE_UNRESTRICTED' as const,
  attendance_type: 'virtual' as const,
  meeting_type: 'MEETING' as const,
  calendar: [{ start_time: '2027-03-02T14:00:00Z', end_time: '2027-03-02T14:30:00Z' }] as [
    { start_time: string; end_time: string },
  ],
  recurrence: { type: 2 as const, repeat_interval: 1, weekly_days: [3, 5], end_times: 12, duration: 30 },
};

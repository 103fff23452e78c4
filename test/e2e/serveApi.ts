import type { ServeProcess } from '../support/serveProcess';

/** A call to Cadence as the page makes it, for setting the scene or reading the outcome. */
export async function callServe<T>(serve: ServeProcess, channel: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`${serve.origin}/api/call/${channel}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-cadence-session': serve.secret,
      origin: serve.origin,
    },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value: T };
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result)}`);
  return result.value;
}

/** The built-in sandbox Cadence is connected to: its state, and the other planner's edits. */
export async function connectedSandbox(serve: ServeProcess) {
  const { apiUrl } = await callServe<{ apiUrl: string }>(serve, 'zoom.status');
  const base = apiUrl.replace(/\/v2$/, '');
  return {
    async state<T = SandboxState>(): Promise<T> {
      return (await (await fetch(`${base}/_sandbox/state`)).json()) as T;
    },
    /** Makes the tutorial's scenarios on it, as a planner would in Zoom's console; answers the events made. */
    async seed(seed: Record<string, unknown> = {}): Promise<{ event_id: string; name: string; hub_id: string }[]> {
      const response = await fetch(`${base}/_sandbox/seed`, { method: 'POST', body: JSON.stringify(seed) });
      if (!response.ok) throw new Error(`sandbox seeding failed: ${await response.text()}`);
      return ((await response.json()) as { events: { event_id: string; name: string; hub_id: string }[] }).events;
    },
    /** How the sandbox misbehaves from now on, e.g. `{ latencyMs: [100, 100] }`. */
    async setFaults(faults: Record<string, unknown>): Promise<void> {
      const response = await fetch(`${base}/_sandbox/faults`, { method: 'PUT', body: JSON.stringify(faults) });
      if (!response.ok) throw new Error(`sandbox faults refused: ${await response.text()}`);
    },
    async edit(edit: Record<string, unknown>): Promise<void> {
      const response = await fetch(`${base}/_sandbox/edits`, { method: 'POST', body: JSON.stringify(edit) });
      if (!response.ok) throw new Error(`sandbox edit failed: ${await response.text()}`);
    },
  };
}

/** Which of Zoom's documents the connected built-in sandbox follows for ticket types. */
export async function useTicketTypes(serve: ServeProcess, ticketTypes: 'tutorial' | 'reference'): Promise<void> {
  const { apiUrl } = await callServe<{ apiUrl: string }>(serve, 'zoom.status');
  const response = await fetch(`${apiUrl.replace(/\/v2$/, '')}/_sandbox/behaviour`, {
    method: 'PUT',
    body: JSON.stringify({ ticketTypes }),
  });
  if (!response.ok) throw new Error(`sandbox behaviour refused: ${await response.text()}`);
}

export interface SandboxState {
  events: { event_id: string; name: string; status: string; timezone: string; recurrence?: Record<string, unknown> }[];
  sessions: { event_id: string; session_id: string; start_time: string }[];
  tickets: { event_id: string; email: string; session_id?: string; session_ids?: string[] }[];
  ticketTypes: { event_id: string; name: string }[];
  accessLinks: { event_id: string; name: string; recurring_registration_option?: string }[];
}

/** The bridge answers a refused call (a check that found problems) with HTTP 400, which the browser logs. */
export function dropRefusedCalls(pageErrors: string[], statuses: readonly number[] = [400, 403]): void {
  const refused = new RegExp(`status of (${statuses.join('|')})`);
  const unexpected = pageErrors.filter((message) => !refused.test(message));
  pageErrors.splice(0, pageErrors.length, ...unexpected);
}

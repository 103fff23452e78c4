import { z } from 'zod';
import type { CadenceTransport } from '../../shared/ipc/cadenceApi';
import type { EventName } from '../../shared/ipc/contract';
import { ipcErrorSchema, type IpcResult } from '../../shared/ipc/envelope';
import { serveSessionFragment, serveSessionHeader, servePaths } from '../../shared/ipc/servePaths';

const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ipcErrorSchema }),
]);

/** Browsers keep at most 64 KiB of `keepalive` bodies in flight; a larger body is sent without it. */
const keepaliveBodyLimit = 60_000;

function unavailable(message: string): IpcResult<never> {
  return { ok: false, error: { code: 'unavailable', message, issues: [] } };
}

const sessionKey = 'cadence.serveSession';

/**
 * This page's `cadence serve` session: handed over once in the launch link's fragment (then taken
 * out of the address) and kept for reloads of this tab. Undefined on a page opened without it.
 */
export function serveSession(): string | undefined {
  const fragment = new URLSearchParams(window.location.hash.slice(1)).get(serveSessionFragment);
  if (fragment !== null) {
    window.sessionStorage.setItem(sessionKey, fragment);
    window.history.replaceState(null, '', window.location.pathname);
  }
  return window.sessionStorage.getItem(sessionKey) ?? undefined;
}

/**
 * Carries calls over HTTP and events over one shared EventSource, for `cadence serve`. The page's
 * session goes in a header (in the stream's address for events), never in a cookie, which every
 * local server would receive; the page never sees the launch secret.
 */
export function createServeTransport(
  session: string,
  onConnectionChange?: (isConnected: boolean) => void,
): CadenceTransport {
  let source: EventSource | undefined;
  // Calls started while the page closes (the editor's last save) must outlive it: they go as
  // keepalive. The flag lasts only for the event's own listeners, since a close may be called off.
  let isLeaving = false;
  const leaving = (): void => {
    isLeaving = true;
    setTimeout(() => (isLeaving = false), 0);
  };
  window.addEventListener('beforeunload', leaving, { capture: true });
  window.addEventListener('pagehide', leaving, { capture: true });

  function eventSource(): EventSource {
    if (!source) {
      source = new EventSource(`${servePaths.events}?session=${encodeURIComponent(session)}`);
      source.addEventListener('open', () => onConnectionChange?.(true));
      source.addEventListener('error', () => onConnectionChange?.(false));
    }
    return source;
  }

  return {
    async invoke(channel, input) {
      let response: Response;
      const body = JSON.stringify(input);
      try {
        response = await fetch(servePaths.callPrefix + encodeURIComponent(channel), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [serveSessionHeader]: session },
          body,
          credentials: 'same-origin',
          keepalive: isLeaving && body.length <= keepaliveBodyLimit,
        });
      } catch {
        return unavailable('Cadence is not answering. Is "cadence serve" still running?');
      }
      if (!(response.headers.get('content-type') ?? '').startsWith('application/json')) {
        return unavailable((await response.text()) || `Cadence answered ${response.status}.`);
      }
      const parsed = resultSchema.safeParse(await response.json());
      return parsed.success ? parsed.data : unavailable('Cadence sent an answer this page does not understand.');
    },
    subscribe(event: EventName, listener) {
      const handler = (message: MessageEvent<string>): void => listener(JSON.parse(message.data) as unknown);
      const target = eventSource();
      target.addEventListener(event, handler);
      return () => target.removeEventListener(event, handler);
    },
  };
}

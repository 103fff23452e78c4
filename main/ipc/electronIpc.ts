import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CadenceError } from '../../shared/errors';
import { channelNames, events, type EventName, type EventPayload } from '../../shared/ipc/contract';
import { electronEventChannel } from '../../shared/ipc/electronIpc';
import type { IpcResult } from '../../shared/ipc/envelope';
import type { EventBus } from './eventBus';
import type { Router } from './router';

/**
 * Registers one `ipcMain.handle` per contract channel, never a catch-all, and answers only frames
 * that `isTrustedSender` accepts (our own page, not something it navigated to or embedded).
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  router: Router,
  isTrustedSender: (frameUrl: string | undefined) => boolean,
): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown): Promise<IpcResult<unknown>> => {
      if (!isTrustedSender(event.senderFrame?.url)) {
        const error = new CadenceError('forbidden', 'Only the Cadence window may call Cadence.');
        return Promise.resolve({ ok: false, error: error.toIpcError() });
      }
      return router.dispatch(channel, payload);
    });
  }
}

/** Forwards every main → renderer event to a window until it closes. */
export function forwardEvents(events: EventBus, contents: Pick<WebContents, 'send' | 'once' | 'isDestroyed'>): void {
  const unsubscribe = events.subscribe((event) => {
    if (!contents.isDestroyed()) contents.send(electronEventChannel, event);
  });
  contents.once('destroyed', unsubscribe);
}

/** Sends one event to one window only (a question for that window, such as saving before it closes). */
export function sendEvent<E extends EventName>(
  contents: Pick<WebContents, 'send' | 'isDestroyed'>,
  name: E,
  payload: EventPayload<E>,
): void {
  if (!contents.isDestroyed()) contents.send(electronEventChannel, { name, payload: events[name].parse(payload) });
}

import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { isAppUrl } from '../../../../main/app/appProtocol';
import { createEventBus } from '../../../../main/ipc/eventBus';
import { forwardEvents, registerIpcHandlers, sendEvent } from '../../../../main/ipc/electronIpc';
import type { Router } from '../../../../main/ipc/router';
import { channelNames } from '../../../../shared/ipc/contract';
import { electronEventChannel } from '../../../../shared/ipc/electronIpc';

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

function setup() {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: vi.fn((channel: string, handler: Handler) => {
      handlers.set(channel, handler);
    }),
  };
  const dispatch = vi.fn<Router['dispatch']>(() => Promise.resolve({ ok: true, value: 'ok' }));
  registerIpcHandlers(ipcMain, { dispatch }, isAppUrl);
  const invoke = (channel: string, frameUrl: string | undefined, payload: unknown = {}) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame: frameUrl === undefined ? null : { url: frameUrl } } as never, payload);
  };
  return { handlers, dispatch, invoke };
}

describe('registerIpcHandlers', () => {
  it('registers exactly the contract channels, with no catch-all', () => {
    expect([...setup().handlers.keys()].sort()).toEqual([...channelNames].sort());
  });

  it('dispatches calls from the app page', async () => {
    const { dispatch, invoke } = setup();
    await expect(invoke('app.info', 'cadence://app/index.html', { x: 1 })).resolves.toEqual({ ok: true, value: 'ok' });
    expect(dispatch).toHaveBeenCalledWith('app.info', { x: 1 });
  });

  it.each([
    ['a remote page', 'https://evil.example/'],
    ['a local file', 'file:///tmp/index.html'],
    ['another host of the app scheme', 'cadence://other/index.html'],
    ['a frame without a URL', undefined],
  ])('refuses calls from %s without dispatching', async (_name, frameUrl) => {
    const { dispatch, invoke } = setup();
    await expect(invoke('app.info', frameUrl)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('forwardEvents', () => {
  it('sends events to the window until it is destroyed', () => {
    const bus = createEventBus();
    let onDestroyed: (() => void) | undefined;
    let isDestroyed = false;
    const contents = {
      send: vi.fn(),
      isDestroyed: () => isDestroyed,
      once: vi.fn((event: string, listener: () => void) => {
        if (event === 'destroyed') onDestroyed = listener;
      }),
    };
    forwardEvents(bus, contents as never);
    const state = { isOnline: true, checkedAt: null };
    bus.emit('app.online', state);
    expect(contents.send).toHaveBeenCalledWith(electronEventChannel, { name: 'app.online', payload: state });
    isDestroyed = true;
    onDestroyed?.();
    bus.emit('app.online', state);
    expect(contents.send).toHaveBeenCalledTimes(1);
  });
});

describe('sendEvent', () => {
  it('sends a checked event to one window, and nothing once it is gone', () => {
    let isDestroyed = false;
    const contents = { send: vi.fn(), isDestroyed: () => isDestroyed };
    sendEvent(contents as never, 'app.saveBeforeClose', {});
    expect(contents.send).toHaveBeenCalledWith(electronEventChannel, { name: 'app.saveBeforeClose', payload: {} });
    isDestroyed = true;
    sendEvent(contents as never, 'app.saveBeforeClose', {});
    expect(contents.send).toHaveBeenCalledTimes(1);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { createCadenceApi, type CadenceTransport } from '../../../../shared/ipc/cadenceApi';
import { channelNames, type ChannelName, type EventName } from '../../../../shared/ipc/contract';

function recordingTransport() {
  const calls: { channel: ChannelName; input: unknown }[] = [];
  const subscriptions: EventName[] = [];
  const unsubscribe = vi.fn();
  const transport: CadenceTransport = {
    invoke(channel, input) {
      calls.push({ channel, input });
      return Promise.resolve({ ok: true, value: `answer to ${channel}` });
    },
    subscribe(event) {
      subscriptions.push(event);
      return unsubscribe;
    },
  };
  return { transport, calls, subscriptions, unsubscribe };
}

describe('createCadenceApi', () => {
  it('offers every contract channel as namespace.method, and nothing else', () => {
    const api = createCadenceApi(recordingTransport().transport) as unknown as Record<string, unknown>;
    const offered = Object.entries(api).flatMap(([namespace, methods]) =>
      typeof methods === 'function' ? [] : Object.keys(methods as object).map((method) => `${namespace}.${method}`),
    );
    expect(offered.sort()).toEqual([...channelNames].sort());
    expect(Object.keys(api).sort()).toEqual([...new Set(channelNames.map((name) => name.split('.')[0])), 'on'].sort());
  });

  it('sends the channel name and input, and an empty object when called without input', async () => {
    const { transport, calls } = recordingTransport();
    const api = createCadenceApi(transport);
    await expect(api.app.info()).resolves.toEqual({ ok: true, value: 'answer to app.info' });
    await api.app.checkOnline({});
    expect(calls).toEqual([
      { channel: 'app.info', input: {} },
      { channel: 'app.checkOnline', input: {} },
    ]);
  });

  it('subscribes to contract events and hands back the unsubscribe function', () => {
    const { transport, subscriptions, unsubscribe } = recordingTransport();
    const api = createCadenceApi(transport);
    const stop = api.on('app.online', () => undefined);
    expect(subscriptions).toEqual(['app.online']);
    stop();
    expect(unsubscribe).toHaveBeenCalledOnce();
  });

  it('refuses to subscribe to an event the contract does not declare', () => {
    const { transport, subscriptions } = recordingTransport();
    const api = createCadenceApi(transport);
    expect(() => api.on('app.secrets' as EventName, () => undefined)).toThrow(/Unknown event/);
    expect(subscriptions).toEqual([]);
  });
});

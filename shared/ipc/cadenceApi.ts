import type { IpcResult } from './envelope';
import {
  channelNames,
  isEventName,
  type ChannelInput,
  type ChannelName,
  type ChannelResult,
  type EventName,
  type EventPayload,
} from './contract';

type Namespace = ChannelName extends `${infer N}.${string}` ? N : never;

/** A channel whose input has no required field can be called with no argument. */
type CallArgs<C extends ChannelName> =
  Record<string, never> extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>];

type ChannelMethod<C extends ChannelName> = (...args: CallArgs<C>) => Promise<IpcResult<ChannelResult<C>>>;

type NamespaceApi<N extends Namespace> = {
  readonly [C in ChannelName as C extends `${N}.${infer Method}` ? Method : never]: ChannelMethod<C>;
};

/** Subscribes to a main → renderer event; returns the function that unsubscribes. */
export type Subscribe = <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;

/** `window.cadence`: exactly the contract, nothing else. */
export type CadenceApi = { readonly [N in Namespace]: NamespaceApi<N> } & { readonly on: Subscribe };

/** How a host carries calls and events; preload uses Electron IPC, the serve bridge HTTP and SSE. */
export interface CadenceTransport {
  invoke(channel: ChannelName, input: unknown): Promise<IpcResult<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** Builds the typed API from the contract, so adding a channel never means editing a host. */
export function createCadenceApi(transport: CadenceTransport): CadenceApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<IpcResult<unknown>>>> = {};
  for (const name of channelNames) {
    const [namespace, method] = name.split('.') as [string, string];
    api[namespace] ??= {};
    api[namespace][method] = (input?: unknown) => transport.invoke(name, input ?? {});
  }
  const on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!isEventName(event)) throw new Error(`Unknown event "${String(event)}"`);
    return transport.subscribe(event, listener);
  };
  return { ...api, on } as unknown as CadenceApi;
}

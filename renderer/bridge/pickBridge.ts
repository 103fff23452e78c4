import { createCadenceApi, type CadenceApi } from '../../shared/ipc/cadenceApi';
import { createServeTransport } from './serveTransport';

declare global {
  interface Window {
    /** Present in the desktop app, where the preload exposes it. */
    readonly cadence?: CadenceApi;
  }
}

/** The desktop app's preload API when there is one, otherwise the HTTP bridge of `cadence serve`. */
export function pickBridge(onConnectionChange: (isConnected: boolean) => void): CadenceApi {
  return window.cadence ?? createCadenceApi(createServeTransport(onConnectionChange));
}

import { createCadenceApi, type CadenceApi } from '../../shared/ipc/cadenceApi';
import { createServeTransport, serveSession } from './serveTransport';

declare global {
  interface Window {
    /** Present in the desktop app, where the preload exposes it. */
    readonly cadence?: CadenceApi;
  }
}

/**
 * The desktop app's preload API when there is one, otherwise the HTTP bridge of `cadence serve`.
 * A page without a session (opened by address rather than by the printed link) has every call
 * refused with the way in.
 */
export function pickBridge(onConnectionChange: (isConnected: boolean) => void): CadenceApi {
  return window.cadence ?? createCadenceApi(createServeTransport(serveSession() ?? '', onConnectionChange));
}

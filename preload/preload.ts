import { contextBridge, ipcRenderer } from 'electron';
import { createCadenceApi, type CadenceApi } from '../shared/ipc/cadenceApi';
import { electronEventChannel } from '../shared/ipc/electronIpc';
import type { IpcResult } from '../shared/ipc/envelope';

// Exposes exactly the contract as `window.cadence`; the page never sees ipcRenderer itself.
const api: CadenceApi = createCadenceApi({
  invoke: (channel, input) => ipcRenderer.invoke(channel, input) as Promise<IpcResult<unknown>>,
  subscribe(event, listener) {
    // Typed loosely on purpose: what arrives over IPC is checked, not assumed.
    const handler = (_event: unknown, message: { name: string; payload: unknown }): void => {
      if (message.name === event) listener(message.payload);
    };
    ipcRenderer.on(electronEventChannel, handler);
    return () => ipcRenderer.removeListener(electronEventChannel, handler);
  },
});

contextBridge.exposeInMainWorld('cadence', api);

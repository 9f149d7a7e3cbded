/**
 * The preload of the main window (sandboxed, so bundled to a single CommonJS
 * file: out/electron/preload/preload.cjs). It exposes exactly one object,
 * `window.factcheck`, with four named functions. The page never gets
 * `ipcRenderer`, channel names or IPC event objects: `on` hands listeners the
 * payload only, and returns a function that unsubscribes. Arguments go to the
 * main process as they are: it checks every one of them.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { API_EVENT_NAMES, type ApiEvents } from '../../shared/api/contract';
import { IPC_CHANNELS, type FactcheckBridge } from '../../shared/api/bridge';

const events: readonly string[] = API_EVENT_NAMES;

const bridge: FactcheckBridge = {
  call: (method, request) => ipcRenderer.invoke(IPC_CHANNELS.call, method, request),
  on: (event, listener) => {
    if (typeof event !== 'string' || !events.includes(event)) {
      throw new TypeError(`Unknown event; expected one of: ${events.join(', ')}.`);
    }
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
    const relay = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload as ApiEvents[typeof event]);
    };
    ipcRenderer.on(IPC_CHANNELS.event, relay);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.event, relay);
    };
  },
  saveFile: (file) => ipcRenderer.invoke(IPC_CHANNELS.saveFile, file),
  openExternal: (url) => ipcRenderer.invoke(IPC_CHANNELS.openExternal, url),
};

contextBridge.exposeInMainWorld('factcheck', bridge);

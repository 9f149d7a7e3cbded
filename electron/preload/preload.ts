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
import type { ApiEventName, ApiEvents, ApiResult, ExportedFile } from '../../shared/api/contract';
import { BRIDGE_EVENTS, IPC_CHANNELS } from './ipc-channels';

/** The shape of `window.factcheck` (the renderer declares the same shape for its client). */
export interface FactcheckBridge {
  call(method: string, request: unknown): Promise<ApiResult<unknown>>;
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  saveFile(file: ExportedFile): Promise<ApiResult<{ savedTo: string } | { cancelled: true }>>;
  openExternal(url: string): Promise<ApiResult<{ opened: boolean }>>;
}

const events: readonly string[] = BRIDGE_EVENTS satisfies readonly ApiEventName[];

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

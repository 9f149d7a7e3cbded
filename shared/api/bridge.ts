/**
 * The desktop shell's bridge: what the preload exposes on `window.factcheck`
 * and the IPC channel names behind it. Declared once here, so the preload
 * (`electron/preload/preload.ts`), the main process's handlers
 * (`electron/main/ipc-handlers.ts`) and the renderer's client
 * (`renderer/api/platform.ts`) cannot drift apart. The page never sees the
 * channel names: it only gets the four named functions.
 */
import type {
  ApiEventName,
  ApiEvents,
  ApiMethod,
  ApiRequest,
  ApiResponses,
  ApiResult,
  ExportedFile,
} from './contract';

/** The shape of `window.factcheck`. Every argument is checked again in the main process. */
export interface FactcheckBridge {
  call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResult<ApiResponses[M]>>;
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  saveFile(file: ExportedFile): Promise<ApiResult<{ savedTo: string } | { cancelled: true }>>;
  openExternal(url: string): Promise<ApiResult<{ opened: boolean }>>;
}

/** IPC channel names shared by the preload and the main process. */
export const IPC_CHANNELS = Object.freeze({
  /** invoke(method: string, request: unknown) → ApiResult */
  call: 'factcheck:call',
  /** invoke(file: ExportedFile) → ApiResult<{ savedTo } | { cancelled: true }> */
  saveFile: 'factcheck:save-file',
  /** invoke(url: string) → ApiResult<{ opened: boolean }> */
  openExternal: 'factcheck:open-external',
  /** main → page: send(eventName, payload) */
  event: 'factcheck:event',
});

/**
 * The Electron IPC adapter of the API contract: three `ipcMain.handle`
 * channels (see shared/api/bridge.ts), each guarded the same way.
 *
 * 1. The sender must be the app's own top frame: `event.senderFrame` is the
 *    main window's main frame (not a subframe, not another window) and its URL
 *    is on the app origin. Anything else gets a `refused` result.
 * 2. Arguments are validated before anything runs: an API call's shape here
 *    (a method name and one request), its request by the service's `handle`,
 *    which runs the contract's `validateRequest` for both transports (the one
 *    check at the trust boundary); files and URLs by their own checks.
 * 3. Handlers never throw across IPC; errors are `ApiResult` values.
 *
 * In-flight calls are counted so that quitting can wait for the renderer's
 * last saves before flushing the service ({@link IpcHandlers.whenIdle}).
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiEventName, ApiEvents, ApiResult } from '../../shared/api/contract';
import { IPC_CHANNELS } from '../../shared/api/bridge';
import { isAppUrl } from './app-origin';
import type { ApiService } from '../service/api-service';

/** What the handlers call; every function receives already-trusted input and must not throw. */
export interface IpcHandlerDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  getWindow(): BrowserWindow | null;
  service: ApiService;
  /** Validates `file` itself (it is untrusted), shows the save dialog, writes atomically. */
  saveFile(
    file: unknown,
    win: BrowserWindow,
  ): Promise<ApiResult<{ savedTo: string } | { cancelled: true }>>;
  /** Validates `url` itself, asks the user, opens only https/mailto. */
  openLink(url: unknown, win: BrowserWindow): Promise<ApiResult<{ opened: boolean }>>;
}

export interface IpcHandlers {
  /** Resolves when no IPC call is in flight. */
  whenIdle(): Promise<void>;
  /** Remove the handlers. */
  dispose(): void;
}

const REFUSED: ApiResult<never> = {
  ok: false,
  error: {
    code: 'refused',
    message: 'This request did not come from the workbench window and was refused.',
  },
};

function invalid(message: string): ApiResult<never> {
  return { ok: false, error: { code: 'invalid-request', message } };
}

/**
 * True when `event` comes from the main window's own top frame on the app
 * origin: same web contents, a frame with no parent that is the main frame
 * (same process and routing id), and a URL on `app://workbench`.
 * False for a missing or destroyed window, a subframe, another window, or
 * another origin.
 */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  win: BrowserWindow | null,
): boolean {
  if (!win || win.isDestroyed()) return false;
  const frame = event.senderFrame;
  if (!frame || event.sender !== win.webContents) return false;
  const main = win.webContents.mainFrame;
  const isMainFrame =
    frame === main ||
    (frame.parent === null &&
      frame.processId === main.processId &&
      frame.routingId === main.routingId);
  return isMainFrame && frame.parent === null && isAppUrl(frame.url);
}

/** Register the IPC handlers. Call once, after the service exists. */
export function registerIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
  let inFlight = 0;
  let idleWaiters: (() => void)[] = [];

  const guard =
    <A extends unknown[]>(run: (win: BrowserWindow, args: A) => Promise<ApiResult<unknown>>) =>
    async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<ApiResult<unknown>> => {
      const win = deps.getWindow();
      if (!win || !isTrustedSender(event, win)) return REFUSED;
      inFlight++;
      try {
        return await run(win, args as A);
      } catch (err) {
        return {
          ok: false,
          error: {
            code: 'internal',
            message: `The request failed: ${String((err as Error)?.message ?? err)}`,
          },
        };
      } finally {
        inFlight--;
        if (inFlight === 0) {
          const waiters = idleWaiters;
          idleWaiters = [];
          waiters.forEach((resolve) => resolve());
        }
      }
    };

  deps.ipcMain.handle(
    IPC_CHANNELS.call,
    guard<[unknown, unknown]>(async (_win, args) => {
      if (args.length !== 2 || typeof args[0] !== 'string')
        return invalid('An API call needs a method name and a request.');
      const [method, payload] = args as [string, unknown];
      return deps.service.handle(method, payload); // validates the request (the contract's schemas)
    }),
  );
  deps.ipcMain.handle(
    IPC_CHANNELS.saveFile,
    guard<[unknown]>(async (win, args) => {
      if (args.length !== 1) return invalid('Saving needs exactly one file.');
      return deps.saveFile(args[0], win);
    }),
  );
  deps.ipcMain.handle(
    IPC_CHANNELS.openExternal,
    guard<[unknown]>(async (win, args) => {
      if (args.length !== 1 || typeof args[0] !== 'string')
        return invalid('Opening a link needs exactly one URL.');
      return deps.openLink(args[0], win);
    }),
  );

  return {
    whenIdle: () =>
      inFlight === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => idleWaiters.push(resolve)),
    dispose: () => {
      for (const channel of [IPC_CHANNELS.call, IPC_CHANNELS.saveFile, IPC_CHANNELS.openExternal]) {
        deps.ipcMain.removeHandler(channel);
      }
    },
  };
}

/** Push an event to the page (`window.factcheck.on`). False when the window is gone. */
export function sendBridgeEvent<E extends ApiEventName>(
  win: BrowserWindow | null,
  name: E,
  payload: ApiEvents[E],
): boolean {
  if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return false;
  win.webContents.send(IPC_CHANNELS.event, name, payload);
  return true;
}

/**
 * The Electron app's lifecycle, wired from the other shell modules.
 *
 * Before `ready`: `app.enableSandbox()`, the privileged `app:` scheme, the data
 * directory (`app.getPath('userData')`, or `$FACTCHECK_DATA_DIR` for tests and
 * portable setups — set before the single-instance lock, which Electron keys
 * by that directory), and `app.requestSingleInstanceLock()`: a second launch
 * quits at once and the first instance focuses its window.
 *
 * On `ready`: session guards, the protocol handler, the data directory's lock
 * file (the one browser mode takes, so the two modes never write one folder at
 * once), the API service (with the PDF printer), the IPC handlers, the menu,
 * the window. Closing the window or
 * quitting runs the flush sequence of shutdown.ts before the app exits.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, ipcMain, Menu, safeStorage, session, shell } from 'electron';
import type { BrowserWindow } from 'electron';
import { buildMenuTemplate } from './app-menu';
import { APP_SCHEME } from './app-origin';
import { createAppProtocolHandler, registerAppSchemePrivileged } from './app-protocol';
import type { ApiService, ApiServiceOptions } from '../service/api-service';
import { registerIpcHandlers, sendBridgeEvent } from './ipc-handlers';
import type { IpcHandlers } from './ipc-handlers';
import { createMainWindow, hardenWebContents } from './main-window';
import { openExternalSafe } from './open-external';
import { createPdfPrinter } from './pdf-printer';
import { saveExportedFile } from './save-file';
import { hardenSession } from './session-hardening';
import { createShutdown } from './shutdown';
import { acquireDataDirLock } from '../service/store';
import type { DataDirLock } from '../service/store';

/** Environment variable that overrides the data directory (absolute or relative to the working directory). */
export const DATA_DIR_ENV = 'FACTCHECK_DATA_DIR';

/** The overriding data directory from the environment, resolved; null when unset or blank. */
export function dataDirOverride(env: Record<string, string | undefined>): string | null {
  const value = env[DATA_DIR_ENV]?.trim();
  return value ? path.resolve(value) : null;
}

export interface StartOptions {
  createService(options: ApiServiceOptions): Promise<ApiService>;
  /** Defaults to `process.env`. */
  env?: Record<string, string | undefined>;
}

export interface StartedApp {
  /** False when another instance holds the lock (this one is quitting). */
  primary: boolean;
  /** Resolves once the window exists (or startup failed and the app is quitting). */
  ready: Promise<void>;
}

/** Bring the window to the front (a second launch lands here). */
export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}

/** Start the desktop app. Call once, synchronously, from the main entry (before `ready`). */
export function startApp(options: StartOptions): StartedApp {
  const env = options.env ?? process.env;
  app.enableSandbox();
  registerAppSchemePrivileged();
  const override = dataDirOverride(env);
  if (override) app.setPath('userData', override);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { primary: false, ready: Promise.resolve() };
  }

  const state: {
    window: BrowserWindow | null;
    service: ApiService | null;
    ipc: IpcHandlers | null;
    lock: DataDirLock | null;
  } = {
    window: null,
    service: null,
    ipc: null,
    lock: null,
  };
  const shutdown = createShutdown({
    notifyPage: () => sendBridgeEvent(state.window, 'before-quit', {}),
    whenIpcIdle: () => state.ipc?.whenIdle() ?? Promise.resolve(),
    getService: () => state.service,
    releaseLock: async () => state.lock?.release(),
  });
  const openLink = (url: unknown, win: BrowserWindow | null) =>
    openExternalSafe(url, win, { dialog, shell });

  app.on('second-instance', () => focusWindow(state.window));
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, { offerExternal: (url) => void openLink(url, state.window) }),
  );
  app.on('before-quit', (event) => {
    if (shutdown.done) return;
    event.preventDefault();
    void shutdown.run().then(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());

  const ready = app.whenReady().then(async () => {
    const appRoot = app.getAppPath();
    const isDev = !app.isPackaged;
    const rendererDir = path.join(appRoot, 'dist', 'renderer');
    hardenSession(session.defaultSession);
    session.defaultSession.protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
    if (!existsSync(path.join(rendererDir, 'index.html'))) {
      dialog.showErrorBox(
        'Factcheck Workbench',
        `The interface is not built (${rendererDir} has no index.html). Run "npm run build" first.`,
      );
      app.quit();
      return;
    }
    try {
      // The same lock file browser mode takes: the desktop app and a browser-mode host never
      // write one data directory at the same time (the single-instance lock covers two desktop
      // instances only).
      state.lock = await acquireDataDirLock(app.getPath('userData'));
      state.service = await options.createService({
        dataDir: app.getPath('userData'),
        seedsDir: path.join(appRoot, 'seeds'),
        host: 'electron',
        version: app.getVersion(),
        pdf: createPdfPrinter(),
        // The team server's credentials are sealed with the OS keychain where it is available.
        secrets: safeStorage.isEncryptionAvailable()
          ? {
              seal: (text) => safeStorage.encryptString(text),
              open: (sealed) => safeStorage.decryptString(sealed),
            }
          : undefined,
      });
    } catch (err) {
      dialog.showErrorBox(
        'Factcheck Workbench could not start',
        String((err as Error)?.message ?? err),
      );
      app.quit();
      return;
    }
    state.service.subscribe((event, payload) => sendBridgeEvent(state.window, event, payload));
    state.ipc = registerIpcHandlers({
      ipcMain,
      getWindow: () => state.window,
      service: state.service,
      saveFile: (file, win) =>
        saveExportedFile(file, win, { dialog, defaultDir: app.getPath('documents') }),
      openLink,
    });
    const template = buildMenuTemplate({
      platform: process.platform,
      isDev,
      appName: app.getName(),
      send: (command) => sendBridgeEvent(state.window, 'menu', { command }),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
    const win = createMainWindow({
      preloadPath: path.join(appRoot, 'out', 'electron', 'preload', 'preload.cjs'),
      isDev,
      title: app.getName(),
    });
    state.window = win;
    // Closing the only window quits, through the flush sequence.
    win.on('close', (event) => {
      if (shutdown.done) return;
      event.preventDefault();
      app.quit();
    });
    win.on('closed', () => {
      if (state.window === win) state.window = null;
    });
  });
  const started = ready.catch((err: unknown) => {
    dialog.showErrorBox(
      'Factcheck Workbench could not start',
      String((err as Error)?.message ?? err),
    );
    app.quit();
  });
  return { primary: true, ready: started };
}

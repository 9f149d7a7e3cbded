/**
 * A stand-in for the Electron runtime, for `vi.mock('electron', () => import('../electron-fake'))`.
 * The Electron binary is not installed here, so the shell's modules run
 * against these objects: they record what the shell asks of Electron
 * (window options, handlers, menus, dialogs) and let tests fire the events
 * Electron would fire. Call {@link resetFakeElectron} in `beforeEach`.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** An Electron-style event: `preventDefault()` sets `defaultPrevented`. */
export function fakeEvent<T extends object>(
  extra: T = {} as T,
): T & { defaultPrevented: boolean; preventDefault(): void } {
  const event = {
    ...extra,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

let nextId = 1;

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
    public processId = 1,
    public routingId = nextId++,
  ) {}
}

export class FakeWebContents extends EventEmitter {
  id = nextId++;
  destroyed = false;
  mainFrame: FakeFrame = new FakeFrame('about:blank', null, this.id);
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: unknown[][] = [];
  printToPDF = vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.7\nfake pdf bytes'));
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push([channel, ...args]);
  }
  isDestroyed() {
    return this.destroyed;
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  visible = false;
  focused = false;
  loaded: string[] = [];
  /** What loadURL resolves with; tests may replace it (e.g. a never-settling promise). */
  loadResult: () => Promise<void> = () => Promise.resolve();
  constructor(public options: Record<string, unknown> = {}) {
    super();
    BrowserWindow.instances.push(this);
  }
  loadURL(url: string) {
    this.loaded.push(url);
    this.webContents.mainFrame.url = url;
    return this.loadResult();
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
    this.webContents.destroyed = true;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  isVisible() {
    return this.visible;
  }
  show() {
    this.visible = true;
  }
  focus() {
    this.focused = true;
  }
  static getAllWindows() {
    return BrowserWindow.instances.filter((w) => !w.destroyed);
  }
}

export class FakeSession extends EventEmitter {
  permissionRequestHandler:
    | ((
        wc: unknown,
        permission: string,
        callback: (granted: boolean) => void,
        details?: unknown,
      ) => void)
    | null = null;
  permissionCheckHandler:
    ((wc: unknown, permission: string, origin: string, details?: unknown) => boolean) | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  beforeRequest:
    | ((details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void)
    | null = null;
  protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  networkEmulation: unknown = null;
  constructor(public partition = '') {
    super();
  }
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']) {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['devicePermissionHandler']) {
    this.devicePermissionHandler = handler;
  }
  enableNetworkEmulation(options: unknown) {
    this.networkEmulation = options;
  }
  webRequest = {
    onBeforeRequest: (handler: FakeSession['beforeRequest']) => {
      this.beforeRequest = handler;
    },
  };
  protocol = {
    handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
      this.protocolHandlers.set(scheme, handler);
    },
  };
}

class FakeApp extends EventEmitter {
  lockGranted = true;
  isPackaged = false;
  paths = new Map<string, string>();
  appPath = '/fake/app';
  private readyResolve: (() => void) | null = null;
  private ready: Promise<void> = Promise.resolve();
  enableSandbox = vi.fn();
  quit = vi.fn(() => {
    this.emit('before-quit', fakeEvent());
  });
  requestSingleInstanceLock = vi.fn(() => this.lockGranted);
  setPath = vi.fn((name: string, value: string) => void this.paths.set(name, value));
  getPath = vi.fn((name: string) => this.paths.get(name) ?? `/fake/${name}`);
  getAppPath = () => this.appPath;
  getVersion = () => '0.1.0-test';
  getName = () => 'Factcheck Workbench';
  whenReady = vi.fn(() => this.ready);
  constructor() {
    super();
    this.reset();
  }
  /** Fire `ready` (tests call this after startApp). */
  becomeReady() {
    this.readyResolve?.();
  }
  reset() {
    this.removeAllListeners();
    this.lockGranted = true;
    this.isPackaged = false;
    this.appPath = '/fake/app';
    this.paths = new Map([
      ['userData', '/fake/userData'],
      ['documents', '/fake/documents'],
    ]);
    this.ready = new Promise<void>((resolve) => (this.readyResolve = resolve));
    for (const fn of [
      this.enableSandbox,
      this.quit,
      this.requestSingleInstanceLock,
      this.setPath,
      this.getPath,
      this.whenReady,
    ]) {
      fn.mockClear();
    }
  }
}

export const app = new FakeApp();
export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
export const session: {
  defaultSession: FakeSession;
  fromPartition: ReturnType<typeof vi.fn<(partition: string) => FakeSession>>;
} = {
  defaultSession: new FakeSession('default'),
  fromPartition: vi.fn((partition: string) => new FakeSession(partition)),
};
export const ipcMain = {
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  },
};
export const dialog = {
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
  showErrorBox: vi.fn(),
};
export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };
export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn(),
};
/** A stand-in keychain: reversible, and never the plain text. */
export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  encryptString: vi.fn((text: string) =>
    Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)),
  ),
  decryptString: vi.fn((sealed: Buffer) =>
    Buffer.from(sealed.map((b) => b ^ 0x5a)).toString('utf8'),
  ),
};
export const contextBridge = { exposeInMainWorld: vi.fn() };
class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null }) as unknown);
}
export const ipcRenderer = new FakeIpcRenderer();

/** Fresh fakes for the next test. */
export function resetFakeElectron(): void {
  app.reset();
  BrowserWindow.instances = [];
  session.defaultSession = new FakeSession('default');
  session.fromPartition.mockClear();
  protocol.registerSchemesAsPrivileged.mockClear();
  protocol.handle.mockClear();
  ipcMain.handlers.clear();
  dialog.showMessageBox.mockReset().mockResolvedValue({ response: 0, checkboxChecked: false });
  dialog.showSaveDialog.mockReset().mockResolvedValue({ canceled: true, filePath: '' });
  dialog.showErrorBox.mockReset();
  shell.openExternal.mockReset().mockResolvedValue(undefined);
  Menu.buildFromTemplate.mockClear();
  Menu.setApplicationMenu.mockClear();
  contextBridge.exposeInMainWorld.mockReset();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoke.mockReset().mockResolvedValue({ ok: true, value: null });
}

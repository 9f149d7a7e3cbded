/**
 * The app's lifecycle with Electron faked and everything else real: the API
 * service on a temporary data directory, the protocol handler on a temporary
 * app folder, the IPC handlers, the menu and the quit sequence.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../electron-fake'));

const fake = await import('../electron-fake');
const { DATA_DIR_ENV, dataDirOverride, startApp } =
  await import('../../../electron/main/app-lifecycle');
const { IPC_CHANNELS } = await import('../../../shared/api/bridge');
const { createApiService } = await import('../../../electron/service/api-service');
const { acquireDataDirLock, LOCK_FILE_NAME } = await import('../../../electron/service/store');

const root = path.resolve(import.meta.dirname, '../../..');
let scratch: string;
let appPath: string;
let dataDir: string;
let created: {
  dataDir: string;
  seedsDir: string;
  host: string;
  version: string;
  pdf?: unknown;
  secrets?: { seal(text: string): Buffer; open(sealed: Buffer): string };
}[];
let services: Awaited<ReturnType<typeof createApiService>>[];

const createService: typeof createApiService = async (options) => {
  created.push(options);
  const service = await createApiService(options);
  services.push(service);
  return service;
};

beforeEach(() => {
  fake.resetFakeElectron();
  scratch = mkdtempSync(path.join(tmpdir(), 'fcw-lifecycle-'));
  appPath = path.join(scratch, 'app');
  dataDir = path.join(scratch, 'data');
  mkdirSync(path.join(appPath, 'dist', 'renderer'), { recursive: true });
  writeFileSync(
    path.join(appPath, 'dist', 'renderer', 'index.html'),
    '<!doctype html><title>Workbench</title>',
  );
  cpSync(path.join(root, 'seeds'), path.join(appPath, 'seeds'), { recursive: true });
  fake.app.appPath = appPath;
  created = [];
  services = [];
});
afterEach(async () => {
  await Promise.all(services.map((s) => s.close().catch(() => undefined)));
  rmSync(scratch, { recursive: true, force: true });
});

async function startReady(env: Record<string, string> = { [DATA_DIR_ENV]: dataDir }) {
  const started = startApp({ createService, env });
  fake.app.becomeReady();
  await started.ready;
  const win = fake.BrowserWindow.instances[0]!;
  return { started, win };
}

const order = (fn: { mock: { invocationCallOrder: number[] } }) =>
  fn.mock.invocationCallOrder[0] ?? Infinity;

describe('before ready', () => {
  it('enables the sandbox, registers app: and sets the data directory before taking the lock', () => {
    startApp({ createService, env: { [DATA_DIR_ENV]: dataDir } });
    expect(fake.app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', dataDir);
    // Electron keys the single-instance lock by userData, so the override must come first.
    expect(order(fake.app.setPath)).toBeLessThan(order(fake.app.requestSingleInstanceLock));
    expect(order(fake.app.enableSandbox)).toBeLessThan(order(fake.app.whenReady));
  });

  it('uses app.getPath("userData") unless the variable is set', () => {
    startApp({ createService, env: {} });
    expect(fake.app.setPath).not.toHaveBeenCalled();
    expect(dataDirOverride({ [DATA_DIR_ENV]: '  ' })).toBeNull();
    expect(dataDirOverride({ [DATA_DIR_ENV]: 'rel/dir' })).toBe(path.resolve('rel/dir'));
  });
});

describe('single instance', () => {
  it('quits a second launch at once, before any window or service', async () => {
    fake.app.lockGranted = false;
    const started = startApp({ createService, env: { [DATA_DIR_ENV]: dataDir } });
    expect(started.primary).toBe(false);
    expect(fake.app.quit).toHaveBeenCalled();
    fake.app.becomeReady();
    await started.ready;
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(fake.BrowserWindow.instances).toEqual([]);
    expect(created).toEqual([]);
  });

  it('focuses the first window when a second launch is attempted', async () => {
    const { win } = await startReady();
    win.minimized = true;
    win.visible = false;
    fake.app.emit('second-instance', fake.fakeEvent(), ['factcheck'], '/');
    expect(win.minimized).toBe(false);
    expect(win.visible).toBe(true);
    expect(win.focused).toBe(true);
  });
});

describe('on ready', () => {
  it('starts the service on the data directory, with the seeds and the PDF printer', async () => {
    await startReady();
    expect(existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(true);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      dataDir,
      seedsDir: path.join(appPath, 'seeds'),
      host: 'electron',
      version: '0.1.0-test',
    });
    expect(typeof (created[0]!.pdf as { print?: unknown })?.print).toBe('function');
    // The team server's credentials are sealed with the keychain, never kept in plain text.
    const secrets = created[0]!.secrets!;
    const sealed = secrets.seal('alice:pw-in-keychain');
    expect(sealed.toString('utf8')).not.toContain('pw-in-keychain');
    expect(secrets.open(sealed)).toBe('alice:pw-in-keychain');
  });

  it('hardens the default session and serves dist/renderer on app://workbench', async () => {
    await startReady();
    const ses = fake.session.defaultSession;
    const callback = vi.fn();
    ses.permissionRequestHandler!({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    const handler = ses.protocolHandlers.get('app')!;
    const response = await handler(new Request('app://workbench/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Workbench</title>');
    const seed = '2017-05-17-trump-shared-intelligence-with-russia.txt';
    for (const url of [
      `app://workbench/%2e%2e/%2e%2e/seeds/${seed}`,
      `app://workbench/../../seeds/${seed}`,
    ]) {
      expect((await handler(new Request(url))).status, url).toBeGreaterThanOrEqual(400);
    }
  });

  it('opens one window on the app entry with the preload, and guards every new web contents', async () => {
    const { win } = await startReady();
    expect(fake.BrowserWindow.instances).toHaveLength(1);
    expect(win.loaded).toEqual(['app://workbench/index.html']);
    expect((win.options.webPreferences as { preload: string }).preload).toBe(
      path.join(appPath, 'out', 'electron', 'preload', 'preload.cjs'),
    );
    const contents = new fake.FakeWebContents();
    fake.app.emit('web-contents-created', fake.fakeEvent(), contents);
    const nav = fake.fakeEvent({ url: 'https://example.com/' });
    contents.emit('will-navigate', nav, nav.url);
    expect(nav.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
  });

  it('answers the window over IPC and sends menu commands to it', async () => {
    const { win } = await startReady();
    const handler = fake.ipcMain.handlers.get(IPC_CHANNELS.call)!;
    const info = await handler(
      { sender: win.webContents, senderFrame: win.webContents.mainFrame },
      'app.info',
      {},
    );
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', dataDir } });
    const [[template]] = fake.Menu.buildFromTemplate.mock.calls as unknown as [
      [{ label?: string; submenu?: { id?: string; click?: () => void }[] }[]],
    ];
    const file = template.find((m) => m.label === '&File')!;
    file.submenu!.find((i) => i.id === 'session.new')!.click!();
    expect(win.webContents.sent).toContainEqual([
      IPC_CHANNELS.event,
      'menu',
      { command: 'session.new' },
    ]);
  });

  it('says why and quits when the service cannot start (the data directory is a file)', async () => {
    writeFileSync(dataDir, 'not a folder');
    const started = startApp({ createService, env: { [DATA_DIR_ENV]: dataDir } });
    fake.app.becomeReady();
    await started.ready;
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith(
      'Factcheck Workbench could not start',
      expect.any(String),
    );
    expect(fake.BrowserWindow.instances).toEqual([]);
    expect(fake.app.quit).toHaveBeenCalled();
  });

  it('refuses to start while browser mode holds the data directory, and says who holds it', async () => {
    const browserHost = await acquireDataDirLock(dataDir);
    try {
      const started = startApp({ createService, env: { [DATA_DIR_ENV]: dataDir } });
      fake.app.becomeReady();
      await started.ready;
      expect(fake.dialog.showErrorBox).toHaveBeenCalledWith(
        'Factcheck Workbench could not start',
        expect.stringContaining(String(process.pid)),
      );
      expect(created).toEqual([]);
      expect(fake.BrowserWindow.instances).toEqual([]);
    } finally {
      await browserHost.release();
    }
  });

  it('refuses to start without the built renderer, and says so', async () => {
    rmSync(path.join(appPath, 'dist'), { recursive: true });
    const started = startApp({ createService, env: { [DATA_DIR_ENV]: dataDir } });
    fake.app.becomeReady();
    await started.ready;
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith(
      'Factcheck Workbench',
      expect.stringMatching(/npm run build/),
    );
    expect(fake.BrowserWindow.instances).toEqual([]);
    expect(fake.app.quit).toHaveBeenCalled();
  });
});

describe('quitting', () => {
  it('tells the page, waits for its last save, flushes the service, then quits', async () => {
    const { win } = await startReady();
    const call = fake.ipcMain.handlers.get(IPC_CHANNELS.call)!;
    const trusted = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    const library = (await call(trusted, 'library.list', {})) as {
      value: { id: string; origin: string }[];
    };
    const seed = library.value.find((e) => e.origin === 'seed')!;
    const opened = (await call(trusted, 'sessions.create', {
      name: 'Before quit',
      articleIds: [seed.id],
    })) as {
      value: { session: { id: string; revision: number } };
    };
    const sessionId = opened.value.session.id;

    // The page answers before-quit with its pending edit, as the renderer does.
    const flushAll = vi.spyOn(services[0]!, 'flushAll');
    let pageSaved: Promise<unknown> | null = null;
    const send = win.webContents.send.bind(win.webContents);
    win.webContents.send = (channel: string, ...args: unknown[]) => {
      send(channel, ...args);
      if (args[0] === 'before-quit') {
        pageSaved = Promise.resolve(
          call(trusted, 'sessions.apply', {
            id: sessionId,
            baseRevision: opened.value.session.revision,
            ops: [{ op: 'session.rename', name: 'Renamed on quit' }],
          }),
        );
      }
    };

    const event = fake.fakeEvent();
    fake.app.emit('before-quit', event);
    expect(event.defaultPrevented).toBe(true);
    expect(win.webContents.sent.some((m) => m[1] === 'before-quit')).toBe(true);
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled(), { timeout: 10_000 });
    expect(await pageSaved).toMatchObject({ ok: true });
    expect(flushAll).toHaveBeenCalledTimes(1);

    // A fresh service on the same folder sees the edit the page sent while quitting.
    await services[0]!.close();
    const reopened = await createApiService({
      dataDir,
      seedsDir: path.join(appPath, 'seeds'),
      host: 'electron',
      version: 't',
    });
    services.push(reopened);
    const list = (await reopened.handle('sessions.list', {})) as {
      ok: true;
      value: { id: string; name: string }[];
    };
    expect(list.value.map((s) => [s.id, s.name])).toEqual([[sessionId, 'Renamed on quit']]);
    // The data directory's lock was released after the service closed.
    expect(existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });

  it('turns closing the window into the same quit sequence', async () => {
    const { win } = await startReady();
    const close = fake.fakeEvent();
    win.emit('close', close);
    expect(close.defaultPrevented).toBe(true);
    // quit → before-quit (prevented, flush) → quit again once flushed.
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledTimes(2), { timeout: 10_000 });
    const again = fake.fakeEvent();
    win.emit('close', again);
    expect(again.defaultPrevented).toBe(false);
  });
});

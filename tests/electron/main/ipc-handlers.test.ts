/**
 * The IPC adapter with the real API service on a temporary data directory;
 * only Electron (ipcMain, the window, its frames) is faked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../electron-fake'));

const fake = await import('../electron-fake');
const { isTrustedSender, registerIpcHandlers } =
  await import('../../../electron/main/ipc-handlers');
const { IPC_CHANNELS } = await import('../../../shared/api/bridge');
const { createApiService } = await import('../../../electron/service/api-service');

const root = path.resolve(import.meta.dirname, '../../..');
type Service = Awaited<ReturnType<typeof createApiService>>;
type Result = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

let dataDir: string;
let service: Service;
let win: InstanceType<typeof fake.BrowserWindow>;
let saved: unknown[];
let opened: unknown[];

beforeEach(async () => {
  fake.resetFakeElectron();
  dataDir = mkdtempSync(path.join(tmpdir(), 'fcw-ipc-'));
  service = await createApiService({
    dataDir,
    seedsDir: path.join(root, 'seeds'),
    host: 'electron',
    version: '0.1.0-test',
  });
  win = new fake.BrowserWindow();
  void win.loadURL('app://workbench/index.html');
  saved = [];
  opened = [];
  registerIpcHandlers({
    ipcMain: fake.ipcMain as never,
    getWindow: () => win as never,
    service,
    saveFile: async (file) => (saved.push(file), { ok: true, value: { cancelled: true } }),
    openLink: async (url) => (opened.push(url), { ok: true, value: { opened: false } }),
  });
});
afterEach(async () => {
  await service.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** An IPC event from `frame` of `contents` (the main window's own top frame by default). */
function eventFrom(
  frame: InstanceType<typeof fake.FakeFrame> | null = win.webContents.mainFrame,
  contents: unknown = win.webContents,
) {
  return { sender: contents, senderFrame: frame };
}
function invoke(channel: string, event: unknown, ...args: unknown[]): Promise<Result> {
  return fake.ipcMain.handlers.get(channel)!(event, ...args) as Promise<Result>;
}
const call = (method: string, request: unknown, event = eventFrom()) =>
  invoke(IPC_CHANNELS.call, event, method, request);

describe('the IPC handlers', () => {
  it('answer the app own top frame through the service', async () => {
    const info = await call('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', dataDir } });
    const library = (await call('library.list', {})) as { ok: true; value: { origin: string }[] };
    expect(library.value.some((e) => e.origin === 'seed')).toBe(true);
  });

  const untrusted: [string, () => unknown][] = [
    [
      'a subframe on the app origin',
      () =>
        eventFrom(new fake.FakeFrame('app://workbench/index.html', win.webContents.mainFrame, 1)),
    ],
    [
      'a top frame on another origin',
      () => {
        win.webContents.mainFrame.url = 'https://evil.example/';
        return eventFrom();
      },
    ],
    [
      'a top frame on file://',
      () => {
        win.webContents.mainFrame.url = 'file:///work/dist/renderer/index.html';
        return eventFrom();
      },
    ],
    [
      'another host on the app scheme',
      () => {
        win.webContents.mainFrame.url = 'app://report/x.html';
        return eventFrom();
      },
    ],
    [
      'another window',
      () => {
        const other = new fake.BrowserWindow();
        void other.loadURL('app://workbench/index.html');
        return eventFrom(other.webContents.mainFrame, other.webContents);
      },
    ],
    [
      'a foreign frame claiming the main contents',
      () => eventFrom(new fake.FakeFrame('app://workbench/index.html', null, 99, 99)),
    ],
    ['no frame (already gone)', () => eventFrom(null)],
    [
      'a destroyed window',
      () => {
        const event = eventFrom();
        win.destroy();
        return event;
      },
    ],
  ];

  it.each(untrusted)('refuse %s, and nothing reaches the service', async (_name, makeEvent) => {
    const library = (await call('library.list', {})) as { value: { id: string; origin: string }[] };
    const seed = library.value.find((e) => e.origin === 'seed')!;
    const event = makeEvent();
    const created = await call(
      'sessions.create',
      { name: 'Intruder', articleIds: [seed.id] },
      event as never,
    );
    expect(created).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await invoke(IPC_CHANNELS.saveFile, event, { fileName: 'a' })).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
    expect(await invoke(IPC_CHANNELS.openExternal, event, 'https://example.com/')).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
    expect(saved).toEqual([]);
    expect(opened).toEqual([]);
    if (!win.isDestroyed()) {
      win.webContents.mainFrame.url = 'app://workbench/index.html';
      expect(await call('sessions.list', {})).toEqual({ ok: true, value: [] });
    }
  });

  it('refuse every invalid request (the service validates it at the boundary, once)', async () => {
    const bad: [string, unknown][] = [
      ['no.such.method', {}],
      ['__proto__', {}],
      ['sessions.create', { articleIds: [] }],
      ['sessions.create', { articleIds: 'seed' }],
      ['sessions.rename', { id: 'x', name: '   ' }],
      ['sessions.apply', { id: 'x', baseRevision: -1, ops: [{ op: 'session.rename', name: 'n' }] }],
      ['library.importFile', { fileName: 'a.txt', base64: 42 }],
    ];
    for (const [method, request] of bad) {
      const result = await call(method, request);
      expect(result, method).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      expect(result.error!.message.length).toBeGreaterThan(10);
    }
    expect(await call('sessions.list', {})).toEqual({ ok: true, value: [] });
  });

  it('check the shape of the arguments themselves', async () => {
    expect(await invoke(IPC_CHANNELS.call, eventFrom(), 42, {})).toMatchObject({
      error: { code: 'invalid-request' },
    });
    expect(await invoke(IPC_CHANNELS.call, eventFrom(), 'app.info')).toMatchObject({
      error: { code: 'invalid-request' },
    });
    expect(await invoke(IPC_CHANNELS.call, eventFrom(), 'app.info', {}, 'extra')).toMatchObject({
      error: { code: 'invalid-request' },
    });
    expect(
      await invoke(IPC_CHANNELS.openExternal, eventFrom(), { href: 'https://x' }),
    ).toMatchObject({ error: { code: 'invalid-request' } });
    expect(await invoke(IPC_CHANNELS.saveFile, eventFrom())).toMatchObject({
      error: { code: 'invalid-request' },
    });
    expect(saved).toEqual([]);
    expect(opened).toEqual([]);
  });

  it('pass trusted file and link requests on (their own modules validate the content)', async () => {
    await invoke(IPC_CHANNELS.saveFile, eventFrom(), { fileName: 'r.md' });
    await invoke(IPC_CHANNELS.openExternal, eventFrom(), 'https://example.com/');
    expect(saved).toEqual([{ fileName: 'r.md' }]);
    expect(opened).toEqual(['https://example.com/']);
  });
});

describe('isTrustedSender', () => {
  it('is false without a window', () => {
    expect(isTrustedSender(eventFrom() as never, null)).toBe(false);
  });
});

import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../electron-fake'));

const fake = await import('../electron-fake');
const { IPC_CHANNELS } = await import('../../../shared/api/bridge');

type Bridge = {
  call(method: string, request: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  saveFile(file: unknown): Promise<unknown>;
  openExternal(url: string): Promise<unknown>;
};
let bridge: Bridge;

beforeAll(async () => {
  fake.resetFakeElectron();
  await import('../../../electron/preload/preload');
  expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  bridge = fake.contextBridge.exposeInMainWorld.mock.calls[0]![1] as Bridge;
});

describe('the preload', () => {
  it('exposes exactly one object, window.factcheck, with four named functions', () => {
    const [name, api] = fake.contextBridge.exposeInMainWorld.mock.calls[0]!;
    expect(name).toBe('factcheck');
    expect(Object.keys(api as object).sort()).toEqual(['call', 'on', 'openExternal', 'saveFile']);
    for (const value of Object.values(api as object)) expect(typeof value).toBe('function');
  });

  it('never exposes ipcRenderer, channel names or Node objects', () => {
    const api = bridge as unknown as Record<string, unknown>;
    for (const value of Object.values(api)) {
      expect(value).not.toBe(fake.ipcRenderer);
      expect(Object.keys(value as object)).toEqual([]);
    }
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|require|process|send|invoke/i);
  });

  it('forwards call, saveFile and openExternal to their channels', async () => {
    fake.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: 'r' });
    await expect(bridge.call('sessions.list', {})).resolves.toEqual({ ok: true, value: 'r' });
    await bridge.saveFile({ fileName: 'a.md' });
    await bridge.openExternal('https://example.com/');
    expect(fake.ipcRenderer.invoke.mock.calls).toEqual([
      [IPC_CHANNELS.call, 'sessions.list', {}],
      [IPC_CHANNELS.saveFile, { fileName: 'a.md' }],
      [IPC_CHANNELS.openExternal, 'https://example.com/'],
    ]);
  });

  it('hands listeners the payload only, never the IPC event, and unsubscribes', () => {
    const menu: unknown[][] = [];
    const quit: unknown[][] = [];
    const off = bridge.on('menu', (...args) => menu.push(args));
    bridge.on('before-quit', (...args) => quit.push(args));
    const ipcEvent = { sender: fake.ipcRenderer, ports: [] };
    fake.ipcRenderer.emit(IPC_CHANNELS.event, ipcEvent, 'menu', { command: 'session.new' });
    fake.ipcRenderer.emit(IPC_CHANNELS.event, ipcEvent, 'before-quit', {});
    expect(menu).toEqual([[{ command: 'session.new' }]]);
    expect(quit).toEqual([[{}]]);
    off();
    fake.ipcRenderer.emit(IPC_CHANNELS.event, ipcEvent, 'menu', { command: 'edit.undo' });
    expect(menu).toHaveLength(1);
  });

  it('refuses unknown events and non-function listeners', () => {
    expect(() => bridge.on('ipc-message', () => {})).toThrow(/Unknown event/);
    expect(() => bridge.on('menu', 'x' as never)).toThrow(/function/);
  });
});

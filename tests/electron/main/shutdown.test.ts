import { describe, expect, it } from 'vitest';
import { createShutdown } from '../../../electron/main/shutdown';

// The service here is a recorder of the two calls the quit sequence makes; the
// real service's flush is covered through the lifecycle test.
function recorder(flush: () => Promise<void> = async () => {}) {
  const log: string[] = [];
  const service = {
    flushAll: async () => {
      log.push('flushAll');
      await flush();
    },
    close: async () => {
      log.push('close');
    },
  };
  return { log, service };
}

describe('createShutdown', () => {
  it('tells the page, waits for its last calls, then flushes and closes the service', async () => {
    const { log, service } = recorder();
    let releaseIpc!: () => void;
    const shutdown = createShutdown({
      notifyPage: () => (log.push('before-quit'), true),
      whenIpcIdle: () =>
        new Promise<void>((resolve) => (releaseIpc = () => (log.push('ipc idle'), resolve()))),
      getService: () => service,
      settleMs: 1,
    });
    const done = shutdown.run();
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toEqual(['before-quit']);
    expect(shutdown.done).toBe(false);
    releaseIpc();
    await done;
    expect(log).toEqual(['before-quit', 'ipc idle', 'flushAll', 'close']);
    expect(shutdown.done).toBe(true);
  });

  it('runs once however often quitting is requested', async () => {
    const { log, service } = recorder();
    const shutdown = createShutdown({
      notifyPage: () => false,
      whenIpcIdle: async () => {},
      getService: () => service,
    });
    await Promise.all([shutdown.run(), shutdown.run(), shutdown.run()]);
    expect(log).toEqual(['flushAll', 'close']);
  });

  it('gives up after the timeout and says why, so the app can still quit', async () => {
    const { log, service } = recorder(() => new Promise<void>(() => {}));
    const messages: string[] = [];
    const shutdown = createShutdown({
      notifyPage: () => false,
      whenIpcIdle: async () => {},
      getService: () => service,
      timeoutMs: 30,
      log: (m) => messages.push(m),
    });
    await shutdown.run();
    expect(shutdown.done).toBe(true);
    expect(log).toEqual(['flushAll']);
    expect(messages[0]).toMatch(/recovery journal/);
  });

  it('reports a failing flush and still finishes', async () => {
    const { service } = recorder(async () => {
      throw new Error('disk full');
    });
    const messages: string[] = [];
    const shutdown = createShutdown({
      notifyPage: () => false,
      whenIpcIdle: async () => {},
      getService: () => service,
      log: (m) => messages.push(m),
    });
    await shutdown.run();
    expect(shutdown.done).toBe(true);
    expect(messages).toEqual(['Flushing before quit failed: disk full']);
  });
});

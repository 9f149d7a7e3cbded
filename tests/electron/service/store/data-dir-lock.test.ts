// Issue 14, also: the data-directory lock checks more than the pid. A pid reused by another
// process after the owner died must not block start-up. Before the fix any live process with
// the lock's pid (here: a `sleep` started after the lock was written) blocked it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LOCK_FILE_NAME,
  LockedError,
  acquireDataDirLock,
  linuxProcInfo,
} from '../../../../electron/service/store/data-dir-lock';

const proc = linuxProcInfo();
const dirs: string[] = [];
let other: ChildProcess;
beforeAll(async () => {
  other = spawn('sleep', ['60'], { stdio: 'ignore' });
  await new Promise((r) => other.once('spawn', r));
});
afterAll(() => {
  other.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function dataDirWithLock(owner: object): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'fcw-lock-'));
  dirs.push(d);
  writeFileSync(path.join(d, LOCK_FILE_NAME), `${JSON.stringify(owner)}\n`);
  return d;
}

describe('the data-directory lock', () => {
  it('takes over a lock whose pid now belongs to a process started after the lock was written', async (ctx) => {
    if (!proc) {
      console.warn('Skipping: this system has no /proc to read process start times from.');
      ctx.skip();
    }
    const d = dataDirWithLock({
      pid: other.pid,
      host: os.hostname(),
      startedAt: new Date(Date.now() - 3600_000).toISOString(),
    });
    const lock = await acquireDataDirLock(d);
    expect(JSON.parse(readFileSync(path.join(d, LOCK_FILE_NAME), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('takes over a lock whose recorded start time differs from the live process with its pid', async (ctx) => {
    if (!proc) return ctx.skip();
    const d = dataDirWithLock({
      pid: other.pid,
      host: os.hostname(),
      startedAt: new Date().toISOString(),
      bootId: proc.bootId,
      procStart: proc.startTicks(other.pid!)! - 1,
    });
    const lock = await acquireDataDirLock(d);
    await lock.release();
  });

  it('refuses while the process that wrote the lock runs, and names it', async (ctx) => {
    if (!proc) return ctx.skip();
    const d = dataDirWithLock({
      pid: other.pid,
      host: os.hostname(),
      startedAt: new Date().toISOString(),
      bootId: proc.bootId,
      procStart: proc.startTicks(other.pid!)!,
    });
    const err = await acquireDataDirLock(d).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LockedError);
    expect((err as Error).message).toContain(`process ${other.pid} on ${os.hostname()}`);
  });

  it('records its own boot and start time, and a second taker is refused', async (ctx) => {
    if (!proc) return ctx.skip();
    const d = mkdtempSync(path.join(os.tmpdir(), 'fcw-lock-'));
    dirs.push(d);
    const lock = await acquireDataDirLock(d);
    const owner = JSON.parse(readFileSync(path.join(d, LOCK_FILE_NAME), 'utf8'));
    expect(owner).toMatchObject({
      pid: process.pid,
      bootId: proc.bootId,
      procStart: proc.startTicks(process.pid),
    });
    await expect(acquireDataDirLock(d)).rejects.toBeInstanceOf(LockedError);
    await lock.release();
  });
});

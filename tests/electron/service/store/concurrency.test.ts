import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import {
  acquireDataDirLock,
  LockedError,
  LOCK_FILE_NAME,
  openSessionStore,
  type SessionStore,
} from '../../../../electron/service/store';
import { makeAnnotation, makeSession } from '../../../helpers/session-fixtures';
import type { Session } from '../../../../shared/model/session';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'fcw-conc-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fileSession = (id: string) =>
  JSON.parse(readFileSync(path.join(dir, 'sessions', `${id}.json`), 'utf8')) as Session;

describe('queued saves', () => {
  let store: SessionStore;
  beforeEach(async () => {
    store = await openSessionStore({ dataDir: dir, compactAfterMs: 1, compactAfterBatches: 1 });
  });
  afterEach(() => store.close());

  it('two concurrent applies to one session are queued and both reflected, in memory and on disk', async () => {
    const s = makeSession();
    expect((await store.create(s)).ok).toBe(true);
    const article = s.articles[0]!;
    const a = makeAnnotation(article, 0, 20, { id: 'first' });
    const b = makeAnnotation(article, 30, 60, { id: 'second' });
    const [ra, rb] = await Promise.all([
      store.apply(s.id, 0, [{ op: 'annotation.put', annotation: a }]),
      store.apply(s.id, 1, [{ op: 'annotation.put', annotation: b }]),
    ]);
    expect(ra).toEqual({ ok: true, value: { revision: 1 } });
    expect(rb).toEqual({ ok: true, value: { revision: 2 } });
    await store.flush(s.id);
    const onDisk = fileSession(s.id);
    expect(onDisk.revision).toBe(2);
    expect(onDisk.annotations.map((x) => x.id)).toEqual(['first', 'second']);
  });

  it('many concurrent applies interleaved with compactions lose nothing', async () => {
    const s = makeSession();
    expect((await store.create(s)).ok).toBe(true);
    const article = s.articles[0]!;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        store.apply(s.id, i, [
          { op: 'annotation.put', annotation: makeAnnotation(article, i, i + 10, { id: `a${i}` }) },
        ]),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    await store.flush();
    expect(fileSession(s.id).annotations).toHaveLength(30);
    expect(readFileSync(path.join(dir, 'sessions', `${s.id}.journal`), 'utf8')).toBe('');
  });

  it('two concurrent whole-session saves are queued: the last one wins and the first is the backup', async () => {
    const s = makeSession({ name: 'Base' });
    expect((await store.create(s)).ok).toBe(true);
    const one = { ...makeSession({ name: 'One', annotations: 2 }), id: s.id };
    const two = { ...makeSession({ name: 'Two', annotations: 3 }), id: s.id };
    const [r1, r2] = await Promise.all([store.replace(one), store.replace(two)]);
    expect(r1.ok && r2.ok).toBe(true);
    expect(fileSession(s.id).name).toBe('Two');
    const bak = JSON.parse(
      readFileSync(path.join(dir, 'sessions', `${s.id}.json.bak`), 'utf8'),
    ) as Session;
    expect(bak.name).toBe('One');
  });
});

describe('data-directory lock', () => {
  it('refuses a second acquisition with a message naming the holder and what to do', async () => {
    const first = await acquireDataDirLock(dir);
    const second = acquireDataDirLock(dir);
    await expect(second).rejects.toBeInstanceOf(LockedError);
    const err = (await second.catch((e: unknown) => e)) as LockedError;
    expect(err.message).toContain(`process ${process.pid} on ${os.hostname()}`);
    expect(err.message).toMatch(/different --data-dir/);
    expect(err.message).toContain(path.join(dir, LOCK_FILE_NAME));
    await first.release();
    const third = await acquireDataDirLock(dir);
    await third.release();
    expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  });

  it('takes over a stale lock left by a process that is gone', async () => {
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = await new Promise<number>((resolve) =>
      child.once('exit', () => resolve(child.pid!)),
    );
    writeFileSync(
      path.join(dir, LOCK_FILE_NAME),
      JSON.stringify({ pid: deadPid, host: os.hostname(), startedAt: '2020-01-01T00:00:00.000Z' }),
    );
    const lock = await acquireDataDirLock(dir);
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('refuses a lock held on another host, since it cannot be checked', async () => {
    writeFileSync(
      path.join(dir, LOCK_FILE_NAME),
      JSON.stringify({ pid: 1, host: 'some-other-host', startedAt: '2020-01-01T00:00:00.000Z' }),
    );
    await expect(acquireDataDirLock(dir)).rejects.toThrow(/process 1 on some-other-host/);
  });

  it('of two racing acquisitions exactly one wins', async () => {
    const results = await Promise.allSettled([acquireDataDirLock(dir), acquireDataDirLock(dir)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    for (const r of results) if (r.status === 'fulfilled') await r.value.release();
  });
});

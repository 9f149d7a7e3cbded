/**
 * One writer per data directory: a lock file, `<dataDir>/factcheck.lock`, holding the
 * owner's pid, host name and start time. Browser mode and the desktop app both take it (they
 * share the default folder); the desktop app additionally takes
 * `app.requestSingleInstanceLock()` so a second launch focuses the first window.
 *
 * The file is created with O_EXCL, so of two hosts starting at once exactly one wins. A lock
 * left by a process that died (same host, pid no longer alive) is taken over: it is renamed
 * aside to a unique name and the takeover is kept only if the renamed file is the stale lock we
 * read, so two hosts racing for one stale lock cannot both win. A lock from another host cannot
 * be checked and is always refused; the message says how to proceed. Written by hand because
 * the lock libraries at hand (proper-lockfile) judge staleness by mtime, not by pid, and cannot
 * say who holds the lock.
 */
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export const LOCK_FILE_NAME = 'factcheck.lock';

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

/** Another live process holds the data directory. `message` says who and what to do. */
export class LockedError extends Error {
  readonly code = 'locked';
  constructor(
    message: string,
    readonly owner: LockOwner | null,
  ) {
    super(message);
    this.name = 'LockedError';
  }
}

export interface DataDirLock {
  /** Remove the lock file if it is still ours. Safe to call twice. */
  release(): Promise<void>;
}

/**
 * Take the data directory for this process. Resolves with a handle to release it; rejects with
 * {@link LockedError} when another live process (or a process on another host) holds it, or
 * with the I/O error when the directory cannot be written.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  await fsp.mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE_NAME);
  const me: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
  };
  const body = `${JSON.stringify(me)}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await fsp.writeFile(file, body, { flag: 'wx', mode: 0o644 });
      return makeHandle(file, body);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const text = await fsp.readFile(file, 'utf8').catch(() => null);
    if (text === null) continue; // released meanwhile: try again
    const owner = parseOwner(text);
    if (owner && (owner.host !== me.host || isAlive(owner.pid)))
      throw lockedBy(owner, dataDir, file);
    // Stale (dead pid on this host) or unreadable junk: move it aside, keep the move only if it was that file.
    const aside = `${file}.stale-${randomBytes(4).toString('hex')}`;
    try {
      await fsp.rename(file, aside);
    } catch {
      continue;
    }
    const moved = await fsp.readFile(aside, 'utf8').catch(() => null);
    if (moved !== text) {
      // Someone else took it over between our read and our rename: give theirs back.
      await fsp.rename(aside, file).catch(() => undefined);
      continue;
    }
    await fsp.unlink(aside).catch(() => undefined);
  }
  const text = await fsp.readFile(file, 'utf8').catch(() => '');
  throw lockedBy(parseOwner(text), dataDir, file);
}

function makeHandle(file: string, body: string): DataDirLock {
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      const text = await fsp.readFile(file, 'utf8').catch(() => null);
      if (text === body) await fsp.unlink(file).catch(() => undefined);
    },
  };
}

function parseOwner(text: string): LockOwner | null {
  try {
    const v = JSON.parse(text) as Partial<LockOwner>;
    if (Number.isInteger(v.pid) && typeof v.host === 'string')
      return { pid: v.pid!, host: v.host, startedAt: String(v.startedAt ?? '') };
  } catch {
    // junk: treated as stale
  }
  return null;
}

/** Whether a process with this pid exists (EPERM means it exists but is not ours). */
function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockedBy(owner: LockOwner | null, dataDir: string, file: string): LockedError {
  const who = owner
    ? `process ${owner.pid} on ${owner.host}${owner.startedAt ? `, started ${owner.startedAt}` : ''}`
    : 'another process';
  return new LockedError(
    `The data directory ${dataDir} is already in use by another Factcheck Workbench (${who}). ` +
      'Close that one first, or start this one with a different --data-dir. ' +
      `If you are sure no other copy is running, delete ${file} and try again.`,
    owner,
  );
}

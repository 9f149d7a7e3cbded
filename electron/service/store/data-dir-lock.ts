/**
 * One writer per data directory: a lock file, `<dataDir>/factcheck.lock`, holding the
 * owner's pid, host name and start time. Browser mode and the desktop app both take it (they
 * share the default folder); the desktop app additionally takes
 * `app.requestSingleInstanceLock()` so a second launch focuses the first window.
 *
 * The file is created with O_EXCL, so of two hosts starting at once exactly one wins. A lock
 * left by a process that died is taken over. A pid alone does not say that: after a crash or a
 * reboot the pid may belong to another process by now. Where the system shows it (Linux'
 * /proc), the lock also records the boot and the process's start time (`/proc/<pid>/stat`,
 * field 22), and a lock counts as held only while a process with that pid *and* that start
 * time runs; for a lock written without them, a process that started after the lock was
 * written cannot be its owner. A stale lock (same host, owner gone) is renamed
 * aside to a unique name and the takeover is kept only if the renamed file is the stale lock we
 * read, so two hosts racing for one stale lock cannot both win. A lock from another host cannot
 * be checked and is always refused; the message says how to proceed. Written by hand because
 * the lock libraries at hand (proper-lockfile) judge staleness by mtime, not by pid, and cannot
 * say who holds the lock.
 */
import { promises as fsp, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { isProcessAlive } from './process-alive';

export const LOCK_FILE_NAME = 'factcheck.lock';

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  /** Linux: the boot the owner ran in (`/proc/sys/kernel/random/boot_id`). */
  bootId?: string;
  /** Linux: the owner's start time in clock ticks since boot (`/proc/<pid>/stat` field 22). */
  procStart?: number;
}

/** What the system says about a running process; null where /proc is not available. */
export interface ProcInfo {
  bootId: string;
  /** Start time in clock ticks since boot, or null when no process has this pid. */
  startTicks(pid: number): number | null;
  /** Boot time, ms since the epoch. */
  bootTimeMs: number;
  ticksPerSecond: number;
}

/** /proc on Linux; null elsewhere (the check falls back to the pid). */
export function linuxProcInfo(): ProcInfo | null {
  try {
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const btime = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    if (!bootId || !btime) return null;
    return {
      bootId,
      bootTimeMs: Number(btime[1]) * 1000,
      ticksPerSecond: 100, // USER_HZ: 100 on every Linux architecture Node runs on
      startTicks(pid) {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          // The command name (field 2) may hold spaces and parentheses: count after the last ')'.
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          const v = Number(fields[19]); // field 22 overall
          return Number.isFinite(v) ? v : null;
        } catch {
          return null;
        }
      },
    };
  } catch {
    return null;
  }
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
 * with the I/O error when the directory cannot be written. `proc` is how running processes are
 * looked up (Linux' /proc by default; tests pass their own).
 */
export async function acquireDataDirLock(
  dataDir: string,
  proc: ProcInfo | null = linuxProcInfo(),
): Promise<DataDirLock> {
  await fsp.mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE_NAME);
  const myStart = proc?.startTicks(process.pid) ?? null;
  const me: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    ...(proc && myStart !== null ? { bootId: proc.bootId, procStart: myStart } : {}),
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
    if (owner && (owner.host !== me.host || ownerRuns(owner, proc)))
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
  const owner = parseOwner(text);
  // Never name a process that is gone as the holder.
  const live = owner && (owner.host !== me.host || ownerRuns(owner, proc)) ? owner : null;
  throw lockedBy(live, dataDir, file);
}

/**
 * Whether the lock's owner still runs on this host: its pid is alive and, where /proc shows
 * it, the process with that pid is the one that wrote the lock (same boot, same start time).
 */
export function ownerRuns(owner: LockOwner, proc: ProcInfo | null): boolean {
  if (!isProcessAlive(owner.pid)) return false;
  if (!proc) return true;
  const ticks = proc.startTicks(owner.pid);
  if (ticks === null) return true; // alive but hidden from us (e.g. /proc mounted with hidepid): assume it holds the lock
  if (owner.bootId !== undefined && owner.procStart !== undefined)
    return owner.bootId === proc.bootId && owner.procStart === ticks;
  // A lock from before start times were recorded: its owner started before it wrote the lock.
  const written = Date.parse(owner.startedAt);
  if (!Number.isFinite(written)) return true;
  const startedMs = proc.bootTimeMs + (ticks / proc.ticksPerSecond) * 1000;
  return startedMs <= written + 2000;
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
      return {
        pid: v.pid!,
        host: v.host,
        startedAt: String(v.startedAt ?? ''),
        ...(typeof v.bootId === 'string' && Number.isInteger(v.procStart)
          ? { bootId: v.bootId, procStart: v.procStart }
          : {}),
      };
  } catch {
    // junk: treated as stale
  }
  return null;
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

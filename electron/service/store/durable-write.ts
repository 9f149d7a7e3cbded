/**
 * Durable, atomic replacement of one file, keeping the previous version as `<file>.bak`.
 *
 * Sequence (each step must succeed before the next; on failure the target is untouched):
 * 1. write the data to a unique temp file in the target's directory (same filesystem, so the
 *    rename below is atomic), created 0600 because review notes are private;
 * 2. `fdatasync` the temp file, so its bytes are on disk before any name points to them;
 * 3. hard-link the current target to a temp name and rename that over `<file>.bak` (a copy is
 *    the fallback where links are not supported, e.g. FAT/exFAT) — no data is copied in the
 *    usual case, and the `.bak` is always a complete earlier version;
 * 4. rename the temp file over the target, retrying with a bounded backoff on EPERM, EBUSY and
 *    EACCES (Windows virus scanners and indexers hold files open for a moment);
 * 5. fsync the directory, so the renames themselves survive a power cut (skipped on Windows,
 *    where a directory cannot be opened for syncing).
 *
 * Why our own code rather than `write-file-atomic` (npm/write-file-atomic, lib/index.js, read
 * before writing this): it already does steps 1, 2 and 4 without the retry — temp file
 * `<file>.<hash>` beside the target, `fsync` by default (`fsync: false` turns it off),
 * `chown`/`chmod` copied from the old file, `rename`, temp removed on failure and on exit
 * through `signal-exit`, and it serialises concurrent writes to one path inside one process.
 * It does not fsync the directory (the rename may be lost in a crash), keeps no backup, and its
 * rename retry comes only from graceful-fs on Windows, which retries EACCES/EPERM/EBUSY for up
 * to 60 s and only while the target does not exist — so replacing an existing file that a
 * scanner holds is not retried at all. It also writes with a single `fs.write` call, which does
 * not loop on a short write. Adding it would bring three dependencies (graceful-fs,
 * signal-exit, imurmurhash) and still leave steps 3–5 to us, so this module does the whole
 * sequence itself in ~150 lines, with the filesystem calls injectable for fault tests.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** The filesystem calls the writer makes; tests replace some to inject faults. */
export interface WriteFs {
  open(file: string, flags: string, mode?: number): Promise<FileHandle>;
  writeAll(handle: FileHandle, data: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  /** fsync a directory (see {@link syncDirectory}). */
  syncDir(dir: string): Promise<void>;
}

export const nodeWriteFs: WriteFs = {
  open: (file, flags, mode) => fsp.open(file, flags, mode),
  writeAll: (handle, data) => handle.writeFile(data),
  rename: (from, to) => fsp.rename(from, to),
  link: (existing, newPath) => fsp.link(existing, newPath),
  copyFile: (from, to) => fsp.copyFile(from, to),
  unlink: (file) => fsp.unlink(file),
  syncDir: (dir) => syncDirectory(dir),
};

export interface DurableWriteOptions {
  /** Keep the replaced file as `<file>.bak` (default true). */
  backup?: boolean;
  /** Replacement filesystem calls (faults in tests). */
  fs?: Partial<WriteFs>;
  /** Total time the rename may spend retrying transient errors (default 2 s on Windows, 1 s elsewhere). */
  renameRetryMs?: number;
  platform?: NodeJS.Platform;
}

/** Errors a rename may show while another program briefly holds the file. */
const TRANSIENT_RENAME_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);
/** First retry delay; each next one doubles, capped at {@link MAX_RETRY_DELAY_MS}. */
const FIRST_RETRY_DELAY_MS = 5;
const MAX_RETRY_DELAY_MS = 250;

let counter = 0;

/** A temp name beside `file` that no other writer (process or call) can pick. */
export function tempNameFor(file: string): string {
  const base = path.basename(file);
  const unique = `${process.pid}-${++counter}-${randomBytes(4).toString('hex')}`;
  return path.join(path.dirname(file), `.${base}.${unique}.tmp`);
}

/** Matches temp names made by {@link tempNameFor}; group 1 is the writer's pid. */
export const TEMP_NAME_RE = /^\..+\.(\d+)-\d+-[0-9a-f]{8}\.tmp$/;

/**
 * Replace `file` with `data` durably and atomically (see the module comment). Resolves once the
 * new content and its name are on disk. Rejects with the underlying `NodeJS.ErrnoException`
 * (ENOSPC, EACCES, EROFS, …) after removing its temp file; the target and its `.bak` are then
 * exactly as before, or the `.bak` already holds the target's current content.
 */
export async function writeFileDurable(
  file: string,
  data: string | Uint8Array,
  options: DurableWriteOptions = {},
): Promise<void> {
  const fs: WriteFs = { ...nodeWriteFs, ...options.fs };
  const platform = options.platform ?? process.platform;
  const temp = tempNameFor(file);
  let renamed = false;
  try {
    const handle = await fs.open(temp, 'wx', 0o600);
    try {
      await fs.writeAll(handle, data);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    if (options.backup !== false) await keepBackup(fs, file);
    await renameWithRetry(
      fs,
      temp,
      file,
      options.renameRetryMs ?? (platform === 'win32' ? 2000 : 1000),
    );
    renamed = true;
    if (platform !== 'win32') await fs.syncDir(path.dirname(file));
  } finally {
    if (!renamed) await fs.unlink(temp).catch(() => undefined);
  }
}

/** Make `<file>.bak` the current content of `file` (no-op when `file` does not exist yet). */
async function keepBackup(fs: WriteFs, file: string): Promise<void> {
  const bak = `${file}.bak`;
  const temp = tempNameFor(bak);
  try {
    try {
      await fs.link(file, temp);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return; // first save: nothing to keep
      // Links unsupported here (FAT, some network shares): copy and sync instead.
      await fs.copyFile(file, temp);
      const h = await fs.open(temp, 'r+');
      await h.datasync().finally(() => h.close());
    }
    await fs.rename(temp, bak);
  } catch (e) {
    await fs.unlink(temp).catch(() => undefined);
    throw e;
  }
}

/** Rename, retrying transient EPERM/EBUSY/EACCES with a doubling delay up to `budgetMs` in total. */
export async function renameWithRetry(
  fs: Pick<WriteFs, 'rename'>,
  from: string,
  to: string,
  budgetMs: number,
): Promise<void> {
  let delay = FIRST_RETRY_DELAY_MS;
  let waited = 0;
  for (;;) {
    try {
      await fs.rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (!TRANSIENT_RENAME_CODES.has(code) || waited + delay > budgetMs) throw e;
      await new Promise((r) => setTimeout(r, delay));
      waited += delay;
      delay = Math.min(delay * 2, MAX_RETRY_DELAY_MS);
    }
  }
}

/**
 * fsync a directory so that renames and links in it are durable. Not possible on Windows, and
 * some filesystems refuse it (EINVAL, ENOTSUP); those cases are skipped, other errors thrown.
 */
export async function syncDirectory(
  dir: string,
  platform: NodeJS.Platform = process.platform,
): Promise<void> {
  if (platform === 'win32') return;
  let handle: FileHandle | null = null;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EISDIR' && code !== 'EPERM') throw e;
  } finally {
    await handle?.close();
  }
}

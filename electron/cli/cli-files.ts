/**
 * File handling for the `factcheck` CLI: reading inputs with clear refusals,
 * and writing outputs atomically (a temporary file in the same folder,
 * flushed to disk, then renamed over the target), so a failing command leaves
 * nothing half-written. Existing files are never replaced without `--force`.
 *
 * Special files are refused in words: inputs must be regular files (a FIFO
 * would hang a read, `/dev/zero` never ends) and are read with a size cap;
 * outputs go only to new paths or regular files, never over a folder, FIFO
 * or device (even with `--force`: renaming over `/dev/full` would replace the
 * device), and never through a symbolic link unless `--follow-symlinks` asks.
 */
import {
  closeSync,
  constants as fsConstants,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { formatSizeAndLimit } from '../../shared/model/limits';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

import { CliError } from './cli-error';

export { CliError };

/** A system error in words: "permission denied", "no such folder", … */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file or folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'EISDIR':
      return 'it is a folder';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EEXIST':
      return 'it already exists';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

/** What a non-regular file is, in words ("a FIFO (named pipe)", "a device"). */
export function describeFileType(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/**
 * Read a whole input file. Only regular files are read (following a symbolic
 * link to one is fine): a folder, FIFO, device or socket is refused before a
 * single byte is read, and a file over `maxBytes` is refused without reading
 * past the limit, even if it grows while being read. The file is opened
 * non-blocking, so opening a FIFO cannot hang.
 */
export function readInput(path: string, what: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (err) {
    throw new CliError(`Cannot read the ${what} ${path}: ${describeFsError(err)}.`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile())
      throw new CliError(
        `Cannot read the ${what} ${path}: it is ${describeFileType(st)}, not a regular file.`,
      );
    if (st.size > maxBytes) throw tooLarge(path, what, st.size, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) throw tooLarge(path, what, total, maxBytes, true);
    }
    return Buffer.concat(chunks, total);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`Cannot read the ${what} ${path}: ${describeFsError(err)}.`);
  } finally {
    closeSync(fd);
  }
}

function tooLarge(path: string, what: string, size: number, max: number, more = false): CliError {
  const [is, limit] = formatSizeAndLimit(size, max);
  return new CliError(
    `The ${what} ${path} is ${more ? 'more than ' : ''}${is}; the limit is ${limit}.`,
  );
}

/**
 * Decode text strictly: UTF-8 (a byte-order mark is dropped), or UTF-16 when
 * the file starts with a UTF-16 byte-order mark. Invalid bytes are a refusal,
 * not replacement characters.
 */
export function decodeUtf8(bytes: Uint8Array, path: string, what: string): string {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : null;
  try {
    return new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`The ${what} ${path} is not ${utf16 ? 'valid UTF-16' : 'UTF-8'} text.`);
  }
}

/**
 * Where an output may be written, or a refusal. A new path or an existing
 * regular file (the latter only with `force`); never a folder, FIFO, device
 * or socket, even with `force`. A symbolic link is refused unless
 * `followSymlinks` is given, and then only when it points at an existing
 * regular file (which is written instead); a dangling link is never followed.
 */
export function checkOutputPath(path: string, force: boolean, followSymlinks = false): string {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return path;
    throw new CliError(`Cannot write ${path}: ${describeFsError(err)}.`);
  }
  if (st.isSymbolicLink()) {
    if (!followSymlinks)
      throw new CliError(
        `Will not write ${path}: it is a symbolic link. Give the real path, or add --follow-symlinks to write to the file it points to.`,
      );
    let target: string;
    try {
      target = realpathSync(path);
    } catch {
      throw new CliError(
        `Will not write ${path}: it is a symbolic link that points to nothing (a dangling link is never followed).`,
      );
    }
    return checkOutputPath(target, force, false);
  }
  if (!st.isFile())
    throw new CliError(
      `Will not write ${path}: it is ${describeFileType(st)}; only regular files are ever replaced, even with --force.`,
    );
  if (!force) throw new CliError(`${path} already exists; add --force to replace.`);
  return path;
}

function lexists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function isRegular(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

/** One file to write. */
export interface OutputFile {
  path: string;
  data: Uint8Array | string;
}

/**
 * Write files atomically. Refuses before writing anything when a target
 * exists and `force` is false. Each file goes to a unique temporary file in
 * its own folder, is flushed, then renamed over its target; on any failure
 * the temporary files are removed and the error names the file and why.
 */
export function writeOutputs(files: OutputFile[], force: boolean, followSymlinks = false): void {
  if (!force) {
    const taken = files.filter((f) => lexists(f.path) && isRegular(f.path)).map((f) => f.path);
    if (taken.length)
      throw new CliError(
        `${taken.join(' and ')} already exist${taken.length === 1 ? 's' : ''}; add --force to replace.`,
      );
  }
  const targets = files.map((f) => ({
    ...f,
    path: checkOutputPath(f.path, force, followSymlinks),
  }));
  const temps: { tmp: string; path: string }[] = [];
  try {
    for (const f of targets) {
      const tmp = join(
        dirname(f.path),
        `.${basename(f.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
      );
      let fd: number;
      try {
        fd = openSync(tmp, 'wx', 0o644);
      } catch (err) {
        throw new CliError(`Cannot write ${f.path}: ${describeFsError(err)}.`);
      }
      temps.push({ tmp, path: f.path });
      try {
        const data = typeof f.data === 'string' ? Buffer.from(f.data, 'utf8') : f.data;
        for (let off = 0; off < data.length;) off += writeSync(fd, data, off, data.length - off);
        fsyncSync(fd);
      } catch (err) {
        throw new CliError(`Cannot write ${f.path}: ${describeFsError(err)}.`);
      } finally {
        closeSync(fd);
      }
    }
    const pending = temps.splice(0);
    for (let i = 0; i < pending.length; i++) {
      const t = pending[i]!;
      try {
        checkOutputPath(t.path, force); // still a regular file or a new path
        renameSync(t.tmp, t.path);
      } catch (err) {
        temps.push(...pending.slice(i));
        if (err instanceof CliError) throw err;
        throw new CliError(`Cannot write ${t.path}: ${describeFsError(err)}.`);
      }
    }
  } finally {
    for (const t of temps) {
      try {
        unlinkSync(t.tmp);
      } catch {
        // already gone
      }
    }
  }
}

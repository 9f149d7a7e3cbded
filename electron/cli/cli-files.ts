/**
 * File handling for the `factcheck` CLI: reading inputs with clear refusals,
 * and writing outputs atomically (a temporary file in the same folder,
 * flushed to disk, then renamed over the target), so a failing command leaves
 * nothing half-written. Existing files are never replaced without `--force`.
 */
import {
  closeSync,
  fsyncSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  readFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** A refusal with a one-line reason; `usage` errors exit 2, the others 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

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

/** Read a whole file, refusing folders, missing files and files over `maxBytes`. */
export function readInput(path: string, what: string, maxBytes: number): Buffer {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new CliError(`Cannot read the ${what} ${path}: it is a folder.`);
    size = st.size;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`Cannot read the ${what} ${path}: ${describeFsError(err)}.`);
  }
  if (size > maxBytes) {
    throw new CliError(
      `The ${what} ${path} is ${Math.round(size / 1048576)} MB; the limit is ${Math.round(maxBytes / 1048576)} MB.`,
    );
  }
  try {
    return readFileSync(path);
  } catch (err) {
    throw new CliError(`Cannot read the ${what} ${path}: ${describeFsError(err)}.`);
  }
}

/** Decode UTF-8 strictly; invalid bytes are a refusal, not replacement characters. */
export function decodeUtf8(bytes: Uint8Array, path: string, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`The ${what} ${path} is not UTF-8 text.`);
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
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
export function writeOutputs(files: OutputFile[], force: boolean): void {
  if (!force) {
    const taken = files.filter((f) => exists(f.path)).map((f) => f.path);
    if (taken.length)
      throw new CliError(
        `${taken.join(' and ')} already exist${taken.length === 1 ? 's' : ''}; add --force to replace.`,
      );
  }
  const temps: { tmp: string; path: string }[] = [];
  try {
    for (const f of files) {
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
        renameSync(t.tmp, t.path);
      } catch (err) {
        temps.push(...pending.slice(i));
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

/**
 * One session file on disk: decoding with every check, and the lowdb adapter that reads and
 * writes it.
 *
 * Loading order, cheapest refusal first: the size (from `fstat`, so a 100 MB file is refused
 * without reading it), UTF-8 decoding, JSON parsing, `schemaVersion` (newer → read-only, older →
 * migrations), the zod schema and integrity checks, then each article through ProseMirror.
 * Writing goes through {@link writeFileDurable} (temp file, fsync, `.bak`, rename, directory
 * fsync), one write per file at a time, and never to a file of a newer format. The JSON is
 * compact, not indented as lowdb's `JSONFile` writes it: at 10,000 annotations indentation adds
 * about a third to the bytes written (8.5 → 11.2 MB) and a tenth to the stringify time of every
 * full save.
 */
import { promises as fsp } from 'node:fs';
import type { Adapter } from 'lowdb';
import type { Session } from '../../../shared/model/session';
import { SCHEMA_VERSION } from '../../../shared/model/session-schema';
import { MAX_SESSION_FILE_BYTES, formatBytes } from '../../../shared/model/limits';
import { migrateToCurrent } from './migrations';
import type { SessionValidator } from './session-validator';
import { writeFileDurable, type DurableWriteOptions } from './durable-write';
import { KeyedQueue } from './keyed-queue';

/** What decoding a file's bytes gave. `problem` is a clause: "The file {problem}." */
export type DecodeOutcome =
  | { kind: 'ok'; session: Session; migratedFrom: number | null }
  | { kind: 'newer'; version: number; session: Session | null }
  | { kind: 'damaged'; problem: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decode and validate a session file's bytes. Never throws: whatever the bytes, the outcome is
 * a validated session, a newer-version file, or a damaged one with the reason.
 */
export function decodeSessionBytes(bytes: Uint8Array, validator: SessionValidator): DecodeOutcome {
  try {
    if (bytes.length > MAX_SESSION_FILE_BYTES)
      return { kind: 'damaged', problem: tooLarge(bytes.length) };
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return { kind: 'damaged', problem: 'is not UTF-8 text' };
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === '')
      return { kind: 'damaged', problem: bytes.length ? 'holds only blank space' : 'is empty' };
    if (text.charCodeAt(0) === 0)
      return { kind: 'damaged', problem: 'is filled with zero bytes (an interrupted write)' };
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return {
        kind: 'damaged',
        problem: `is not valid JSON (${(e as Error).message.slice(0, 120)})`,
      };
    }
    return decodeSessionData(data, validator);
  } catch (e) {
    return {
      kind: 'damaged',
      problem: `could not be checked (${String((e as Error)?.message ?? e).slice(0, 120)})`,
    };
  }
}

/** Migrate and validate parsed JSON (see {@link decodeSessionBytes}). Never throws. */
export function decodeSessionData(data: unknown, validator: SessionValidator): DecodeOutcome {
  try {
    const migrated = migrateToCurrent(data);
    if (migrated.kind === 'failed')
      return { kind: 'damaged', problem: `cannot be read: ${migrated.problem}` };
    if (migrated.kind === 'newer') {
      // Shown read-only when it still fits this version's shape; never written back.
      const shown = validator.validateFull({ ...(data as object), schemaVersion: SCHEMA_VERSION });
      return { kind: 'newer', version: migrated.version, session: shown.ok ? shown.value : null };
    }
    const v = validator.validateFull(migrated.data);
    if (!v.ok)
      return {
        kind: 'damaged',
        problem: `does not match the session format: ${v.problems.slice(0, 3).join('; ')}`,
      };
    return { kind: 'ok', session: v.value, migratedFrom: migrated.migratedFrom };
  } catch (e) {
    return {
      kind: 'damaged',
      problem: `could not be checked (${String((e as Error)?.message ?? e).slice(0, 120)})`,
    };
  }
}

function tooLarge(size: number): string {
  return `is ${formatBytes(size)}, larger than the ${formatBytes(MAX_SESSION_FILE_BYTES)} a session file may be`;
}

/**
 * Why a file could not be loaded. `quarantine` is true when the content itself is bad (the
 * file should be set aside), false when it could not be read (permissions, I/O) or when it is
 * from a newer version.
 */
export class SessionFileError extends Error {
  constructor(
    readonly kind: 'damaged' | 'unreadable' | 'newer',
    /** A clause: "The file {problem}." */
    readonly problem: string,
    readonly quarantine: boolean,
  ) {
    super(`The session file ${problem}.`);
    this.name = 'SessionFileError';
  }
}

/** Refusal to write a file this build must not touch. */
export class ReadOnlyFileError extends Error {
  constructor(file: string) {
    super(`${file} was written by a newer version and is never rewritten.`);
    this.name = 'ReadOnlyFileError';
  }
}

/** Facts learnt by the last `read()`. */
export interface SessionFileInfo {
  /** Written by a newer version: shown, never written. */
  readOnly: boolean;
  newerVersion: number | null;
  migratedFrom: number | null;
}

/** One write at a time per file path, across every adapter in this process. */
const fileQueue = new KeyedQueue();

/**
 * lowdb adapter for one session file. `read()` returns the validated session (null when the
 * file does not exist) or throws {@link SessionFileError}; `write()` saves durably with a `.bak`
 * and rejects with the I/O error (the previous file intact), or {@link ReadOnlyFileError}.
 */
export class SessionFileAdapter implements Adapter<Session | null> {
  info: SessionFileInfo = { readOnly: false, newerVersion: null, migratedFrom: null };

  constructor(
    readonly file: string,
    private readonly validator: SessionValidator,
    private readonly writeOptions: DurableWriteOptions = {},
  ) {}

  async read(): Promise<Session | null> {
    let bytes: Uint8Array;
    try {
      const handle = await fsp.open(this.file, 'r');
      try {
        const { size } = await handle.stat();
        if (size > MAX_SESSION_FILE_BYTES)
          throw new SessionFileError('damaged', tooLarge(size), true);
        bytes = await handle.readFile();
      } finally {
        await handle.close();
      }
    } catch (e) {
      if (e instanceof SessionFileError) throw e;
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'ENOENT') return null;
      throw new SessionFileError(
        'unreadable',
        `could not be read (${err.code ?? err.message})`,
        false,
      );
    }
    const outcome = decodeSessionBytes(bytes, this.validator);
    switch (outcome.kind) {
      case 'ok':
        this.info = { readOnly: false, newerVersion: null, migratedFrom: outcome.migratedFrom };
        return outcome.session;
      case 'newer':
        this.info = { readOnly: true, newerVersion: outcome.version, migratedFrom: null };
        if (outcome.session) return outcome.session;
        throw new SessionFileError('newer', newerProblem(outcome.version), false);
      case 'damaged':
        throw new SessionFileError('damaged', outcome.problem, true);
    }
  }

  async write(session: Session | null): Promise<void> {
    if (!session) return;
    if (this.info.readOnly) throw new ReadOnlyFileError(this.file);
    await fileQueue.run(this.file, () =>
      writeFileDurable(this.file, JSON.stringify(session), this.writeOptions),
    );
    this.info = { readOnly: false, newerVersion: null, migratedFrom: null };
  }
}

/** The clause for a file from a newer version. */
export function newerProblem(version: number): string {
  return `was written by a newer version of Factcheck Workbench (format ${version}; this version reads up to format ${SCHEMA_VERSION})`;
}

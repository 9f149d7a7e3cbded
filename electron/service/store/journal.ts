/**
 * The per-session journal, `<id>.journal`: the fast autosave path and the hot-exit recovery log.
 *
 * Each committed batch of ops is one record, appended and fdatasync'ed before the change counts
 * as saved — a few hundred bytes instead of the whole session. A record is one line:
 *
 *     @fcj1 <payload bytes> <CRC-32 of the payload, 8 hex>␠<payload>\n
 *
 * where the payload is `{"rev":N,"at":ISO,"ops":[…]}`. `rev` is the session's revision after the
 * batch and `at` the time `applyOps` stamped, so replaying a record reproduces the session
 * exactly. Records whose `rev` is not above the session file's revision are already in the file
 * (a compaction finished but the journal was not yet cut) and are skipped.
 *
 * Framing and checksum make damage local: a record whose length or checksum does not match (a
 * torn write, a disk that filled mid-record, bit rot) is skipped and reading resumes at the next
 * line, so every complete record after a damaged one is still replayed. Journals written before
 * framing (one bare JSON object per line) are read as they are. A last line without its newline
 * is a torn append from a crash and is ignored.
 *
 * Appending never leaves a partial record behind: a short write is continued until every byte
 * is written, and a write that fails (ENOSPC, EROFS, EIO) is rolled back by cutting the file to
 * the last good record. Only then does `append` resolve, so an acknowledged edit is on disk.
 */
import { promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import type { SessionOp } from '../../../shared/session/session-ops';
import { writeFileDurable } from './durable-write';

export interface JournalEntry {
  /** The session's revision after this batch. */
  rev: number;
  /** When the batch was applied (the `now` given to `applyOps`). */
  at: string;
  ops: SessionOp[];
}

export interface JournalScan {
  /** Complete, well-formed records in file order (ops not yet validated); damaged ones left out. */
  entries: JournalEntry[];
  /** Bytes up to the end of the last good record. */
  goodBytes: number;
  /** The file ended in a partial line (a torn append). */
  tornTail: boolean;
  /** 1-based line number of the first damaged record, or null when none was damaged. */
  badLine: number | null;
  /** How many damaged records were skipped. */
  damaged: number;
}

const MARK = '@fcj1 ';
const MARK_BYTES = Buffer.from(MARK, 'latin1');
const NL = 0x0a;

/** The framed record written for an entry, newline included. */
export function journalLine(entry: JournalEntry): string {
  const payload = JSON.stringify(entry);
  const bytes = Buffer.from(payload, 'utf8');
  const sum = crc32(bytes).toString(16).padStart(8, '0');
  return `${MARK}${bytes.length} ${sum} ${payload}\n`;
}

/** Split journal content into entries (see the module comment). Never throws. */
export function parseJournal(content: string | Uint8Array): JournalScan {
  const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  const entries: JournalEntry[] = [];
  let pos = 0;
  let goodBytes = 0;
  let line = 0;
  let badLine: number | null = null;
  let damaged = 0;
  while (pos < buf.length) {
    const nl = buf.indexOf(NL, pos);
    if (nl === -1) return { entries, goodBytes, tornTail: true, badLine, damaged };
    line++;
    const raw = buf.subarray(pos, nl);
    pos = nl + 1;
    if (raw.every((b) => b === 0x20 || b === 0x09 || b === 0x0d)) {
      if (badLine === null) goodBytes = pos;
      continue;
    }
    const entry = readRecord(raw);
    if (!entry) {
      badLine ??= line;
      damaged++;
      continue;
    }
    entries.push(entry);
    goodBytes = pos;
  }
  return { entries, goodBytes, tornTail: false, badLine, damaged };
}

/**
 * One line's record, or null when it is damaged. A framed record may follow junk on the same
 * line (a write that was cut short before its newline), so every frame mark is tried.
 */
function readRecord(raw: Buffer): JournalEntry | null {
  if (raw[0] === 0x7b) return toEntry(raw.toString('utf8')); // `{`: a journal from before framing
  for (let at = raw.indexOf(MARK_BYTES); at !== -1; at = raw.indexOf(MARK_BYTES, at + 1)) {
    const entry = readFrame(raw.subarray(at + MARK_BYTES.length));
    if (entry) return entry;
  }
  return null;
}

/** `<length> <crc> <payload>` with the payload exactly to the end of the line and matching its CRC. */
function readFrame(rest: Buffer): JournalEntry | null {
  const m = /^(\d{1,9}) ([0-9a-f]{8}) /.exec(rest.subarray(0, 24).toString('latin1'));
  if (!m) return null;
  const payload = rest.subarray(m[0].length);
  if (payload.length !== Number(m[1])) return null;
  if (crc32(payload) !== parseInt(m[2]!, 16)) return null;
  return toEntry(payload.toString('utf8'));
}

function toEntry(raw: string): JournalEntry | null {
  try {
    const v = JSON.parse(raw) as Partial<JournalEntry> | null;
    if (!v || typeof v !== 'object') return null;
    if (
      !Number.isInteger(v.rev) ||
      (v.rev as number) < 1 ||
      typeof v.at !== 'string' ||
      !Array.isArray(v.ops)
    )
      return null;
    return { rev: v.rev as number, at: v.at, ops: v.ops };
  } catch {
    return null;
  }
}

/** Read and scan a journal; a missing file is an empty journal. I/O errors are thrown. */
export async function readJournal(file: string): Promise<JournalScan> {
  try {
    return parseJournal(await fsp.readFile(file));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      return { entries: [], goodBytes: 0, tornTail: false, badLine: null, damaged: 0 };
    throw e;
  }
}

/** The file calls an append makes; tests replace them to inject short writes and full disks. */
export interface JournalIo {
  /** Write some of `data` at the end of the file; resolves with how many bytes were written. */
  write(handle: FileHandle, data: Uint8Array): Promise<number>;
  datasync(handle: FileHandle): Promise<void>;
  truncate(handle: FileHandle, length: number): Promise<void>;
}

export const nodeJournalIo: JournalIo = {
  write: async (handle, data) => (await handle.write(data, 0, data.length)).bytesWritten,
  datasync: (handle) => handle.datasync(),
  truncate: (handle, length) => handle.truncate(length),
};

/** A write that made no progress: treated as a full disk (the kernel would say ENOSPC next). */
function noProgress(): NodeJS.ErrnoException {
  const e = new Error(
    'no space left on device (a write made no progress)',
  ) as NodeJS.ErrnoException;
  e.code = 'ENOSPC';
  return e;
}

/**
 * Appends entries durably. Not safe for concurrent calls: the store runs every call for one
 * session through that session's queue. Invariant: `bytes` is the length of the file's good
 * records, and the file holds nothing after them (or is cut back to them before the next write).
 */
export class JournalWriter {
  /** A failed append could not cut its partial record; cut it before writing again. */
  private dirty = false;

  private constructor(
    readonly file: string,
    private handle: FileHandle,
    private size: number,
    private readonly io: JournalIo,
  ) {}

  /**
   * Open for appending, first cutting the file to `keepBytes` (0 drops everything already in it,
   * which the caller must know to be in the session file or set aside).
   */
  static async open(
    file: string,
    keepBytes = 0,
    io: Partial<JournalIo> = {},
  ): Promise<JournalWriter> {
    const handle = await fsp.open(file, 'a', 0o600);
    try {
      const { size } = await handle.stat();
      if (size !== keepBytes) {
        await handle.truncate(Math.min(size, keepBytes));
        await handle.datasync();
      }
      return new JournalWriter(file, handle, Math.min(size, keepBytes), {
        ...nodeJournalIo,
        ...io,
      });
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  /** Bytes in the journal. */
  get bytes(): number {
    return this.size;
  }

  /**
   * Append one record and fdatasync. Resolves only when every byte is written and synced. On
   * failure the journal is cut back to its previous length (so no partial record stays) and the
   * error is thrown; if even the cut fails, the next append retries it before writing.
   */
  async append(line: string): Promise<void> {
    const before = this.size;
    if (this.dirty) {
      await this.io.truncate(this.handle, before);
      this.dirty = false;
    }
    const data = Buffer.from(line, 'utf8');
    try {
      for (let off = 0; off < data.length;) {
        const n = await this.io.write(this.handle, data.subarray(off));
        if (n <= 0) throw noProgress();
        off += n;
      }
      await this.io.datasync(this.handle);
      this.size = before + data.length;
    } catch (e) {
      try {
        await this.io.truncate(this.handle, before);
        await this.io.datasync(this.handle);
      } catch {
        this.dirty = true;
      }
      throw e;
    }
  }

  /**
   * After a compaction: keep only `lines` (entries newer than the saved file). An empty list
   * truncates in place; otherwise the journal is replaced atomically so a crash keeps either the
   * old or the new journal, never a half of one.
   */
  async reset(lines: readonly string[]): Promise<void> {
    if (lines.length === 0) {
      if (this.size === 0 && !this.dirty) return;
      await this.io.truncate(this.handle, 0);
      await this.io.datasync(this.handle);
      this.size = 0;
      this.dirty = false;
      return;
    }
    const text = lines.join('');
    // Closed first: Windows cannot rename over a file that is held open.
    await this.handle.close();
    try {
      await writeFileDurable(this.file, text, { backup: false });
      this.size = Buffer.byteLength(text, 'utf8');
      this.dirty = false;
    } finally {
      this.handle = await fsp.open(this.file, 'a', 0o600);
      if (!this.dirty) {
        const { size } = await this.handle.stat();
        this.size = size;
      }
    }
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

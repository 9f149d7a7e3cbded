/**
 * The per-session journal, `<id>.journal`: the fast autosave path and the hot-exit recovery log.
 *
 * Each committed batch of ops is one line, `{"rev":N,"at":ISO,"ops":[…]}\n`, appended and
 * fdatasync'ed before the change counts as saved — a few hundred bytes instead of the whole
 * session. `rev` is the session's revision after the batch and `at` the time `applyOps`
 * stamped, so replaying a line reproduces the session exactly. Lines whose `rev` is not above the
 * session file's revision are already in the file (a compaction finished but the journal was not
 * yet cut) and are skipped. A last line without its newline is a torn append from a crash and is
 * ignored; a bad line in the middle stops the replay there.
 */
import { promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
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
  /** Complete, well-formed lines in file order (ops not yet validated). */
  entries: JournalEntry[];
  /** Bytes up to the end of the last good line. */
  goodBytes: number;
  /** The file ended in a partial line (a torn append). */
  tornTail: boolean;
  /** 1-based number of a malformed complete line that stopped the scan, or null. */
  badLine: number | null;
}

/** The line written for an entry, newline included. */
export function journalLine(entry: JournalEntry): string {
  return `${JSON.stringify(entry)}\n`;
}

/** Split journal text into entries (see the module comment). Never throws. */
export function parseJournal(text: string): JournalScan {
  const entries: JournalEntry[] = [];
  let pos = 0;
  let goodBytes = 0;
  let line = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    if (nl === -1) return { entries, goodBytes, tornTail: true, badLine: null };
    line++;
    const raw = text.slice(pos, nl);
    pos = nl + 1;
    if (raw.trim() === '') {
      goodBytes = Buffer.byteLength(text.slice(0, pos), 'utf8');
      continue;
    }
    const entry = toEntry(raw);
    if (!entry) return { entries, goodBytes, tornTail: false, badLine: line };
    entries.push(entry);
    goodBytes = Buffer.byteLength(text.slice(0, pos), 'utf8');
  }
  return { entries, goodBytes, tornTail: false, badLine: null };
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
    return parseJournal(await fsp.readFile(file, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      return { entries: [], goodBytes: 0, tornTail: false, badLine: null };
    throw e;
  }
}

/**
 * Appends entries durably. Not safe for concurrent calls: the store runs every call for one
 * session through that session's queue.
 */
export class JournalWriter {
  private constructor(
    readonly file: string,
    private handle: FileHandle,
    private size: number,
  ) {}

  /**
   * Open for appending, first cutting the file to `keepBytes` (0 drops everything already in it,
   * which the caller must know to be in the session file or set aside).
   */
  static async open(file: string, keepBytes = 0): Promise<JournalWriter> {
    const handle = await fsp.open(file, 'a', 0o600);
    try {
      const { size } = await handle.stat();
      if (size !== keepBytes) {
        await handle.truncate(Math.min(size, keepBytes));
        await handle.datasync();
      }
      return new JournalWriter(file, handle, Math.min(size, keepBytes));
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
   * Append one line and fdatasync. On failure the journal is cut back to its previous length
   * (so no torn line stays in the middle) and the error is thrown.
   */
  async append(line: string): Promise<void> {
    const before = this.size;
    try {
      await this.handle.write(line);
      await this.handle.datasync();
      this.size += Buffer.byteLength(line, 'utf8');
    } catch (e) {
      await this.handle.truncate(before).catch(() => undefined);
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
      if (this.size === 0) return;
      await this.handle.truncate(0);
      await this.handle.datasync();
      this.size = 0;
      return;
    }
    const text = lines.join('');
    // Closed first: Windows cannot rename over a file that is held open.
    await this.handle.close();
    try {
      await writeFileDurable(this.file, text, { backup: false });
      this.size = Buffer.byteLength(text, 'utf8');
    } finally {
      this.handle = await fsp.open(this.file, 'a', 0o600);
    }
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

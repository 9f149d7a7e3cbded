/**
 * Where the store keeps things inside the data directory, and the moves between those places.
 * Nothing here ever deletes a session's data: files are renamed aside (quarantine, archive,
 * discarded journals). The only deletions are temp files of writers that are gone and empty
 * journals.
 *
 * ```
 * <dataDir>/sessions/<id>.json         the session (schemaVersion inside)
 * <dataDir>/sessions/<id>.json.bak     the previous saved version
 * <dataDir>/sessions/<id>.journal      batches not yet compacted into the file
 * <dataDir>/quarantine/<id>.json.<ts>  a file that failed validation (+ .reason.txt, .journal)
 * <dataDir>/archive/<id>.<ts>.json     a deleted session (+ .json.bak, .journal)
 * <dataDir>/discarded/<id>.journal.<ts> recovered changes the user chose not to restore
 * ```
 */
import { existsSync, promises as fsp } from 'node:fs';
import path from 'node:path';
import { TEMP_NAME_RE } from './durable-write';
import { isProcessAlive } from './process-alive';

/** Session ids the store accepts as file names: letters, digits, `-` and `_`. */
const SAFE_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export function isSafeSessionId(id: string): boolean {
  return SAFE_ID_RE.test(id);
}

/** A timestamp usable in file names on every platform, e.g. `2024-05-01T12-00-00-000Z`. */
export function fileStamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** A quarantined file as found on disk. */
export interface QuarantinedFile {
  id: string;
  file: string;
  at: string;
  reason: string;
}

export class StoreLayout {
  readonly sessionsDir: string;
  readonly quarantineDir: string;
  readonly archiveDir: string;
  readonly discardedDir: string;

  constructor(readonly dataDir: string) {
    this.sessionsDir = path.join(dataDir, 'sessions');
    this.quarantineDir = path.join(dataDir, 'quarantine');
    this.archiveDir = path.join(dataDir, 'archive');
    this.discardedDir = path.join(dataDir, 'discarded');
  }

  sessionFile(id: string): string {
    return path.join(this.sessionsDir, `${id}.json`);
  }
  backupFile(id: string): string {
    return `${this.sessionFile(id)}.bak`;
  }
  journalFile(id: string): string {
    return path.join(this.sessionsDir, `${id}.journal`);
  }

  async ensure(): Promise<void> {
    await fsp.mkdir(this.sessionsDir, { recursive: true });
  }

  /** Ids of the session files present, in no particular order. */
  async sessionIds(): Promise<string[]> {
    const names = await fsp.readdir(this.sessionsDir).catch(() => [] as string[]);
    return names
      .filter((n) => n.endsWith('.json') && isSafeSessionId(n.slice(0, -5)))
      .map((n) => n.slice(0, -5));
  }

  /** Remove temp files left by writers that no longer run (a crash mid-save). */
  async removeStaleTemps(): Promise<void> {
    const names = await fsp.readdir(this.sessionsDir).catch(() => [] as string[]);
    for (const n of names) {
      const m = TEMP_NAME_RE.exec(n);
      if (m && !isProcessAlive(Number(m[1])))
        await fsp.unlink(path.join(this.sessionsDir, n)).catch(() => undefined);
    }
  }

  /** Move a session file aside with the reason beside it; returns where it went. */
  async quarantine(id: string, reason: string): Promise<string> {
    await fsp.mkdir(this.quarantineDir, { recursive: true });
    const target = uniquePath(path.join(this.quarantineDir, `${id}.json.${fileStamp()}`));
    await fsp.rename(this.sessionFile(id), target);
    await fsp.writeFile(`${target}.reason.txt`, `${reason}\n`).catch(() => undefined);
    // Its journal belongs to the damaged version: kept beside it, never replayed onto another.
    await fsp.rename(this.journalFile(id), `${target}.journal`).catch(() => undefined);
    return target;
  }

  /** The latest quarantined file of each session id. */
  async quarantined(): Promise<Map<string, QuarantinedFile>> {
    const out = new Map<string, QuarantinedFile>();
    const names = await fsp.readdir(this.quarantineDir).catch(() => [] as string[]);
    for (const n of names.sort()) {
      const m = /^([A-Za-z0-9][A-Za-z0-9_-]{0,127})\.json\.(\d{4}-\d\d-\d\dT[\d-]+Z)(-\d+)?$/.exec(
        n,
      );
      if (!m) continue;
      const file = path.join(this.quarantineDir, n);
      const reason = (
        await fsp.readFile(`${file}.reason.txt`, 'utf8').catch(() => 'failed validation')
      ).trim();
      out.set(m[1]!, { id: m[1]!, file, at: stampToIso(m[2]!), reason });
    }
    return out;
  }

  /** Move a session's files (file, backup, journal, quarantined copies) to the archive. */
  async archive(id: string): Promise<string | null> {
    await fsp.mkdir(this.archiveDir, { recursive: true });
    const stamp = fileStamp();
    const base = uniquePath(path.join(this.archiveDir, `${id}.${stamp}.json`));
    const moves: [string, string][] = [
      [this.sessionFile(id), base],
      [this.backupFile(id), `${base}.bak`],
      [this.journalFile(id), base.replace(/\.json$/, '.journal')],
    ];
    const q = await fsp.readdir(this.quarantineDir).catch(() => [] as string[]);
    for (const n of q)
      if (n.startsWith(`${id}.json.`))
        moves.push([path.join(this.quarantineDir, n), path.join(this.archiveDir, n)]);
    let first: string | null = null;
    for (const [from, to] of moves) {
      try {
        await fsp.rename(from, to);
        first ??= to;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
    return first;
  }

  /** Copy a journal aside (it stays in place); returns where the copy went. */
  async copyJournalAside(id: string, why: string): Promise<string> {
    await fsp.mkdir(this.discardedDir, { recursive: true });
    const target = uniquePath(path.join(this.discardedDir, `${id}.journal.${fileStamp()}.${why}`));
    await fsp.copyFile(this.journalFile(id), target);
    return target;
  }

  /** Move a journal aside (recovery discarded, or superseded); returns where it went, or null if absent. */
  async setAsideJournal(id: string): Promise<string | null> {
    if (!existsSync(this.journalFile(id))) return null;
    await fsp.mkdir(this.discardedDir, { recursive: true });
    const target = uniquePath(path.join(this.discardedDir, `${id}.journal.${fileStamp()}`));
    await fsp.rename(this.journalFile(id), target);
    return target;
  }
}

/** `p`, or `p-1`, `p-2`, … when taken. */
function uniquePath(p: string): string {
  if (!existsSync(p)) return p;
  for (let i = 1; ; i++) {
    const q = p.endsWith('.json') ? `${p.slice(0, -5)}-${i}.json` : `${p}-${i}`;
    if (!existsSync(q)) return q;
  }
}

function stampToIso(stamp: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/.exec(stamp);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : new Date(0).toISOString();
}

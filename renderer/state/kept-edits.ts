/**
 * Edits the host has not acknowledged yet, kept in the browser's storage so a
 * reload, a closed tab or a host restart never loses them.
 *
 * One record per data directory and session (`fcw.kept.v1 <dataDir> <id>`):
 * the revision the edits were made on and the ops, oldest first. The session
 * controller writes it whenever its queue changes and removes it once the
 * host has acknowledged everything. When a session opens and a record is
 * there, the controller replays it (see `SessionController`). Edits that can
 * no longer be applied are moved to a second key (`fcw.kept-aside.v1 …`) and
 * stay there until the reviewer downloads or discards them: they are never
 * dropped on their own.
 *
 * Storage may be missing, full or disabled: every method then does nothing
 * and says so through its return value; nothing here throws.
 */
import { isSessionOpName, type SessionOp } from '../../shared/session/session-ops';

/** The part of the Web Storage API this needs (localStorage, or a stand-in in tests). */
export type KeptStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** Unsaved edits of one session, as kept in storage. */
export interface KeptEdits {
  v: 1;
  dataDir: string;
  sessionId: string;
  /** The session's name when they were kept (for messages). */
  sessionName: string;
  /** The revision of the saved session these edits were made on. */
  baseRevision: number;
  ops: SessionOp[];
  /** When the record was last written (ISO). */
  keptAt: string;
}

const LIVE = 'fcw.kept.v1';
const ASIDE = 'fcw.kept-aside.v1';

/** A record read back from storage, checked for shape (the host validates the ops themselves). */
function parseRecord(text: string | null, dataDir: string, sessionId?: string): KeptEdits | null {
  if (!text) return null;
  try {
    const r = JSON.parse(text) as Partial<KeptEdits>;
    if (
      r.v !== 1 ||
      r.dataDir !== dataDir ||
      typeof r.sessionId !== 'string' ||
      (sessionId !== undefined && r.sessionId !== sessionId) ||
      !Number.isInteger(r.baseRevision) ||
      !Array.isArray(r.ops) ||
      !r.ops.every(
        (o) => !!o && typeof o === 'object' && isSessionOpName((o as { op?: unknown }).op),
      )
    )
      return null;
    return {
      v: 1,
      dataDir,
      sessionId: r.sessionId,
      sessionName: typeof r.sessionName === 'string' ? r.sessionName : '',
      baseRevision: r.baseRevision!,
      ops: r.ops,
      keptAt: typeof r.keptAt === 'string' ? r.keptAt : '',
    };
  } catch {
    return null;
  }
}

/** The kept edits of one data directory. */
export class KeptEditsStore {
  constructor(
    private readonly storage: KeptStorage,
    readonly dataDir: string,
  ) {}

  private key(kind: typeof LIVE | typeof ASIDE, sessionId: string): string {
    return `${kind} ${JSON.stringify([this.dataDir, sessionId])}`;
  }

  private get(key: string): string | null {
    try {
      return this.storage.getItem(key);
    } catch {
      return null;
    }
  }

  /** The unacknowledged edits of a session, or null. */
  read(sessionId: string): KeptEdits | null {
    return parseRecord(this.get(this.key(LIVE, sessionId)), this.dataDir, sessionId);
  }

  /** Edits set aside because they could not be applied, or null. */
  readAside(sessionId: string): KeptEdits | null {
    return parseRecord(this.get(this.key(ASIDE, sessionId)), this.dataDir, sessionId);
  }

  /**
   * Keep `ops` (made on `baseRevision`) for a session, replacing what was kept.
   * False when storage refused (full or disabled).
   */
  write(
    sessionId: string,
    sessionName: string,
    baseRevision: number,
    ops: readonly SessionOp[],
  ): boolean {
    const rec: KeptEdits = {
      v: 1,
      dataDir: this.dataDir,
      sessionId,
      sessionName,
      baseRevision,
      ops: [...ops],
      keptAt: new Date().toISOString(),
    };
    try {
      this.storage.setItem(this.key(LIVE, sessionId), JSON.stringify(rec));
      return true;
    } catch {
      return false;
    }
  }

  /** Forget a session's unacknowledged edits (the host has them, or the reviewer chose to drop them). */
  clear(sessionId: string): void {
    try {
      this.storage.removeItem(this.key(LIVE, sessionId));
    } catch {
      // Nothing to do: storage is unavailable.
    }
  }

  /**
   * Move a record that cannot be applied aside (merged with one already there),
   * so new edits to the session do not overwrite it. False when storage refused.
   */
  setAside(rec: KeptEdits): boolean {
    const prev = this.readAside(rec.sessionId);
    const merged: KeptEdits = prev ? { ...rec, ops: [...prev.ops, ...rec.ops] } : rec;
    try {
      this.storage.setItem(this.key(ASIDE, rec.sessionId), JSON.stringify(merged));
      this.storage.removeItem(this.key(LIVE, rec.sessionId));
      return true;
    } catch {
      return false;
    }
  }

  /** Drop edits that were set aside (the reviewer discarded them). */
  discardAside(sessionId: string): void {
    try {
      this.storage.removeItem(this.key(ASIDE, sessionId));
    } catch {
      // Nothing to do: storage is unavailable.
    }
  }

  /** Every session of this data directory with kept edits, live ones first, most recent first. */
  list(): { rec: KeptEdits; aside: boolean }[] {
    const out: { rec: KeptEdits; aside: boolean }[] = [];
    let n = 0;
    try {
      n = this.storage.length;
    } catch {
      return out;
    }
    for (let i = 0; i < n; i++) {
      let key: string | null = null;
      try {
        key = this.storage.key(i);
      } catch {
        continue;
      }
      if (!key) continue;
      const aside = key.startsWith(`${ASIDE} `);
      if (!aside && !key.startsWith(`${LIVE} `)) continue;
      const rec = parseRecord(this.get(key), this.dataDir);
      if (rec) out.push({ rec, aside });
    }
    return out.sort(
      (a, b) => Number(a.aside) - Number(b.aside) || b.rec.keptAt.localeCompare(a.rec.keptAt),
    );
  }
}

/** Ops that change the record (not only where the reader is). */
export function countEdits(ops: readonly SessionOp[]): number {
  return ops.filter((o) => o.op !== 'view.put').length;
}

/**
 * The session store: one JSON file per session, persisted through lowdb with our durable
 * adapter, plus a journal per session for fast autosave and crash recovery.
 *
 * How a change travels: `apply` takes a batch whose shape the API service has already checked
 * at the trust boundary (the contract's schemas), verifies any article it puts and applies it
 * with `applyOps` against the cached session, stamped with the store's clock (the service's one
 * clock), appends it to `<id>.journal` with an fdatasync — a few hundred bytes, so an
 * autosave is cheap and never waits for a full write — and updates the cache. A compaction (the
 * full save: the session file written atomically with a `.bak`, then the journal cut) follows
 * after `compactAfterMs` of quiet, after `compactAfterBatches` batches, on `flush` and on
 * `close`. Compactions need no revalidation of the whole session: the cache is only ever built
 * from a validated file plus validated batches.
 *
 * After a crash the journal still holds batches newer than the file. `open` then returns the
 * file's state with `recovery` set, and the batches wait for `recover(id, 'restore' | 'discard')`;
 * until then `apply` refuses. A journal that is empty (or absent) is the clean-shutdown marker:
 * `close` compacts every session and cuts every journal.
 *
 * Invariants: sessions handed out are immutable values (never mutate them; send ops); per
 * session, applies, recovery and journal cuts run one at a time in order (queue `ops`), and file
 * writes run one at a time (queue `saves`, plus the adapter's per-path queue).
 */
import { existsSync, promises as fsp } from 'node:fs';
import { Low } from 'lowdb';
import type { ApiResult, OpenedSession } from '../../../shared/api/contract';
import type { Session, SessionSummary } from '../../../shared/model/session';
import { applyOps, type SessionOp } from '../../../shared/session/session-ops';
import { SessionValidator } from './session-validator';
import { SessionFileAdapter, SessionFileError } from './session-file';
import { JournalWriter, journalLine } from './journal';
import { DamagedSessions } from './damaged-sessions';
import {
  findPendingBatches,
  makeEntry,
  opened,
  refusal,
  summarize,
  unreadableSummary,
  type Entry,
} from './session-entry';
import { KeyedQueue } from './keyed-queue';
import { StoreLayout, isSafeSessionId } from './store-layout';
import { StoreError, fail, ioError } from './store-errors';
import type { DurableWriteOptions } from './durable-write';
import { nowIso } from '../../../shared/model/ids';

export interface SessionStoreOptions {
  dataDir: string;
  /** Compact after this long without a new batch (default 2000 ms). */
  compactAfterMs?: number;
  /** Compact after this many batches, however busy (default 100). */
  compactAfterBatches?: number;
  /** Filesystem fault injection for tests. */
  writeOptions?: DurableWriteOptions;
  /**
   * The clock that stamps each batch (`updatedAt`, the journal's `at`): the API service passes
   * its own, so one clock decides every time the service writes. Default: the system clock.
   */
  clock?: () => string;
}

/** The store's API (see the module comment). Every method except `flush` returns errors as values. */
export interface SessionStore {
  /** Every session, most recently changed first; damaged and read-only ones with `problem`. */
  list(): Promise<SessionSummary[]>;
  /** Save a new session (validated; refused with `conflict` if the id exists). */
  create(session: Session): Promise<ApiResult<OpenedSession>>;
  open(id: string): Promise<ApiResult<OpenedSession>>;
  /**
   * Apply a batch made on `baseRevision`; journaled (durable) when it resolves ok. The ops'
   * shape must already be checked (the API service validates requests with the contract's
   * schemas); articles they put are verified here, integrity by `applyOps`.
   */
  apply(
    id: string,
    baseRevision: number,
    ops: SessionOp[],
  ): Promise<ApiResult<{ revision: number }>>;
  /**
   * A change the host makes itself (a team sync or a file merge brought it): `make` computes the
   * ops from the session as it is now, inside the session's queue, so no batch slips between the
   * look and the change; a sentence refuses, no ops changes nothing. The revision it makes is a
   * host revision: a batch the renderer made on the revision just before it is still accepted (its
   * ops are whole records, applied on top), so a reviewer's typing never turns into a conflict
   * because a sync landed.
   */
  applyHostChange(
    id: string,
    make: (session: Session) => SessionOp[] | string,
  ): Promise<ApiResult<{ revision: number; ops: SessionOp[] }>>;
  /** Compact now, one session or all. Rejects with {@link StoreError} when a write failed (edits stay journaled). */
  flush(id?: string): Promise<void>;
  rename(id: string, name: string): Promise<ApiResult<SessionSummary>>;
  /** Move the session's files to `<dataDir>/archive/`; nothing is erased. */
  archive(id: string): Promise<ApiResult<{ archivedAs: string }>>;
  recover(id: string, action: 'restore' | 'discard'): Promise<ApiResult<OpenedSession>>;
  restoreBackup(id: string): Promise<ApiResult<OpenedSession>>;
  /** Overwrite a session wholesale, keeping the old file as the backup. */
  replace(session: Session): Promise<ApiResult<OpenedSession>>;
  has(id: string): boolean;
  /** Flush everything and cut the journals (the clean-shutdown marker). */
  close(): Promise<void>;
}

/** Open (and create if needed) the store in `dataDir`. Removes temp files of dead writers. */
export async function openSessionStore(opts: SessionStoreOptions): Promise<SessionStore> {
  const layout = new StoreLayout(opts.dataDir);
  await layout.ensure();
  await layout.removeStaleTemps();
  const store = new Store(layout, opts);
  await store.init();
  return store;
}

class Store implements SessionStore {
  private readonly validator = new SessionValidator();
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<ApiResult<Entry>>>();
  private readonly ops = new KeyedQueue();
  private readonly saves = new KeyedQueue();
  private readonly compactAfterMs: number;
  private readonly compactAfterBatches: number;
  private readonly clock: () => string;
  private closed = false;
  /** Revisions made by {@link applyHostChange}, per session (the latest few). */
  private readonly hostRevisions = new Map<string, Set<number>>();

  private readonly damaged: DamagedSessions;

  constructor(
    private readonly layout: StoreLayout,
    private readonly opts: SessionStoreOptions,
  ) {
    this.damaged = new DamagedSessions(layout, this.validator);
    this.compactAfterMs = opts.compactAfterMs ?? 2000;
    this.compactAfterBatches = opts.compactAfterBatches ?? 100;
    this.clock = opts.clock ?? nowIso;
  }

  init(): Promise<void> {
    return this.damaged.scan();
  }

  // ---- reading ---------------------------------------------------------------------------

  async list(): Promise<SessionSummary[]> {
    const ids = new Set([
      ...(await this.layout.sessionIds()),
      ...this.entries.keys(),
      ...this.damaged.ids(),
    ]);
    const out: SessionSummary[] = [];
    for (const id of ids) {
      const got = this.entries.has(id) || this.damaged.has(id) ? null : await this.entry(id);
      const e = this.entries.get(id);
      if (e) out.push(summarize(e));
      else {
        const d = this.damaged.get(id);
        if (d) out.push(await this.damaged.summary(id, d));
        else if (got && !got.ok && got.error.code === 'io')
          out.push(unreadableSummary(id, got.error.message));
      }
    }
    return out.sort((a, b) =>
      a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.name.localeCompare(b.name),
    );
  }

  async open(id: string): Promise<ApiResult<OpenedSession>> {
    const got = await this.entry(id);
    return got.ok ? { ok: true, value: opened(got.value) } : got;
  }

  has(id: string): boolean {
    return this.entries.has(id) || (isSafeSessionId(id) && existsSync(this.layout.sessionFile(id)));
  }

  /** The cached entry, loading (and validating) the file on first use. */
  private entry(id: string): Promise<ApiResult<Entry>> {
    if (this.closed) return Promise.resolve(fail('internal', 'The session store has been closed.'));
    const e = this.entries.get(id);
    if (e) return Promise.resolve({ ok: true, value: e });
    if (!isSafeSessionId(id))
      return Promise.resolve(fail('not-found', 'There is no session with that id.'));
    let p = this.loading.get(id);
    if (!p) {
      p = this.load(id).finally(() => this.loading.delete(id));
      this.loading.set(id, p);
    }
    return p;
  }

  private async load(id: string): Promise<ApiResult<Entry>> {
    const adapter = new SessionFileAdapter(
      this.layout.sessionFile(id),
      this.validator,
      this.opts.writeOptions,
    );
    const db = new Low<Session | null>(adapter, null);
    try {
      await db.read();
    } catch (err) {
      if (!(err instanceof SessionFileError))
        return { ok: false, error: ioError(err, 'read the session', '') };
      if (err.kind === 'unreadable') return fail('io', `${err.message} Nothing was changed.`);
      if (err.kind === 'newer') {
        return fail('unsupported', this.damaged.markNewer(id, err.message));
      }
      return this.damaged.quarantine(id, err.problem);
    }
    const session = db.data;
    if (!session) {
      const d = this.damaged.get(id);
      return d
        ? fail('damaged', await this.damaged.message(id, d))
        : fail('not-found', 'There is no session with that id.');
    }
    if (session.id !== id)
      return this.damaged.quarantine(
        id,
        `names session ${session.id.slice(0, 60)}, not the ${id} of its file name`,
      );
    const e = makeEntry(id, adapter, session);
    if (!e.readOnly) {
      try {
        const found = await findPendingBatches(
          this.layout.journalFile(id),
          session,
          this.validator,
        );
        e.pending = found.pending;
        if (found.leftover) {
          const copy = await this.layout.copyJournalAside(id, 'unreplayable');
          e.notice = `Some journaled changes could not be replayed; the journal was copied to ${copy}.`;
        }
      } catch (err) {
        return {
          ok: false,
          error: ioError(err, 'read the session’s journal', 'Nothing was changed.'),
        };
      }
    }
    this.damaged.delete(id);
    this.entries.set(id, e);
    return { ok: true, value: e };
  }

  // ---- changing --------------------------------------------------------------------------

  /** A session handed in to be written: the store is open, the session valid, its id safe as a file name. */
  private checkIncoming(session: Session): ApiResult<Session> {
    if (this.closed) return fail('internal', 'The session store has been closed.');
    const v = this.validator.validateIncremental(session);
    if (!v.ok)
      return fail(
        'invalid-request',
        `The session is not valid: ${v.problems.slice(0, 3).join('; ')}.`,
      );
    if (!isSafeSessionId(v.value.id))
      return fail('invalid-request', 'A session id may only hold letters, digits, “-” and “_”.');
    return { ok: true, value: v.value };
  }

  async create(session: Session): Promise<ApiResult<OpenedSession>> {
    const v = this.checkIncoming(session);
    if (!v.ok) return v;
    const id = v.value.id;
    return this.ops.run(id, async () => {
      if (this.entries.has(id) || existsSync(this.layout.sessionFile(id)) || this.damaged.has(id)) {
        return fail<OpenedSession>('conflict', 'A session with this id already exists.');
      }
      const e = this.freshEntry(id, v.value);
      try {
        await this.layout.setAsideJournal(id); // a stray journal must never replay onto it
        await this.saves.run(id, () => e.db.write());
      } catch (err) {
        return { ok: false, error: ioError(err, 'save the new session', 'Nothing was written.') };
      }
      this.entries.set(id, e);
      return { ok: true, value: opened(e) };
    });
  }

  /** An entry for a session about to be written by this store. */
  private freshEntry(id: string, session: Session): Entry {
    const adapter = new SessionFileAdapter(
      this.layout.sessionFile(id),
      this.validator,
      this.opts.writeOptions,
    );
    return makeEntry(id, adapter, session);
  }

  async apply(
    id: string,
    baseRevision: number,
    ops: SessionOp[],
  ): Promise<ApiResult<{ revision: number }>> {
    const got = await this.entry(id);
    if (!got.ok) return got;
    return this.ops.run(id, () => this.applyNow(got.value, baseRevision, ops));
  }

  /** Apply one batch; runs inside the session's `ops` queue. */
  private async applyNow(
    e: Entry,
    baseRevision: number,
    ops: SessionOp[],
  ): Promise<ApiResult<{ revision: number }>> {
    const refused = refusal(e);
    if (refused) return refused;
    if (baseRevision !== e.session.revision && !this.onlyHostChangesSince(e, baseRevision)) {
      return fail(
        'conflict',
        `This session was changed elsewhere: it is at revision ${e.session.revision}, and this change was made on revision ${baseRevision}. Reload the session to see the latest version.`,
      );
    }
    const v = this.validator.admitOps(ops);
    if (!v.ok)
      return fail(
        'invalid-request',
        `The change was refused: ${v.problems.slice(0, 3).join('; ')}.`,
      );
    const at = this.clock();
    const r = applyOps(e.session, v.value, at);
    if (!r.ok) return fail('invalid-request', `The change was refused: ${r.problems.join(' ')}`);
    const line = journalLine({ rev: r.session.revision, at, ops: v.value });
    try {
      e.journal ??= await JournalWriter.open(this.layout.journalFile(e.id), e.keepJournalBytes);
      await e.journal.append(line);
    } catch (err) {
      return {
        ok: false,
        error: ioError(
          err,
          'save the change',
          'It was not applied; the session is as it was before.',
        ),
      };
    }
    e.session = r.session;
    e.tail.push({ rev: r.session.revision, line });
    e.batchesSinceSave++;
    this.schedule(e);
    return { ok: true, value: { revision: r.session.revision } };
  }

  /** True when every revision after `base` up to the current one was a host change. */
  private onlyHostChangesSince(e: Entry, base: number): boolean {
    const host = this.hostRevisions.get(e.id);
    if (!host || base > e.session.revision) return false;
    for (let r = base + 1; r <= e.session.revision; r++) if (!host.has(r)) return false;
    return true;
  }

  async applyHostChange(
    id: string,
    make: (session: Session) => SessionOp[] | string,
  ): Promise<ApiResult<{ revision: number; ops: SessionOp[] }>> {
    const got = await this.entry(id);
    if (!got.ok) return got;
    const e = got.value;
    return this.ops.run(id, async () => {
      const refused = refusal(e);
      if (refused) return refused;
      const ops = make(e.session);
      if (typeof ops === 'string') return fail<never>('refused', ops);
      if (!ops.length) return { ok: true as const, value: { revision: e.session.revision, ops } };
      const r = await this.applyNow(e, e.session.revision, ops);
      if (!r.ok) return r;
      let host = this.hostRevisions.get(id);
      if (!host) this.hostRevisions.set(id, (host = new Set()));
      host.add(r.value.revision);
      if (host.size > 200) host.delete(host.values().next().value!);
      return { ok: true as const, value: { revision: r.value.revision, ops } };
    });
  }

  async rename(id: string, name: string): Promise<ApiResult<SessionSummary>> {
    const got = await this.entry(id);
    if (!got.ok) return got;
    const e = got.value;
    const trimmed = name.trim();
    if (!trimmed) return fail('invalid-request', 'A session needs a name.');
    return this.ops.run(id, async () => {
      const r = await this.applyNow(e, e.session.revision, [
        { op: 'session.rename', name: trimmed },
      ]);
      return r.ok ? { ok: true as const, value: summarize(e) } : r;
    });
  }

  // ---- saving ----------------------------------------------------------------------------

  private schedule(e: Entry): void {
    if (e.timer) clearTimeout(e.timer);
    const delay = e.batchesSinceSave >= this.compactAfterBatches ? 0 : this.compactAfterMs;
    e.timer = setTimeout(() => {
      e.timer = null;
      this.compact(e).catch(() => undefined); // edits stay journaled; the next compaction retries
    }, delay);
    e.timer.unref();
  }

  /** Write the cached session if it is newer than the file. Runs in the `saves` queue. */
  private writeSnapshot(e: Entry): Promise<void> {
    return this.saves.run(e.id, async () => {
      if (e.gone || e.readOnly || e.pending) return;
      const snapshot = e.session;
      if (snapshot.revision === e.savedRevision) return;
      e.db.data = snapshot;
      try {
        await e.db.write();
      } catch (err) {
        throw new StoreError(
          ioError(
            err,
            `save “${snapshot.name}”`,
            'Its changes are kept in the journal and the last saved file is intact.',
          ),
        );
      }
      e.savedRevision = snapshot.revision;
    });
  }

  /** Cut the journal to the batches newer than the file. Runs inside the session's `ops` queue. */
  private async trimJournal(e: Entry): Promise<void> {
    const remaining = e.tail.filter((t) => t.rev > e.savedRevision);
    if (remaining.length > 0 && remaining.length === e.tail.length) return; // nothing newly saved
    if (e.journal) await e.journal.reset(remaining.map((t) => t.line));
    e.tail = remaining;
    e.batchesSinceSave = remaining.length;
  }

  /** Full save, then journal cut. */
  private async compact(e: Entry): Promise<void> {
    await this.writeSnapshot(e);
    await this.ops.run(e.id, () => this.trimJournal(e));
  }

  async flush(id?: string): Promise<void> {
    const targets =
      id === undefined
        ? [...this.entries.values()]
        : [this.entries.get(id)].filter((x): x is Entry => !!x);
    let first: unknown = null;
    for (const e of targets) {
      if (e.timer) clearTimeout(e.timer);
      e.timer = null;
      await this.compact(e).catch((err) => (first ??= err));
    }
    if (first) throw first;
  }

  // ---- recovery, backups, replacement ----------------------------------------------------

  async recover(id: string, action: 'restore' | 'discard'): Promise<ApiResult<OpenedSession>> {
    const got = await this.entry(id);
    if (!got.ok) return got;
    const e = got.value;
    return this.ops.run(id, async () => {
      const p = e.pending;
      if (!p) return { ok: true as const, value: opened(e) };
      const n = p.entries.length;
      if (action === 'discard') {
        let aside: string | null;
        try {
          aside = await this.layout.setAsideJournal(id);
        } catch (err) {
          return {
            ok: false as const,
            error: ioError(err, 'set the unsaved changes aside', 'Nothing was changed.'),
          };
        }
        e.pending = null;
        e.keepJournalBytes = 0;
        e.notice = `${n} unsaved change${n === 1 ? ' was' : 's were'} set aside${aside ? ` in ${aside}` : ''}; the session is as it was last saved.`;
        return { ok: true as const, value: opened(e) };
      }
      e.pending = null;
      e.session = p.session;
      e.tail = p.entries.map((j) => ({ rev: j.rev, line: journalLine(j) }));
      e.keepJournalBytes = p.keepBytes;
      e.notice = `${n} unsaved change${n === 1 ? ' was' : 's were'} restored.`;
      try {
        await this.writeSnapshot(e);
        e.journal ??= await JournalWriter.open(this.layout.journalFile(id), e.keepJournalBytes);
        await this.trimJournal(e);
      } catch (err) {
        const error =
          err instanceof StoreError ? err.error : ioError(err, 'save the restored changes', '');
        e.notice += ` They are kept in the journal but could not be written to the session file yet: ${error.message}`;
      }
      return { ok: true as const, value: opened(e) };
    });
  }

  async restoreBackup(id: string): Promise<ApiResult<OpenedSession>> {
    if (this.closed) return fail('internal', 'The session store has been closed.');
    if (!isSafeSessionId(id)) return fail('not-found', 'There is no session with that id.');
    if (!this.entries.has(id) && !this.damaged.has(id)) await this.entry(id); // learn the file's state first
    const backup = await this.damaged.readBackup(id);
    if (!backup) return fail('not-found', 'This session has no valid backup to restore.');
    return this.ops.run(id, async () => {
      const old = this.entries.get(id);
      if (old?.readOnly)
        return fail<OpenedSession>('read-only', old.readOnlyNotice ?? 'This session is read-only.');
      const damage = this.damaged.get(id);
      if (old) {
        // Save its latest state first: after the restore it is the backup, so nothing is lost.
        if (!old.pending) await this.writeSnapshot(old).catch(() => undefined);
        await this.retire(old);
      }
      const e = this.freshEntry(id, backup);
      e.savedRevision = -1;
      try {
        await this.layout.setAsideJournal(id);
        await this.writeSnapshot(e);
      } catch (err) {
        const error =
          err instanceof StoreError ? err.error : ioError(err, 'restore the backup', '');
        return { ok: false as const, error };
      }
      this.damaged.delete(id);
      this.entries.set(id, e);
      e.notice = damage?.quarantinedAs
        ? `The session file was damaged (${damage.problem}) and was moved to ${damage.quarantinedAs}. The backup saved at ${backup.updatedAt} was restored; changes made after it are not in it.`
        : `The backup saved at ${backup.updatedAt} was restored. The version it replaced is now the backup.`;
      return { ok: true as const, value: opened(e) };
    });
  }

  async replace(session: Session): Promise<ApiResult<OpenedSession>> {
    const v = this.checkIncoming(session);
    if (!v.ok) return v;
    const id = v.value.id;
    if (!this.has(id)) {
      this.damaged.delete(id);
      return this.create(v.value);
    }
    const got = await this.entry(id);
    if (!got.ok && got.error.code === 'damaged') {
      this.damaged.delete(id); // the damaged file stays in quarantine
      return this.create(v.value);
    }
    if (!got.ok) return got;
    const e = got.value;
    return this.ops.run(id, async () => {
      if (e.readOnly)
        return fail<OpenedSession>('read-only', e.readOnlyNotice ?? 'This session is read-only.');
      const before = { session: e.session, savedRevision: e.savedRevision };
      try {
        if (e.pending) await this.layout.setAsideJournal(id);
        else {
          // The latest state becomes the backup, and the journal is emptied before the new
          // content lands, so no old batch can ever be replayed onto the replacement.
          await this.writeSnapshot(e);
          if (e.journal) await this.trimJournal(e);
          else await (await JournalWriter.open(this.layout.journalFile(id), 0)).close();
        }
        e.pending = null;
        e.tail = [];
        e.batchesSinceSave = 0;
        e.session = v.value;
        e.savedRevision = -1;
        await this.writeSnapshot(e);
      } catch (err) {
        e.session = before.session;
        e.savedRevision = before.savedRevision;
        const error =
          err instanceof StoreError
            ? err.error
            : ioError(err, 'replace the session', 'The last saved file is intact.');
        return { ok: false as const, error };
      }
      return { ok: true as const, value: opened(e) };
    });
  }

  async archive(id: string): Promise<ApiResult<{ archivedAs: string }>> {
    if (this.closed) return fail('internal', 'The session store has been closed.');
    if (!isSafeSessionId(id)) return fail('not-found', 'There is no session with that id.');
    await this.loading.get(id);
    return this.ops.run(id, async () => {
      const e = this.entries.get(id);
      if (e) {
        if (!e.readOnly && !e.pending) await this.writeSnapshot(e).catch(() => undefined); // else the journal goes along
        await this.retire(e);
      }
      let archivedAs: string | null;
      try {
        archivedAs = await this.layout.archive(id);
      } catch (err) {
        return {
          ok: false as const,
          error: ioError(err, 'move the session to the archive', 'Nothing was erased.'),
        };
      }
      this.damaged.delete(id);
      return archivedAs
        ? { ok: true as const, value: { archivedAs } }
        : fail<{ archivedAs: string }>('not-found', 'There is no session with that id.');
    });
  }

  /** Forget an entry: stop its timer, wait for its writes, close its journal. */
  private async retire(e: Entry): Promise<void> {
    e.gone = true;
    if (e.timer) clearTimeout(e.timer);
    e.timer = null;
    await this.saves.idle(e.id);
    await e.journal?.close().catch(() => undefined);
    e.journal = null;
    this.entries.delete(e.id);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.all([...this.loading.values()]);
    await this.flush().catch(() => undefined); // whatever could not be written stays journaled
    this.closed = true;
    for (const e of [...this.entries.values()]) {
      await this.ops.idle(e.id);
      const empty = e.journal?.bytes === 0;
      await this.retire(e);
      if (empty) await fsp.unlink(this.layout.journalFile(e.id)).catch(() => undefined);
    }
  }
}

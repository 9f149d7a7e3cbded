/**
 * The saving half of the session controller: op batches applied locally wait
 * here and go to the host with `sessions.apply`, debounced so a change is
 * saved within a second. Saving never drops local edits: when the host
 * refuses or cannot be reached, the ops stay queued and the save state says
 * why in words (I/O, internal and lock errors are retried every 3 s; a
 * conflict waits for the reviewer, see {@link SaveQueue.resolveConflict}).
 *
 * Only the latest view-only op (scroll position, open article) waiting to be
 * sent is kept. Until the host acknowledges them, queued ops are also kept in
 * the browser's storage (`kept-edits.ts`), so a reload, a closed tab or a
 * host restart does not lose them.
 */
import type { ApiClient, ApiError, OpenedSession } from '../../shared/api/contract';
import type { Session } from '../../shared/model/session';
import { isViewOnly, type SessionOp } from '../../shared/session/session-ops';
import type { HostPlatform } from '../api/platform';
import type { KeptEditsStore } from './kept-edits';

/** Ops per `sessions.apply` request (the contract allows 20,000). */
const MAX_OPS_PER_REQUEST = 5_000;

export type SaveState =
  | { state: 'saved' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'read-only'; message: string }
  | { state: 'error'; error: ApiError; retrying: boolean };

export interface SaveQueueOptions {
  /** Written by a newer version: nothing is ever sent. */
  readOnly: boolean;
  /** Changes are held back (a crash recovery waits): nothing is queued or kept. */
  heldBack: boolean;
  /** Where unacknowledged edits are kept across reloads (browser mode), or none. */
  kept: KeptEditsStore | null;
  platform?: Pick<HostPlatform, 'callOnUnload'>;
  /** Quiet time before a save, ms. */
  debounceMs?: number;
  /** Longest a change waits before it is sent, ms (≤ 1 s keeps the autosave promise). */
  maxWaitMs?: number;
}

export class SaveQueue {
  private pending: SessionOp[] = [];
  private inFlight: SessionOp[] | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstPendingAt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private saveState: SaveState;
  private flushWaiters: (() => void)[] = [];
  private destroyed = false;

  /**
   * @param session the session now (its id and name label what is sent and kept)
   * @param changed called after every change of {@link state}
   * @param serverRevision the revision the host has
   */
  constructor(
    private readonly client: ApiClient,
    private readonly session: () => Session,
    private readonly changed: () => void,
    private serverRevision: number,
    private readonly options: SaveQueueOptions,
  ) {
    this.saveState = options.readOnly
      ? {
          state: 'read-only',
          message: 'Written by a newer version of the app: shown read-only and never saved.',
        }
      : { state: 'saved' };
  }

  get state(): SaveState {
    return this.saveState;
  }

  /** The ops applied locally that the host has not acknowledged yet, oldest first. */
  get unsent(): SessionOp[] {
    return [...(this.inFlight ?? []), ...this.pending];
  }

  /**
   * The host changed the session itself (a team sync or merge) and is now at `revision`. The
   * host accepts a batch made on the revision before its own changes, so nothing queued is lost.
   */
  hostRevision(revision: number): void {
    if (revision > this.serverRevision) this.serverRevision = revision;
    this.persist();
  }

  get hasUnsaved(): boolean {
    return this.pending.length > 0 || this.inFlight !== null;
  }

  /**
   * Start with ops kept from an earlier page, made on `baseRevision`: they are
   * sent on it, so the host's conflict rule decides.
   */
  resume(ops: readonly SessionOp[], baseRevision: number): void {
    this.serverRevision = baseRevision;
    this.pending = [...ops];
    this.firstPendingAt = Date.now();
    this.saveState = { state: 'pending' };
    this.schedule();
  }

  private setSave(s: SaveState): void {
    this.saveState = s;
    this.changed();
  }

  private get blocked(): boolean {
    return this.options.readOnly || this.options.heldBack;
  }

  /** Keep what the host has not acknowledged in the browser's storage (or forget it once it has). */
  private persist(): void {
    const kept = this.options.kept;
    if (!kept || this.blocked) return;
    const ops = [...(this.inFlight ?? []), ...this.pending];
    const s = this.session();
    if (!ops.length) kept.clear(s.id);
    else kept.write(s.id, s.name, this.serverRevision, ops);
  }

  /** Queue a batch just applied locally. */
  queue(ops: SessionOp[]): void {
    if (this.blocked) return;
    if (isViewOnly(ops)) {
      // Only the latest view state waiting to be sent matters.
      this.pending = this.pending.filter((o) => o.op !== 'view.put');
    }
    if (!this.pending.length) this.firstPendingAt = Date.now();
    this.pending.push(...ops);
    this.persist();
    if (this.saveState.state === 'saved') this.setSave({ state: 'pending' });
    this.schedule();
  }

  private schedule(): void {
    if (this.destroyed || (this.saveState.state === 'error' && !this.saveState.retrying)) return;
    if (this.timer) clearTimeout(this.timer);
    const debounce = this.options.debounceMs ?? 250;
    const maxWait = this.options.maxWaitMs ?? 700;
    const wait = Math.max(0, Math.min(debounce, this.firstPendingAt + maxWait - Date.now()));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, wait);
  }

  /** Send everything queued now. Resolves once the queue is empty or saving failed. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.inFlight) {
      await new Promise<void>((resolve) => this.flushWaiters.push(resolve));
      if (this.pending.length && !(this.saveState.state === 'error')) return this.flush();
      return;
    }
    while (this.pending.length && !this.destroyed) {
      const batch = this.pending.slice(0, MAX_OPS_PER_REQUEST);
      this.pending = this.pending.slice(batch.length);
      this.inFlight = batch;
      this.setSave({ state: 'saving' });
      const r = await this.client.call('sessions.apply', {
        id: this.session().id,
        baseRevision: this.serverRevision,
        ops: batch,
      });
      this.inFlight = null;
      if (r.ok) {
        this.serverRevision = r.value.revision;
        this.persist();
        continue;
      }
      // Keep the ops: they are still applied locally and go out with the next save.
      this.pending = [...batch, ...this.pending];
      this.persist();
      const retrying =
        r.error.code === 'io' || r.error.code === 'internal' || r.error.code === 'locked';
      this.setSave({ state: 'error', error: r.error, retrying });
      if (retrying && !this.retryTimer) {
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          void this.flush();
        }, 3000);
      }
      break;
    }
    if (!this.pending.length && !this.inFlight && this.saveState.state !== 'read-only')
      this.setSave({ state: 'saved' });
    const waiters = this.flushWaiters;
    this.flushWaiters = [];
    for (const w of waiters) w();
  }

  /**
   * After a `conflict` (the file changed elsewhere): `keep-mine` re-sends the
   * queued edits on top of the saved revision; `reload` drops them, calls
   * `dropped` (the owner lets go of the session) and returns the saved
   * session for the caller to reopen.
   */
  async resolveConflict(
    choice: 'keep-mine' | 'reload',
    dropped: () => void,
  ): Promise<OpenedSession | null> {
    const id = this.session().id;
    const opened = await this.client.call('sessions.open', { id });
    if (!opened.ok) {
      this.setSave({ state: 'error', error: opened.error, retrying: false });
      return null;
    }
    if (choice === 'reload') {
      this.pending = [];
      // The reviewer chose the saved version: the kept copy of the dropped edits goes too.
      this.options.kept?.clear(id);
      dropped();
      return opened.value;
    }
    this.serverRevision = opened.value.session.revision;
    this.persist();
    this.setSave({ state: 'pending' });
    await this.flush();
    return null;
  }

  /** Retry a failed save now. */
  retry(): void {
    if (this.saveState.state === 'error') this.setSave({ state: 'pending' });
    void this.flush();
  }

  /** The page is going away: send what is queued with a request that outlives the page. */
  flushOnUnload(): void {
    if (!this.pending.length || this.options.readOnly) return;
    const ops = this.pending.slice(0, MAX_OPS_PER_REQUEST);
    const req = { id: this.session().id, baseRevision: this.serverRevision, ops };
    if (this.options.platform?.callOnUnload)
      this.options.platform.callOnUnload('sessions.apply', req);
    else void this.client.call('sessions.apply', req);
  }

  /** Stop: nothing more is sent, and no timer is left behind. */
  destroy(): void {
    this.destroyed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }
}

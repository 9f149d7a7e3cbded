/**
 * The open session in the renderer: applies every change locally with
 * `applyOps` (so the UI answers at once; this optimistic copy stamps no times:
 * the service stamps each batch with its clock when it saves it, and a
 * reopened session shows those), records the inverse batches for
 * undo/redo, and sends the ops to the host with `sessions.apply`, debounced so
 * a change is saved within a second. Saving never drops local edits: when the
 * host refuses or cannot be reached, the ops stay queued and the save state
 * says why in words.
 *
 * View-only ops (scroll position, open article) are saved but never undone,
 * and only the latest one waiting to be sent is kept.
 *
 * Until the host acknowledges them, queued ops are also kept in the
 * browser's storage (`kept-edits.ts`), so a reload, a closed tab or a host
 * restart does not lose them: the next time the session opens they are
 * replayed (`replay-kept.ts`). While edits are unsaved, leaving the page asks
 * first (through the platform), and a new address for the host (a pasted URL
 * with a new token) retries the save at once.
 */
import type { ApiClient, ApiError, OpenedSession } from '../../shared/api/contract';
import type { Session } from '../../shared/model/session';
import { applyOps, isViewOnly, type SessionOp } from '../../shared/session/session-ops';
import { UndoHistory } from '../../shared/review/undo-history';
import type { HostPlatform } from '../api/platform';
import type { KeptEditsStore } from './kept-edits';
import { replayKept, type ReplayOutcome } from './replay-kept';

/** Ops per `sessions.apply` request (the contract allows 20,000). */
const MAX_OPS_PER_REQUEST = 5_000;

export type SaveState =
  | { state: 'saved' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'read-only'; message: string }
  | { state: 'error'; error: ApiError; retrying: boolean };

export interface ControllerOptions {
  platform?: Pick<HostPlatform, 'callOnUnload' | 'onReconnect' | 'watchUnsaved'>;
  /** Where unacknowledged edits are kept across reloads (browser mode), or none. */
  kept?: KeptEditsStore | null;
  /** Quiet time before a save, ms. */
  debounceMs?: number;
  /** Longest a change waits before it is sent, ms (≤ 1 s keeps the autosave promise). */
  maxWaitMs?: number;
}

export type ApplyOutcome = { ok: true } | { ok: false; message: string };

export interface ChangeEvent {
  session: Session;
  /** The ops just applied (empty for save-state changes). */
  ops: readonly SessionOp[];
}

export class SessionController {
  private current: Session;
  private readonly history = new UndoHistory();
  private pending: SessionOp[] = [];
  private inFlight: SessionOp[] | null = null;
  private serverRevision: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstPendingAt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private listeners = new Set<(e: ChangeEvent) => void>();
  private saveState: SaveState;
  private flushWaiters: (() => void)[] = [];
  private destroyed = false;
  private readonly detach: (() => void)[] = [];
  private readonly kept: KeptEditsStore | null;
  /** What happened to edits kept from an earlier page of this session (see `replay-kept.ts`). */
  readonly replay: ReplayOutcome;
  readonly readOnly: boolean;
  /**
   * Why changes are held back (a crash left journaled changes that must be
   * restored or discarded first), or null. View changes still apply locally.
   */
  readonly heldBack: string | null;

  constructor(
    private readonly client: ApiClient,
    opened: OpenedSession,
    private readonly options: ControllerOptions = {},
  ) {
    this.current = opened.session;
    this.serverRevision = opened.session.revision;
    this.readOnly = opened.readOnly;
    this.heldBack =
      opened.recovery && !opened.readOnly
        ? 'First restore or discard the unsaved changes from before the app closed unexpectedly (see the message at the top).'
        : null;
    this.saveState = opened.readOnly
      ? {
          state: 'read-only',
          message: 'Written by a newer version of the app: shown read-only and never saved.',
        }
      : { state: 'saved' };
    this.kept = options.kept ?? null;
    this.replay = replayKept(
      this.kept,
      opened,
      opened.readOnly
        ? { reason: 'This session is read-only.', permanent: true }
        : this.heldBack
          ? { reason: this.heldBack, permanent: false }
          : null,
    );
    if (this.replay.kind === 'replayed') {
      // Sent on the revision they were made on: the host's conflict rule decides.
      this.current = this.replay.session;
      this.serverRevision = this.replay.baseRevision;
      this.pending = [...this.replay.ops];
      this.firstPendingAt = Date.now();
      this.saveState = { state: 'pending' };
      this.schedule();
    }
    const p = options.platform;
    const off = [p?.onReconnect?.(() => this.retry()), p?.watchUnsaved?.(() => this.hasUnsaved)];
    for (const f of off) if (f) this.detach.push(f);
  }

  get session(): Session {
    return this.current;
  }

  get save(): SaveState {
    return this.saveState;
  }

  get hasUnsaved(): boolean {
    return this.pending.length > 0 || this.inFlight !== null;
  }

  get undoLabel(): string | null {
    return this.history.peekUndo()?.label ?? null;
  }

  get redoLabel(): string | null {
    return this.history.peekRedo()?.label ?? null;
  }

  subscribe(listener: (e: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(ops: readonly SessionOp[]): void {
    for (const l of this.listeners) l({ session: this.current, ops });
  }

  private setSave(s: SaveState): void {
    this.saveState = s;
    this.emit([]);
  }

  /**
   * Apply a batch locally, record its inverse under `label` (unless view-only)
   * and queue it for saving. Refusals come back as a sentence; nothing changes then.
   */
  apply(ops: SessionOp[], label: string): ApplyOutcome {
    if (!ops.length) return { ok: true };
    const viewOnly = isViewOnly(ops);
    if (this.heldBack && !viewOnly) return { ok: false, message: this.heldBack };
    if (this.readOnly && !viewOnly)
      return {
        ok: false,
        message:
          'This session is read-only: it was written by a newer version of the app. Nothing can be changed here.',
      };
    const r = applyOps(this.current, ops, null);
    if (!r.ok) return { ok: false, message: r.problems.join(' ') };
    this.current = r.session;
    if (!viewOnly) this.history.record(r.inverse, label);
    this.queue(ops);
    this.emit(ops);
    return { ok: true };
  }

  /** Undo the last change. Returns the label undone, or null when there is nothing to undo. */
  undo(): ApplyOutcome & { label?: string } {
    return this.step('undo');
  }

  redo(): ApplyOutcome & { label?: string } {
    return this.step('redo');
  }

  private step(which: 'undo' | 'redo'): ApplyOutcome & { label?: string } {
    if (this.readOnly) return { ok: false, message: 'This session is read-only.' };
    const entry = which === 'undo' ? this.history.takeUndo() : this.history.takeRedo();
    if (!entry)
      return { ok: false, message: which === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.' };
    const r = applyOps(this.current, entry.ops, null);
    if (!r.ok) {
      if (which === 'undo') this.history.pushUndo(entry);
      else this.history.pushRedo(entry);
      return { ok: false, message: `Could not ${which} “${entry.label}”: ${r.problems.join(' ')}` };
    }
    this.current = r.session;
    const back = { ops: r.inverse, label: entry.label };
    if (which === 'undo') this.history.pushRedo(back);
    else this.history.pushUndo(back);
    this.queue(entry.ops);
    this.emit(entry.ops);
    return { ok: true, label: entry.label };
  }

  /** Keep what the host has not acknowledged in the browser's storage (or forget it once it has). */
  private persist(): void {
    if (!this.kept || this.readOnly || this.heldBack) return;
    const ops = [...(this.inFlight ?? []), ...this.pending];
    if (!ops.length) this.kept.clear(this.current.id);
    else this.kept.write(this.current.id, this.current.name, this.serverRevision, ops);
  }

  private queue(ops: SessionOp[]): void {
    if (this.readOnly || this.heldBack) return;
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
        id: this.current.id,
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
   * queued edits on top of the saved revision; `reload` drops them and
   * returns the saved session for the caller to reopen.
   */
  async resolveConflict(choice: 'keep-mine' | 'reload'): Promise<OpenedSession | null> {
    const opened = await this.client.call('sessions.open', { id: this.current.id });
    if (!opened.ok) {
      this.setSave({ state: 'error', error: opened.error, retrying: false });
      return null;
    }
    if (choice === 'reload') {
      this.pending = [];
      // The reviewer chose the saved version: the kept copy of the dropped edits goes too.
      this.kept?.clear(this.current.id);
      this.destroy();
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
    if (!this.pending.length || this.readOnly) return;
    const ops = this.pending.slice(0, MAX_OPS_PER_REQUEST);
    const req = { id: this.current.id, baseRevision: this.serverRevision, ops };
    if (this.options.platform?.callOnUnload)
      this.options.platform.callOnUnload('sessions.apply', req);
    else void this.client.call('sessions.apply', req);
  }

  /** Forget edits that were set aside because they no longer applied (the reviewer chose so). */
  discardSetAside(): void {
    this.kept?.discardAside(this.current.id);
  }

  destroy(): void {
    this.destroyed = true;
    for (const off of this.detach.splice(0)) off();
    if (this.timer) clearTimeout(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.listeners.clear();
  }
}

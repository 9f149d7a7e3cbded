/**
 * The open session in the renderer: applies every change locally with
 * `applyOps` (so the UI answers at once), records the inverse batches for
 * undo/redo, and sends the ops to the host with `sessions.apply`, debounced so
 * a change is saved within a second. Saving never drops local edits: when the
 * host refuses or cannot be reached, the ops stay queued and the save state
 * says why in words. The sending, retrying and keeping is the controller's
 * {@link SaveQueue} (`save-queue.ts`).
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
import type { ApiClient, OpenedSession } from '../../shared/api/contract';
import type { Session } from '../../shared/model/session';
import { applyOps, isViewOnly, type SessionOp } from '../../shared/session/session-ops';
import { UndoHistory } from '../../shared/review/undo-history';
import { shareSessionStrings } from '../../shared/session/share-strings';
import type { HostPlatform } from '../api/platform';
import type { KeptEditsStore } from './kept-edits';
import { replayKept, type ReplayOutcome } from './replay-kept';
import { SaveQueue, type SaveState } from './save-queue';

export type { SaveState } from './save-queue';

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
  private readonly saving: SaveQueue;
  private listeners = new Set<(e: ChangeEvent) => void>();
  private readonly detach: (() => void)[] = [];
  private guard: (() => string | null) | null = null;
  /** What happened to edits kept from an earlier page of this session (see `replay-kept.ts`). */
  readonly replay: ReplayOutcome;
  readonly readOnly: boolean;
  /**
   * Why changes are held back (a crash left journaled changes that must be
   * restored or discarded first), or null. View changes still apply locally.
   */
  readonly heldBack: string | null;

  constructor(
    client: ApiClient,
    opened: OpenedSession,
    private readonly options: ControllerOptions = {},
  ) {
    // Fresh from the host's JSON: quotes become slices of the article text, recurring words
    // one string each (several MB less heap at 10,000 annotations; no value changes).
    shareSessionStrings(opened.session);
    this.current = opened.session;
    this.readOnly = opened.readOnly;
    this.heldBack =
      opened.recovery && !opened.readOnly
        ? 'First restore or discard the unsaved changes from before the app closed unexpectedly (see the message at the top).'
        : null;
    const kept = options.kept ?? null;
    this.saving = new SaveQueue(
      client,
      () => this.current,
      () => this.emit([]),
      opened.session.revision,
      {
        readOnly: this.readOnly,
        heldBack: !!this.heldBack,
        kept,
        platform: options.platform,
        debounceMs: options.debounceMs,
        maxWaitMs: options.maxWaitMs,
      },
    );
    this.replay = replayKept(
      kept,
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
      this.saving.resume(this.replay.ops, this.replay.baseRevision);
    }
    const p = options.platform;
    const off = [p?.onReconnect?.(() => this.retry()), p?.watchUnsaved?.(() => this.hasUnsaved)];
    for (const f of off) if (f) this.detach.push(f);
  }

  get session(): Session {
    return this.current;
  }

  get save(): SaveState {
    return this.saving.state;
  }

  get hasUnsaved(): boolean {
    return this.saving.hasUnsaved;
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
    const refused = viewOnly ? null : this.guard?.();
    if (refused) return { ok: false, message: refused };
    const r = applyOps(this.current, ops, null);
    if (!r.ok) return { ok: false, message: r.problems.join(' ') };
    this.current = r.session;
    if (!viewOnly) this.history.record(r.inverse, label);
    this.saving.queue(ops);
    this.emit(ops);
    return { ok: true };
  }

  /**
   * Ops the host already applied to the session (colleagues' changes from a team sync, a
   * resolution, a merged file), taking it to `revision`. They are applied to this copy with the
   * edits not saved yet applied again on top, as the host will. With a `label` the change is
   * undoable like one made here (undoing it is an ordinary change).
   */
  applyHost(ops: readonly SessionOp[], revision: number, label?: string): ApplyOutcome {
    if (!ops.length) {
      this.saving.hostRevision(revision);
      return { ok: true };
    }
    const r = applyOps(this.current, [...ops], null);
    if (!r.ok) return { ok: false, message: r.problems.join(' ') };
    let next = r.session;
    const unsent = this.saving.unsent;
    if (unsent.length) {
      const again = applyOps(next, unsent, null);
      if (again.ok) next = again.session;
    }
    this.current = next;
    this.saving.hostRevision(revision);
    if (label) this.history.record(r.inverse, label);
    this.emit(ops);
    return { ok: true };
  }

  /**
   * Ask before the next change: `guard` returns a sentence to refuse it with (the reviewer
   * must confirm first, e.g. editing an approved session), or null to let it through.
   */
  setEditGuard(guard: (() => string | null) | null): void {
    this.guard = guard;
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
    const refused = this.guard?.();
    if (refused) return { ok: false, message: refused };
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
    this.saving.queue(entry.ops);
    this.emit(entry.ops);
    return { ok: true, label: entry.label };
  }

  /** Send everything queued now. Resolves once the queue is empty or saving failed. */
  flush(): Promise<void> {
    return this.saving.flush();
  }

  /**
   * After a `conflict` (the file changed elsewhere): `keep-mine` re-sends the
   * queued edits on top of the saved revision; `reload` drops them and
   * returns the saved session for the caller to reopen.
   */
  resolveConflict(choice: 'keep-mine' | 'reload'): Promise<OpenedSession | null> {
    return this.saving.resolveConflict(choice, () => this.destroy());
  }

  /** Retry a failed save now. */
  retry(): void {
    this.saving.retry();
  }

  /** The page is going away: send what is queued with a request that outlives the page. */
  flushOnUnload(): void {
    this.saving.flushOnUnload();
  }

  /** Forget edits that were set aside because they no longer applied (the reviewer chose so). */
  discardSetAside(): void {
    this.options.kept?.discardAside(this.current.id);
  }

  destroy(): void {
    this.saving.destroy();
    for (const off of this.detach.splice(0)) off();
    this.listeners.clear();
  }
}

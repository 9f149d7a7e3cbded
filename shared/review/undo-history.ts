/**
 * Undo and redo over op batches. Each entry is the inverse batch `applyOps`
 * returned; undoing applies it and pushes *its* inverse onto the redo stack.
 * A new change clears the redo stack, as editors do. View-only batches
 * (scroll, open article) are never recorded.
 *
 * Why our own history and not prosemirror-history: the article is read-only,
 * so the editor makes no document steps to undo. What the reviewer changes is
 * the session (annotations, links, speakers, verdicts, settings), and those
 * changes reach it as op batches, from the editor, the panels, dialogs and
 * imports alike. Undoing a session change therefore means applying the
 * inverse batch `applyOps` computed, which also restores cascades (the links a
 * deletion removed) and goes to the host as ordinary ops, so undo is saved,
 * journaled and replayed like any other change. prosemirror-history records
 * document steps and maps them through later ones; it has nothing to record
 * here and no way to send an undo to the host.
 */
import type { SessionOp } from '../session/session-ops';

export interface HistoryEntry {
  /** The batch that reverts the change. */
  ops: SessionOp[];
  /** What the change was, for "Undo mark as claim" tooltips. */
  label: string;
}

/** Bounded undo/redo stacks. `limit` entries are kept; the oldest fall off. */
export class UndoHistory {
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];

  constructor(private readonly limit = 500) {}

  /** Record the inverse of a change just made; clears redo. Empty batches are ignored. */
  record(inverse: SessionOp[], label: string): void {
    if (!inverse.length) return;
    this.undoStack.push({ ops: inverse, label });
    if (this.undoStack.length > this.limit) this.undoStack.shift();
    this.redoStack = [];
  }

  /** The entry to undo next, without removing it. */
  peekUndo(): HistoryEntry | null {
    return this.undoStack[this.undoStack.length - 1] ?? null;
  }

  peekRedo(): HistoryEntry | null {
    return this.redoStack[this.redoStack.length - 1] ?? null;
  }

  /**
   * Take the next undo entry. The caller applies it and hands the resulting
   * inverse to {@link pushRedo}; when applying fails it puts the entry back with {@link pushUndo}.
   */
  takeUndo(): HistoryEntry | null {
    return this.undoStack.pop() ?? null;
  }

  takeRedo(): HistoryEntry | null {
    return this.redoStack.pop() ?? null;
  }

  pushRedo(entry: HistoryEntry): void {
    this.redoStack.push(entry);
  }

  /** Push an undo entry without clearing redo (after a redo, or to put back an entry that failed). */
  pushUndo(entry: HistoryEntry): void {
    this.undoStack.push(entry);
    if (this.undoStack.length > this.limit) this.undoStack.shift();
  }

  get undoDepth(): number {
    return this.undoStack.length;
  }

  get redoDepth(): number {
    return this.redoStack.length;
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
  }
}

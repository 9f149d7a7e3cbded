import { describe, expect, it } from 'vitest';
import { UndoHistory } from '../../../shared/review/undo-history';
import type { SessionOp } from '../../../shared/session/session-ops';

const op = (name: string): SessionOp[] => [{ op: 'session.rename', name }];

describe('UndoHistory', () => {
  it('undoes in reverse order, redoes, and a new change clears redo', () => {
    const h = new UndoHistory();
    h.record(op('a'), 'A');
    h.record(op('b'), 'B');
    expect(h.peekUndo()?.label).toBe('B');
    const b = h.takeUndo()!;
    h.pushRedo({ ops: op('b2'), label: b.label });
    expect(h.undoDepth).toBe(1);
    expect(h.peekRedo()?.label).toBe('B');
    const redo = h.takeRedo()!;
    h.pushUndo({ ops: op('b3'), label: redo.label });
    expect(h.undoDepth).toBe(2);
    h.takeUndo();
    h.pushRedo({ ops: op('x'), label: 'B' });
    h.record(op('c'), 'C');
    expect(h.redoDepth).toBe(0);
  });

  it('ignores empty batches and drops the oldest beyond the limit', () => {
    const h = new UndoHistory(2);
    h.record([], 'nothing');
    expect(h.undoDepth).toBe(0);
    h.record(op('1'), '1');
    h.record(op('2'), '2');
    h.record(op('3'), '3');
    expect(h.undoDepth).toBe(2);
    expect(h.takeUndo()?.label).toBe('3');
    expect(h.takeUndo()?.label).toBe('2');
    expect(h.takeUndo()).toBeNull();
  });
});

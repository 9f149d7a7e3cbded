/**
 * A DOM `Range` over document positions `from`..`to` of an editor view, for
 * the custom highlights (`CSS.highlights`) of the annotation painter and the
 * suggestion layer. Null when the positions have no DOM (not rendered, or the
 * document changed under them).
 */
import type { EditorView } from 'prosemirror-view';

export function domRange(view: EditorView, from: number, to: number): Range | null {
  try {
    const a = view.domAtPos(from, 1);
    const b = view.domAtPos(to, -1);
    const range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return range;
  } catch {
    return null;
  }
}

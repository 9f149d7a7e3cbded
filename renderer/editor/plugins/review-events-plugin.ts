/**
 * Reports what the reviewer does in the article to the host: selection
 * changes, clicks on highlights and context-menu requests. It only reports;
 * the host decides (show the floating toolbar, open the annotation, show the
 * menu). Nothing here calls the API.
 */
import { Plugin, TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { highlightsAt } from './highlight-plugin';

export interface ReviewEventCallbacks {
  /** The selection changed (also fires for caret moves). */
  onSelectionChange?: (view: EditorView) => void;
  /** A click (without dragging a selection) landed on one or more highlights, innermost first. */
  onHighlightClick?: (ids: string[], point: { x: number; y: number }) => void;
  /** The context menu was asked for at a point; `ids` are the highlights there, innermost first. */
  onContextMenu?: (ids: string[], point: { x: number; y: number }) => void;
}

/** Highlight ids at a document position, tolerant of a click on the last half of a character. */
export function idsAtPos(view: EditorView, pos: number): string[] {
  let hits = highlightsAt(view.state, pos);
  if (!hits.length && pos > 0) hits = highlightsAt(view.state, pos - 1);
  return hits.map((h) => h.id);
}

/** The plugin; every callback is optional. */
export function reviewEventsPlugin(callbacks: ReviewEventCallbacks): Plugin {
  return new Plugin({
    view: () => ({
      update(view, prev) {
        if (!prev.selection.eq(view.state.selection)) callbacks.onSelectionChange?.(view);
      },
    }),
    props: {
      handleClick(view, pos, event) {
        // ProseMirror calls this for a click without a drag, before it moves the caret there.
        if (event.button !== 0 || event.shiftKey) return false;
        const ids = idsAtPos(view, pos);
        if (ids.length) callbacks.onHighlightClick?.(ids, { x: event.clientX, y: event.clientY });
        return false;
      },
      handleDOMEvents: {
        contextmenu(view, event) {
          if (!callbacks.onContextMenu) return false;
          const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
          const { selection } = view.state;
          // Right-clicking inside the selection keeps it; elsewhere the caret moves there.
          const ids = at ? idsAtPos(view, at.pos) : [];
          if (at && (selection.empty || at.pos < selection.from || at.pos > selection.to)) {
            view.dispatch(
              view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at.pos))),
            );
          }
          event.preventDefault();
          callbacks.onContextMenu(ids, { x: event.clientX, y: event.clientY });
          return true;
        },
      },
    },
  });
}

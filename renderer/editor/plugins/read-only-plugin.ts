/**
 * Keeps the article text read-only while the view stays editable, so the
 * caret, keyboard selection and screen-reader navigation keep working (a
 * non-editable ProseMirror view has no caret).
 *
 * Every transaction that would change the document is dropped, and the DOM
 * events that would try to change it (typing, paste, cut, drop, IME input)
 * are cancelled before the browser acts on them. Pasted content is left for
 * the window's own paste handler, which imports it as a new article.
 */
import { Plugin } from 'prosemirror-state';

/** Input types that only move or select, never edit. */
const HARMLESS_INPUT = new Set(['historyUndo', 'historyRedo']);

export interface ReadOnlyOptions {
  /** Called when the reader tried to change the text, with a hint to show. */
  onRefused?: (hint: string) => void;
}

/** The hint shown when someone types into the article. */
export const READ_ONLY_HINT =
  'The article text is read-only: it is the source being checked. Select text and mark it instead (keys 1–4).';

/** A plugin that drops document changes and cancels editing input. */
export function readOnlyPlugin(options: ReadOnlyOptions = {}): Plugin {
  const refuse = () => options.onRefused?.(READ_ONLY_HINT);
  return new Plugin({
    filterTransaction: (tr) => !tr.docChanged,
    props: {
      handleTextInput: () => {
        refuse();
        return true;
      },
      handlePaste: () => true,
      handleDrop: () => true,
      handleDOMEvents: {
        beforeinput: (_view, event) => {
          const e = event as InputEvent;
          e.preventDefault();
          if (!HARMLESS_INPUT.has(e.inputType)) refuse();
          return true;
        },
        cut: (_view, event) => {
          // Copying is fine; cutting would remove text.
          event.preventDefault();
          return true;
        },
        drop: (_view, event) => {
          // Files dropped on the article bubble up to the window's import handler.
          if (!event.dataTransfer?.files.length) event.preventDefault();
          return true;
        },
        dragstart: (_view, event) => {
          // Dragging text out of the article would move it in a writable view.
          event.preventDefault();
          return true;
        },
      },
    },
  });
}

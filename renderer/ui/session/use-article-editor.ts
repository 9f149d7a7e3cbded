/**
 * The session view's link to the article editor (mounted once per article by
 * `article-pane.tsx`): its handle, the callbacks it reports through, the
 * rectangle of the selection (where the floating mark toolbar sits, kept on
 * the selection while scrolling), the line that tells screen readers what the
 * caret is in, and a reveal that waits for the next article's editor.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Session } from '../../../shared/model/session';
import type { ArticleEditor, ArticleEditorCallbacks } from '../../editor/article-editor';
import type { ReviewCommand } from '../../editor/shortcuts';
import { describeAt } from './session-commands';
import type { Overlay, Point } from './session-overlays';

export interface EditorHandlers {
  runCommand: (cmd: ReviewCommand) => boolean;
  activate: (id: string) => void;
  setOverlay: (overlay: Overlay) => void;
  refused: (text: string) => void;
  /** The session now, for the caret line. */
  session: () => Session;
}

export type SelectionRect = { left: number; right: number; top: number; bottom: number };

export function useArticleEditor(handlers: EditorHandlers) {
  const [editor, setEditorState] = useState<ArticleEditor | null>(null);
  const editorRef = useRef<ArticleEditor | null>(null);
  /** An annotation to reveal once the next article's editor is mounted. */
  const pendingReveal = useRef<string | null>(null);
  const [selRect, setSelRect] = useState<SelectionRect | null>(null);
  const [caretNote, setCaretNote] = useState('');

  const refreshSelection = () => {
    const ed = editorRef.current;
    requestAnimationFrame(() => {
      // Only for a selection made in the focused article (not for "show in the article" from the panel).
      setSelRect(
        ed && !ed.view.state.selection.empty && ed.view.hasFocus() ? ed.selectionRect() : null,
      );
      // Highlights are painted, not in the DOM: tell screen readers what the caret is in.
      if (ed?.view.hasFocus())
        setCaretNote(describeAt(latest.current.session(), ed.annotationsAtCaret()));
    });
  };

  // Latest handlers for the editor's callbacks (the editor is mounted once per article).
  const latest = useRef({ ...handlers, refreshSelection });
  latest.current = { ...handlers, refreshSelection };
  /** Run a command with the latest handlers (a stable function, for listeners added once). */
  const runLatest = useMemo(() => (cmd: ReviewCommand) => latest.current.runCommand(cmd), []);
  const callbacks = useMemo<ArticleEditorCallbacks>(
    () => ({
      onCommand: runLatest,
      onSelectionChange: () => latest.current.refreshSelection(),
      onHighlightClick: (ids, point) => {
        if (ids.length === 1) latest.current.activate(ids[0]!);
        else latest.current.setOverlay({ type: 'chooser', ids, point });
      },
      onContextMenu: (ids, point) => latest.current.setOverlay({ type: 'context', ids, point }),
      onRefused: (text) => latest.current.refused(text),
    }),
    [],
  );

  const onEditor = (ed: ArticleEditor | null) => {
    editorRef.current = ed;
    setEditorState(ed);
    if (ed) {
      // The floating toolbar follows the article's focus.
      ed.view.dom.addEventListener('focusin', () => latest.current.refreshSelection());
      ed.view.dom.addEventListener('focusout', () => latest.current.refreshSelection());
    }
    if (ed && pendingReveal.current) {
      const id = pendingReveal.current;
      pendingReveal.current = null;
      requestAnimationFrame(() => ed.reveal(id));
    }
    if (ed && !pendingReveal.current)
      requestAnimationFrame(() => document.activeElement === document.body && ed.focus());
  };

  // Keep the floating toolbar on the selection while scrolling.
  useEffect(() => {
    if (!selRect) return;
    const onScroll = () => latest.current.refreshSelection();
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    return () => document.removeEventListener('scroll', onScroll, { capture: true });
  }, [!!selRect]);

  return { editor, editorRef, pendingReveal, callbacks, onEditor, selRect, caretNote, runLatest };
}

/** Where a menu opened from the keyboard appears: under the caret (or near the text's corner). */
export function caretPoint(ed: ArticleEditor): Point {
  try {
    const c = ed.view.coordsAtPos(ed.view.state.selection.head);
    return { x: c.left, y: c.bottom };
  } catch {
    const r = ed.view.dom.getBoundingClientRect();
    return { x: r.left + 40, y: r.top + 40 };
  }
}

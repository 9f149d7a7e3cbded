/**
 * The article editor, mountable on its own: a read-only ProseMirror view of
 * one article with its annotations as highlights, the review keymap, and
 * selection/click/context-menu reports. The app mounts it in the session
 * view; the benchmark mounts it alone in Chromium.
 *
 * Coordinates: the host speaks canonical UTF-16 offsets of the article text
 * (and annotations carry code-point selectors); the editor converts through
 * the article's {@link ArticleMap} and code-point index.
 */
import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { Article } from '../../shared/model/article';
import type { Annotation } from '../../shared/model/session';
import type { AnnotationChanges } from '../../shared/review/annotation-changes';
import { articleToDoc, type ArticleMap } from '../../shared/article/article-doc';
import { articleIndex } from '../../shared/article/article-index';
import { trimRange } from '../../shared/review/annotation-edits';
import { invisiblesPlugin } from './plugins/invisibles-plugin';
import { readOnlyPlugin } from './plugins/read-only-plugin';
import {
  flashHighlight,
  highlightPlugin,
  highlightsBetween,
  highlightState,
  setActiveHighlight,
  setHighlights,
  updateHighlights,
  type HighlightRange,
} from './plugins/highlight-plugin';
import { reviewEventsPlugin, idsAtPos } from './plugins/review-events-plugin';
import { reviewKeymapPlugin } from './plugins/review-keymap-plugin';
import { suggestionLayer } from './plugins/suggestion-layer';
import type { ReviewCommand } from './shortcuts';
import { ShownAnnotations } from './shown-annotations';

export { diffByIdentity } from './shown-annotations';

/** What the editor reports to its host. Every callback is optional. */
export interface ArticleEditorCallbacks {
  /** The selection or caret moved. */
  onSelectionChange?: (editor: ArticleEditor) => void;
  /** Highlights under a click, innermost first. */
  onHighlightClick?: (ids: string[], point: { x: number; y: number }) => void;
  /** The context menu was asked for (right click, Shift+F10, the Menu key). */
  onContextMenu?: (ids: string[], point: { x: number; y: number }) => void;
  /** A review shortcut was pressed; return true when handled. */
  onCommand?: (command: ReviewCommand) => boolean;
  /** Someone tried to type into the read-only text. */
  onRefused?: (hint: string) => void;
}

export interface MountOptions {
  /** Paint with inline decorations even where custom highlights exist. */
  forceDecorations?: boolean;
  /** Accessible label of the article text. */
  label?: string;
}

/** A canonical UTF-16 range of the article text. */
export interface TextSpan {
  start: number;
  end: number;
}

export interface ArticleEditor {
  readonly view: EditorView;
  readonly article: Article;
  readonly map: ArticleMap;
  /**
   * Show these annotations (those of other articles and orphans are skipped).
   * With `changes` describing how the list differs from the last one given
   * (from the ops that made it), the update costs O(changes); otherwise the
   * lists are compared by object identity.
   */
  setAnnotations(annotations: readonly Annotation[], changes?: AnnotationChanges | null): void;
  /** Mark one annotation as the open one, or none. */
  setActive(id: string | null): void;
  /** Scroll to an annotation, flash it and (optionally) select its text. False when it is not shown. */
  reveal(id: string, options?: { select?: boolean; flash?: boolean }): boolean;
  /** Select a canonical range and scroll it into view. */
  selectSpan(span: TextSpan, options?: { focus?: boolean }): void;
  /** The current selection as a canonical range, or null when it is empty or only whitespace. */
  selectedSpan(): TextSpan | null;
  /** Canonical offset of the caret (the selection head). */
  caretOffset(): number;
  /** Viewport rectangle of the selection, or null when it is empty or only whitespace. */
  selectionRect(): { left: number; right: number; top: number; bottom: number } | null;
  /** Ids of the annotations at the caret, innermost first. */
  annotationsAtCaret(): string[];
  /** Ids of the shown annotations in document order. */
  annotationOrder(): string[];
  focus(): void;
  destroy(): void;
}

/**
 * Mount an article editor into `element` (its contents are replaced).
 * Throws `RangeError` when the article's structure does not fit its text.
 */
export function mountArticleEditor(
  element: HTMLElement,
  article: Article,
  annotations: readonly Annotation[],
  callbacks: ArticleEditorCallbacks = {},
  options: MountOptions = {},
): ArticleEditor {
  const { doc, map } = articleToDoc(article);
  const cpIndex = articleIndex(article);
  const shows = (a: Annotation) =>
    a.target.articleId === article.id && a.target.status !== 'orphaned';
  const toRange = (a: Annotation): HighlightRange | null => {
    if (!shows(a)) return null;
    const s16 = cpIndex.toUtf16(a.target.position.start);
    const e16 = cpIndex.toUtf16(a.target.position.end);
    const from = map.offsetToPos(s16, 1);
    const to = map.offsetToPos(e16, -1);
    if (to <= from) return null;
    return { id: a.id, from, to, kind: a.kind, status: a.target.status };
  };

  // The handle is built after the view; callbacks reach it through this box.
  const self: { editor: ArticleEditor | null } = { editor: null };
  const state = EditorState.create({
    doc,
    plugins: [
      readOnlyPlugin({ onRefused: (h) => callbacks.onRefused?.(h) }),
      highlightPlugin({ forceDecorations: options.forceDecorations }),
      // Claim suggestions (issue 13): empty until the session view sets them.
      suggestionLayer({ forceDecorations: options.forceDecorations }),
      invisiblesPlugin(),
      reviewKeymapPlugin((cmd) => callbacks.onCommand?.(cmd) ?? false),
      reviewEventsPlugin({
        onSelectionChange: () => self.editor && callbacks.onSelectionChange?.(self.editor),
        onHighlightClick: (ids, p) => callbacks.onHighlightClick?.(ids, p),
        onContextMenu: (ids, p) => callbacks.onContextMenu?.(ids, p),
      }),
    ],
  });

  element.replaceChildren();
  const view = new EditorView(element, {
    state,
    attributes: {
      class: 'article-text',
      role: 'textbox',
      'aria-readonly': 'true',
      'aria-multiline': 'true',
      'aria-label': options.label ?? 'Article text (read-only)',
      spellcheck: 'false',
      autocorrect: 'off',
      autocapitalize: 'off',
      translate: 'no',
    },
  });

  const releaseInputMethod = detachInputMethod(view.dom);

  const shownSet = new ShownAnnotations(shows, toRange);
  view.dispatch(setHighlights(view.state.tr, shownSet.reset(annotations)));

  // A selection of nothing but whitespace (a space, a paragraph break) is no
  // passage: it counts as empty, so no mark toolbar or command is offered for it.
  const spanOfSelection = (): TextSpan | null => {
    const { from, to, empty } = view.state.selection;
    if (empty) return null;
    const start = map.posToOffset(from, 1);
    const end = map.posToOffset(to, -1);
    return end > start && trimRange(article.text, start, end) ? { start, end } : null;
  };

  const scrollRangeIntoView = (from: number, to: number) => {
    try {
      const a = view.domAtPos(from, 1);
      const b = view.domAtPos(to, -1);
      const range = document.createRange();
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      const rect = range.getBoundingClientRect();
      const scroller = scrollParent(view.dom);
      const box =
        scroller === document.scrollingElement
          ? { top: 0, bottom: window.innerHeight }
          : scroller.getBoundingClientRect();
      const visible = rect.top >= box.top + 40 && rect.bottom <= box.bottom - 40;
      if (!visible) {
        const target = rect.top - box.top - (box.bottom - box.top) / 3;
        scroller.scrollBy({ top: target, behavior: 'auto' });
      }
    } catch {
      view.dispatch(view.state.tr.scrollIntoView());
    }
  };

  const editor: ArticleEditor = {
    view,
    article,
    map,
    setAnnotations(list, changes) {
      const d = shownSet.update(list, changes);
      if (d) view.dispatch(updateHighlights(view.state.tr, d.put, d.remove));
    },
    setActive(id) {
      if (highlightState(view.state)?.active === id) return;
      view.dispatch(setActiveHighlight(view.state.tr, id));
    },
    reveal(id, opts = {}) {
      const r = highlightState(view.state)?.index.get(id);
      if (!r) return false;
      let tr = view.state.tr;
      if (opts.select !== false)
        tr = tr.setSelection(TextSelection.create(view.state.doc, r.from, r.to));
      if (opts.flash !== false) tr = flashHighlight(tr, id);
      view.dispatch(tr);
      scrollRangeIntoView(r.from, r.to);
      return true;
    },
    selectSpan(span, opts = {}) {
      const from = map.offsetToPos(span.start, 1);
      const to = map.offsetToPos(span.end, -1);
      view.dispatch(
        view.state.tr.setSelection(TextSelection.create(view.state.doc, from, Math.max(from, to))),
      );
      scrollRangeIntoView(from, Math.max(from, to));
      if (opts.focus) view.focus();
    },
    selectedSpan: spanOfSelection,
    caretOffset: () => map.posToOffset(view.state.selection.head, 1),
    selectionRect() {
      const { from, to } = view.state.selection;
      if (!spanOfSelection()) return null;
      try {
        const a = view.coordsAtPos(from, 1);
        const b = view.coordsAtPos(to, -1);
        return {
          left: Math.min(a.left, b.left),
          right: Math.max(a.right, b.right),
          top: Math.min(a.top, b.top),
          bottom: Math.max(a.bottom, b.bottom),
        };
      } catch {
        return null;
      }
    },
    annotationsAtCaret() {
      const { selection } = view.state;
      if (!selection.empty) {
        // A selection that equals a highlight's range picks that highlight first.
        const exact = highlightsBetween(view.state, selection.from, selection.to).filter(
          (h) => h.from === selection.from && h.to === selection.to,
        );
        if (exact.length) return exact.map((h) => h.id);
      }
      return idsAtPos(view, selection.head);
    },
    annotationOrder: () =>
      highlightState(view.state)
        ?.index.all()
        .map((r) => r.id) ?? [],
    focus: () => view.focus(),
    destroy: () => {
      releaseInputMethod();
      view.destroy();
    },
  };
  self.editor = editor;
  return editor;
}

function scrollParent(el: HTMLElement): Element {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowY;
    if ((o === 'auto' || o === 'scroll') && p.scrollHeight > p.clientHeight) return p;
  }
  return document.scrollingElement ?? document.documentElement;
}

/**
 * Keep the input method away from the article, where the browser allows it. While a
 * contenteditable element has focus, Chromium hands the input method the element's whole text
 * at every rendered frame: with the caret in a 1.2 MB article that is some 50–100 ms a frame
 * (scrolling, marking, every repaint). Nothing is ever typed into the article (it is
 * read-only), so an empty `EditContext` takes the input method's side instead; the caret, the
 * selection and every key stay as they are, and typing still arrives as `beforeinput` for the
 * read-only filter to refuse. Returns the undo; does nothing where `EditContext` is missing.
 */
function detachInputMethod(dom: HTMLElement): () => void {
  const Ctor = (globalThis as { EditContext?: new () => unknown }).EditContext;
  const el = dom as HTMLElement & { editContext?: unknown };
  if (!Ctor || !('editContext' in el)) return () => {};
  el.editContext = new Ctor();
  return () => {
    el.editContext = null;
  };
}

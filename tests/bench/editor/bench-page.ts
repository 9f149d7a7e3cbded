/**
 * The editor benchmark's page module, bundled by esbuild and loaded into Chromium by
 * `editor-bench.ts`. It exposes `window.__bench`; every function measures inside the page with
 * `performance.now()` and returns plain numbers, so the CDP round trip is never timed.
 *
 * - `openOurs(count)`: `mountArticleEditor` (the app's editor, CSS Custom Highlights painted
 *   lazily) with the first `count` annotations, until the text is laid out, the visible
 *   highlights are registered and the frame that shows them has been rendered.
 * - `openFloor()`: the bare article in a plain ProseMirror `EditorView` (same schema, same doc
 *   builder, same CSS), until laid out and rendered.
 * - `openTextAnnotator(count)`: the same article as static HTML (the schema's DOM serializer)
 *   with `@recogito/text-annotator` (SPANS renderer, its default) loading `count` highlights by
 *   text offsets, until its highlight spans are drawn.
 * - `addHighlight()`: one more annotation through the editor's `setAnnotations` with the changes
 *   its op batch made (what the app's session view passes), timed through the transaction, the DOM update and a forced style/layout; then until
 *   the next frame is rendered.
 *
 * "Rendered" means: after a `requestAnimationFrame` callback registered after the work, a
 * message posted from it arrives, which happens once that frame's style, layout and paint ran.
 */
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { DOMSerializer, type Node as PmNode } from 'prosemirror-model';
import { createTextAnnotator, type TextAnnotator } from '@recogito/text-annotator';
import type { Article } from '../../../shared/model/article';
import type { Annotation } from '../../../shared/model/session';
import { articleToDoc, type ArticleMap } from '../../../shared/article/article-doc';
import { articleSchema } from '../../../shared/article/article-schema';
import { CodePointIndex } from '../../../shared/text/code-points';
import { mountArticleEditor, type ArticleEditor } from '../../../renderer/editor/article-editor';
import { annotationChanges } from '../../../shared/review/annotation-changes';
import { highlightState } from '../../../renderer/editor/plugins/highlight-plugin';
import { nextRenderedFrame } from './frames';

interface BenchData {
  article: Article;
  annotations: Annotation[];
  /** An annotation not among `annotations`, near the top, for `addHighlight`. */
  extra: Annotation | null;
}

export interface OpenOutcome {
  ms: number;
  /** Highlights drawn when the frame rendered (ranges registered / spans drawn). */
  painted: number;
  /** Highlights whose range holds the annotation's quote (null when not checked). */
  correct: number | null;
}

/** How many frames to wait for a peer's highlights before calling them not drawn (~2 s). */
const MAX_WAIT_FRAMES = 120;

let data: BenchData | null = null;
let editor: ArticleEditor | null = null;
/** The list the editor was last given in the highlight step. */
let shownList: readonly Annotation[] | null = null;
let floorView: EditorView | null = null;
let annotator: TextAnnotator | null = null;

const host = () => document.getElementById('host')!;
const gc = () => (window as unknown as { gc?: () => void }).gc?.();

function forceLayout(el: HTMLElement): void {
  void el.getBoundingClientRect();
  void document.body.offsetHeight;
}

function customHighlightCount(): number {
  let n = 0;
  const reg = (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights;
  for (const [name, h] of reg) if (name.startsWith('fc-') && name !== 'fc-moved') n += h.size;
  return n;
}

/** Tear down whatever is mounted and collect garbage, so runs start alike. */
function reset(): void {
  editor?.destroy();
  editor = null;
  floorView?.destroy();
  floorView = null;
  annotator?.destroy();
  annotator = null;
  host().replaceChildren();
  document.getElementById('scroll')!.scrollTop = 0;
  gc();
  gc();
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** Count highlights in the editor's plugin state whose text is the annotation's quote. */
function checkOurs(ed: ArticleEditor, list: readonly Annotation[]): number {
  const hs = highlightState(ed.view.state);
  if (!hs) return 0;
  const doc = ed.view.state.doc;
  let ok = 0;
  for (const a of list) {
    const r = hs.index.get(a.id);
    if (r && squash(doc.textBetween(r.from, r.to, '')) === squash(a.target.quote.exact)) ok++;
  }
  return ok;
}

const bench = {
  /** Keep the session data in the page (parsed from JSON, outside any timing). */
  load(json: string): number {
    data = JSON.parse(json) as BenchData;
    return data.annotations.length;
  },

  async openOurs(count: number, forceDecorations = false): Promise<OpenOutcome> {
    reset();
    const list = data!.annotations.slice(0, count);
    const t0 = performance.now();
    editor = mountArticleEditor(host(), data!.article, list, {}, { forceDecorations });
    forceLayout(editor.view.dom);
    await nextRenderedFrame();
    const ms = performance.now() - t0;
    const painted = forceDecorations
      ? editor.view.dom.querySelectorAll('.fc-hl').length
      : customHighlightCount();
    return { ms, painted, correct: checkOurs(editor, list) };
  },

  async openFloor(): Promise<OpenOutcome> {
    reset();
    const t0 = performance.now();
    const { doc } = articleToDoc(data!.article);
    floorView = new EditorView(host(), {
      state: EditorState.create({ doc }),
      attributes: { class: 'article-text', spellcheck: 'false' },
    });
    forceLayout(floorView.dom);
    await nextRenderedFrame();
    return { ms: performance.now() - t0, painted: 0, correct: null };
  },

  async openTextAnnotator(count: number): Promise<OpenOutcome & { loadMs: number }> {
    reset();
    const article = data!.article;
    const list = data!.annotations.slice(0, count);
    // Offsets in the container's text (no separators between blocks), prepared untimed.
    const { doc, map } = articleToDoc(article);
    const toText = textOffsets(doc, map);
    const cp = new CodePointIndex(article.text);
    const items = list.map((a) => {
      const start = toText(cp.toUtf16(a.target.position.start));
      const end = toText(cp.toUtf16(a.target.position.end));
      return {
        id: a.id,
        bodies: [],
        target: { annotation: a.id, selector: [{ quote: a.target.quote.exact, start, end }] },
      };
    });
    const t0 = performance.now();
    const root = document.createElement('div');
    root.className = 'article-text';
    root.appendChild(DOMSerializer.fromSchema(articleSchema).serializeFragment(doc.content));
    host().appendChild(root);
    forceLayout(root);
    annotator = createTextAnnotator(root);
    const t1 = performance.now();
    // `false`: keep nothing that is there (there is nothing); the flag only skips a clear.
    (annotator.setAnnotations as (l: unknown[], replace?: boolean) => void)(items, false);
    let painted = 0;
    for (let frames = 0; frames < MAX_WAIT_FRAMES; frames++) {
      await nextRenderedFrame();
      painted = root.querySelectorAll('.r6o-annotation').length;
      if (painted > 0 || count === 0) break;
    }
    const t2 = performance.now();
    const byId = new Map(list.map((a) => [a.id, a]));
    let correct = 0;
    for (const a of annotator.state.store.all()) {
      const want = byId.get(a.id);
      const range = a.target.selector[0]?.range;
      if (want && range && squash(range.toString()) === squash(want.target.quote.exact)) correct++;
    }
    return { ms: t2 - t0, loadMs: t2 - t1, painted, correct };
  },

  /** Mount ours with `count` annotations, untimed, ready for `addHighlight`. */
  async mountForHighlight(count: number): Promise<number> {
    reset();
    shownList = data!.annotations.slice(0, count);
    editor = mountArticleEditor(host(), data!.article, shownList);
    await nextRenderedFrame();
    await nextRenderedFrame();
    return customHighlightCount();
  },

  /** One more highlight (see the module comment); removed again, untimed, afterwards. */
  async addHighlight(count: number): Promise<{ ms: number; frameMs: number; added: boolean }> {
    // As the app does: the new list, with the changes its op batch made (session-view.tsx).
    const list = shownList!;
    if (list.length !== count)
      throw new Error('addHighlight needs the editor prepared with that count');
    const extra = data!.extra!;
    const next = [...list, extra];
    const addedChanges = annotationChanges(list, next, [
      { op: 'annotation.put', annotation: extra },
    ]);
    const before = customHighlightCount();
    const t0 = performance.now();
    editor!.setAnnotations(next, addedChanges);
    forceLayout(editor!.view.dom);
    const t1 = performance.now();
    await nextRenderedFrame();
    const t2 = performance.now();
    const added =
      customHighlightCount() === before + 1 &&
      highlightState(editor!.view.state)?.index.get(data!.extra!.id) !== undefined;
    editor!.setAnnotations(
      list,
      annotationChanges(next, list, [{ op: 'annotation.delete', id: extra.id }]),
    );
    await nextRenderedFrame();
    gc();
    return { ms: t1 - t0, frameMs: t2 - t0, added };
  },
};

/**
 * A function from canonical UTF-16 offsets to offsets in the rendered text (the concatenated
 * text nodes, as text-annotator counts): through the document position of the offset, then the
 * text nodes before it.
 */
function textOffsets(doc: PmNode, map: ArticleMap): (offset16: number) => number {
  const starts: number[] = [];
  const before: number[] = [];
  let acc = 0;
  doc.descendants((node, pos) => {
    if (node.isText) {
      starts.push(pos);
      before.push(acc);
      acc += node.text!.length;
    }
    return true;
  });
  return (offset16) => {
    const pos = map.offsetToPos(offset16, 1);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return before[lo]! + Math.max(0, pos - starts[lo]!);
  };
}

(window as unknown as { __bench: typeof bench }).__bench = bench;
export type Bench = typeof bench;

/**
 * Which part of the article is near the reader's view, in document
 * positions: the text within one view height above and below the part of
 * the article that is visible (the window clipped by every scrolling or
 * clipping ancestor). The highlight painter paints exactly the highlights
 * that meet this span.
 *
 * Cost per call: a binary search over the top-level blocks' client
 * rectangles (O(log blocks) layout reads) plus a computed-style read per
 * ancestor. A block much taller than the view (one long transcript
 * paragraph) is narrowed so the span stays about three views long: the
 * margin part is interpolated over the block's height, and the visible part
 * is made exact with `posAtCoords` at the view's edges.
 */
import type { EditorView } from 'prosemirror-view';

/** A range of document positions, both ends inclusive for "meets" tests. */
export interface PosSpan {
  from: number;
  to: number;
}

/** The visible vertical band of an element, in client coordinates; null when nothing of it shows. */
export interface ViewBox {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** How many view heights of margin are kept above and below the visible part. */
export const VIEW_MARGIN = 1;

/**
 * A block taller than this many view heights is narrowed to what lies near
 * the view instead of being taken whole.
 */
const TALL_BLOCK_VIEWS = 2;

/**
 * The visible part of `el`: the window, clipped by each ancestor whose
 * overflow is not `visible`. Null when that is empty (hidden, scrolled away,
 * or not laid out).
 */
export function visibleBox(el: Element): ViewBox | null {
  const r = el.getBoundingClientRect();
  let top = Math.max(0, r.top);
  let bottom = Math.min(window.innerHeight || document.documentElement.clientHeight, r.bottom);
  let left = Math.max(0, r.left);
  let right = Math.min(window.innerWidth || document.documentElement.clientWidth, r.right);
  for (let p = el.parentElement; p && p !== document.documentElement; p = p.parentElement) {
    const style = getComputedStyle(p);
    if (style.overflowY === 'visible' && style.overflowX === 'visible') continue;
    const b = p.getBoundingClientRect();
    top = Math.max(top, b.top);
    bottom = Math.min(bottom, b.bottom);
    left = Math.max(left, b.left);
    right = Math.min(right, b.right);
  }
  return bottom > top && right > left ? { top, bottom, left, right } : null;
}

/**
 * The positions of the text within `VIEW_MARGIN` view heights of the
 * visible part of the editor. `blockStarts` holds the start position of
 * each top-level node and, last, the document's content size. Null when
 * nothing of the editor is visible.
 */
export function nearViewSpan(view: EditorView, blockStarts: readonly number[]): PosSpan | null {
  const blocks = view.dom.children;
  const n = Math.min(blocks.length, blockStarts.length - 1);
  if (n === 0) return null;
  const box = visibleBox(view.dom);
  if (!box) return null;
  const h = box.bottom - box.top;
  const lo = box.top - VIEW_MARGIN * h;
  const hi = box.bottom + VIEW_MARGIN * h;
  const rect = (i: number) => blocks[i]!.getBoundingClientRect();
  // First block whose bottom reaches `lo`.
  let a = 0;
  let b = n;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (rect(mid).bottom < lo) a = mid + 1;
    else b = mid;
  }
  const first = Math.min(a, n - 1);
  // Last block whose top is above `hi`.
  a = first;
  b = n;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (rect(mid).top <= hi) a = mid + 1;
    else b = mid;
  }
  const last = Math.max(first, a - 1);
  let from = blockStarts[first]!;
  let to = blockStarts[last + 1]!;

  const tall = TALL_BLOCK_VIEWS * h;
  const fr = rect(first);
  if (fr.height > tall && fr.top < lo) {
    const f = (lo - fr.top) / fr.height;
    const est = from + Math.floor(f * (blockStarts[first + 1]! - from));
    from = Math.min(est, exactPos(view, box.left + 1, box.top + 1) ?? est);
  }
  const lr = rect(last);
  if (lr.height > tall && lr.bottom > hi) {
    const start = blockStarts[last]!;
    const f = (hi - lr.top) / lr.height;
    const est = start + Math.ceil(f * (blockStarts[last + 1]! - start));
    to = Math.max(est, exactPos(view, box.right - 1, box.bottom - 1) ?? est);
  }
  return from <= to ? { from, to } : { from: to, to: from };
}

/** The document position at a point of the viewport, or null where there is none. */
function exactPos(view: EditorView, left: number, top: number): number | null {
  try {
    return view.posAtCoords({ left, top })?.pos ?? null;
  } catch {
    return null;
  }
}

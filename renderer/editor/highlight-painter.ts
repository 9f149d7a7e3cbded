/**
 * Paints annotation highlights with the CSS Custom Highlight API, lazily.
 *
 * Why: the article's DOM never changes (the text is read-only), so a DOM
 * `Range` per highlight stays valid, and the browser paints ranges without
 * any span being added to the document. Only the highlights that meet the
 * visible part of the article (plus a screen of margin either way) get a
 * `Range` (see `visible-span.ts`). At every scroll position the painted set
 * is exactly the highlights meeting that span: scrolling paints what came
 * near and unpaints what went far, so a jump anywhere (End, Find, a card
 * click, a scrollbar drag) shows what is there, and the number of live
 * `Range`s stays bounded by what fits in about three views, whatever the
 * session's size. Work per scroll is O(log n + highlights near the view).
 * Opening a session with 10,000 highlights therefore costs little more than
 * opening the bare article, and one new highlight costs one `Range`.
 *
 * Registered highlight names: `fc-claim`, `fc-counter-statement`,
 * `fc-evidence`, `fc-context`, `fc-moved`, `fc-changed`, `fc-active`, `fc-flash`; styled
 * with `::highlight(name)` in the app's CSS.
 */
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { HighlightRange, HighlightState } from './highlight-types';
import { nearViewSpan, type PosSpan } from './visible-span';
import { domRange } from './dom-range';

const KINDS = ['context', 'claim', 'evidence', 'counter-statement'] as const;
/** How long a flash stays, in ms. */
const FLASH_MS = 1600;

interface HighlightRegistryLike {
  set(name: string, h: Highlight): void;
  delete(name: string): void;
}

/** True where `CSS.highlights` and `Highlight` exist. */
export function supportsCustomHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

interface Painted {
  range: Range;
  kind: string;
  status: string;
  from: number;
  to: number;
}

/** Whether a highlight meets a span (touching ends count). */
function meets(r: { from: number; to: number }, span: PosSpan): boolean {
  return r.to >= span.from && r.from <= span.to;
}

/**
 * The ProseMirror plugin view that keeps the custom highlights in step with
 * the plugin state. Invariant, after each frame that followed a scroll or a
 * change: the painted highlights are exactly those of the plugin state that
 * meet {@link HighlightPainter.span} (less any whose DOM range could not be
 * made).
 */
export class HighlightPainter {
  private readonly registry: HighlightRegistryLike;
  private readonly byKind = new Map<string, Highlight>();
  /** Anchor statuses that are marked on top of the kind's colour: `moved`, `changed`. */
  private readonly byStatus = new Map<string, Highlight>();
  private readonly active: Highlight;
  private readonly flash: Highlight;
  private readonly painted = new Map<string, Painted>();
  /** Start position of each top-level node, plus the doc size at the end. */
  private blockStarts: number[] = [];
  /** The span painted for; null before the first frame (and after a full repaint). */
  private span: PosSpan | null = null;
  private frame = 0;
  private flashTimer: ReturnType<typeof setTimeout> | null = null;
  private lastFlashSeq = -1;
  private lastActive: string | null = null;
  private readonly observer: MutationObserver;
  private readonly onScroll = () => this.schedule();

  constructor(
    private view: EditorView,
    private readonly read: (s: EditorState) => HighlightState,
  ) {
    this.registry = (CSS as unknown as { highlights: HighlightRegistryLike }).highlights;
    KINDS.forEach((k, i) => this.byKind.set(k, this.register(`fc-${k}`, i + 1)));
    this.byStatus.set('moved', this.register('fc-moved', 10));
    this.byStatus.set('changed', this.register('fc-changed', 10));
    this.active = this.register('fc-active', 11);
    this.flash = this.register('fc-flash', 12);
    this.indexBlocks();
    document.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    window.addEventListener('resize', this.onScroll, { passive: true });
    // ProseMirror may redraw a node (e.g. after the browser touched the DOM);
    // ranges into replaced text nodes would go stale, so repaint.
    this.observer = new MutationObserver(() => this.repaintAll());
    this.observer.observe(view.dom, { childList: true, subtree: true, characterData: true });
    this.schedule();
  }

  /** How many highlights hold a `Range` now (bounded by what is near the view). */
  get paintedCount(): number {
    return this.painted.size;
  }

  private register(name: string, priority: number): Highlight {
    const h = new Highlight();
    h.priority = priority;
    this.registry.set(name, h);
    return h;
  }

  private indexBlocks(): void {
    const starts: number[] = [];
    let pos = 0;
    this.view.state.doc.forEach((node) => {
      starts.push(pos);
      pos += node.nodeSize;
    });
    starts.push(pos);
    this.blockStarts = starts;
  }

  update(view: EditorView, prevState: EditorState): void {
    this.view = view;
    const hs = this.read(view.state);
    if (view.state.doc !== prevState.doc) {
      this.indexBlocks();
      this.repaintAll();
    } else {
      const change = hs.change;
      if (change.type === 'all') this.repaintAll();
      else if (change.type === 'some') {
        for (const id of change.removed) this.unpaint(id);
        for (const r of change.put) {
          this.unpaint(r.id);
          if (this.span && meets(r, this.span)) this.paint(r);
        }
      }
    }
    if (hs.active !== this.lastActive) this.paintActive(hs);
    if (hs.flash && hs.flash.seq !== this.lastFlashSeq) this.paintFlash(hs);
  }

  private paintActive(hs: HighlightState): void {
    this.lastActive = hs.active;
    this.active.clear();
    const r = hs.active ? hs.index.get(hs.active) : undefined;
    const range = r && this.makeRange(r);
    if (range) this.active.add(range);
  }

  private paintFlash(hs: HighlightState): void {
    this.lastFlashSeq = hs.flash!.seq;
    this.flash.clear();
    if (this.flashTimer) clearTimeout(this.flashTimer);
    const r = hs.index.get(hs.flash!.id);
    const range = r && this.makeRange(r);
    if (!range) return;
    this.flash.add(range);
    this.flashTimer = setTimeout(() => this.flash.clear(), FLASH_MS);
  }

  /** Give one highlight a `Range` in its kind's highlight (and its status's, `fc-moved` or `fc-changed`). */
  private paint(r: HighlightRange): void {
    const range = this.makeRange(r);
    if (!range) return;
    this.byKind.get(r.kind)?.add(range);
    this.byStatus.get(r.status)?.add(range);
    this.painted.set(r.id, { range, kind: r.kind, status: r.status, from: r.from, to: r.to });
  }

  private unpaint(id: string): void {
    const p = this.painted.get(id);
    if (!p) return;
    this.byKind.get(p.kind)?.delete(p.range);
    this.byStatus.get(p.status)?.delete(p.range);
    this.painted.delete(id);
  }

  private makeRange(r: { from: number; to: number }): Range | null {
    return domRange(this.view, r.from, r.to);
  }

  private repaintAll(): void {
    for (const h of [...this.byKind.values(), ...this.byStatus.values()]) h.clear();
    this.painted.clear();
    this.span = null;
    const hs = this.read(this.view.state);
    this.lastActive = null;
    this.paintActive(hs);
    this.schedule();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paintVisible();
    });
  }

  /**
   * Bring the painted set to exactly the highlights meeting the span near
   * the view: unpaint those that left it, paint those that entered it.
   * Cost: O(painted before + highlights in the new span), both bounded by
   * what fits near the view. Does nothing while the editor is not visible.
   */
  paintVisible(): void {
    const span = nearViewSpan(this.view, this.blockStarts);
    if (!span) return;
    const prev = this.span;
    if (prev && prev.from === span.from && prev.to === span.to) return;
    this.span = span;
    for (const [id, p] of this.painted) if (!meets(p, span)) this.unpaint(id);
    const hs = this.read(this.view.state);
    for (const r of hs.index.between(span.from, span.to, true))
      if (!this.painted.has(r.id)) this.paint(r);
  }

  destroy(): void {
    document.removeEventListener('scroll', this.onScroll, { capture: true });
    window.removeEventListener('resize', this.onScroll);
    this.observer.disconnect();
    if (this.frame) cancelAnimationFrame(this.frame);
    if (this.flashTimer) clearTimeout(this.flashTimer);
    for (const k of KINDS) this.registry.delete(`fc-${k}`);
    for (const n of ['fc-moved', 'fc-changed', 'fc-active', 'fc-flash']) this.registry.delete(n);
  }
}

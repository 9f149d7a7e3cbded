/**
 * Paints annotation highlights with the CSS Custom Highlight API, lazily.
 *
 * Why: the article's DOM never changes (the text is read-only), so a DOM
 * `Range` per highlight stays valid, and the browser paints ranges without
 * any span being added to the document. Only the highlights that meet the
 * visible part of the article (plus a screen of margin either way) get a
 * `Range`; scrolling paints more. Opening a session with 10,000 highlights
 * therefore costs little more than opening the bare article, and one new
 * highlight costs one `Range`.
 *
 * Registered highlight names: `fc-claim`, `fc-counter-statement`,
 * `fc-evidence`, `fc-context`, `fc-moved`, `fc-changed`, `fc-active`, `fc-flash`; styled
 * with `::highlight(name)` in the app's CSS.
 */
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { HighlightRange, HighlightState } from './plugins/highlight-plugin';

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

/** The ProseMirror plugin view that keeps the custom highlights in step with the plugin state. */
export class HighlightPainter {
  private readonly registry: HighlightRegistryLike;
  private readonly byKind = new Map<string, Highlight>();
  /** Anchor statuses that are marked on top of the kind's colour: `moved`, `changed`. */
  private readonly byStatus = new Map<string, Highlight>();
  private readonly active: Highlight;
  private readonly flash: Highlight;
  private readonly painted = new Map<string, { range: Range; kind: string; status: string }>();
  /** Start position of each top-level node, plus the doc size at the end. */
  private blockStarts: number[] = [];
  /** The position span painted so far: [from, to]. */
  private window: { from: number; to: number } | null = null;
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
          this.paint(r);
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

  /** Paint one highlight now if it meets the painted window. */
  private paint(r: HighlightRange): void {
    if (this.window && (r.to < this.window.from || r.from > this.window.to)) return;
    const range = this.makeRange(r);
    if (!range) return;
    this.byKind.get(r.kind)?.add(range);
    this.byStatus.get(r.status)?.add(range);
    this.painted.set(r.id, { range, kind: r.kind, status: r.status });
  }

  private unpaint(id: string): void {
    const p = this.painted.get(id);
    if (!p) return;
    this.byKind.get(p.kind)?.delete(p.range);
    this.byStatus.get(p.status)?.delete(p.range);
    this.painted.delete(id);
  }

  private makeRange(r: { from: number; to: number }): Range | null {
    try {
      const a = this.view.domAtPos(r.from, 1);
      const b = this.view.domAtPos(r.to, -1);
      const range = document.createRange();
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      return range;
    } catch {
      return null;
    }
  }

  private repaintAll(): void {
    for (const h of [...this.byKind.values(), ...this.byStatus.values()]) h.clear();
    this.painted.clear();
    this.window = null;
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

  /** Paint every highlight that meets the visible blocks, a screen of margin either side. */
  paintVisible(): void {
    const span = this.visibleSpan();
    if (!span) return;
    const w = this.window;
    if (w && span.from >= w.from && span.to <= w.to) return;
    const hs = this.read(this.view.state);
    for (const r of hs.index.between(span.from, span.to, true)) {
      if (!this.painted.has(r.id)) {
        const range = this.makeRange(r);
        if (!range) continue;
        this.byKind.get(r.kind)?.add(range);
        this.byStatus.get(r.status)?.add(range);
        this.painted.set(r.id, { range, kind: r.kind, status: r.status });
      }
    }
    this.window = w ? { from: Math.min(w.from, span.from), to: Math.max(w.to, span.to) } : span;
  }

  /** Document positions of the blocks within one viewport height of the visible area. */
  private visibleSpan(): { from: number; to: number } | null {
    const blocks = this.view.dom.children;
    const n = Math.min(blocks.length, this.blockStarts.length - 1);
    if (n === 0) return null;
    const vh = window.innerHeight || document.documentElement.clientHeight || 800;
    const top = -vh;
    const bottom = 2 * vh;
    // First block whose bottom is below `top`.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (blocks[mid]!.getBoundingClientRect().bottom < top) lo = mid + 1;
      else hi = mid;
    }
    const first = lo;
    lo = first;
    hi = n;
    // First block whose top is below `bottom`.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (blocks[mid]!.getBoundingClientRect().top <= bottom) lo = mid + 1;
      else hi = mid;
    }
    const last = Math.max(first, lo - 1);
    return {
      from: this.blockStarts[Math.min(first, n - 1)]!,
      to: this.blockStarts[Math.min(last + 1, n)]!,
    };
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

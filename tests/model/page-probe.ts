/**
 * What the harness reads in the page, independently of the app's own code:
 * functions run with `page.evaluate` (each self-contained: they are sent to
 * the page as source).
 *
 * Positions: the article's DOM shows each block of the canonical text as one
 * element (a tweet as its text and attribution), whose text nodes and line
 * breaks (`<br>`, one character) are a contiguous range of the canonical text.
 * The probe maps canonical offsets to DOM points and back from the stored
 * block ranges alone, so a painted highlight can be compared with the model's
 * passage without asking the app where anything is.
 */

export interface ProbeSpan {
  key: string;
  start: number;
  end: number;
}

export interface ProbeArg {
  segments: { start: number; end: number }[];
  spans: ProbeSpan[];
  /** Scroll the first span's start into the middle of the view first, and wait for two frames. */
  reveal?: boolean;
}

export interface ProbeResult {
  error?: string;
  /** Every painted kind highlight: canonical range (null when outside any block) and how many px of it are in view. */
  painted: { kind: string; start: number | null; end: number | null; inView: number }[];
  /** Each asked span: px in view and its client rectangles. */
  spans: { key: string; inView: number; rects: { x: number; y: number; w: number; h: number }[] }[];
  scroll: { top: number; height: number; client: number };
}

/** Map, paint and measure: see {@link ProbeResult}. */
export const probeArticle = async (arg: ProbeArg): Promise<ProbeResult> => {
  const empty = { painted: [], spans: [], scroll: { top: 0, height: 0, client: 0 } };
  const root = document.querySelector('.article-text');
  const scroller = document.querySelector('.article-scroll');
  if (!root || !scroller) return { ...empty, error: 'no article is shown' };
  const els: Element[] = [];
  for (const el of Array.from(root.children)) {
    if (el.matches('blockquote.tweet')) els.push(...Array.from(el.children));
    else els.push(el);
  }
  if (els.length !== arg.segments.length)
    return {
      ...empty,
      error: `the article shows ${els.length} blocks, its stored structure has ${arg.segments.length}`,
    };
  const segOf = new Map<Node, number>(els.map((e, i) => [e, i]));
  const isUnit = (n: Node) =>
    n.nodeType === 3 ||
    (n.nodeName === 'BR' && !(n as Element).classList.contains('ProseMirror-trailingBreak'));
  const units = (el: Element): Node[] => {
    const out: Node[] = [];
    const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n = w.nextNode(); n; n = w.nextNode()) if (isUnit(n)) out.push(n);
    return out;
  };
  const segIndex = (off: number, isEnd: boolean): number => {
    const s = arg.segments;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (isEnd ? s[mid]!.start < off : s[mid]!.start <= off) lo = mid;
      else hi = mid - 1;
    }
    return s[lo] && s[lo]!.start <= off && off <= s[lo]!.end ? lo : -1;
  };
  const point = (off: number, isEnd: boolean): [Node, number] | null => {
    const i = segIndex(off, isEnd);
    if (i < 0) return null;
    const el = els[i]!;
    let k = off - arg.segments[i]!.start;
    for (const u of units(el)) {
      const l = u.nodeType === 3 ? (u as Text).data.length : 1;
      if (u.nodeType === 3) {
        if (k < l || (isEnd && k === l)) return [u, k];
      } else if (k === 0) {
        return [u.parentNode!, Array.prototype.indexOf.call(u.parentNode!.childNodes, u)];
      }
      k -= l;
    }
    return [el, el.childNodes.length];
  };
  const offsetOf = (node: Node, off: number): number | null => {
    let el: Node | null = node;
    while (el && !segOf.has(el)) el = el.parentNode;
    if (!el) return null;
    const i = segOf.get(el)!;
    const r = document.createRange();
    r.setStart(el, 0);
    r.setEnd(node, off);
    let n = r.toString().length;
    for (const br of Array.from((el as Element).querySelectorAll('br')))
      if (isUnit(br) && r.intersectsNode(br)) n++;
    return arg.segments[i]!.start + n;
  };
  const rangeOf = (start: number, end: number): Range | null => {
    const a = point(start, false);
    const b = point(end, true);
    if (!a || !b) return null;
    const r = document.createRange();
    r.setStart(a[0], a[1]);
    r.setEnd(b[0], b[1]);
    return r;
  };
  if (arg.reveal && arg.spans[0]) {
    const p = point(arg.spans[0].start, false);
    const el = p && (p[0].nodeType === 3 ? p[0].parentElement : (p[0] as Element));
    el?.scrollIntoView({ block: 'center' });
    // A block taller than the view is centred as a whole, which can leave the passage's start
    // out of view: bring its first line box to the middle, as a reviewer scrolling to it would.
    const first = rangeOf(arg.spans[0].start, arg.spans[0].end)?.getClientRects()[0];
    if (first) {
      const view = scroller.getBoundingClientRect();
      if (first.top < view.top || first.bottom > view.bottom)
        (scroller as HTMLElement).scrollTop += first.top - (view.top + view.height / 2);
    }
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }
  const box = scroller.getBoundingClientRect();
  const top = Math.max(box.top, 0);
  const bottom = Math.min(box.bottom, window.innerHeight);
  const left = Math.max(box.left, 0);
  const right = Math.min(box.right, window.innerWidth);
  const inView = (r: AbstractRange): number => {
    let best = 0;
    for (const c of Array.from((r as Range).getClientRects())) {
      if (c.width <= 0 || c.height <= 0) continue;
      const v = Math.min(c.bottom, bottom) - Math.max(c.top, top);
      const h = Math.min(c.right, right) - Math.max(c.left, left);
      if (h > 0 && v > best) best = v;
    }
    return best;
  };
  const painted: ProbeResult['painted'] = [];
  const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
  for (const kind of ['claim', 'counter-statement', 'evidence', 'context']) {
    const h = registry?.get(`fc-${kind}`);
    if (!h) continue;
    h.forEach((r) => {
      painted.push({
        kind,
        start: offsetOf(r.startContainer, r.startOffset),
        end: offsetOf(r.endContainer, r.endOffset),
        inView: inView(r),
      });
    });
  }
  const spans = arg.spans.map((s) => {
    const r = rangeOf(s.start, s.end);
    const rects = r
      ? Array.from(r.getClientRects())
          .filter((c) => c.width > 0 && c.height > 0)
          .map((c) => ({ x: c.left, y: c.top, w: c.width, h: c.height }))
      : [];
    return { key: s.key, inView: r ? inView(r) : 0, rects };
  });
  const sc = scroller as HTMLElement;
  return {
    painted,
    spans,
    scroll: { top: sc.scrollTop, height: sc.scrollHeight, client: sc.clientHeight },
  };
};

export interface ShownCard {
  claim: string;
  verdict: string;
  speaker: string;
  groups: { heading: string; statements: { quote: string; note: string }[] }[];
}

/** The dispute cards as shown, or null when the panel is not shown. */
export const readCards = (): ShownCard[] | null => {
  const panel = document.querySelector('[data-testid="dispute-panel"]');
  if (!panel) return null;
  const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return Array.from(panel.querySelectorAll('[data-testid="dispute-card"]')).map((card) => ({
    claim: text(card.querySelector('.dispute-claim')),
    verdict: text(card.querySelector('.dispute-head .verdict-badge')),
    speaker: text(card.querySelector('.dispute-speaker')),
    groups: Array.from(card.querySelectorAll('.relation-group')).map((g) => ({
      heading: text(g.querySelector('.relation-heading')),
      statements: Array.from(g.querySelectorAll('.statement')).map((s) => ({
        quote: text(s.querySelector('.statement-quote')),
        note: text(s.querySelector('.statement-note')),
      })),
    })),
  }));
};

/** Wait until the article's scroll position has not moved for three frames (or ~2 s passed). */
export const waitScrollStill = async (): Promise<void> => {
  const el = document.querySelector('.article-scroll') as HTMLElement | null;
  let last = -1;
  let still = 0;
  for (let i = 0; i < 120 && still < 3; i++) {
    await new Promise((r) => requestAnimationFrame(r));
    const now = el ? el.scrollTop : 0;
    still = now === last ? still + 1 : 0;
    last = now;
  }
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
};

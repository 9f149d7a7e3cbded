/**
 * The app benchmark's page module (issue 11: `scroll`, `open-app`, `highlight-app`), bundled by
 * esbuild and evaluated in the real app's page by `app-bench.ts`. It exposes
 * `window.__appBench`; every time is measured inside the page with `performance.now()` (or an
 * input event's `timeStamp`, on the same clock), so the CDP round trip is never timed.
 *
 * What "painted" means is the model test's check (`tests/model/checks.ts`, `checkPainted`),
 * through its page probe (`probeArticle`), which maps canonical offsets to the DOM from the
 * stored block ranges alone, independently of the app's painter: every annotation of the
 * stored session whose text is in view (by 2 px or more) has a range in `CSS.highlights`
 * under its kind covering exactly its text, and nothing painted in view is unknown. Only the
 * annotations of the blocks that meet the view are probed (a binary search over the blocks'
 * rectangles), so one check costs the same at 100 and at 10,000 annotations.
 *
 * A stop's time runs from the input (a `scrollTop` set, or the `timeStamp` of the key or click
 * event) to the end of the first rendered frame after which the check holds (with the view
 * where it should be); the check itself runs after that moment and is not timed. A stop whose
 * check does not hold within its time limit is counted as not correct.
 */
import { probeArticle, type ProbeSpan } from '../../model/page-probe';
import { nextRenderedFrame } from '../editor/frames';

/** A highlight the stored session should show: canonical UTF-16 offsets and its kind. */
export interface ExpectedSpan extends ProbeSpan {
  kind: string;
}

export interface PageData {
  /** The open article's blocks, as `modelArticle` gives them. */
  segments: { start: number; end: number }[];
  /** Every non-orphaned annotation of the article, sorted by start. */
  spans: ExpectedSpan[];
}

export interface CheckOutcome {
  ok: boolean;
  /** Annotations in view (the check's subject). */
  inView: number;
  missing: number;
  extra: number;
  error?: string;
}

export interface StopOutcome extends CheckOutcome {
  ms: number;
  /** Rendered frames waited. */
  frames: number;
  /** Time spent in the (untimed) checks, ms. */
  checkMs: number;
}

/** As the model's `checkPainted`: a passage counts as in view from 2 px. */
const IN_VIEW_PX = 2;

let data: PageData | null = null;
let maxLen = 0;
let known = new Set<string>();
let armed: Promise<StopOutcome> | null = null;

const keyOf = (kind: string, s: number | null, e: number | null) => `${kind}:${s}:${e}`;
const scroller = () => document.querySelector<HTMLElement>('.article-scroll');

/** The article's blocks as the probe counts them (a tweet as its text and attribution). */
function blocks(): Element[] {
  const root = document.querySelector('.article-text');
  if (!root) return [];
  const els: Element[] = [];
  for (const el of Array.from(root.children)) {
    if (el.matches('blockquote.tweet')) els.push(...Array.from(el.children));
    else els.push(el);
  }
  return els;
}

/** The canonical offsets of the blocks meeting the visible part of the scroller; null if none. */
function visibleOffsets(): { from: number; to: number } | null {
  const sc = scroller();
  const els = blocks();
  if (!sc || !data || els.length !== data.segments.length || !els.length) return null;
  const box = sc.getBoundingClientRect();
  const top = Math.max(box.top, 0);
  const bottom = Math.min(box.bottom, window.innerHeight);
  if (bottom <= top) return null;
  let a = 0;
  let b = els.length;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (els[mid]!.getBoundingClientRect().bottom <= top) a = mid + 1;
    else b = mid;
  }
  const first = a;
  b = els.length;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (els[mid]!.getBoundingClientRect().top < bottom) a = mid + 1;
    else b = mid;
  }
  const last = a - 1;
  if (first >= els.length || last < first) return null;
  return { from: data.segments[first]!.start, to: data.segments[last]!.end };
}

/** The expected spans that may meet `[from, to]` (then measured exactly by the probe). */
function candidates(from: number, to: number): ExpectedSpan[] {
  const spans = data!.spans;
  let a = 0;
  let b = spans.length;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (spans[mid]!.start < from - maxLen) a = mid + 1;
    else b = mid;
  }
  const out: ExpectedSpan[] = [];
  for (let i = a; i < spans.length && spans[i]!.start <= to; i++)
    if (spans[i]!.end >= from) out.push(spans[i]!);
  return out;
}

/** The painted check of the module comment, at the current scroll position. */
async function check(): Promise<CheckOutcome> {
  const vis = visibleOffsets();
  if (!vis) return { ok: false, inView: 0, missing: 0, extra: 0, error: 'no article in view' };
  const spans = candidates(vis.from, vis.to);
  const r = await probeArticle({ segments: data!.segments, spans });
  if (r.error) return { ok: false, inView: 0, missing: 0, extra: 0, error: r.error };
  const painted = new Set(r.painted.map((p) => keyOf(p.kind, p.start, p.end)));
  const byKey = new Map(spans.map((s) => [s.key, s]));
  let inView = 0;
  let missing = 0;
  for (const s of r.spans) {
    if (s.inView < IN_VIEW_PX) continue;
    inView++;
    const e = byKey.get(s.key)!;
    if (!painted.has(keyOf(e.kind, e.start, e.end))) missing++;
  }
  const extra = r.painted.filter(
    (p) => p.inView >= IN_VIEW_PX && !known.has(keyOf(p.kind, p.start, p.end)),
  ).length;
  return { ok: missing === 0 && extra === 0, inView, missing, extra };
}

/**
 * Wait, frame by frame, until `ready()` and the painted check hold; the time is from `t0` to
 * the end of that frame. Gives up (not ok) after `limitMs`.
 */
async function settle(
  t0: number,
  limitMs: number,
  ready: () => boolean = () => true,
): Promise<StopOutcome> {
  let last: CheckOutcome = { ok: false, inView: 0, missing: 0, extra: 0, error: 'never checked' };
  let checkMs = 0;
  for (let frames = 1; ; frames++) {
    await nextRenderedFrame();
    const t = performance.now();
    if (ready()) {
      last = await check();
      checkMs += performance.now() - t;
      if (last.ok) return { ...last, ms: t - t0, frames, checkMs };
    }
    if (performance.now() - t0 > limitMs)
      return { ...last, ok: false, ms: t - t0, frames, checkMs };
  }
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** Resolves with the `timeStamp` of the next `type` event (keyboard key `key`) on the window. */
function nextEvent(type: 'keydown' | 'click', key?: string): Promise<number> {
  return new Promise((resolve) => {
    const on = (e: Event) => {
      if (key !== undefined && (e as KeyboardEvent).key !== key) return;
      window.removeEventListener(type, on, true);
      resolve(e.timeStamp);
    };
    window.addEventListener(type, on, true);
  });
}

const bench = {
  /** Keep the expected highlights in the page (outside any timing). */
  load(json: string): number {
    data = JSON.parse(json) as PageData;
    maxLen = Math.max(0, ...data.spans.map((s) => s.end - s.start));
    known = new Set(data.spans.map((s) => keyOf(s.kind, s.start, s.end)));
    return data.spans.length;
  },

  /** The scroller's geometry. */
  geometry(): { top: number; height: number; client: number } {
    const sc = scroller()!;
    return { top: sc.scrollTop, height: sc.scrollHeight, client: sc.clientHeight };
  },

  /** The painted check now (untimed), after two frames. */
  async checkNow(): Promise<CheckOutcome> {
    await nextRenderedFrame();
    await nextRenderedFrame();
    return check();
  },

  /**
   * Scroll down one screen at a time from the top to the bottom, timing each stop; at most
   * `maxStops` stops (the smoke run).
   */
  async screens(limitMs: number, maxStops: number): Promise<StopOutcome[]> {
    const sc = scroller()!;
    sc.scrollTop = 0;
    await nextRenderedFrame();
    await nextRenderedFrame();
    const out: StopOutcome[] = [];
    const end = () => sc.scrollHeight - sc.clientHeight;
    while (sc.scrollTop < end() - 1 && out.length < maxStops) {
      const t0 = performance.now();
      sc.scrollTop = Math.min(end(), sc.scrollTop + sc.clientHeight);
      out.push(await settle(t0, limitMs));
    }
    return out;
  },

  /** The view at the top of the article (untimed), after two frames. */
  async toTop(): Promise<void> {
    scroller()!.scrollTop = 0;
    await nextRenderedFrame();
    await nextRenderedFrame();
  },

  /**
   * One stop of `screens` from where the view is: one screen down, timed; null when the view is
   * already at the bottom. `app-bench.ts` calls it on two pages in turn, so that both N meet the
   * same load.
   */
  async screenStep(limitMs: number): Promise<StopOutcome | null> {
    const sc = scroller()!;
    const end = sc.scrollHeight - sc.clientHeight;
    if (sc.scrollTop >= end - 1) return null;
    const t0 = performance.now();
    sc.scrollTop = Math.min(end, sc.scrollTop + sc.clientHeight);
    return settle(t0, limitMs);
  },

  /** One scrollbar-style jump: `scrollTop` set to `fraction` of the way down. */
  async jumpTo(fraction: number, limitMs: number): Promise<StopOutcome> {
    const sc = scroller()!;
    const t0 = performance.now();
    sc.scrollTop = fraction * (sc.scrollHeight - sc.clientHeight);
    return settle(t0, limitMs);
  },

  /**
   * Arm a stop on the next press of `key` (End or Home in the reading column): from the key
   * event until the column is at its end (top) and the check holds. Read it with `armed()`.
   */
  armKeyJump(key: 'End' | 'Home', limitMs: number): void {
    const sc = scroller()!;
    const atTarget = () =>
      key === 'End' ? sc.scrollTop >= sc.scrollHeight - sc.clientHeight - 1 : sc.scrollTop <= 0;
    armed = nextEvent('keydown', key).then((t0) => settle(t0, limitMs, atTarget));
  },

  /**
   * Arm the open measure: from the next click (on a session's Open button) until the article
   * is shown whole with the view at its top and the check holds.
   */
  armOpen(limitMs: number): void {
    armed = nextEvent('click').then((t0) =>
      settle(t0, limitMs, () => {
        const sc = scroller();
        return !!sc && !!data && blocks().length === data.segments.length;
      }),
    );
  },

  /**
   * Arm the mark measure: from the next key `key` until the annotation detail shows `quote`
   * and a highlight of `kind` covers exactly `[start, end)` (besides the check in view).
   */
  armMark(key: string, kind: string, start: number, end: number, quote: string, limitMs: number) {
    const want = squash(quote).slice(0, 40);
    data!.spans.push({ key: 'new', kind, start, end });
    data!.spans.sort((a, b) => a.start - b.start);
    maxLen = Math.max(maxLen, end - start);
    known.add(keyOf(kind, start, end));
    armed = nextEvent('keydown', key).then((t0) =>
      settle(t0, limitMs, () => {
        const q = document.querySelector('[data-testid="annotation-detail"] .detail-quote');
        return !!q && squash(q.textContent ?? '').startsWith(want);
      }),
    );
  },

  /** Forget the span `armMark` added (after the mark was undone). */
  forgetMark(): void {
    const i = data!.spans.findIndex((s) => s.key === 'new');
    if (i >= 0) {
      const s = data!.spans[i]!;
      data!.spans.splice(i, 1);
      known.delete(keyOf(s.kind, s.start, s.end));
    }
  },

  /** The armed measure's outcome. */
  armed(): Promise<StopOutcome> {
    if (!armed) throw new Error('nothing armed');
    const p = armed;
    armed = null;
    return p;
  },

  /** Whether any range in `CSS.highlights` under `fc-<kind>` covers exactly the rendered text `quote`. */
  paintedQuote(kind: string, quote: string): boolean {
    const reg = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    const want = squash(quote);
    for (const r of reg.get(`fc-${kind}`) ?? [])
      if (squash((r as Range).toString()) === want) return true;
    return false;
  },

  /** The probe's view of spans (their client rectangles), optionally revealing the first. */
  probe(spans: ProbeSpan[], reveal: boolean): ReturnType<typeof probeArticle> {
    return probeArticle({ segments: data!.segments, spans, reveal });
  },

  /**
   * Drop the expected highlights (before a memory figure: they are the benchmark's, not the
   * app's; about 1 MB at 10,000). Checks refuse to run after this.
   */
  unload(): void {
    data = null;
    known = new Set();
    maxLen = 0;
  },

  /** Every node of the document (elements, text, comments). */
  domNodes(): number {
    const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    let n = 1;
    while (w.nextNode()) n++;
    return n;
  },
};

(window as unknown as { __appBench: typeof bench }).__appBench = bench;
export type AppBench = typeof bench;

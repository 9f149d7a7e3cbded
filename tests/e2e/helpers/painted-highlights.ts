/**
 * Compares the highlights painted in view with the annotations whose text is
 * in view, computed independently of the painter.
 *
 * - Expected: each annotation's quote is found in the page's text (the text
 *   nodes under `.article-text`, concatenated) as the same occurrence it is in
 *   the article's text (the k-th "…" before its stored start), turned into a
 *   DOM `Range`, and counted as in view when one of its client rectangles
 *   meets the visible part of the article (the window clipped by the
 *   scroller). Nothing of the painter's index or positions is used.
 * - Painted: every `Range` in `CSS.highlights` under `fc-<kind>`, in view by
 *   the same geometric test, identified by its text offsets in the page.
 *
 * Both sides become `kind start-end` strings, so the comparison is exact:
 * a painted range must cover exactly the annotation's text, with its kind.
 */
import type { Page } from '@playwright/test';
import type { Annotation } from '../../../shared/model/session';
import { CodePointIndex } from '../../../shared/text/code-points';

export interface ExpectedHighlight {
  kind: string;
  quote: string;
  /** Which occurrence of `quote` in the article text (0 = first). */
  occurrence: number;
}

export interface PaintedReport {
  /** In view and expected, but not painted. */
  missing: string[];
  /** Painted in view, but no annotation's text is there. */
  extra: string[];
  /** How many annotations are in view. */
  inView: number;
  /** Every range registered under the kind highlights, in view or not. */
  paintedTotal: number;
  /** Annotations meeting the view widened by two view heights either way (a bound for `paintedTotal`). */
  nearView: number;
  /** Problems finding the expected text (a broken test fixture, not an app failure). */
  problems: string[];
}

/** The expected highlights of annotations over `text` (orphans left out). */
export function expectedHighlights(
  text: string,
  annotations: readonly Annotation[],
): ExpectedHighlight[] {
  const index = new CodePointIndex(text);
  return annotations
    .filter((a) => a.target.status !== 'orphaned')
    .map((a) => {
      const start16 = index.toUtf16(a.target.position.start);
      let occurrence = 0;
      for (let at = text.indexOf(a.target.quote.exact); at >= 0 && at < start16;) {
        occurrence++;
        at = text.indexOf(a.target.quote.exact, at + 1);
      }
      return { kind: a.kind, quote: a.target.quote.exact, occurrence };
    });
}

/** Run the comparison in the page after the next two frames (the painter paints in a frame). */
export function checkPaintedInView(
  page: Page,
  expected: ExpectedHighlight[],
  scrollerSelector: string,
): Promise<PaintedReport> {
  return page.evaluate(
    async ({ expected, scrollerSelector }) => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const root = document.querySelector('.article-text')!;
      const scroller = document.querySelector(scrollerSelector)!;
      const nodes: Text[] = [];
      const starts: number[] = [];
      let all = '';
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push(n as Text);
        starts.push(all.length);
        all += (n as Text).data;
      }
      const locate = (offset: number, preferNext: boolean) => {
        for (let i = 0; i < nodes.length; i++) {
          const end = starts[i]! + nodes[i]!.data.length;
          if (offset < end || (offset === end && !preferNext))
            return { node: nodes[i]!, offset: offset - starts[i]! };
        }
        const last = nodes[nodes.length - 1]!;
        return { node: last, offset: last.data.length };
      };
      const textOffset = (node: Node, offset: number) => {
        const r = document.createRange();
        r.setStart(root, 0);
        r.setEnd(node, offset);
        return r.toString().length;
      };
      const s = scroller.getBoundingClientRect();
      const view = {
        top: Math.max(0, s.top),
        bottom: Math.min(window.innerHeight, s.bottom),
        left: Math.max(0, s.left),
        right: Math.min(window.innerWidth, s.right),
      };
      const h = view.bottom - view.top;
      const meets = (range: Range, grow: number) =>
        [...range.getClientRects()].some(
          (r) =>
            r.width > 0 &&
            r.height > 0 &&
            r.bottom > view.top - grow &&
            r.top < view.bottom + grow &&
            r.right > view.left &&
            r.left < view.right,
        );

      const problems: string[] = [];
      const want = new Set<string>();
      let nearView = 0;
      for (const e of expected) {
        let at = all.indexOf(e.quote);
        for (let k = 0; k < e.occurrence && at >= 0; k++) at = all.indexOf(e.quote, at + 1);
        if (at < 0) {
          problems.push(`not in the page: ${e.quote.slice(0, 60)}`);
          continue;
        }
        const a = locate(at, true);
        const b = locate(at + e.quote.length, false);
        const range = document.createRange();
        range.setStart(a.node, a.offset);
        range.setEnd(b.node, b.offset);
        if (meets(range, 2 * h)) nearView++;
        if (meets(range, 0)) want.add(`${e.kind} ${at}-${at + e.quote.length}`);
      }

      const got = new Set<string>();
      let paintedTotal = 0;
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      for (const kind of ['claim', 'counter-statement', 'evidence', 'context']) {
        for (const range of registry.get(`fc-${kind}`) ?? []) {
          paintedTotal++;
          if (!meets(range, 0)) continue;
          const from = textOffset(range.startContainer, range.startOffset);
          const to = textOffset(range.endContainer, range.endOffset);
          got.add(`${kind} ${from}-${to}`);
        }
      }
      return {
        missing: [...want].filter((x) => !got.has(x)).sort(),
        extra: [...got].filter((x) => !want.has(x)).sort(),
        inView: want.size,
        paintedTotal,
        nearView,
        problems,
      };
    },
    { expected, scrollerSelector },
  );
}

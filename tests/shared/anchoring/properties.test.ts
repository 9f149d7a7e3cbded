import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anchorSelector,
  createAnchorIndex,
  describeRange,
  diffTexts,
  reanchorAnnotations,
} from '../../../shared/anchoring';
import { CodePointIndex } from '../../../shared/text/code-points';
import { annotationOn } from './annotation-fixtures';

/** Texts from any code points, and from a tiny alphabet (so repeats abound), both with astral characters. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({
    unit: fc.constantFrom('a', 'b', ' ', '.', '\n', 'é', 'e\u0301', '😀', '𝒯', '“', '”'),
    maxLength: 120,
  }),
);

/** A UTF-16 offset into `text` from an arbitrary natural number. */
const at = (text: string, n: number) => (text.length === 0 ? 0 : n % (text.length + 1));

describe('anchoring properties', () => {
  it('describeRange → anchorSelector returns the same range, in code points and UTF-16', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (text, a, b) => {
        const [i, j] = [at(text, a), at(text, b)].sort((x, y) => x - y) as [number, number];
        const d = describeRange(text, i, j);
        fc.pre(d.quote.exact.length > 0);
        const cp = new CodePointIndex(text);
        const start16 = cp.toUtf16(d.position.start);
        const end16 = cp.toUtf16(d.position.end);
        expect(text.slice(start16, end16)).toBe(d.quote.exact);
        // never half a surrogate pair at either end of quote, prefix or suffix
        for (const s of [d.quote.exact, d.quote.prefix, d.quote.suffix]) {
          expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/u.test(s)).toBe(false);
        }
        const m = anchorSelector(createAnchorIndex(text), d);
        expect(m).toEqual({
          start16,
          end16,
          start: d.position.start,
          end: d.position.end,
          status: 'anchored',
          exact: true,
        });
      }),
      { numRuns: 400 },
    );
  });

  it('quote-only anchoring finds the described range, or null only when an identical-context twin exists', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (text, a, b) => {
        const [i, j] = [at(text, a), at(text, b)].sort((x, y) => x - y) as [number, number];
        const { quote, position } = describeRange(text, i, j);
        fc.pre(quote.exact.length > 0);
        const m = anchorSelector(createAnchorIndex(text), { quote });
        if (m) {
          expect([m.start, m.end]).toEqual([position.start, position.end]);
          return;
        }
        const cp = new CodePointIndex(text);
        const own = cp.toUtf16(position.start);
        const twins = createAnchorIndex(text)
          .occurrences(quote.exact)
          .filter(
            (k) =>
              k !== own &&
              text.slice(k - quote.prefix.length, k) === quote.prefix &&
              text.startsWith(quote.suffix, k + quote.exact.length),
          );
        expect(twins.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  const withAnnotations = anyText.chain((text) =>
    fc.record({
      text: fc.constant(text),
      ranges: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 }),
      insertAt: fc.nat(),
      inserted: fc.oneof(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '😀'), minLength: 1, maxLength: 6 }),
      ),
    }),
  );

  function annotate(text: string, ranges: Array<[number, number]>) {
    const cp = new CodePointIndex(text);
    return ranges
      .map(([a, b], n) => {
        const [i, j] = [at(text, a), at(text, b)].sort((x, y) => x - y) as [number, number];
        return annotationOn(text, i, j, `a${n}`, cp);
      })
      .filter((ann) => ann.target.quote.exact.length > 0);
  }

  it('reanchoring on an unchanged text leaves everything anchored with identical selectors', () => {
    fc.assert(
      fc.property(withAnnotations, ({ text, ranges }) => {
        const anns = annotate(text, ranges);
        const { annotations, report } = reanchorAnnotations(text, text, anns);
        expect(annotations).toEqual(anns);
        expect(report).toEqual({ anchored: anns.length, moved: 0, changed: 0, orphaned: 0 });
      }),
      { numRuns: 300 },
    );
  });

  it('reanchoring after an insertion outside every quote finds every annotation, quote unchanged', () => {
    fc.assert(
      fc.property(withAnnotations, ({ text, ranges, insertAt, inserted }) => {
        const anns = annotate(text, ranges);
        fc.pre(anns.length > 0);
        const cp = new CodePointIndex(text);
        const spans = anns.map((a) => [
          cp.toUtf16(a.target.position.start),
          cp.toUtf16(a.target.position.end),
        ]);
        // insertion points outside every quote and never inside a surrogate pair
        const points: number[] = [];
        for (let p = 0; p <= text.length; p++) {
          if (cp.splitsPair(p)) continue;
          if (spans.every(([s, e]) => p <= s! || p >= e!)) points.push(p);
        }
        fc.pre(points.length > 0);
        const p = points[insertAt % points.length]!;
        const after = text.slice(0, p) + inserted + text.slice(p);
        const { annotations, report } = reanchorAnnotations(text, after, anns);
        expect(report.orphaned).toBe(0);
        const cpAfter = new CodePointIndex(after);
        annotations.forEach((a, n) => {
          expect(a.id).toBe(anns[n]!.id);
          expect(a.target.quote.exact).toBe(anns[n]!.target.quote.exact);
          const s = cpAfter.toUtf16(a.target.position.start);
          const e = cpAfter.toUtf16(a.target.position.end);
          expect(after.slice(s, e)).toBe(a.target.quote.exact);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('diffTexts: the hunks are ascending, disjoint, and turn the old text into the new one', () => {
    // Texts of lines and words from a small vocabulary, so that lines and words repeat.
    const word = fc.constantFrom('a', 'b', 'the', 'said', ' ', '.', '\n', '\n\n', '😀', '“');
    const text = fc.array(word, { maxLength: 60 }).map((w) => w.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const { hunks } = diffTexts(a, b);
        let out = '';
        let at = 0;
        let newAt = 0;
        for (const h of hunks) {
          expect(h.oldStart).toBeGreaterThanOrEqual(at);
          expect(h.newStart - newAt).toBe(h.oldStart - at); // the run between is unchanged
          expect(h.oldEnd > h.oldStart || h.newEnd > h.newStart).toBe(true);
          out += a.slice(at, h.oldStart) + b.slice(h.newStart, h.newEnd);
          at = h.oldEnd;
          newAt = h.newEnd;
        }
        expect(out + a.slice(at)).toBe(b);
      }),
      { numRuns: 500 },
    );
  });
});

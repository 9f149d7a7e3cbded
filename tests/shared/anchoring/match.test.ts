import { describe, expect, it } from 'vitest';
import { anchorSelector, createAnchorIndex, describeRange } from '../../../shared/anchoring';
import type { QuoteSelectors } from '../../../shared/anchoring';
import { normalizeNewlines } from '../../../shared/article/plain-text';
import { codePointLength } from '../../../shared/text/code-points';
import { MATCH_CASES } from './match-cases';

/** Strip the ⟦ ⟧ marks; return the text and the marked UTF-16 range (null when unmarked). */
function unmark(marked: string): { text: string; range: { start: number; end: number } | null } {
  const open = marked.indexOf('⟦');
  const close = marked.indexOf('⟧');
  if (open === -1) return { text: marked, range: null };
  const text = marked.slice(0, open) + marked.slice(open + 1, close) + marked.slice(close + 1);
  return { text, range: { start: open, end: close - 1 } };
}

const prepare = (s: string, crlf?: boolean) =>
  crlf ? normalizeNewlines(s.replace(/\n/g, '\r\n')) : s;

describe('anchorSelector (table of cases)', () => {
  for (const c of MATCH_CASES) {
    it(c.name, () => {
      const to = unmark(prepare(c.to, c.crlf));
      let sel: QuoteSelectors;
      if (c.selector) {
        sel = {
          quote: { type: 'TextQuoteSelector', ...c.selector.quote },
          ...(c.selector.position
            ? { position: { type: 'TextPositionSelector', ...c.selector.position } }
            : {}),
        };
      } else {
        const from = unmark(prepare(c.from!, c.crlf));
        expect(from.range, 'case marks its range').not.toBeNull();
        if (c.crlf) expect(from.text).not.toContain('\r');
        const d = describeRange(from.text, from.range!.start, from.range!.end);
        sel = c.quoteOnly ? { quote: d.quote } : d;
      }
      const match = anchorSelector(createAnchorIndex(to.text), sel);
      if (!to.range) {
        expect(match).toBeNull();
        return;
      }
      expect(match).not.toBeNull();
      expect({ start16: match!.start16, end16: match!.end16 }).toEqual({
        start16: to.range.start,
        end16: to.range.end,
      });
      // Code points: the count of code points before each UTF-16 offset.
      expect(match!.start).toBe(codePointLength(to.text.slice(0, to.range.start)));
      expect(match!.end).toBe(codePointLength(to.text.slice(0, to.range.end)));
      if (c.status) expect(match!.status).toBe(c.status);
      if (c.exact !== undefined) expect(match!.exact).toBe(c.exact);
    });
  }
});

describe('anchorSelector: maxPieceOccurrences', () => {
  // A quote with one changed word, far from any hint; its first pieces are a stock phrase
  // that the text repeats many times.
  const stock = 'the figures had been checked by ';
  const filler = Array.from({ length: 12 }, (_, i) => `Item ${i}: ${stock}someone else.`);
  const target = `${stock}independent auditors in Brussels`;
  const text = [...filler, `Finally, ${target.replace('Brussels', 'Bruxelles')}.`].join('\n\n');
  const quote = { type: 'TextQuoteSelector' as const, exact: target, prefix: '', suffix: '' };
  const at = text.indexOf(`${stock}independent`);

  it('without a limit, the approximate match is found far away', () => {
    const m = anchorSelector(createAnchorIndex(text), { quote });
    expect(m).not.toBeNull();
    expect(m!.exact).toBe(false);
    expect(m!.start16).toBe(at);
  });

  it('pieces that recur more often than the limit are not evidence, and the budget shrinks with them', () => {
    // The stock phrase's pieces (2 of 4) are left out: 1 error allowed, the change needs 3.
    expect(
      anchorSelector(createAnchorIndex(text), { quote }, { maxPieceOccurrences: 4 }),
    ).toBeNull();
    // A one-letter change still fits the smaller budget.
    const close = text.replace('Bruxelles', 'Brussel');
    const m = anchorSelector(createAnchorIndex(close), { quote }, { maxPieceOccurrences: 4 });
    expect(m?.start16).toBe(close.indexOf(`${stock}independent`));
  });
});

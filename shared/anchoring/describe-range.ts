/**
 * Range → selectors: the W3C TextQuoteSelector and TextPositionSelector that
 * describe a UTF-16 range of an article's canonical text. The inverse is
 * `anchorSelector` (match-quote.ts); `describeRange` followed by
 * `anchorSelector` on the same text returns the same range.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../model/session';
import { CodePointIndex } from '../text/code-points';

/**
 * Code points of context kept on each side of a quote (prefix and suffix).
 * 32 is what Hypothesis and Apache Annotator use: enough to tell repeats of a
 * short phrase apart in a long report, short enough to survive nearby edits.
 */
export const QUOTE_CONTEXT_CODE_POINTS = 32;

/** The selectors of one range. */
export interface RangeSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/**
 * Describe `text[start16, end16)` by quote (exact text plus up to
 * {@link QUOTE_CONTEXT_CODE_POINTS} code points of prefix and suffix) and by
 * position (code points, end exclusive).
 *
 * Offsets are clamped to the text and `end16` to at least `start16`; an offset
 * between the halves of a surrogate pair widens the range to take the whole
 * character, so no selector ever holds half a pair. Pass `index` (built once
 * for `text`) when describing many ranges of one text; without it the
 * conversion scans the text. Never throws.
 */
export function describeRange(
  text: string,
  start16: number,
  end16: number,
  index?: CodePointIndex,
): RangeSelectors {
  const cp = index ?? new CodePointIndex(text);
  let start = clampOffset(start16, text.length);
  let end = Math.max(start, clampOffset(end16, text.length));
  if (isLowSurrogateAfterHigh(text, start)) start--;
  if (isLowSurrogateAfterHigh(text, end)) end++;
  const before = stepBackCodePoints(text, start, QUOTE_CONTEXT_CODE_POINTS);
  const after = stepForwardCodePoints(text, end, QUOTE_CONTEXT_CODE_POINTS);
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(before, start),
      suffix: text.slice(end, after),
    },
    position: {
      type: 'TextPositionSelector',
      start: cp.toCodePoint(start),
      end: cp.toCodePoint(end),
    },
  };
}

function clampOffset(offset: number, length: number): number {
  if (!Number.isFinite(offset)) return offset > 0 ? length : 0;
  return Math.min(length, Math.max(0, Math.trunc(offset)));
}

/** True when `text[offset16]` is the low half of a surrogate pair (so offset16 splits it). */
export function isLowSurrogateAfterHigh(text: string, offset16: number): boolean {
  if (offset16 <= 0 || offset16 >= text.length) return false;
  const lo = text.charCodeAt(offset16);
  const hi = text.charCodeAt(offset16 - 1);
  return lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff;
}

/** UTF-16 offset `count` code points before `from` (or 0). */
export function stepBackCodePoints(text: string, from: number, count: number): number {
  let i = from;
  for (let n = 0; n < count && i > 0; n++) {
    i--;
    if (isLowSurrogateAfterHigh(text, i)) i--;
  }
  return i;
}

/** UTF-16 offset `count` code points after `from` (or the text's end). */
export function stepForwardCodePoints(text: string, from: number, count: number): number {
  let i = from;
  for (let n = 0; n < count && i < text.length; n++) {
    i++;
    if (isLowSurrogateAfterHigh(text, i)) i++;
  }
  return i;
}

/**
 * The anchoring functions the review UI needs, in one place: making the W3C
 * selectors of a new annotation, and finding the sentence or the quotation
 * around the caret.
 *
 * Interim implementations until `shared/anchoring/` lands; the review code
 * imports only from here, so switching to the anchoring module is one edit.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../model/session';
import { CodePointIndex } from '../text/code-points';

/** Characters of context kept on each side of a quote. */
const CONTEXT_CHARS = 32;

let cached: { text: string; index: CodePointIndex } | null = null;
function indexOf(text: string): CodePointIndex {
  if (cached?.text !== text) cached = { text, index: new CodePointIndex(text) };
  return cached.index;
}

/**
 * The TextQuoteSelector and TextPositionSelector (code points) of the UTF-16
 * range `[start16, end16)` of `text`.
 */
export function describeRange(
  text: string,
  start16: number,
  end16: number,
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  const idx = indexOf(text);
  let p = Math.max(0, start16 - CONTEXT_CHARS);
  if (idx.splitsPair(p)) p--;
  let s = Math.min(text.length, end16 + CONTEXT_CHARS);
  if (idx.splitsPair(s)) s++;
  return {
    quote: { type: 'TextQuoteSelector', exact: text.slice(start16, end16), prefix: text.slice(p, start16), suffix: text.slice(end16, s) },
    position: { type: 'TextPositionSelector', start: idx.toCodePoint(start16), end: idx.toCodePoint(end16) },
  };
}

/** A UTF-16 range of a text. */
export interface Span {
  start: number;
  end: number;
}

/** The sentence around `offset16`, without surrounding whitespace; null in blank text. */
export function sentenceAround(text: string, offset16: number): Span | null {
  const para = paragraphAround(text, offset16);
  if (!para) return null;
  const body = text.slice(para.start, para.end);
  const rel = offset16 - para.start;
  const ends = /[.!?…]+["”’)\]]*(?=\s|$)/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = ends.exec(body))) {
    const end = m.index + m[0].length;
    if (end > rel) return trimSpan(text, para.start + start, para.start + end);
    start = end;
  }
  return trimSpan(text, para.start + start, para.end);
}

/** The text between the quotation marks around `offset16` (marks excluded); null when the caret is not inside a quotation. */
export function quotationAround(text: string, offset16: number): Span | null {
  const para = paragraphAround(text, offset16);
  if (!para) return null;
  const pairs: [string, string][] = [
    ['“', '”'],
    ['"', '"'],
    ['«', '»'],
    ['„', '“'],
    ['‘', '’'],
  ];
  let best: Span | null = null;
  for (const [open, close] of pairs) {
    let i = para.start;
    while (i < para.end) {
      const o = text.indexOf(open, i);
      if (o === -1 || o >= para.end) break;
      const c = text.indexOf(close, o + 1);
      if (c === -1 || c >= para.end) break;
      if (o < offset16 && offset16 <= c) {
        const span = trimSpan(text, o + 1, c);
        if (span && (!best || span.end - span.start < best.end - best.start)) best = span;
      }
      i = c + 1;
    }
  }
  return best;
}

function paragraphAround(text: string, offset16: number): Span | null {
  if (offset16 < 0 || offset16 > text.length) return null;
  const before = text.lastIndexOf('\n\n', Math.max(0, offset16 - 1));
  const after = text.indexOf('\n\n', offset16);
  return trimSpan(text, before === -1 ? 0 : before + 2, after === -1 ? text.length : after);
}

function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

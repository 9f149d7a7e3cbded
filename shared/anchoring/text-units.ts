/**
 * Text units around a caret, for the keyboard commands "select the sentence"
 * and "select the quotation". Both work within one paragraph (a line of the
 * canonical text) and return UTF-16 ranges, trimmed of surrounding white space.
 *
 * Sentences end at `.`, `!`, `?` or `…` (with any closing quotes or brackets
 * after them) followed by white space and something that is not a lowercase
 * letter — except after an abbreviation: initials and dotted acronyms ("H.",
 * "U.S.", "W.H."), a single letter, or a title such as "Mr." or "Gen.".
 * Decimals ("3.5") never end one, since no space follows the point.
 *
 * Quotations are the text between “…” or "…", and between ‘…’ when an opening
 * ‘ has a matching ’ that is not an apostrophe inside a word (Trump’s): a ’
 * never opens a quotation. The innermost quotation around the caret wins.
 */

/** A UTF-16 range of the text, end exclusive. */
export interface TextUnitRange {
  start: number;
  end: number;
}

/**
 * Titles and other abbreviations that a capitalised word often follows.
 * Initials and dotted acronyms are recognised by shape and need no entry here.
 */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st gen sen rep gov lt col sgt capt maj adm rev hon pres supt insp ' +
    'no nos vol fig ed eds dept univ assn bros inc ltd co corp vs jan feb mar apr jun jul aug ' +
    'sep sept oct nov dec mon tue wed thu fri sat sun ave blvd mt ft approx est'
  ).split(' '),
);

/** End punctuation, closing marks (a stray space before a ” is forgiven), then white space. */
const SENTENCE_END = /[.!?…]+(?:[ \t]?[”»])?[”’"')\]»]*(?=\s|$)/gu;
const LETTER = /^\p{L}$/u;

/**
 * The sentence around a caret: the trimmed sentence within the caret's
 * paragraph that contains `offset16`. Null when the caret is on an empty or
 * white-space-only line, or the offset is outside the text.
 */
export function sentenceAround(text: string, offset16: number): TextUnitRange | null {
  if (!Number.isInteger(offset16) || offset16 < 0 || offset16 > text.length) return null;
  const { start: paraStart, end: paraEnd } = paragraphAround(text, offset16);
  const para = text.slice(paraStart, paraEnd);
  const local = offset16 - paraStart;
  let segStart = 0;
  let segEnd = para.length;
  for (const m of para.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    if (!endsSentence(para, m.index, end)) continue;
    if (end < local) {
      segStart = end;
      continue;
    }
    segEnd = end;
    break;
  }
  return trimmed(text, paraStart + segStart, paraStart + segEnd);
}

/**
 * Every sentence of `text[from, to)` (default: the whole text), in order: the
 * same units {@link sentenceAround} selects, paragraph by paragraph, trimmed of
 * white space; white-space-only stretches yield none. UTF-16 ranges. Linear in
 * the length of the text.
 */
export function sentenceRanges(text: string, from = 0, to = text.length): TextUnitRange[] {
  const out: TextUnitRange[] = [];
  let lineStart = Math.max(0, from);
  const stop = Math.min(to, text.length);
  while (lineStart < stop) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 || nl > stop ? stop : nl;
    const para = text.slice(lineStart, lineEnd);
    let segStart = 0;
    for (const m of para.matchAll(SENTENCE_END)) {
      const end = m.index + m[0].length;
      if (!endsSentence(para, m.index, end)) continue;
      const r = trimmed(text, lineStart + segStart, lineStart + end);
      if (r) out.push(r);
      segStart = end;
    }
    const last = trimmed(text, lineStart + segStart, lineEnd);
    if (last) out.push(last);
    lineStart = lineEnd + 1;
  }
  return out;
}

const NEXT_VISIBLE = /\s*(\S)/uy;

/** Whether the punctuation run `para[at, end)` (then white space) ends a sentence. */
function endsSentence(para: string, at: number, end: number): boolean {
  NEXT_VISIBLE.lastIndex = end;
  const next = NEXT_VISIBLE.exec(para)?.[1];
  if (next && /\p{Ll}/u.test(next)) return false;
  if (para[at] !== '.' || para.startsWith('..', at)) return true;
  const word = wordBefore(para, Math.max(0, at - 40), at);
  if (!word) return true;
  // Initials and dotted acronyms: H. / U.S. / W.H. / e.g.
  if (/^(?:\p{L}\.)*\p{L}$/u.test(word)) return false;
  return !ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * The letters and dots that end `s[from, to)`, as `/([\p{L}.]+)$/u` finds them
 * in `s.slice(from, to)` (a surrogate pair cut by `from` is no letter), by a
 * scan back from `to` instead of a match tried at every position; undefined
 * when there are none. Exported for its test.
 */
export function wordBefore(s: string, from: number, to: number): string | undefined {
  let i = to;
  while (i > from) {
    const c = s.charCodeAt(i - 1);
    if (c === 46 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      i--;
    } else if (c < 128) {
      break;
    } else if (
      c >= 0xdc00 &&
      c <= 0xdfff &&
      i - 2 >= from &&
      isHighSurrogate(s.charCodeAt(i - 2))
    ) {
      if (!LETTER.test(s.slice(i - 2, i))) break;
      i -= 2;
    } else {
      // A lone surrogate is no letter either.
      if (!LETTER.test(s[i - 1]!)) break;
      i--;
    }
  }
  return i < to ? s.slice(i, to) : undefined;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/**
 * The quotation around a caret: the inside of the innermost pair of
 * quotation marks in the caret's paragraph whose span (marks included)
 * touches `offset16`, trimmed. Null when there is none or it is empty.
 */
export function quotationAround(text: string, offset16: number): TextUnitRange | null {
  if (!Number.isInteger(offset16) || offset16 < 0 || offset16 > text.length) return null;
  const { start: paraStart, end: paraEnd } = paragraphAround(text, offset16);
  let best: TextUnitRange | null = null;
  for (const [open, close] of quotationPairs(text, paraStart, paraEnd)) {
    if (offset16 < open || offset16 > close + 1) continue;
    const inner = trimmed(text, open + 1, close);
    if (inner && (!best || close - open < best.end - best.start))
      best = { start: open, end: close };
  }
  return best ? trimmed(text, best.start + 1, best.end) : null;
}

/** Offsets of matched quotation marks [open, close] in `text[from, to)`. */
function quotationPairs(text: string, from: number, to: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const curly: number[] = [];
  const single: number[] = [];
  let straight = -1;
  for (let i = from; i < to; i++) {
    const c = text[i];
    const prev = i > from ? text[i - 1]! : '';
    const next = i + 1 < to ? text[i + 1]! : '';
    if (c === '“') {
      curly.push(i);
    } else if (c === '”') {
      const open = curly.pop();
      if (open !== undefined) pairs.push([open, i]);
    } else if (c === '"') {
      if (straight >= 0 && prev !== '' && !/\s/u.test(prev)) {
        pairs.push([straight, i]);
        straight = -1;
      } else if (next !== '' && !/\s/u.test(next)) {
        straight = i;
      }
    } else if (c === '‘') {
      if (next !== '' && !/\s/u.test(next)) single.push(i);
    } else if (c === '’' && single.length > 0) {
      // Between two letters (Trump’s, don’t) it is an apostrophe, not a closing mark.
      const apostrophe = /\p{L}/u.test(prev) && /\p{L}/u.test(next);
      if (!apostrophe && prev !== '' && !/\s/u.test(prev)) pairs.push([single.pop()!, i]);
    }
  }
  return pairs;
}

/** The line (paragraph) of the canonical text holding `offset16`, without its newline. */
function paragraphAround(text: string, offset16: number): TextUnitRange {
  const start = text.lastIndexOf('\n', offset16 - 1) + 1;
  const nl = text.indexOf('\n', offset16);
  return { start, end: nl === -1 ? text.length : nl };
}

/** `[start, end)` without leading and trailing white space; null if nothing is left. */
function trimmed(text: string, start: number, end: number): TextUnitRange | null {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  return s < e ? { start: s, end: e } : null;
}

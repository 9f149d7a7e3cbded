/**
 * A diff of two versions of an article, reduced to what re-anchoring needs:
 * a map from offsets in the old text to offsets in the new one.
 *
 * Work is kept proportional to the change, not to the text:
 * 1. the common prefix and suffix are cut off (a single edit leaves a tiny middle);
 * 2. the middle is diffed by lines (paragraphs, in an article), with the patience diff of
 *    `sequence-diff.ts`: unchanged paragraphs are matched whole, a moved paragraph is one
 *    deletion and one insertion;
 * 3. each replaced run of lines is diffed again by words (a word, a run of white space, or one
 *    other character is a token), so an annotation in an edited paragraph but outside the edit
 *    still maps exactly, and one that an edit touches sees exactly which of its words went.
 *
 * There is no character level: a replaced word is replaced whole, which is what a reader sees,
 * and it keeps the cost bounded. A run the word diff cannot resolve cheaply stays one replaced
 * block; offsets inside it then map only approximately, and the caller verifies them.
 */
import { diffSequences, MAX_MYERS_EDITS } from './sequence-diff';

/**
 * Edit distance, in tokens, past which one stretch of a diff without unique tokens is left as a
 * single replaced block (see `sequence-diff.ts`).
 */
export const MAX_TOKEN_EDIT_DISTANCE = MAX_MYERS_EDITS;

/** One replaced block: old `[oldStart, oldEnd)` became new `[newStart, newEnd)` (UTF-16). */
export interface Hunk {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/** Maps old-text offsets to new-text offsets. */
export interface OffsetMap {
  /** The replaced blocks, ascending and disjoint. Empty when the texts are equal. */
  readonly hunks: readonly Hunk[];
  /**
   * New offset of an old UTF-16 offset. Outside every hunk the result is
   * exact. At an insertion point, `'after'` lands after the inserted text
   * (use it for the start of a range) and `'before'` before it (for an end).
   * Inside a replaced block the result is a best guess within the new block.
   */
  map(offset16: number, bias: 'before' | 'after'): number;
  /** The hunks that touch old `[start16, end16]` (ends included), ascending. */
  touching(start16: number, end16: number): Hunk[];
}

/** Diff `oldText` → `newText` into an {@link OffsetMap}. Never throws. */
export function diffTexts(oldText: string, newText: string): OffsetMap {
  let prefix = commonPrefixLength(oldText, newText);
  let suffix = commonSuffixLength(oldText, newText, prefix);
  const hunks: Hunk[] = [];
  if (prefix + suffix === oldText.length && prefix + suffix === newText.length)
    return new HunkMap(hunks);
  if (prefix + suffix === oldText.length || prefix + suffix === newText.length) {
    hunks.push(hunk(prefix, oldText.length - suffix, prefix, newText.length - suffix));
    return new HunkMap(hunks);
  }
  // Widen the middle to whole lines, so that its first and last lines compare as lines.
  if (prefix > 0) prefix = oldText.lastIndexOf('\n', prefix - 1) + 1;
  const lineEnd = oldText.indexOf('\n', oldText.length - suffix);
  suffix = lineEnd < 0 ? 0 : Math.max(0, oldText.length - lineEnd - 1);
  suffix = Math.min(suffix, oldText.length - prefix, newText.length - prefix);
  const oldEnd = oldText.length - suffix;
  const newEnd = newText.length - suffix;
  const ids = new Map<string, number>();
  const oldLines = tokenize(oldText, prefix, oldEnd, 'line', ids);
  const newLines = tokenize(newText, prefix, newEnd, 'line', ids);
  const words = new Map<string, number>();
  eachGap(oldLines, newLines, ids.size, (o0, o1, n0, n1) => {
    if (o0 === o1 || n0 === n1) {
      hunks.push(hunk(o0, o1, n0, n1));
      return;
    }
    const oldWords = tokenize(oldText, o0, o1, 'word', words);
    const newWords = tokenize(newText, n0, n1, 'word', words);
    const found: Hunk[] = [];
    eachGap(oldWords, newWords, words.size, (p0, p1, q0, q1) => {
      mergeInto(found, hunk(p0, p1, q0, q1));
    });
    for (const h of found) hunks.push(h);
  });
  return new HunkMap(hunks);
}

function hunk(oldStart: number, oldEnd: number, newStart: number, newEnd: number): Hunk {
  return { oldStart, oldEnd, newStart, newEnd };
}

/**
 * Unchanged runs of words shorter than this (UTF-16 units) between two larger edits are taken
 * as coincidence and merged into them (see {@link mergeInto}); longer ones are kept whatever
 * surrounds them, so a sentence that stays put beside a deleted paragraph still maps exactly.
 */
export const MIN_KEPT_RUN = 32;

/**
 * Append `h` to `out`, first merging it with the hunks before it while the unchanged text
 * between is shorter than {@link MIN_KEPT_RUN} and no longer than the edits on either side of
 * it (the semantic clean-up of diff-match-patch, with a cap). Two unrelated sentences share
 * spaces and small words; matching those would make a rewritten passage look partly kept.
 */
function mergeInto(out: Hunk[], h: Hunk): void {
  let cur = h;
  for (;;) {
    const prev = out[out.length - 1];
    if (!prev) break;
    const between = cur.oldStart - prev.oldEnd;
    const left = Math.max(prev.oldEnd - prev.oldStart, prev.newEnd - prev.newStart);
    const right = Math.max(cur.oldEnd - cur.oldStart, cur.newEnd - cur.newStart);
    if (between >= MIN_KEPT_RUN || between > left || between > right) break;
    out.pop();
    cur = hunk(prev.oldStart, cur.oldEnd, prev.newStart, cur.newEnd);
  }
  out.push(cur);
}

/** A text stretch cut into tokens: `starts[k]` is where token k begins, `starts[count]` the end. */
interface Tokens {
  ids: Int32Array;
  starts: Int32Array;
}

/**
 * Cut `text[from, to)` into lines (each with its line break) or words (a run of letters and
 * digits, a run of white space, or any other single character), interning each distinct token
 * as an integer id in `ids`.
 */
function tokenize(
  text: string,
  from: number,
  to: number,
  unit: 'line' | 'word',
  ids: Map<string, number>,
): Tokens {
  const starts: number[] = [];
  const idList: number[] = [];
  let at = from;
  while (at < to) {
    let end: number;
    if (unit === 'line') {
      const nl = text.indexOf('\n', at);
      end = nl < 0 || nl >= to ? to : nl + 1;
    } else {
      const kind = charKind(text.charCodeAt(at));
      end = at + 1;
      if (kind !== OTHER) while (end < to && charKind(text.charCodeAt(end)) === kind) end++;
    }
    const token = text.slice(at, end);
    let id = ids.get(token);
    if (id === undefined) {
      id = ids.size;
      ids.set(token, id);
    }
    starts.push(at);
    idList.push(id);
    at = end;
  }
  starts.push(to);
  return { ids: Int32Array.from(idList), starts: Int32Array.from(starts) };
}

const WORD = 0;
const SPACE = 1;
const OTHER = 2;

/**
 * Letters and digits (ASCII, and everything from U+00C0 that is not punctuation, symbols or a
 * space), white space, or other. Surrogates count as letters so that a pair stays in one token.
 */
function charKind(c: number): number {
  if (c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c >= 0x2000 && c <= 0x200b)) return SPACE;
  if (c === 0x3000 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f) return SPACE;
  if (c < 0x80) {
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? WORD : OTHER;
  }
  if (c < 0xc0 || c === 0xd7 || c === 0xf7) return OTHER;
  if (c >= 0x2000 && c <= 0x2bff) return OTHER; // punctuation, symbols, arrows, dingbats
  if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff0f))
    return OTHER;
  return WORD;
}

/**
 * Diff two token lists and call `gap` with each replaced stretch, as UTF-16 ranges
 * `[o0, o1)` of the old text and `[n0, n1)` of the new, in order.
 */
function eachGap(
  a: Tokens,
  b: Tokens,
  idCount: number,
  gap: (o0: number, o1: number, n0: number, n1: number) => void,
): void {
  const { oldIndex, newIndex } = diffSequences(a.ids, b.ids, idCount);
  let i = 0;
  let j = 0;
  const flush = (i1: number, j1: number) => {
    if (i1 > i || j1 > j) gap(a.starts[i]!, a.starts[i1]!, b.starts[j]!, b.starts[j1]!);
  };
  for (let k = 0; k < oldIndex.length; k++) {
    flush(oldIndex[k]!, newIndex[k]!);
    i = oldIndex[k]! + 1;
    j = newIndex[k]! + 1;
  }
  flush(a.ids.length, b.ids.length);
}

class HunkMap implements OffsetMap {
  constructor(readonly hunks: readonly Hunk[]) {}

  touching(start16: number, end16: number): Hunk[] {
    const out: Hunk[] = [];
    for (let i = this.firstEndingAtOrAfter(start16); i < this.hunks.length; i++) {
      const h = this.hunks[i]!;
      if (h.oldStart > end16) break;
      out.push(h);
    }
    return out;
  }

  /** Index of the first hunk that ends at or after the offset; every hunk before it lies wholly before. */
  private firstEndingAtOrAfter(offset16: number): number {
    const hunks = this.hunks;
    let lo = 0;
    let hi = hunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (hunks[mid]!.oldEnd < offset16) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  map(offset16: number, bias: 'before' | 'after'): number {
    const hunks = this.hunks;
    const lo = this.firstEndingAtOrAfter(offset16);
    const prev = lo > 0 ? hunks[lo - 1]! : null;
    const shift = prev ? prev.newEnd - prev.oldEnd : 0;
    const h = hunks[lo];
    if (!h || offset16 < h.oldStart) return offset16 + shift;
    if (h.oldStart === h.oldEnd) return bias === 'after' ? h.newEnd : h.newStart;
    if (offset16 === h.oldEnd) return h.newEnd;
    if (offset16 === h.oldStart) return h.newStart;
    return h.newStart + Math.min(offset16 - h.oldStart, h.newEnd - h.newStart);
  }
}

/** Compares in slices first: string equality runs in native code, far faster than a char loop. */
const PROBE = 1024;

function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + PROBE <= max && a.slice(i, i + PROBE) === b.slice(i, i + PROBE)) i += PROBE;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Common suffix length, never overlapping the first `prefix` units of either text. */
function commonSuffixLength(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (
    i + PROBE <= max &&
    a.slice(a.length - i - PROBE, a.length - i) === b.slice(b.length - i - PROBE, b.length - i)
  ) {
    i += PROBE;
  }
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

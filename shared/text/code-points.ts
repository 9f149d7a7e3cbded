/**
 * Conversion between UTF-16 code-unit offsets (what JavaScript strings and
 * ProseMirror index) and Unicode code-point offsets (what the W3C Web
 * Annotation model, Apache Annotator and brat count).
 *
 * A {@link CodePointIndex} is built once per text in O(n) and answers each
 * conversion in O(log a), where a is the number of astral (surrogate-pair)
 * characters in the text. For the common text without astral characters both
 * conversions are the identity and cost nothing.
 */

const HIGH_SURROGATE = /[\ud800-\udbff]/;

/**
 * Sorted UTF-16 offsets of the *second* unit of every surrogate pair in a text.
 * Each entry is one place where the UTF-16 count runs one ahead of the code-point count.
 */
export class CodePointIndex {
  /** UTF-16 offset of each low surrogate that completes a pair, ascending. */
  private readonly lows: Int32Array;
  /** Length of the text in UTF-16 code units. */
  readonly length16: number;
  /** Length of the text in code points. */
  readonly lengthCp: number;

  constructor(text: string) {
    const lows: number[] = [];
    // Most texts have no astral characters: a native scan for a high surrogate
    // answers that several times faster than the loop below.
    const hasHigh = HIGH_SURROGATE.test(text);
    for (let i = 0; hasHigh && i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          lows.push(i + 1);
          i++;
        }
      }
    }
    this.lows = Int32Array.from(lows);
    this.length16 = text.length;
    this.lengthCp = text.length - lows.length;
  }

  /** True when the text has no astral characters, so both units agree everywhere. */
  get isIdentity(): boolean {
    return this.lows.length === 0;
  }

  /**
   * Code-point offset of a UTF-16 offset. An offset that falls between the two
   * halves of a surrogate pair rounds up to the end of that character.
   */
  toCodePoint(offset16: number): number {
    if (this.lows.length === 0) return offset16;
    // Every completed pair (low surrogate at an index below offset16) made UTF-16 run one ahead.
    return offset16 - countAtOrBelow(this.lows, offset16 - 1);
  }

  /** UTF-16 offset of a code-point offset. Offsets past the end clamp to the end. */
  toUtf16(offsetCp: number): number {
    if (this.lows.length === 0) return Math.min(offsetCp, this.length16);
    // Find the smallest o16 with toCodePoint(o16) === offsetCp: each low surrogate
    // before the result adds one unit.
    let lo = 0;
    let hi = this.lows.length;
    // k = number of pairs whose low surrogate index < o16, with o16 = offsetCp + k.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      // Pair `mid` lies before o16 iff lows[mid] < offsetCp + mid + 1.
      if (this.lows[mid]! < offsetCp + mid + 1) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(offsetCp + lo, this.length16);
  }

  /** True when offset16 falls between the two halves of a surrogate pair. */
  splitsPair(offset16: number): boolean {
    if (this.lows.length === 0) return false;
    const k = countAtOrBelow(this.lows, offset16);
    return k > 0 && this.lows[k - 1] === offset16;
  }
}

/** Number of entries of a sorted array that are <= value. */
function countAtOrBelow(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of code points in a string. */
export function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Slice a string by code-point offsets (start inclusive, end exclusive). */
export function sliceCodePoints(
  text: string,
  startCp: number,
  endCp: number,
  index?: CodePointIndex,
): string {
  const idx = index ?? new CodePointIndex(text);
  return text.slice(idx.toUtf16(startCp), idx.toUtf16(endCp));
}

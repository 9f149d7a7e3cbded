/**
 * The per-pass text index that anchoring works against. Build one with
 * {@link createAnchorIndex} for a text, then anchor every selector of that
 * pass through it: the code-point conversion is built once, and exact
 * occurrences of quotes are found through it rather than by a fresh scan each.
 */
import { CodePointIndex } from '../text/code-points';

/** A text prepared for anchoring. Immutable; safe to share within one pass. */
export interface AnchorIndex {
  /** The text anchored against (canonical article text). */
  readonly text: string;
  /** UTF-16 ↔ code-point conversion for {@link text}. */
  readonly codePoints: CodePointIndex;
  /** UTF-16 start offsets of every exact occurrence of `needle` (overlapping ones too), ascending. */
  occurrences(needle: string): number[];
}

/** Build the anchoring index of a text. O(n); see {@link AnchorIndex}. */
export function createAnchorIndex(text: string): AnchorIndex {
  return new TextAnchorIndex(text);
}

/** Length (UTF-16 units) of the q-grams the occurrence index hashes. */
const QGRAM = 8;
/**
 * Most buckets of the q-gram table (2^20: about 1 entry per bucket for a 1 MB text). A shorter
 * text gets about one bucket per q-gram, at least 2^10, so that building its table costs in
 * proportion to its length.
 */
const MAX_TABLE_BITS = 20;
const MIN_TABLE_BITS = 10;
/**
 * Lookups answered by plain `indexOf` scans before the q-gram table is built.
 * Building costs about as much as a few dozen scans of the text, so a pass
 * that anchors a handful of selectors never pays for it, and one that
 * searches for many (a quote-only import, many orphans) does once.
 */
const SCANS_BEFORE_INDEXING = 16;

class TextAnchorIndex implements AnchorIndex {
  readonly codePoints: CodePointIndex;
  private lookups = 0;
  /** Start offset in `positions` of each bucket, and one past the last (counting sort). */
  private bucketStart: Int32Array | null = null;
  /** Text offsets of every q-gram, grouped by bucket, ascending within a bucket. */
  private positions: Int32Array | null = null;
  /** Bits of the bucket number (the table has 2^tableBits buckets). */
  private tableBits = MIN_TABLE_BITS;

  constructor(readonly text: string) {
    this.codePoints = new CodePointIndex(text);
  }

  occurrences(needle: string): number[] {
    const found: number[] = [];
    if (needle.length === 0) return found;
    if (needle.length >= QGRAM && ++this.lookups > SCANS_BEFORE_INDEXING) {
      if (!this.positions) this.buildTable();
      return this.lookUp(needle);
    }
    for (let at = this.text.indexOf(needle); at !== -1; at = this.text.indexOf(needle, at + 1)) {
      found.push(at);
    }
    return found;
  }

  /** Occurrences through the q-gram table: verify the rarest q-gram's positions. */
  private lookUp(needle: string): number[] {
    const starts = this.bucketStart!;
    const positions = this.positions!;
    let bestOffset = 0;
    let bestBucket = 0;
    let bestSize = Infinity;
    let h = 0;
    for (let i = 0; i < needle.length; i++) {
      h = rollIn(h, needle.charCodeAt(i), i >= QGRAM ? needle.charCodeAt(i - QGRAM) : -1);
      if (i < QGRAM - 1) continue;
      const b = h >>> (32 - this.tableBits);
      const size = starts[b + 1]! - starts[b]!;
      if (size < bestSize) {
        bestSize = size;
        bestBucket = b;
        bestOffset = i - QGRAM + 1;
      }
    }
    const found: number[] = [];
    for (let k = starts[bestBucket]!; k < starts[bestBucket + 1]!; k++) {
      const at = positions[k]! - bestOffset;
      if (at >= 0 && this.text.startsWith(needle, at)) found.push(at);
    }
    return found;
  }

  private buildTable(): void {
    const text = this.text;
    const count = Math.max(0, text.length - QGRAM + 1);
    const buckets = new Int32Array(count);
    const bits = Math.max(
      MIN_TABLE_BITS,
      Math.min(MAX_TABLE_BITS, Math.ceil(Math.log2(Math.max(1, count)))),
    );
    this.tableBits = bits;
    const starts = new Int32Array((1 << bits) + 1);
    let h = 0;
    for (let i = 0; i < text.length; i++) {
      h = rollIn(h, text.charCodeAt(i), i >= QGRAM ? text.charCodeAt(i - QGRAM) : -1);
      if (i < QGRAM - 1) continue;
      const b = h >>> (32 - bits);
      buckets[i - QGRAM + 1] = b;
      starts[b + 1]!++;
    }
    for (let b = 0; b < 1 << bits; b++) starts[b + 1]! += starts[b]!;
    const fill = starts.slice(0, 1 << bits);
    const positions = new Int32Array(count);
    for (let i = 0; i < count; i++) positions[fill[buckets[i]!]!++] = i;
    this.bucketStart = starts;
    this.positions = positions;
  }
}

/** Polynomial rolling hash base, and base^QGRAM, both mod 2^32. */
const BASE = 0x01000193;
const BASE_POW = (() => {
  let p = 1;
  for (let i = 0; i < QGRAM; i++) p = Math.imul(p, BASE);
  return p;
})();

/** Add `c` to the hash of the window; `out` (or -1) is the unit leaving it. */
function rollIn(h: number, c: number, out: number): number {
  let next = (Math.imul(h, BASE) + c) | 0;
  if (out >= 0) next = (next - Math.imul(out, BASE_POW)) | 0;
  return next;
}

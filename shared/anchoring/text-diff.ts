/**
 * A diff of two versions of an article, reduced to what re-anchoring needs:
 * a map from offsets in the old text to offsets in the new one.
 *
 * Work is kept proportional to the change, not to the text: the common
 * prefix and suffix are cut off first (a single edit leaves a tiny middle);
 * the middle is diffed by lines with jsdiff (`diff`), and each replaced run
 * of lines is refined by a character diff, so an annotation in an edited
 * paragraph but outside the edit still maps exactly. A character diff that
 * would cost too much gives up and the run stays one replaced block; offsets
 * inside it then map only approximately, and the caller verifies them.
 */
import { diffChars, diffLines } from 'diff';

/**
 * Largest edit distance a character diff of one replaced run may explore
 * before it gives up (jsdiff's `maxEditLength`); bounds the cost of a
 * rewritten paragraph at O(length × this).
 */
export const MAX_CHAR_EDIT_LENGTH = 2000;
/** A middle no longer than this (UTF-16 units, old plus new) is diffed by characters directly. */
const DIRECT_CHAR_DIFF_LENGTH = 4096;
/** Line-level diff cost bound; past it the whole middle is one replaced block. */
const MAX_LINE_EDIT_LENGTH = 5000;

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
  const prefix = commonPrefixLength(oldText, newText);
  const suffix = commonSuffixLength(oldText, newText, prefix);
  const oldMid = oldText.slice(prefix, oldText.length - suffix);
  const newMid = newText.slice(prefix, newText.length - suffix);
  const hunks: Hunk[] = [];
  if (oldMid.length > 0 || newMid.length > 0) {
    if (oldMid.length === 0 || newMid.length === 0) {
      hunks.push(hunk(prefix, prefix + oldMid.length, prefix, prefix + newMid.length));
    } else if (oldMid.length + newMid.length <= DIRECT_CHAR_DIFF_LENGTH) {
      refineByChars(oldMid, newMid, prefix, prefix, hunks);
    } else {
      diffByLines(oldMid, newMid, prefix, hunks);
    }
  }
  return new HunkMap(hunks);
}

function hunk(oldStart: number, oldEnd: number, newStart: number, newEnd: number): Hunk {
  return { oldStart, oldEnd, newStart, newEnd };
}

/** Line diff of the middle; each removed/added run is refined by characters. */
function diffByLines(oldMid: string, newMid: string, base: number, out: Hunk[]): void {
  const changes = diffLines(oldMid, newMid, { maxEditLength: MAX_LINE_EDIT_LENGTH });
  if (!changes) {
    out.push(hunk(base, base + oldMid.length, base, base + newMid.length));
    return;
  }
  let o = base;
  let n = base;
  let runOld = -1; // start of the current removed/added run, -1 when none
  let runNew = -1;
  const flush = () => {
    if (runOld < 0) return;
    const removed = oldMid.slice(runOld - base, o - base);
    const added = newMid.slice(runNew - base, n - base);
    if (removed.length === 0 || added.length === 0) out.push(hunk(runOld, o, runNew, n));
    else refineByChars(removed, added, runOld, runNew, out);
    runOld = runNew = -1;
  };
  for (const c of changes) {
    if (!c.added && !c.removed) {
      flush();
      o += c.value.length;
      n += c.value.length;
      continue;
    }
    if (runOld < 0) {
      runOld = o;
      runNew = n;
    }
    if (c.removed) o += c.value.length;
    else n += c.value.length;
  }
  flush();
}

/** Character diff of one replaced run, appending its hunks (or one hunk if it gives up). */
function refineByChars(
  oldPart: string,
  newPart: string,
  oldBase: number,
  newBase: number,
  out: Hunk[],
): void {
  const changes = diffChars(oldPart, newPart, { maxEditLength: MAX_CHAR_EDIT_LENGTH });
  if (!changes) {
    out.push(hunk(oldBase, oldBase + oldPart.length, newBase, newBase + newPart.length));
    return;
  }
  let o = oldBase;
  let n = newBase;
  let open: Hunk | null = null;
  for (const c of changes) {
    if (!c.added && !c.removed) {
      if (open) out.push(open);
      open = null;
      o += c.value.length;
      n += c.value.length;
      continue;
    }
    open ??= hunk(o, o, n, n);
    if (c.removed) o += c.value.length;
    else n += c.value.length;
    open.oldEnd = o;
    open.newEnd = n;
  }
  if (open) out.push(open);
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

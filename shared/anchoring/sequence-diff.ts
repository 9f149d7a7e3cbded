/**
 * A diff of two sequences of tokens (lines, words), given as integer ids: which tokens of the
 * old sequence are kept, and where they are in the new one.
 *
 * The method is patience diff (as in Bazaar and `git diff --patience`): the tokens that occur
 * exactly once in each side are the anchors; the longest run of anchors in the same order in
 * both (a longest increasing subsequence) is kept, and the stretches between them are diffed
 * the same way. A stretch with no such token left falls back to Myers' O(ND) algorithm, bounded
 * by {@link MAX_MYERS_EDITS}; past that bound the stretch is left as one replaced block.
 *
 * For articles this is both fast and the right answer: almost every paragraph is unique, so
 * the line level is a sort of the paragraphs; a moved paragraph is one deletion and one
 * insertion rather than a cascade of small matches; common prefixes and suffixes are taken
 * greedily at every level, so a stretch with one edit costs only its length.
 */

/** Edit distance (deleted plus inserted tokens) past which Myers' algorithm gives up on a stretch. */
export const MAX_MYERS_EDITS = 256;
/** Nesting of patience steps past which a stretch is handed to Myers directly. */
const MAX_DEPTH = 64;

/** Kept tokens: `a[oldIndex[k]] === b[newIndex[k]]` for each k, both ascending. */
export interface SequenceMatch {
  oldIndex: number[];
  newIndex: number[];
}

/**
 * Diff `a` (old) against `b` (new); ids are small non-negative integers below `idCount`.
 * Returns the kept tokens in order. Never throws; cost is O((n + m) log(n + m)) for the
 * patience steps plus O((n + m) · D) for the stretches left to Myers, D ≤ {@link MAX_MYERS_EDITS}.
 */
export function diffSequences(a: Int32Array, b: Int32Array, idCount: number): SequenceMatch {
  if (scratch.length < 3 * idCount)
    scratch = new Int32Array(Math.max(3 * idCount, 2 * scratch.length));
  const d = new SequenceDiff(a, b, scratch);
  d.diff(0, a.length, 0, b.length, 0);
  return { oldIndex: d.oldIndex, newIndex: d.newIndex };
}

/**
 * Per-id working memory shared by every diff (three entries per id): a word diff of each edited
 * paragraph would otherwise allocate it anew. The counts are left at zero after each use;
 * positions need no reset.
 */
let scratch = new Int32Array(3 * 1024);

class SequenceDiff {
  readonly oldIndex: number[] = [];
  readonly newIndex: number[] = [];
  /** Per id: occurrences in the current old/new stretch, and the last position seen. */
  /** Per id, at 3·id: its count in the old stretch, its count in the new one, its last new position. */
  private readonly memory: Int32Array;

  constructor(
    private readonly a: Int32Array,
    private readonly b: Int32Array,
    memory: Int32Array, // at least 3 × idCount entries, counts at zero
  ) {
    this.memory = memory;
  }

  private keep(i: number, j: number): void {
    this.oldIndex.push(i);
    this.newIndex.push(j);
  }

  diff(aLo: number, aHi: number, bLo: number, bHi: number, depth: number): void {
    const { a, b } = this;
    while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) this.keep(aLo++, bLo++);
    let tail = 0;
    while (aHi - tail > aLo && bHi - tail > bLo && a[aHi - tail - 1] === b[bHi - tail - 1]) tail++;
    aHi -= tail;
    bHi -= tail;
    if (aLo < aHi && bLo < bHi) {
      const anchors = depth < MAX_DEPTH ? this.uniqueAnchors(aLo, aHi, bLo, bHi) : null;
      if (anchors && anchors.length > 0) {
        let pa = aLo;
        let pb = bLo;
        for (let k = 0; k < anchors.length; k += 2) {
          const i = anchors[k]!;
          const j = anchors[k + 1]!;
          this.diff(pa, i, pb, j, depth + 1);
          this.keep(i, j);
          pa = i + 1;
          pb = j + 1;
        }
        this.diff(pa, aHi, pb, bHi, depth + 1);
      } else {
        this.myers(aLo, aHi, bLo, bHi);
      }
    }
    for (let k = 0; k < tail; k++) this.keep(aHi + k, bHi + k);
  }

  /**
   * The tokens unique in both stretches, reduced to the longest chain in the same order in
   * both; flat pairs `[i0, j0, i1, j1, ...]`, ascending. Null when there are none.
   */
  private uniqueAnchors(aLo: number, aHi: number, bLo: number, bHi: number): number[] | null {
    const { a, b, memory } = this;
    for (let i = aLo; i < aHi; i++) memory[3 * a[i]!]!++;
    for (let j = bLo; j < bHi; j++) {
      const at = 3 * b[j]!;
      memory[at + 1]!++;
      memory[at + 2] = j;
    }
    // Candidates in old order; their new positions.
    const is: number[] = [];
    const js: number[] = [];
    for (let i = aLo; i < aHi; i++) {
      const id = a[i]!;
      if (memory[3 * id] === 1 && memory[3 * id + 1] === 1) {
        is.push(i);
        js.push(memory[3 * id + 2]!);
      }
    }
    for (let i = aLo; i < aHi; i++) memory[3 * a[i]!] = 0;
    for (let j = bLo; j < bHi; j++) memory[3 * b[j]! + 1] = 0;
    if (is.length === 0) return null;
    // Longest increasing subsequence of js (patience sorting with back links).
    const tails: number[] = [];
    const back = new Int32Array(js.length);
    for (let k = 0; k < js.length; k++) {
      const v = js[k]!;
      let lo = 0;
      let hi = tails.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (js[tails[mid]!]! < v) lo = mid + 1;
        else hi = mid;
      }
      back[k] = lo > 0 ? tails[lo - 1]! : -1;
      tails[lo] = k;
    }
    const out = new Array<number>(tails.length * 2);
    for (let k = tails[tails.length - 1]!, p = tails.length - 1; k >= 0; k = back[k]!, p--) {
      out[2 * p] = is[k]!;
      out[2 * p + 1] = js[k]!;
    }
    return out;
  }

  /**
   * Myers' greedy O(ND) diff of one stretch, keeping the V vector of every round to walk
   * back the path. Gives up (keeps nothing) past {@link MAX_MYERS_EDITS} edits.
   */
  private myers(aLo: number, aHi: number, bLo: number, bHi: number): void {
    const { a, b } = this;
    const n = aHi - aLo;
    const m = bHi - bLo;
    const maxD = Math.min(n + m, MAX_MYERS_EDITS);
    const offset = maxD + 1;
    const v = new Int32Array(2 * maxD + 3);
    const trace: Int32Array[] = [];
    let found = -1;
    for (let d = 0; d <= maxD && found < 0; d++) {
      trace.push(v.slice(offset - d - 1, offset + d + 2));
      for (let k = -d; k <= d; k += 2) {
        let x =
          k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
            ? v[offset + k + 1]!
            : v[offset + k - 1]! + 1;
        let y = x - k;
        while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
          x++;
          y++;
        }
        v[offset + k] = x;
        if (x >= n && y >= m) {
          found = d;
          break;
        }
      }
    }
    if (found < 0) return;
    // Walk back from (n, m): each round's snapshot (taken before the round) gives the
    // predecessor diagonal; the diagonal run walked in that round is the kept tokens.
    const kept: number[] = [];
    let x = n;
    let y = m;
    for (let d = found; d > 0; d--) {
      const snap = trace[d]!; // v before round d, indices offset - d - 1 .. offset + d + 1
      const at = (k: number) => snap[k + d + 1]!;
      const k = x - y;
      const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
      const prevK = down ? k + 1 : k - 1;
      const prevX = at(prevK);
      const prevY = prevX - prevK;
      const startX = down ? prevX : prevX + 1;
      while (x > startX) {
        x--;
        y--;
        kept.push(x, y);
      }
      x = prevX;
      y = prevY;
    }
    while (x > 0 && y > 0) {
      x--;
      y--;
      kept.push(x, y);
    }
    for (let k = kept.length - 2; k >= 0; k -= 2) this.keep(aLo + kept[k]!, bLo + kept[k + 1]!);
  }
}

/**
 * Ranges sorted by start, with running maxima of their ends, answering
 * "which ranges cover this point / meet this span" in O(log n + k) for the
 * usual short, sparsely nested annotations. Used by the editor's highlight
 * plugin (pick what lies under a click, paint what is visible).
 *
 * Updates are persistent (a new index comes back; the old one is unchanged)
 * and cost far less than the size of the index, so adding one highlight to
 * 10,000 stays as cheap as adding it to none:
 * - the sorted ranges live in chunks of about {@link CHUNK_SIZE}; an insert
 *   or removal copies one chunk and the short array of chunk references;
 * - the id lookup is a large base map plus a small overlay of recent
 *   changes; the overlay is folded into a new base only once it has grown to
 *   about the square root of the size, so the O(n) rebuild is amortised.
 */

export interface IndexedRange {
  id: string;
  from: number;
  to: number;
}

/** Target number of ranges per chunk; chunks split at twice this. */
export const CHUNK_SIZE = 128;

interface Chunk<T extends IndexedRange> {
  /** Sorted by `from`, then `to`, then `id`. Never empty. */
  readonly items: readonly T[];
  /** `maxTo[i]` = the largest `to` among `items[0..i]`. */
  readonly maxTo: Float64Array;
}

/** Id lookup: `base` plus an overlay in which `null` marks a removal. */
interface Lookup<T> {
  readonly base: ReadonlyMap<string, T>;
  readonly overlay: ReadonlyMap<string, T | null>;
}

function makeChunk<T extends IndexedRange>(items: readonly T[]): Chunk<T> {
  const maxTo = new Float64Array(items.length);
  let m = -Infinity;
  for (let i = 0; i < items.length; i++) {
    m = Math.max(m, items[i]!.to);
    maxTo[i] = m;
  }
  return { items, maxTo };
}

function chunksOf<T extends IndexedRange>(sorted: readonly T[]): Chunk<T>[] {
  const chunks: Chunk<T>[] = [];
  for (let i = 0; i < sorted.length; i += CHUNK_SIZE)
    chunks.push(makeChunk(sorted.slice(i, i + CHUNK_SIZE)));
  return chunks;
}

export class IntervalIndex<T extends IndexedRange> {
  private readonly chunks: readonly Chunk<T>[];
  /** `chunkMax[c]` = the largest `to` in chunks `0..c`. */
  private readonly chunkMax: Float64Array;
  private readonly lookup: Lookup<T>;
  readonly size: number;
  private flat: readonly T[] | null = null;

  private constructor(chunks: readonly Chunk<T>[], lookup: Lookup<T>, size: number) {
    this.chunks = chunks;
    this.lookup = lookup;
    this.size = size;
    const chunkMax = new Float64Array(chunks.length);
    let m = -Infinity;
    for (let c = 0; c < chunks.length; c++) {
      const own = chunks[c]!.maxTo;
      m = Math.max(m, own[own.length - 1]!);
      chunkMax[c] = m;
    }
    this.chunkMax = chunkMax;
  }

  static empty<T extends IndexedRange>(): IntervalIndex<T> {
    return new IntervalIndex<T>([], { base: new Map(), overlay: new Map() }, 0);
  }

  /** Build from any ranges (sorted here). Later duplicates of an id replace earlier ones. */
  static from<T extends IndexedRange>(ranges: Iterable<T>): IntervalIndex<T> {
    const byId = new Map<string, T>();
    for (const r of ranges) byId.set(r.id, r);
    const sorted = [...byId.values()].sort(compare);
    return new IntervalIndex(chunksOf(sorted), { base: byId, overlay: new Map() }, sorted.length);
  }

  get(id: string): T | undefined {
    const o = this.lookup.overlay.get(id);
    if (o !== undefined) return o ?? undefined;
    return this.lookup.base.get(id);
  }

  /** Every range in start order (built once per index, on first use). */
  all(): readonly T[] {
    if (!this.flat) this.flat = this.chunks.flatMap((c) => c.items);
    return this.flat;
  }

  /** A new index with `ranges` added (replacing same ids) and `removeIds` removed. */
  update(ranges: readonly T[], removeIds: Iterable<string> = []): IntervalIndex<T> {
    const drop: T[] = [];
    for (const id of removeIds) {
      const old = this.get(id);
      if (old) drop.push(old);
    }
    for (const r of ranges) {
      const old = this.get(r.id);
      if (old) drop.push(old);
    }
    // Large batches: a rebuild is as cheap as many single edits.
    if (ranges.length + drop.length > CHUNK_SIZE) {
      const gone = new Set(drop.map((x) => x.id));
      const kept = this.all().filter((x) => !gone.has(x.id));
      return IntervalIndex.from([...kept, ...ranges]);
    }
    const chunks = this.chunks.slice();
    let size = this.size;
    for (const old of drop) if (removeFromChunks(chunks, old)) size--;
    for (const r of ranges) {
      insertIntoChunks(chunks, r);
      size++;
    }
    return new IntervalIndex(chunks, nextLookup(this.lookup, ranges, drop, size), size);
  }

  /** Ranges with `from <= pos < to` (or `from <= pos <= to` when `inclusiveEnd`), in start order. */
  at(pos: number, inclusiveEnd = false): T[] {
    return this.between(pos, pos, inclusiveEnd);
  }

  /**
   * Ranges that meet `[from, to]`: `r.from <= to && r.to > from`
   * (`r.to >= from` when `inclusiveEnd`), in start order.
   */
  between(from: number, to: number, inclusiveEnd = false): T[] {
    const out: T[] = [];
    const below = (m: number) => (inclusiveEnd ? m < from : m <= from);
    // Last chunk whose first start is <= to, then walk back while ends can still reach `from`.
    for (let c = lastChunkStartingAtOrBefore(this.chunks, to); c >= 0; c--) {
      if (below(this.chunkMax[c]!)) break;
      const { items, maxTo } = this.chunks[c]!;
      for (let i = upperBoundStart(items, to) - 1; i >= 0; i--) {
        if (below(maxTo[i]!)) break;
        const r = items[i]!;
        if (inclusiveEnd ? r.to >= from : r.to > from) out.push(r);
      }
    }
    return out.reverse();
  }
}

function compare(a: IndexedRange, b: IndexedRange): number {
  return a.from - b.from || a.to - b.to || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The chunk a range belongs in: the last one whose first item sorts at or before it (0 if none). */
function chunkFor<T extends IndexedRange>(chunks: readonly Chunk<T>[], r: IndexedRange): number {
  let lo = 0;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(chunks[mid]!.items[0]!, r) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

function insertIntoChunks<T extends IndexedRange>(chunks: Chunk<T>[], r: T): void {
  if (chunks.length === 0) {
    chunks.push(makeChunk([r]));
    return;
  }
  const c = chunkFor(chunks, r);
  const items = chunks[c]!.items.slice();
  items.splice(lowerBound(items, r), 0, r);
  if (items.length >= 2 * CHUNK_SIZE) {
    const half = items.length >>> 1;
    chunks.splice(c, 1, makeChunk(items.slice(0, half)), makeChunk(items.slice(half)));
  } else {
    chunks[c] = makeChunk(items);
  }
}

/** Remove exactly `r` (found by its sort key); false when it is not there. */
function removeFromChunks<T extends IndexedRange>(chunks: Chunk<T>[], r: T): boolean {
  if (chunks.length === 0) return false;
  const c = chunkFor(chunks, r);
  const at = lowerBound(chunks[c]!.items, r);
  if (chunks[c]!.items[at]?.id !== r.id) return false;
  const items = chunks[c]!.items.slice();
  items.splice(at, 1);
  if (items.length === 0) chunks.splice(c, 1);
  else chunks[c] = makeChunk(items);
  return true;
}

/** The lookup after an update; folds the overlay into a new base once it outgrows √size. */
function nextLookup<T extends IndexedRange>(
  prev: Lookup<T>,
  put: readonly T[],
  dropped: readonly T[],
  size: number,
): Lookup<T> {
  const overlay = new Map(prev.overlay);
  for (const d of dropped) overlay.set(d.id, null);
  for (const r of put) overlay.set(r.id, r);
  if (overlay.size <= Math.max(64, Math.sqrt(size) * 4)) return { base: prev.base, overlay };
  const base = new Map(prev.base);
  for (const [id, v] of overlay) {
    if (v === null) base.delete(id);
    else base.set(id, v);
  }
  return { base, overlay: new Map() };
}

function lowerBound<T extends IndexedRange>(items: readonly T[], r: IndexedRange): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(items[mid]!, r) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of items with `from <= value`. */
function upperBoundStart(items: readonly IndexedRange[], value: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.from <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last chunk whose first range starts at or before `value`, or -1. */
function lastChunkStartingAtOrBefore<T extends IndexedRange>(
  chunks: readonly Chunk<T>[],
  value: number,
): number {
  let lo = 0;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (chunks[mid]!.items[0]!.from <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

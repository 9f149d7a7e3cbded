/**
 * Was a passage of the new text already there, elsewhere, before the edit?
 *
 * When re-anchoring has to search for a quote (its old place no longer reads
 * it), the best match may be a passage that stood in the old text all along,
 * somewhere else: another speaker's similar sentence, or an identical sentence
 * said twice. Such a passage is not where the marked one went. The marked
 * passage was deleted, and moving the annotation onto a neighbour's words
 * would put a quote in the wrong mouth without anyone noticing.
 *
 * The diff tells the two apart. The text a passage really moved to, or was
 * rewritten into, is new in this version (inside the diff's hunks) or is the
 * marked passage's own old text carried over. Text that the diff carries over
 * unchanged from *another* place of the old text was there before. Only long
 * unchanged runs count ({@link MIN_RUN} units): a character diff of two
 * different paragraphs shares scattered letters and short words, which say
 * nothing about where a passage came from.
 */
import { createAnchorIndex, type AnchorIndex } from './anchor-index';
import { MAX_APPROX_ERRORS } from './match-quote';
import type { Hunk, OffsetMap } from './text-diff';

/** Unchanged runs shorter than this (UTF-16 units) are diff noise and are not counted. */
export const MIN_RUN = 20;
/** A match that is at least this share pre-existing text from elsewhere is a different passage. */
export const PREEXISTING_SHARE = 0.5;

/**
 * The share (0 to 1) of new-text range `[start16, end16)` that is old text
 * carried over unchanged from outside `own` (the marked passage's old range,
 * UTF-16; null when it had none, as for an orphan). Counts only unchanged runs
 * of at least {@link MIN_RUN} units. Linear in the hunks it visits.
 */
export function preexistingShare(
  offsets: OffsetMap,
  start16: number,
  end16: number,
  own: { start: number; end: number } | null,
): number {
  if (end16 <= start16) return 0;
  const hunks = offsets.hunks;
  // First hunk that ends at or after start16 (hunks are ascending and disjoint).
  let lo = 0;
  let hi = hunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hunks[mid]!.newEnd < start16) lo = mid + 1;
    else hi = mid;
  }
  let counted = 0;
  // The unchanged run before hunk i starts where hunk i-1 ends (or at 0) and shifts by its delta.
  for (let i = lo; i <= hunks.length; i++) {
    const prev = i > 0 ? hunks[i - 1]! : null;
    const runStart = prev ? prev.newEnd : 0;
    const runEnd = i < hunks.length ? hunks[i]!.newStart : Infinity;
    if (runStart >= end16) break;
    if (runEnd - runStart < MIN_RUN) continue;
    const from = Math.max(runStart, start16);
    const to = Math.min(runEnd, end16);
    if (to <= from) continue;
    const delta = prev ? prev.oldEnd - prev.newEnd : 0;
    const oldFrom = from + delta;
    const oldTo = to + delta;
    const ownPart = own ? Math.max(0, Math.min(oldTo, own.end) - Math.max(oldFrom, own.start)) : 0;
    counted += to - from - ownPart;
  }
  return counted / (end16 - start16);
}

/** True when a match in the new text is mostly text that stood elsewhere before (see the module comment). */
export function isPreexistingElsewhere(
  offsets: OffsetMap,
  start16: number,
  end16: number,
  own: { start: number; end: number } | null,
): boolean {
  return preexistingShare(offsets, start16, end16, own) >= PREEXISTING_SHARE;
}

/**
 * Least UTF-16 units of unchanged text kept on each side of an inserted block in
 * {@link FreshText}. A match that is at least half new text reaches at most half its length
 * (plus its error budget) beyond the new part, so a quote is searched in windows with a margin
 * of {@link freshMarginFor} its length: whatever a search of the whole text could accept lies
 * in them.
 */
export const FRESH_MARGIN = 256;

/** The margin (a power of two, at least {@link FRESH_MARGIN}) for a quote of `length` units. */
export function freshMarginFor(length: number): number {
  let margin = FRESH_MARGIN;
  while (margin < Math.ceil(length / 2) + 2 * MAX_APPROX_ERRORS) margin *= 2;
  return margin;
}
/** Between windows: longer than any approximate match can bridge, and never article text. */
const SEPARATOR = '\u0000'.repeat(MAX_APPROX_ERRORS + 1);

/**
 * The new text's inserted blocks, each with `margin` units of context, joined into
 * one string to search: where a passage whose old place was deleted may have gone. The joined
 * string is a few per cent of the article, so searching it costs little; its anchoring index
 * is built on first use.
 */
export class FreshText {
  /** The windows joined with separators. */
  readonly text: string;
  /** Per window: its start in {@link text}, its start and end in the new text. */
  private readonly at: number[] = [];
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  private anchorIndex: AnchorIndex | null = null;

  constructor(newText: string, hunks: readonly Hunk[], margin = FRESH_MARGIN) {
    const parts: string[] = [];
    let joined = 0;
    for (const h of hunks) {
      if (h.newEnd === h.newStart) continue;
      const a = Math.max(0, h.newStart - margin);
      const b = Math.min(newText.length, h.newEnd + margin);
      const last = this.to.length - 1;
      if (last >= 0 && a <= this.to[last]!) {
        joined += b - this.to[last]!;
        this.to[last] = Math.max(this.to[last]!, b);
        continue;
      }
      if (last >= 0) joined += SEPARATOR.length;
      this.at.push(joined);
      this.from.push(a);
      this.to.push(b);
      joined += b - a;
    }
    for (let w = 0; w < this.from.length; w++) parts.push(newText.slice(this.from[w], this.to[w]));
    this.text = parts.join(SEPARATOR);
  }

  get index(): AnchorIndex {
    this.anchorIndex ??= createAnchorIndex(this.text);
    return this.anchorIndex;
  }

  /** New-text range of joined `[start, end)`, or null when it is not inside one window. */
  toNew(start: number, end: number): { start: number; end: number } | null {
    const w = this.windowAt(start);
    if (w < 0 || end - this.at[w]! > this.to[w]! - this.from[w]!) return null;
    const base = this.from[w]! - this.at[w]!;
    return { start: start + base, end: end + base };
  }

  /** Joined offset of a new-text offset, or null when it lies in no window. */
  toJoined(offset16: number): number | null {
    let lo = 0;
    let hi = this.from.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.from[mid]! <= offset16) lo = mid;
      else hi = mid - 1;
    }
    if (this.from.length === 0 || offset16 < this.from[lo]! || offset16 > this.to[lo]!) return null;
    return this.at[lo]! + offset16 - this.from[lo]!;
  }

  private windowAt(joined: number): number {
    let lo = 0;
    let hi = this.at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.at[mid]! <= joined) lo = mid;
      else hi = mid - 1;
    }
    if (this.at.length === 0 || joined < this.at[lo]!) return -1;
    return joined - this.at[lo]! <= this.to[lo]! - this.from[lo]! ? lo : -1;
  }
}

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
import type { OffsetMap } from './text-diff';

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

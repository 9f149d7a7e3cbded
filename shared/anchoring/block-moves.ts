/**
 * Moved blocks: text the diff reports as deleted in one place and inserted, word for word,
 * in another (a paragraph or sentence moved).
 *
 * A line or word diff has no notion of a move: a moved paragraph is a deletion plus an
 * insertion. Annotations inside it would otherwise have to be searched for one by one. Here
 * each deleted block is looked up once among the inserted text, and the annotations inside it
 * map to their new place by offset.
 *
 * A block counts as moved only when the match cannot be a coincidence: the deleted text (its
 * white space at either end left out) is at least {@link MIN_MOVE_LENGTH} units long, occurs
 * exactly once among the inserted text, and occurred exactly once in the old text. A stock
 * sentence that the old version had twice is never taken for a move: its copy in the new text
 * might come from the other place.
 */
import type { Hunk } from './text-diff';

/** Shortest deleted block (UTF-16 units, outer white space left out) looked for as a move. */
export const MIN_MOVE_LENGTH = 32;

/** Old `[oldStart, oldEnd)` reads, unchanged, at new `[newStart, newStart + oldEnd - oldStart)`. */
export interface BlockMove {
  oldStart: number;
  oldEnd: number;
  newStart: number;
}

/** Separates the inserted blocks in the joined string; never part of an article's text. */
const SEPARATOR = '\u0000';

/** The moved blocks among `hunks`, ascending by old start. */
export function findBlockMoves(
  oldText: string,
  newText: string,
  hunks: readonly Hunk[],
): BlockMove[] {
  const insertedStarts: number[] = []; // joined offset of each inserted block
  const insertedAt: number[] = []; // its new-text offset
  const parts: string[] = [];
  let joined = 0;
  for (const h of hunks) {
    if (h.newEnd - h.newStart < MIN_MOVE_LENGTH) continue;
    insertedStarts.push(joined);
    insertedAt.push(h.newStart);
    parts.push(newText.slice(h.newStart, h.newEnd));
    joined += h.newEnd - h.newStart + SEPARATOR.length;
  }
  if (parts.length === 0) return [];
  const inserted = parts.join(SEPARATOR);
  const moves: BlockMove[] = [];
  for (const h of hunks) {
    let a = h.oldStart;
    let b = h.oldEnd;
    while (a < b && isSpace(oldText.charCodeAt(a))) a++;
    while (b > a && isSpace(oldText.charCodeAt(b - 1))) b--;
    if (b - a < MIN_MOVE_LENGTH) continue;
    const block = oldText.slice(a, b);
    const k = inserted.indexOf(block);
    if (k < 0 || inserted.indexOf(block, k + 1) >= 0) continue;
    if (oldText.indexOf(block) !== a || oldText.indexOf(block, a + 1) >= 0) continue;
    // The inserted block holding joined offset k.
    let lo = 0;
    let hi = insertedStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (insertedStarts[mid]! <= k) lo = mid;
      else hi = mid - 1;
    }
    moves.push({ oldStart: a, oldEnd: b, newStart: insertedAt[lo]! + (k - insertedStarts[lo]!) });
  }
  return moves;
}

/** The move whose old block holds all of old `[start16, end16)`, if any. */
export function moveHolding(
  moves: readonly BlockMove[],
  start16: number,
  end16: number,
): BlockMove | null {
  let lo = 0;
  let hi = moves.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (moves[mid]!.oldStart <= start16) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const m = found >= 0 ? moves[found]! : null;
  return m && end16 <= m.oldEnd ? m : null;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
}

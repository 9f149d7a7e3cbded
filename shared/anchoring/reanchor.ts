/**
 * Re-anchoring after an article is re-imported from an updated text.
 *
 * One diff of old → new text (by paragraphs, then by words inside the edited ones; see
 * `text-diff.ts`) does almost all the work, and each annotation then costs a binary search and
 * a string comparison, however many there are:
 *
 * 1. An annotation that no edit touches is mapped through the diff and checked against its
 *    quote: the same text, at its new place.
 * 2. One inside a block the diff deleted and inserted elsewhere unchanged (a moved paragraph,
 *    `block-moves.ts`) maps by offset to the block's new place.
 * 3. One touched by an edit that only shifts text (an insertion or deletion the diff could as
 *    well have reported beside it) is found at the place the shift gives.
 * 4. One whose text an edit changed, with at least half of it still in place, is `changed`: it
 *    now covers what became of its text, from its mapped start to its mapped end.
 * 5. One whose text is mostly gone from its place is searched for only in the new text's
 *    inserted blocks (`FreshText`): a passage that was there before, elsewhere, is not where it
 *    went. The windows around those blocks are wide enough for the quote's length (see
 *    `freshMarginFor`). Only an annotation already orphaned, or one whose position does not
 *    read its quote, is searched in the whole text: the last resort.
 *
 * No annotation is ever dropped: one that cannot be found keeps its old selectors and is marked
 * orphaned.
 */
import type {
  AnchorStatus,
  Annotation,
  AnnotationTarget,
  TextPositionSelector,
} from '../model/session';
import { CodePointIndex } from '../text/code-points';
import { createAnchorIndex } from './anchor-index';
import type { AnchorIndex } from './anchor-index';
import { findBlockMoves, moveHolding, type BlockMove } from './block-moves';
import { describeRange } from './describe-range';
import { anchorSelector } from './match-quote';
import { FreshText, freshMarginFor, isPreexistingElsewhere } from './fresh-text';
import { diffTexts } from './text-diff';
import type { Hunk, OffsetMap } from './text-diff';

/** How many annotations ended in each status. */
export type ReanchorReport = Record<AnchorStatus, number>;

/**
 * Re-anchor `annotations` (all targeting the article whose text was
 * `oldText`) on `newText`. Returns new annotation objects in the same order,
 * one per input, and the tally. Statuses:
 * - `anchored`: the quote is still at exactly the same position (same
 *   code-point start and end) in the new text.
 * - `moved`: the same exact quote, elsewhere: carried by the diff to new
 *   offsets (an edit before it shifted it, or its paragraph moved), or found
 *   by search. Position (and, where the edit touched them, prefix and suffix)
 *   are updated.
 * - `changed`: an edit changed the wording, and at least half of the marked
 *   text is still in place; or only a passage with other wording is found
 *   (an approximate match) among the new text. The quote takes the new
 *   wording, `was` keeps the wording as marked, and the status stays
 *   `changed` through later re-imports until a reviewer confirms it or
 *   re-attaches the annotation.
 * - `orphaned`: more than half of the marked text was deleted and it is not
 *   found among the new text, or not decidably found; old selectors kept as
 *   they were. A match that is mostly text which stood, unchanged, elsewhere
 *   in the old version (another speaker's similar sentence, a sentence said
 *   twice), or whose words stood word for word elsewhere in the old version
 *   (a copy of another passage), is not where the marked one went: the
 *   annotation is orphaned rather than moved onto it (see `fresh-text.ts`).
 * Annotations that were already orphaned are searched for by quote alone.
 * Other fields (ids, notes, timestamps) are copied unchanged. Never throws.
 */
export function reanchorAnnotations(
  oldText: string,
  newText: string,
  annotations: Annotation[],
): { annotations: Annotation[]; report: ReanchorReport } {
  const report: ReanchorReport = { anchored: 0, moved: 0, changed: 0, orphaned: 0 };
  const pass = new Pass(oldText, newText);
  const result = annotations.map((a) => {
    const target = keepChanged(a.target, reanchorTarget(a.target, pass));
    report[target.status]++;
    return target === a.target ? a : { ...a, target };
  });
  return { annotations: result, report };
}

/** What one re-anchoring pass shares between annotations; the costly parts are built on first use. */
class Pass {
  readonly offsets: OffsetMap;
  readonly oldCp: CodePointIndex;
  readonly newCp: CodePointIndex;
  private blockMoves: BlockMove[] | null = null;
  private readonly freshTexts = new Map<number, FreshText>();
  private wholeIndex: AnchorIndex | null = null;

  constructor(
    readonly oldText: string,
    readonly newText: string,
  ) {
    this.offsets = diffTexts(oldText, newText);
    this.oldCp = new CodePointIndex(oldText);
    this.newCp = new CodePointIndex(newText);
  }

  get moves(): BlockMove[] {
    this.blockMoves ??= findBlockMoves(this.oldText, this.newText, this.offsets.hunks);
    return this.blockMoves;
  }

  /** The inserted blocks with enough context around them for a quote of `length` units. */
  fresh(length: number): FreshText {
    const margin = freshMarginFor(length);
    let fresh = this.freshTexts.get(margin);
    if (!fresh) {
      fresh = new FreshText(this.newText, this.offsets.hunks, margin);
      this.freshTexts.set(margin, fresh);
    }
    return fresh;
  }

  /** The whole new text's index: the last resort. */
  get index(): AnchorIndex {
    this.wholeIndex ??= createAnchorIndex(this.newText);
    return this.wholeIndex;
  }
}

/**
 * Far from its mapped place, a piece of a quote found more often than this among the inserted
 * text is a stock phrase, not evidence of where the passage went (see `AnchorOptions`).
 */
export const MAX_FRESH_PIECE_HITS = 4;
/**
 * Most errors of an approximate match among the inserted text, far from the mapped place: a
 * moved passage whose wording changed by more is orphaned for a reviewer to re-attach. Keeps
 * the pieces looked up for a long quote few (see `AnchorOptions`).
 */
export const MAX_FRESH_FAR_ERRORS = 12;

/** A place in the new text (UTF-16) and whether it reads the quote exactly. */
interface Found {
  start16: number;
  end16: number;
  exact: boolean;
}

function reanchorTarget(target: AnnotationTarget, pass: Pass): AnnotationTarget {
  const { quote, position } = target;
  if (target.status === 'orphaned' || quote.exact.length === 0)
    return placeOrOrphan(target, searchWhole(target, pass, null, undefined), pass);
  if (!isValidPosition(position, pass.oldCp)) {
    return placeOrOrphan(target, searchWhole(target, pass, null, undefined), pass);
  }
  const { offsets, oldCp, newText } = pass;
  const exact = quote.exact;
  const own = { start: oldCp.toUtf16(position.start), end: oldCp.toUtf16(position.end) };
  const mapped = { start: offsets.map(own.start, 'after'), end: offsets.map(own.end, 'before') };
  const reads = (at: number): boolean => at >= 0 && newText.startsWith(exact, at);
  // A position that does not read the quote in the old text (selectors from elsewhere) says
  // nothing the diff can carry: the quote is searched for, near where the position maps.
  if (own.end - own.start !== exact.length || !pass.oldText.startsWith(exact, own.start))
    return placeOrOrphan(target, searchWhole(target, pass, own, mapped.start), pass);

  // 1. Untouched by any edit: mapped exactly.
  const inside = editsInside(offsets.touching(own.start, own.end), own.start, own.end);
  if (inside.length === 0 && mapped.end - mapped.start === exact.length && reads(mapped.start))
    return place(target, { start16: mapped.start, end16: mapped.end, exact: true }, pass);

  // 2. Inside a moved block.
  const move = moveHolding(pass.moves, own.start, own.end);
  if (move) {
    const at = move.newStart + (own.start - move.oldStart);
    if (reads(at))
      return place(target, { start16: at, end16: at + exact.length, exact: true }, pass);
  }

  // 3. Touched only by edits that shift it.
  const shifted = shiftedOut(pass, own, inside);
  if (shifted !== null)
    return place(target, { start16: shifted, end16: shifted + exact.length, exact: true }, pass);

  // 4. Changed wording, at least half of it still in place.
  let removed = 0;
  for (const h of inside) removed += Math.min(h.oldEnd, own.end) - Math.max(h.oldStart, own.start);
  if (2 * removed <= own.end - own.start) {
    let a = mapped.start;
    let b = mapped.end;
    while (a < b && isSpace(newText.charCodeAt(a))) a++;
    while (b > a && isSpace(newText.charCodeAt(b - 1))) b--;
    if (b > a)
      return place(target, { start16: a, end16: b, exact: newText.slice(a, b) === exact }, pass);
  }

  // 5. Mostly deleted in place: look among the new text's inserted blocks.
  const hint = Math.min(mapped.start, newText.length);
  return placeOrOrphan(target, searchFresh(target, pass, own, hint), pass);
}

/**
 * The edits that fall inside old `[start, end)`: a replaced or deleted block that overlaps it,
 * or an insertion strictly inside it (one at either end only shifts it).
 */
function editsInside(touching: readonly Hunk[], start: number, end: number): Hunk[] {
  return touching.filter((h) =>
    h.oldStart === h.oldEnd
      ? h.oldStart > start && h.oldStart < end
      : h.oldStart < end && h.oldEnd > start,
  );
}

/**
 * Search the new text's inserted blocks for the quote, near the mapped place first (see
 * `anchorSelector`); a match is accepted only where it is new text (not mostly text that stood
 * elsewhere before) and not a copy of another passage of the old text.
 */
function searchFresh(
  target: AnnotationTarget,
  pass: Pass,
  own: { start: number; end: number },
  hint16: number,
): Found | null {
  const fresh = pass.fresh(target.quote.exact.length);
  if (fresh.text.length === 0) return null;
  const index = fresh.index;
  const at = fresh.toJoined(hint16);
  const position: TextPositionSelector | undefined =
    at === null
      ? undefined
      : {
          type: 'TextPositionSelector',
          start: index.codePoints.toCodePoint(at),
          end: index.codePoints.toCodePoint(at),
        };
  const m = anchorSelector(
    index,
    position ? { quote: target.quote, position } : { quote: target.quote },
    { maxPieceOccurrences: MAX_FRESH_PIECE_HITS, maxFarErrors: MAX_FRESH_FAR_ERRORS },
  );
  if (!m) return null;
  const r = fresh.toNew(m.start16, m.end16);
  if (!r) return null;
  return accept(pass, { start16: r.start, end16: r.end, exact: m.exact }, own);
}

/** Search the whole new text (an orphan, or a position that does not read its quote). */
function searchWhole(
  target: AnnotationTarget,
  pass: Pass,
  own: { start: number; end: number } | null,
  hint16: number | undefined,
): Found | null {
  const index = pass.index;
  const cp = index.codePoints;
  const position: TextPositionSelector | undefined =
    hint16 === undefined
      ? undefined
      : {
          type: 'TextPositionSelector',
          start: cp.toCodePoint(hint16),
          end: cp.toCodePoint(hint16),
        };
  const m = anchorSelector(
    index,
    position ? { quote: target.quote, position } : { quote: target.quote },
  );
  if (!m) return null;
  return accept(pass, { start16: m.start16, end16: m.end16, exact: m.exact }, own);
}

/**
 * A match found by search is where the marked passage went only if it is new text (see
 * `isPreexistingElsewhere`) and its words did not stand word for word elsewhere in the old
 * version: a passage that did is a copy of that other passage (a stock sentence said again),
 * and moving the annotation there would put it on text that is not its own.
 */
function accept(pass: Pass, f: Found, own: { start: number; end: number } | null): Found | null {
  if (isPreexistingElsewhere(pass.offsets, f.start16, f.end16, own)) return null;
  const words = pass.newText.slice(f.start16, f.end16);
  const { oldText } = pass;
  for (let at = oldText.indexOf(words); at !== -1; at = oldText.indexOf(words, at + 1)) {
    if (own === null || at !== own.start) return null;
  }
  return f;
}

function placeOrOrphan(
  target: AnnotationTarget,
  found: Found | null,
  pass: Pass,
): AnnotationTarget {
  if (found) return place(target, found, pass);
  return target.status === 'orphaned' ? target : { ...target, status: 'orphaned' };
}

/** The target at `found` (UTF-16, new text): anchored or moved when exact, else changed. */
function place(target: AnnotationTarget, found: Found, pass: Pass): AnnotationTarget {
  const { quote, position } = target;
  const { newText, newCp } = pass;
  const { start16, end16 } = found;
  const start = newCp.toCodePoint(start16);
  const end = newCp.toCodePoint(end16);
  if (!found.exact) {
    const described = describeRange(newText, start16, end16, newCp);
    return {
      ...target,
      quote: described.quote,
      position: described.position,
      status: 'changed',
      was: target.was ?? quote.exact,
    };
  }
  const contextHolds =
    newText.endsWith(quote.prefix, start16) && newText.startsWith(quote.suffix, end16);
  const newQuote = contextHolds ? quote : describeRange(newText, start16, end16, newCp).quote;
  // An orphan found again is reported as moved, even at its old offsets.
  const samePlace =
    target.status !== 'orphaned' && start === position.start && end === position.end;
  if (target.status === 'anchored' && newQuote === quote && samePlace) return target;
  return {
    ...target,
    quote: newQuote,
    position: { type: 'TextPositionSelector', start, end },
    status: samePlace ? 'anchored' : 'moved',
  };
}

/**
 * A change in the wording stays a change: a `changed` annotation stays `changed` (with the
 * wording as first marked) wherever a later re-import finds it, until a reviewer confirms it;
 * only losing it altogether makes it `orphaned`.
 */
function keepChanged(before: AnnotationTarget, after: AnnotationTarget): AnnotationTarget {
  if (before.status !== 'changed' || after.status === 'orphaned' || after.status === 'changed')
    return after;
  return { ...after, status: 'changed', was: before.was ?? after.was };
}

/**
 * UTF-16 start of the quote when every edit inside it only looks as if it were inside, or null.
 *
 * A diff is not unique: deleting " he said." after "she said." leaves the same text as deleting
 * "said. he " before it, and inserting "a a" next to "a." may be reported a few units off.
 * An insertion or a deletion can slide while the unit entering it on one side equals the unit
 * leaving it on the other. When each edit inside the quote can slide out past one of its ends
 * (never past a neighbouring edit), the quote's text stands intact under an equally good diff:
 * that is the place returned, and it reads the quote. A replaced block inside really changed
 * the quote's words, and nothing is tried.
 */
function shiftedOut(
  pass: Pass,
  own: { start: number; end: number },
  inside: readonly Hunk[],
): number | null {
  if (inside.length === 0) return null;
  const { oldText, newText } = pass;
  const hunks = pass.offsets.hunks;
  const first = inside[0]!;
  const last = inside[inside.length - 1]!;
  // The new offset of `own.start` with every hunk inside left in place, then adjusted for
  // those that slide before it.
  let at = own.start + (first.newStart - first.oldStart);
  for (const h of inside) {
    const added = h.newEnd - h.newStart;
    const removed = h.oldEnd - h.oldStart;
    if (added > 0 && removed > 0) return null;
    const k = hunks.indexOf(h, hunks.indexOf(first));
    const prev = k > 0 ? hunks[k - 1]! : null;
    const next = k + 1 < hunks.length ? hunks[k + 1]! : null;
    if (removed > 0) {
      // A deletion of old [f, t): slides left while old[f-1] === old[t-1].
      const floor = Math.max(own.start - removed, prev ? prev.oldEnd : 0);
      let f = h.oldStart;
      let t = h.oldEnd;
      while (
        t > own.start &&
        f > floor &&
        oldText.charCodeAt(f - 1) === oldText.charCodeAt(t - 1)
      ) {
        f--;
        t--;
      }
      if (t <= own.start && h === first) {
        at -= removed;
        continue;
      }
      const ceiling = next ? next.oldStart : oldText.length;
      f = h.oldStart;
      t = h.oldEnd;
      while (f < own.end && t < ceiling && oldText.charCodeAt(f) === oldText.charCodeAt(t)) {
        f++;
        t++;
      }
      if (f >= own.end && h === last) continue;
      return null;
    }
    // An insertion at old p, new [a, b): slides left while new[a-1] === new[b-1].
    const floor = prev ? prev.newEnd : 0;
    let a = h.newStart;
    let b = h.newEnd;
    let p = h.oldStart;
    while (p > own.start && a > floor && newText.charCodeAt(a - 1) === newText.charCodeAt(b - 1)) {
      a--;
      b--;
      p--;
    }
    if (p <= own.start && h === first) {
      at += added;
      continue;
    }
    const ceiling = next ? next.newStart : newText.length;
    a = h.newStart;
    b = h.newEnd;
    p = h.oldStart;
    while (p < own.end && b < ceiling && newText.charCodeAt(a) === newText.charCodeAt(b)) {
      a++;
      b++;
      p++;
    }
    if (p >= own.end && h === last) continue;
    return null;
  }
  return newText.startsWith(pass.oldText.slice(own.start, own.end), at) ? at : null;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
}

function isValidPosition(p: TextPositionSelector, cp: CodePointIndex): boolean {
  return (
    Number.isInteger(p.start) &&
    Number.isInteger(p.end) &&
    p.start >= 0 &&
    p.start <= p.end &&
    p.end <= cp.lengthCp
  );
}

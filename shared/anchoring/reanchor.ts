/**
 * Re-anchoring after an article is re-imported from an updated text.
 *
 * Each annotation's old position is mapped through a diff of old → new text
 * and verified against its quote; only when that fails is the quote searched
 * for (anchorSelector, with the mapped position as a hint). A small edit
 * therefore costs one diff plus a string comparison per annotation, however
 * many annotations there are. No annotation is ever dropped: one that cannot
 * be found keeps its old selectors and is marked orphaned.
 */
import type {
  AnchorStatus,
  Annotation,
  AnnotationTarget,
  TextPositionSelector,
  TextQuoteSelector,
} from '../model/session';
import { CodePointIndex } from '../text/code-points';
import { createAnchorIndex } from './anchor-index';
import type { AnchorIndex } from './anchor-index';
import { describeRange } from './describe-range';
import { anchorSelector } from './match-quote';
import { prefixSimilarity, suffixSimilarity } from './context-similarity';
import { isPreexistingElsewhere } from './fresh-text';
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
 * - `moved`: the same exact quote is found elsewhere: carried by the diff to
 *   new offsets (an edit before it shifted it), or found by search. Position
 *   (and, where the edit touched them, prefix and suffix) are updated.
 * - `changed`: only a passage with other wording is found (an approximate
 *   match). The quote takes the new wording, `was` keeps the wording as
 *   marked, and the status stays `changed` through later re-imports until a
 *   reviewer confirms it or re-attaches the annotation.
 * - `orphaned`: not found, or not decidably found; old selectors kept as they
 *   were. A match found by search that is mostly text which stood, unchanged,
 *   elsewhere in the old version (another speaker's similar sentence, a
 *   sentence said twice) is a different passage, not where the marked one
 *   went: the annotation is orphaned rather than moved onto it (see
 *   `fresh-text.ts`).
 * Annotations that were already orphaned are searched for by quote alone.
 * Other fields (ids, notes, timestamps) are copied unchanged. Never throws.
 */
export function reanchorAnnotations(
  oldText: string,
  newText: string,
  annotations: Annotation[],
): { annotations: Annotation[]; report: ReanchorReport } {
  const report: ReanchorReport = { anchored: 0, moved: 0, changed: 0, orphaned: 0 };
  const pass: Pass = {
    offsets: diffTexts(oldText, newText),
    oldCp: new CodePointIndex(oldText),
    index: createAnchorIndex(newText),
  };
  const result = annotations.map((a) => {
    const target = keepChanged(a.target, reanchorTarget(a.target, pass));
    report[target.status]++;
    return target === a.target ? a : { ...a, target };
  });
  return { annotations: result, report };
}

interface Pass {
  offsets: OffsetMap;
  oldCp: CodePointIndex;
  index: AnchorIndex;
}

function reanchorTarget(target: AnnotationTarget, pass: Pass): AnnotationTarget {
  const { quote, position } = target;
  const { offsets, oldCp, index } = pass;
  const newText = index.text;
  const newCp = index.codePoints;
  let hint: TextPositionSelector | undefined;
  let own: { start: number; end: number } | null = null;
  if (target.status !== 'orphaned' && quote.exact.length > 0 && isValidPosition(position, oldCp)) {
    const old16 = { start: oldCp.toUtf16(position.start), end: oldCp.toUtf16(position.end) };
    own = old16;
    const mapped = {
      start: offsets.map(old16.start, 'after'),
      end: offsets.map(old16.end, 'before'),
    };
    const start16 = verifyMapped(newText, quote, mapped, offsets.touching(old16.start, old16.end));
    if (start16 !== null) {
      const end16 = start16 + quote.exact.length;
      const start = newCp.toCodePoint(start16);
      const end = newCp.toCodePoint(end16);
      const contextHolds =
        newText.endsWith(quote.prefix, start16) && newText.startsWith(quote.suffix, end16);
      const newQuote = contextHolds ? quote : describeRange(newText, start16, end16, newCp).quote;
      if (
        target.status === 'anchored' &&
        newQuote === quote &&
        start === position.start &&
        end === position.end
      ) {
        return target;
      }
      const samePlace = start === position.start && end === position.end;
      return {
        ...target,
        quote: newQuote,
        position: { type: 'TextPositionSelector', start, end },
        status: samePlace ? 'anchored' : 'moved',
      };
    }
    const start = newCp.toCodePoint(Math.min(mapped.start, newText.length));
    const end = newCp.toCodePoint(Math.min(mapped.end, newText.length));
    hint = { type: 'TextPositionSelector', start, end: Math.max(start, end) };
  }
  const found = anchorSelector(index, hint ? { quote, position: hint } : { quote });
  if (!found || isPreexistingElsewhere(offsets, found.start16, found.end16, own))
    return target.status === 'orphaned' ? target : { ...target, status: 'orphaned' };
  const described = describeRange(newText, found.start16, found.end16, newCp);
  if (found.exact)
    return { ...target, quote: described.quote, position: described.position, status: 'moved' };
  return {
    ...target,
    quote: described.quote,
    position: described.position,
    status: 'changed',
    was: target.was ?? quote.exact,
  };
}

/**
 * A `changed` annotation stays `changed` (with the wording as first marked)
 * wherever a later re-import finds it, until a reviewer confirms it; only
 * losing it altogether makes it `orphaned`.
 */
function keepChanged(before: AnnotationTarget, after: AnnotationTarget): AnnotationTarget {
  if (before.status !== 'changed' || after.status === 'orphaned' || after.status === 'changed')
    return after;
  return { ...after, status: 'changed', was: before.was ?? after.was };
}

/**
 * UTF-16 start of the quote at its diff-mapped place in the new text, or null.
 *
 * A diff is not unique: an insertion of "a a" next to "a." may be reported a
 * few units off from where it was made, cutting into a quote it never
 * touched. So when the mapped range does not read the quote and the range
 * touches an edit, the places the quote would have if the edit slid past
 * either end of it are tried too; of those that read the quote, the one whose
 * context agrees best wins.
 */
function verifyMapped(
  text: string,
  quote: TextQuoteSelector,
  mapped: { start: number; end: number },
  touching: readonly Hunk[],
): number | null {
  const exact = quote.exact;
  if (mapped.end - mapped.start === exact.length && text.startsWith(exact, mapped.start)) {
    return mapped.start;
  }
  if (touching.length === 0) return null;
  const tries = new Set<number>([mapped.start, mapped.end - exact.length]);
  for (const h of touching) {
    const sizes = [
      h.newEnd - h.newStart,
      h.oldEnd - h.oldStart,
      h.newEnd - h.newStart - (h.oldEnd - h.oldStart),
    ];
    for (const d of sizes) {
      for (const base of [mapped.start, mapped.end - exact.length]) {
        tries.add(base + d);
        tries.add(base - d);
      }
    }
  }
  let best: number | null = null;
  let bestScore = -1;
  for (const at of tries) {
    if (at < 0 || !text.startsWith(exact, at)) continue;
    const score =
      (prefixSimilarity(text, at, quote.prefix) ?? 1) +
      (suffixSimilarity(text, at + exact.length, quote.suffix) ?? 1);
    if (score > bestScore) {
      best = at;
      bestScore = score;
    }
  }
  return best;
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

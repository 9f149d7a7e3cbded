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
import type { Annotation, AnnotationTarget, TextPositionSelector } from '../model/session';
import { CodePointIndex } from '../text/code-points';
import { createAnchorIndex } from './anchor-index';
import type { AnchorIndex } from './anchor-index';
import { describeRange } from './describe-range';
import { anchorSelector } from './match-quote';
import { diffTexts } from './text-diff';

/** How many annotations ended in each status. */
export interface ReanchorReport {
  anchored: number;
  moved: number;
  orphaned: number;
}

/**
 * Re-anchor `annotations` (all targeting the article whose text was
 * `oldText`) on `newText`. Returns new annotation objects in the same order,
 * one per input, and the tally. Statuses:
 * - `anchored`: the diff carries the old range to a range of the new text
 *   that still reads exactly the quote (the passage did not move relative to
 *   the text around it). The position is updated to the new offsets; prefix
 *   and suffix are refreshed only if the edit touched them.
 * - `moved`: found by search elsewhere, or found with changed wording; the
 *   position and the whole quote are updated from the new text.
 * - `orphaned`: not found, or not decidably found; old selectors kept as they were.
 * Annotations that were already orphaned are searched for by quote alone.
 * Other fields (ids, notes, timestamps) are copied unchanged. Never throws.
 */
export function reanchorAnnotations(
  oldText: string,
  newText: string,
  annotations: Annotation[],
): { annotations: Annotation[]; report: ReanchorReport } {
  const report: ReanchorReport = { anchored: 0, moved: 0, orphaned: 0 };
  const offsets = diffTexts(oldText, newText);
  const oldCp = new CodePointIndex(oldText);
  const index = createAnchorIndex(newText);
  const result = annotations.map((a) => {
    const target = reanchorTarget(a.target, offsets.map.bind(offsets), oldCp, index);
    report[target.status]++;
    return target === a.target ? a : { ...a, target };
  });
  return { annotations: result, report };
}

function reanchorTarget(
  target: AnnotationTarget,
  map: (offset16: number, bias: 'before' | 'after') => number,
  oldCp: CodePointIndex,
  index: AnchorIndex,
): AnnotationTarget {
  const { quote, position } = target;
  const newText = index.text;
  const newCp = index.codePoints;
  let hint: TextPositionSelector | undefined;
  if (target.status !== 'orphaned' && isValidPosition(position, oldCp)) {
    const start16 = map(oldCp.toUtf16(position.start), 'after');
    const end16 = map(oldCp.toUtf16(position.end), 'before');
    if (
      quote.exact.length > 0 &&
      end16 - start16 === quote.exact.length &&
      newText.startsWith(quote.exact, start16)
    ) {
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
      return {
        ...target,
        quote: newQuote,
        position: { type: 'TextPositionSelector', start, end },
        status: 'anchored',
      };
    }
    const start = newCp.toCodePoint(Math.min(start16, newText.length));
    hint = {
      type: 'TextPositionSelector',
      start,
      end: Math.max(start, newCp.toCodePoint(Math.min(end16, newText.length))),
    };
  }
  const found = anchorSelector(index, hint ? { quote, position: hint } : { quote });
  if (!found) return target.status === 'orphaned' ? target : { ...target, status: 'orphaned' };
  const described = describeRange(newText, found.start16, found.end16, newCp);
  return { ...target, quote: described.quote, position: described.position, status: 'moved' };
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

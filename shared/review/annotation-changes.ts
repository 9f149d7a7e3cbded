/**
 * Which annotations an op batch changed, read off the ops themselves, so that
 * a view of N annotations can update in O(changes) instead of comparing all N.
 *
 * Only what a highlight depends on matters here (an annotation's id, kind and
 * target). `annotation.put` and `annotation.delete` name their records; a
 * speaker or settings change does not move a highlight. Ops whose cascades are
 * not spelled out in the batch (`article.put`, `article.delete`) make the
 * answer null: the caller then compares the lists.
 */
import type { Annotation } from '../model/session';
import type { SessionOp } from '../session/session-ops';

/** The annotations a batch put and removed, valid for turning `base` into `next`. */
export interface AnnotationChanges {
  base: readonly Annotation[];
  next: readonly Annotation[];
  put: Annotation[];
  removed: string[];
}

/**
 * The changes a batch made to the annotation list `base` (giving `next`), or
 * null when the batch holds an op whose effect on annotations it does not
 * spell out. When the lists are the same array, nothing changed.
 */
export function annotationChanges(
  base: readonly Annotation[],
  next: readonly Annotation[],
  ops: readonly SessionOp[],
): AnnotationChanges | null {
  const put = new Map<string, Annotation>();
  const removed = new Set<string>();
  if (base !== next) {
    for (const o of ops) {
      if (o.op === 'article.put' || o.op === 'article.delete') return null;
      if (o.op === 'annotation.put') {
        put.set(o.annotation.id, o.annotation);
        removed.delete(o.annotation.id);
      } else if (o.op === 'annotation.delete') {
        put.delete(o.id);
        removed.add(o.id);
      }
    }
  }
  return { base, next, put: [...put.values()], removed: [...removed] };
}

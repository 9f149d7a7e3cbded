/**
 * Which annotations the article editor shows, and what to change in its
 * highlights when the session's annotation list changes. A list that
 * differs as session ops make lists differ (records replaced in place, new
 * ones appended, deleted ones dropped) costs O(changes): from the ops'
 * own account of the change when given, else from one identity pass
 * ({@link diffByIdentity}); anything else is compared by id.
 */
import type { Annotation } from '../../shared/model/session';
import type { AnnotationChanges } from '../../shared/review/annotation-changes';
import type { HighlightRange } from './highlight-types';

export class ShownAnnotations {
  /** The annotations shown, by id (owned here; changed in place). */
  private readonly shown = new Map<string, Annotation>();
  /** The list last seen, for the cheap identity diff. */
  private lastList: readonly Annotation[] = [];

  /**
   * @param shows whether this article may show an annotation at all (not
   *   another article's, not orphaned)
   * @param toRange an annotation's highlight, or null when it would be empty here
   */
  constructor(
    private readonly shows: (a: Annotation) => boolean,
    private readonly toRange: (a: Annotation) => HighlightRange | null,
  ) {}

  /** Show exactly these; returns their highlights. */
  reset(annotations: readonly Annotation[]): HighlightRange[] {
    this.shown.clear();
    const ranges: HighlightRange[] = [];
    for (const a of annotations) {
      const r = this.toRange(a);
      if (r) {
        ranges.push(r);
        this.shown.set(a.id, a);
      }
    }
    this.lastList = annotations;
    return ranges;
  }

  /**
   * Move to a new list. Returns the highlights to put and the ids to remove,
   * or null when nothing shown changes. With `changes` describing how `list`
   * differs from the last list, the work is O(changes).
   */
  update(
    list: readonly Annotation[],
    changes?: AnnotationChanges | null,
  ): { put: HighlightRange[]; remove: string[] } | null {
    if (list === this.lastList) return null;
    const { shown } = this;
    const put: HighlightRange[] = [];
    const remove: string[] = [];
    const change = (a: Annotation) => {
      if (!this.shows(a)) {
        if (shown.delete(a.id)) remove.push(a.id);
        return;
      }
      const prev = shown.get(a.id);
      if (prev && prev.kind === a.kind && prev.target === a.target) {
        shown.set(a.id, a);
        return;
      }
      const r = this.toRange(a);
      if (r) {
        shown.set(a.id, a);
        put.push(r);
      } else if (shown.delete(a.id)) remove.push(a.id);
    };
    const diff =
      changes && changes.base === this.lastList && changes.next === list
        ? { changed: changes.put, removed: changes.removed }
        : diffByIdentity(this.lastList, list);
    if (diff) {
      for (const id of diff.removed) if (shown.delete(id)) remove.push(id);
      for (const a of diff.changed) change(a);
    } else {
      // Reordered or unrelated lists: compare by id.
      const seen = new Set<string>();
      for (const a of list) {
        seen.add(a.id);
        if (shown.get(a.id) !== a) change(a);
      }
      for (const id of [...shown.keys()]) {
        if (seen.has(id)) continue;
        shown.delete(id);
        remove.push(id);
      }
    }
    this.lastList = list;
    return put.length || remove.length ? { put, remove } : null;
  }
}

/**
 * What changed between two annotation lists that share order, as session ops
 * produce them (a record replaced in place, new ones appended, deleted ones
 * dropped): compared by object identity in one pass, with no map of all N
 * built. Null when the lists do not line up that way (the caller then
 * compares by id).
 */
export function diffByIdentity(
  prev: readonly Annotation[],
  next: readonly Annotation[],
): { changed: Annotation[]; removed: string[] } | null {
  const changed: Annotation[] = [];
  const removed: string[] = [];
  let i = 0;
  let j = 0;
  while (i < prev.length && j < next.length) {
    const p = prev[i]!;
    const n = next[j]!;
    if (p === n) {
      i++;
      j++;
    } else if (p.id === n.id) {
      changed.push(n);
      i++;
      j++;
    } else if (i + 1 < prev.length && prev[i + 1]!.id === n.id) {
      removed.push(p.id);
      i++;
    } else {
      return null;
    }
    if (changed.length + removed.length > 256) return null;
  }
  for (; i < prev.length; i++) removed.push(prev[i]!.id);
  for (; j < next.length; j++) changed.push(next[j]!);
  return { changed, removed };
}

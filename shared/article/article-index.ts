/**
 * The code-point index of an article's text, built once per article snapshot.
 *
 * Annotation selectors count Unicode code points (the W3C unit) while the
 * text, its blocks and ProseMirror count UTF-16 code units; every place that
 * converts between them for an article (applying ops, marking a passage,
 * reports, exports, the editor) asks here, so a long text is indexed once, not
 * once per caller. Article snapshots are immutable values, so the cache is
 * keyed by object identity and lets go of an article when nothing holds it.
 */
import type { Article } from '../model/article';
import { CodePointIndex } from '../text/code-points';

const indexCache = new WeakMap<Article, CodePointIndex>();

/** Code-point index of an article's text, cached per article snapshot. */
export function articleIndex(a: Article): CodePointIndex {
  let idx = indexCache.get(a);
  if (!idx) {
    idx = new CodePointIndex(a.text);
    indexCache.set(a, idx);
  }
  return idx;
}

/**
 * A static, non-editable rendering of an article with the same schema and
 * markup as the editor (for previews). Built with ProseMirror's
 * DOMSerializer from the strict schema, so nothing but the article's own
 * blocks and safe links can appear.
 */
import { DOMSerializer } from 'prosemirror-model';
import type { Article } from '../../shared/model/article';
import { articleToDoc } from '../../shared/article/article-doc';
import { articleSchema } from '../../shared/article/article-schema';

/** An `.article-text` element holding the article, or null when its structure does not fit its text. */
export function renderArticleStatic(
  article: Pick<Article, 'text' | 'blocks' | 'marks'>,
): HTMLElement | null {
  let doc;
  try {
    doc = articleToDoc(article).doc;
  } catch {
    return null;
  }
  const el = document.createElement('div');
  el.className = 'article-text article-static';
  el.appendChild(DOMSerializer.fromSchema(articleSchema).serializeFragment(doc.content));
  return el;
}

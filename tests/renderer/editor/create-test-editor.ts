/**
 * Mounts the real article editor on the seed article in jsdom, for plugin
 * tests. jsdom has no CSS Custom Highlight API, so the highlight plugin paints
 * with its decoration fallback, which renders the same plugin state.
 */
import {
  mountArticleEditor,
  type ArticleEditor,
  type ArticleEditorCallbacks,
} from '../../../renderer/editor/article-editor';
import type { Annotation } from '../../../shared/model/session';
import { seedArticle } from '../../helpers/seed-session';

export function createTestEditor(
  annotations: Annotation[] = [],
  callbacks: ArticleEditorCallbacks = {},
): { editor: ArticleEditor; host: HTMLElement } {
  const host = document.createElement('div');
  document.body.appendChild(host);
  const editor = mountArticleEditor(host, seedArticle(), annotations, callbacks);
  return { editor, host };
}

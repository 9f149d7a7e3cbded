/**
 * Moving around the open session: open another article of it (a view-only
 * change, never undone), and reveal an annotation (switching article first
 * when it is in another one; the editor scrolls, flashes and selects it once
 * that article is up).
 */
import type { SessionController } from '../../state/session-controller';
import type { ArticleEditor } from '../../editor/article-editor';

export interface NavigationInput {
  controller: SessionController;
  /** The article shown now. */
  articleId: string | null;
  editor: {
    editorRef: { current: ArticleEditor | null };
    pendingReveal: { current: string | null };
  };
  hint: (text: string) => void;
}

export function useNavigation({ controller, articleId, editor, hint }: NavigationInput) {
  const openArticle = (id: string) => {
    if (id === articleId) return;
    controller.apply(
      [{ op: 'view.put', view: { ...controller.session.view, openArticleId: id } }],
      'Open article',
    );
  };

  /** Scroll to an annotation (switching article if needed), flash and select it. */
  const reveal = (id: string) => {
    const a = controller.session.annotations.find((x) => x.id === id);
    if (!a) return;
    if (a.target.status === 'orphaned')
      return hint(
        'This annotation’s text was not found after a re-import; re-attach it to new text.',
      );
    if (a.target.articleId !== articleId) {
      editor.pendingReveal.current = id;
      openArticle(a.target.articleId);
      return;
    }
    editor.editorRef.current?.reveal(id);
  };

  return { openArticle, reveal };
}

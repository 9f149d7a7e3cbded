/**
 * Re-attaching an annotation whose text moved or vanished: the reviewer asks
 * for it (from the annotation or its card), the article that holds it opens
 * and takes the focus, the reviewer selects the new text, and Enter, the
 * floating toolbar or the context menu re-attaches it there (one undoable
 * change); Escape or Cancel gives up.
 */
import { useState } from 'preact/hooks';
import type { Session } from '../../../shared/model/session';
import type { NoticeApi } from '../notices';
import type { ReviewActions } from './review-actions';

export interface ReattachDeps {
  session: () => Session;
  actions: Pick<ReviewActions, 'reattach'>;
  notices: Pick<NoticeApi, 'show'>;
  /** The article shown now. */
  articleId: string | null;
  openArticle: (id: string) => void;
  /** Open the re-attached annotation. */
  activate: (id: string) => void;
  focusEditor: () => void;
}

export function useReattach(deps: ReattachDeps) {
  const [reattachId, setReattachId] = useState<string | null>(null);
  return {
    /** The annotation waiting for its new text, or null. */
    reattachId,
    start: (id: string) => {
      const a = deps.session().annotations.find((x) => x.id === id);
      if (a && a.target.articleId !== deps.articleId) deps.openArticle(a.target.articleId);
      setReattachId(id);
      deps.notices.show({
        tone: 'info',
        text: 'Select the text this annotation now refers to, then press Enter or “Re-attach here”.',
      });
      deps.focusEditor();
    },
    /** Re-attach to the selection (nothing happens when it cannot be done; the reason was shown). */
    done: () => {
      if (reattachId && deps.actions.reattach(reattachId)) {
        deps.notices.show({ tone: 'success', text: 'Re-attached to the selected text.' });
        deps.activate(reattachId);
        setReattachId(null);
      }
    },
    cancel: () => setReattachId(null),
  };
}

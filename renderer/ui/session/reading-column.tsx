/**
 * The session's reading column: the tabs of the session's articles (when it
 * has more than one), the find bar, the re-attach banner and the article
 * pane. Scrolling and edits of the article's details are saved as session
 * changes (the scroll position as a view-only change, never undone).
 */
import type { ArticleMeta } from '../../../shared/model/article';
import type { Session } from '../../../shared/model/session';
import type { AnnotationChanges } from '../../../shared/review/annotation-changes';
import { showInvisibles } from '../../../shared/text/visible-text';
import type { HostPlatform } from '../../api/platform';
import type { ArticleEditor, ArticleEditorCallbacks } from '../../editor/article-editor';
import type { SessionController } from '../../state/session-controller';
import { shorten } from '../format';
import type { NoticeApi } from '../notices';
import { ArticlePane } from './article-pane';
import { FindBar } from './find-bar';
import { ReattachBanner } from './session-banners';

export interface ReadingColumnProps {
  session: Session;
  controller: SessionController;
  notices: NoticeApi;
  platform: HostPlatform;
  /** The article shown, or null when the session has none. */
  articleId: string | null;
  openArticle: (id: string) => void;
  find: { open: boolean; token: number };
  closeFind: () => void;
  reattaching: boolean;
  cancelReattach: () => void;
  editor: ArticleEditor | null;
  annotationChanges: AnnotationChanges | null;
  activeId: string | null;
  readOnly: boolean;
  callbacks: ArticleEditorCallbacks;
  onEditor: (editor: ArticleEditor | null) => void;
}

export function ReadingColumn(props: ReadingColumnProps) {
  const { session, controller, notices, articleId } = props;
  const article = session.articles.find((a) => a.id === articleId) ?? null;
  return (
    <main class="reading-column" aria-label="Article">
      {session.articles.length > 1 ? (
        <ArticleTabs session={session} currentId={articleId} onOpen={props.openArticle} />
      ) : null}
      {props.find.open ? (
        <FindBar editor={props.editor} focusToken={props.find.token} onClose={props.closeFind} />
      ) : null}
      <ReattachBanner show={props.reattaching} onCancel={props.cancelReattach} />
      {article ? (
        <ArticlePane
          key={article.id}
          article={article}
          annotations={session.annotations}
          annotationChanges={props.annotationChanges}
          activeId={props.activeId}
          initialScroll={session.view.scroll[article.id] ?? 0}
          readOnly={props.readOnly}
          callbacks={props.callbacks}
          onEditor={props.onEditor}
          onScroll={(top) => {
            const v = controller.session.view;
            if (v.scroll[article.id] === top) return;
            controller.apply(
              [
                {
                  op: 'view.put',
                  view: {
                    ...v,
                    openArticleId: article.id,
                    scroll: { ...v.scroll, [article.id]: top },
                  },
                },
              ],
              'Scroll',
            );
          }}
          onMeta={(meta: ArticleMeta) => {
            const r = controller.apply(
              [{ op: 'article.meta', articleId: article.id, meta }],
              'Edit article details',
            );
            if (!r.ok) notices.error(r.message);
            return r.ok;
          }}
          onOpenLink={(url) =>
            void props.platform
              .openExternal(url)
              .catch((e: Error) => notices.error(`The link could not be opened: ${e.message}`))
          }
        />
      ) : (
        <p class="empty-state">This session has no articles. Add one from the File menu.</p>
      )}
    </main>
  );
}

/** One tab per article of the session; the shown one is selected. */
export function ArticleTabs({
  session,
  currentId,
  onOpen,
}: {
  session: Session;
  currentId: string | null;
  onOpen: (id: string) => void;
}) {
  return (
    <div class="article-tabs" role="tablist" aria-label="Articles in this session">
      {session.articles.map((a) => (
        <button
          key={a.id}
          type="button"
          role="tab"
          aria-selected={a.id === currentId}
          class={`article-tab ${a.id === currentId ? 'is-active' : ''}`}
          onClick={() => onOpen(a.id)}
        >
          {shorten(showInvisibles(a.meta.title), 40)}
        </button>
      ))}
    </div>
  );
}

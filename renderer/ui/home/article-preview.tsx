/**
 * A read-only preview of a library article beside the lists, so the reviewer
 * sees what they are about to check before starting a review.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient, LibraryEntry } from '../../../shared/api/contract';
import type { Article } from '../../../shared/model/article';
import { renderArticleStatic } from '../../editor/render-static';
import { titleOpensText } from '../../../shared/article/article-title';
import { formatDate, plural } from '../format';
import { showInvisibles } from '../../../shared/text/visible-text';

export function ArticlePreview({
  client,
  entry,
  onStart,
}: {
  client: ApiClient;
  entry: LibraryEntry;
  onStart: (e: LibraryEntry) => void;
}) {
  const [article, setArticle] = useState<Article | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    setArticle(null);
    setProblem(null);
    void client.call('library.get', { id: entry.id }).then((r) => {
      if (!live) return;
      if (r.ok) setArticle(r.value);
      else setProblem(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [client, entry.id]);

  useEffect(() => {
    if (!body.current) return;
    body.current.replaceChildren();
    const el = article && renderArticleStatic(article);
    if (el) body.current.appendChild(el);
  }, [article]);

  return (
    <section
      class="preview"
      aria-label={`Preview: ${entry.meta.title}`}
      data-testid="article-preview"
    >
      <div class="preview-bar">
        <span class="muted small">
          Preview · {plural(entry.paragraphs, 'paragraph')} · read-only
        </span>
        <button type="button" class="button button-primary" onClick={() => onStart(entry)}>
          Start review of this article
        </button>
      </div>
      <div class="preview-scroll">
        <article class="article-page">
          <header class="article-header">
            <p class="article-kicker">
              {entry.meta.outlet ? (
                <span class="article-outlet">{showInvisibles(entry.meta.outlet)}</span>
              ) : null}
              {entry.meta.date ? (
                <time dateTime={entry.meta.date} class="article-date">
                  Published {formatDate(entry.meta.date)}
                </time>
              ) : null}
            </p>
            {article && titleOpensText(article) ? null : (
              <h1 class="article-title">{showInvisibles(entry.meta.title)}</h1>
            )}
            {entry.meta.byline ? (
              <p class="article-byline">{showInvisibles(entry.meta.byline)}</p>
            ) : null}
          </header>
          {problem ? <p class="field-error">This article could not be shown: {problem}</p> : null}
          {!article && !problem ? <p class="muted">Loading…</p> : null}
          <div ref={body} />
        </article>
      </div>
    </section>
  );
}

/**
 * The reading pane: the article's metadata header and the article editor.
 * Mounts the editor per article, keeps its highlights in step with the
 * session, and reports the scroll position so a reopened session looks
 * exactly as it was left.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Article, ArticleMeta } from '../../../shared/model/article';
import type { Annotation } from '../../../shared/model/session';
import type { AnnotationChanges } from '../../../shared/review/annotation-changes';
import { safeHttpUrl } from '../../../shared/article/safe-url';
import { titleOpensText } from '../../../shared/article/article-title';
import {
  mountArticleEditor,
  type ArticleEditor,
  type ArticleEditorCallbacks,
} from '../../editor/article-editor';
import { formatDate } from '../format';
import { showInvisibles } from '../../../shared/text/visible-text';
import { LabelledField } from '../labelled-field';

export interface ArticlePaneProps {
  article: Article;
  annotations: readonly Annotation[];
  /** How `annotations` differs from the previous list, when the ops that changed it say so. */
  annotationChanges?: AnnotationChanges | null;
  activeId: string | null;
  initialScroll: number;
  readOnly: boolean;
  callbacks: ArticleEditorCallbacks;
  onEditor: (editor: ArticleEditor | null) => void;
  onScroll: (top: number) => void;
  onMeta: (meta: ArticleMeta) => boolean;
  onOpenLink: (url: string) => void;
  children?: preact.ComponentChildren;
}

export function ArticlePane(props: ArticlePaneProps) {
  const { article, annotations, activeId, initialScroll } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<ArticleEditor | null>(null);
  const latest = useRef(props);
  latest.current = props;

  useLayoutEffect(() => {
    const ed = mountArticleEditor(
      host.current!,
      article,
      latest.current.annotations,
      latest.current.callbacks,
      {
        label: `Article text: ${article.meta.title} (read-only; select text and press 1 to 4 to mark it)`,
      },
    );
    editorRef.current = ed;
    latest.current.onEditor(ed);
    if (scroller.current) scroller.current.scrollTop = initialScroll;
    return () => {
      latest.current.onEditor(null);
      editorRef.current = null;
      ed.destroy();
    };
    // Remount only when the text or its structure changes, not for metadata edits.
  }, [article.id, article.text, article.blocks, article.marks]);

  useEffect(() => {
    editorRef.current?.setAnnotations(annotations, props.annotationChanges);
  }, [annotations]);

  useEffect(() => {
    editorRef.current?.setActive(activeId);
  }, [activeId]);

  useEffect(() => {
    const el = scroller.current!;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onScroll = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => latest.current.onScroll(Math.round(el.scrollTop)), 300);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      el.removeEventListener('scroll', onScroll);
      if (timer) clearTimeout(timer);
    };
  }, [article]);

  return (
    <div class="article-scroll" ref={scroller} data-testid="article-scroll">
      {props.children}
      <article class="article-page" aria-label="Article">
        <ArticleHeader
          meta={article.meta}
          titleInText={titleOpensText(article)}
          readOnly={props.readOnly}
          onSave={props.onMeta}
          onOpenLink={props.onOpenLink}
        />
        <div ref={host} class="article-host" />
      </article>
    </div>
  );
}

function ArticleHeader({
  meta,
  titleInText,
  readOnly,
  onSave,
  onOpenLink,
}: {
  meta: ArticleMeta;
  /** The text opens with the title as its headline: it is not printed twice. */
  titleInText: boolean;
  readOnly: boolean;
  onSave: (m: ArticleMeta) => boolean;
  onOpenLink: (url: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(meta);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setDraft(meta), [meta]);

  if (editing) {
    const field = (key: keyof ArticleMeta, label: string, type = 'text') => (
      <LabelledField label={label}>
        <input
          class="input"
          type={type}
          value={draft[key]}
          maxLength={key === 'url' ? 2048 : 1000}
          onInput={(e) =>
            setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value })
          }
        />
      </LabelledField>
    );
    const save = (e: Event) => {
      e.preventDefault();
      const next = {
        ...draft,
        title: draft.title.trim(),
        outlet: draft.outlet.trim(),
        url: draft.url.trim(),
        byline: draft.byline.trim(),
      };
      if (!next.title) return setProblem('An article needs a title.');
      if (next.url && !safeHttpUrl(next.url))
        return setProblem('The URL must be a full web address starting with http:// or https://.');
      if (next.date && !/^\d{4}-\d{2}-\d{2}$/.test(next.date))
        return setProblem('The date must be a calendar date.');
      if (onSave(next)) {
        setEditing(false);
        setProblem(null);
      }
    };
    return (
      <form class="article-meta-form" onSubmit={save} aria-label="Article details">
        {field('title', 'Title')}
        <div class="field-row">
          {field('outlet', 'Outlet')}
          {field('date', 'Publication date', 'date')}
        </div>
        {field('url', 'Source URL', 'url')}
        {field('byline', 'Byline')}
        {problem ? (
          <p class="field-error" role="alert">
            {problem}
          </p>
        ) : null}
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            Save details
          </button>
          <button
            type="button"
            class="button"
            onClick={() => {
              setEditing(false);
              setDraft(meta);
              setProblem(null);
            }}
          >
            Cancel
          </button>
        </div>
      </form>
    );
  }
  return (
    <header class="article-header">
      <p class="article-kicker">
        {meta.outlet ? (
          <span class="article-outlet">{showInvisibles(meta.outlet)}</span>
        ) : (
          <span class="muted">Outlet not set</span>
        )}
        {meta.date ? (
          <time dateTime={meta.date} class="article-date">
            Published {formatDate(meta.date)}
          </time>
        ) : null}
      </p>
      {titleInText ? (
        <p class="visually-hidden">{showInvisibles(meta.title)}</p>
      ) : (
        <h1 class="article-title">{showInvisibles(meta.title)}</h1>
      )}
      {meta.byline ? <p class="article-byline">{showInvisibles(meta.byline)}</p> : null}
      <p class="article-source">
        {meta.url && safeHttpUrl(meta.url) ? (
          <a
            href={meta.url}
            rel="noopener noreferrer"
            onClick={(e) => {
              e.preventDefault();
              onOpenLink(meta.url);
            }}
          >
            {meta.url}
          </a>
        ) : (
          <span class="muted">No source URL</span>
        )}
        {!readOnly ? (
          <button type="button" class="link-button" onClick={() => setEditing(true)}>
            Edit details
          </button>
        ) : null}
      </p>
    </header>
  );
}

/**
 * Starting a review of a library article. Two things are settled here, before
 * an empty session exists:
 * - whether one is needed: when the article already has a review session, the
 *   dialog offers to open it (the usual wish), and starts a second one only
 *   when the reviewer says so;
 * - what the report's header will say: the reviewer's name, the outlet, the
 *   source URL and the byline, prefilled from the article where the import
 *   found them (og:site_name, the canonical URL, the byline) and from the
 *   reviewer named last time. All of it stays editable later (session
 *   settings, the article's "Edit details").
 */
import { useState } from 'preact/hooks';
import type { LibraryEntry } from '../../../shared/api/contract';
import type { ArticleMeta } from '../../../shared/model/article';
import type { SessionSummary } from '../../../shared/model/session';
import { safeHttpUrl } from '../../../shared/article/safe-url';
import { wrapQuote } from '../../../shared/text/quote-marks';
import { Dialog } from '../dialog';
import { formatRelative, plural } from '../format';
import { LabelledField } from '../labelled-field';

/** What the reviewer chose to start with. */
export interface StartReviewChoice {
  reviewer: string;
  meta: ArticleMeta;
}

export interface StartReviewDialogProps {
  entry: LibraryEntry;
  /** Every session in the list (the dialog finds those that hold this article). */
  sessions: readonly SessionSummary[];
  busy: boolean;
  onStart: (choice: StartReviewChoice) => void;
  onOpen: (session: SessionSummary) => void;
  onClose: () => void;
}

/** The sessions that already review this article (same library id, or the same text), most recent first. */
export function sessionsOfArticle(
  sessions: readonly SessionSummary[],
  entry: Pick<LibraryEntry, 'id' | 'sha256'>,
): SessionSummary[] {
  return sessions
    .filter(
      (s) =>
        s.status !== 'damaged' &&
        (s.articleIds?.includes(entry.id) || s.articleHashes?.includes(entry.sha256)),
    )
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** The reviewer named in the most recently changed session, or ''. */
export function lastReviewer(sessions: readonly SessionSummary[]): string {
  const named = sessions
    .filter((s) => s.reviewer?.trim())
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return named[0]?.reviewer?.trim() ?? '';
}

export function StartReviewDialog(props: StartReviewDialogProps) {
  const { entry, sessions, busy } = props;
  const existing = sessionsOfArticle(sessions, entry);
  const [reviewer, setReviewer] = useState(() => lastReviewer(sessions));
  const [meta, setMeta] = useState<ArticleMeta>(entry.meta);
  const [problem, setProblem] = useState<string | null>(null);
  const title = entry.meta.title || entry.fileName;

  const submit = (e: Event) => {
    e.preventDefault();
    const next: ArticleMeta = {
      ...meta,
      outlet: meta.outlet.trim(),
      url: meta.url.trim(),
      byline: meta.byline.trim(),
    };
    if (next.url && !safeHttpUrl(next.url))
      return setProblem(
        'The source URL must be a full web address starting with http:// or https://.',
      );
    setProblem(null);
    props.onStart({ reviewer: reviewer.trim(), meta: next });
  };

  const field = (key: 'outlet' | 'url' | 'byline', label: string, hint: string) => (
    <LabelledField label={label}>
      <input
        class="input"
        type="text"
        inputMode={key === 'url' ? 'url' : undefined}
        name={key}
        value={meta[key]}
        maxLength={key === 'url' ? 2048 : 1000}
        placeholder={hint}
        onInput={(e) => setMeta({ ...meta, [key]: e.currentTarget.value })}
      />
    </LabelledField>
  );

  return (
    <Dialog title="Start a review" onClose={props.onClose} class="dialog-wide">
      <form class="start-review" onSubmit={submit} data-testid="start-review-dialog">
        <p class="start-review-article">
          Article: <strong>{wrapQuote(title)}</strong>
        </p>
        {existing.length ? (
          <div class="existing-reviews" role="note">
            <p>
              {existing.length === 1
                ? 'This article already has a review session:'
                : `This article already has ${existing.length} review sessions:`}
            </p>
            <ul class="existing-list">
              {existing.slice(0, 5).map((s, i) => (
                <li key={s.id}>
                  <span class="existing-name">{s.name}</span>{' '}
                  <span class="muted small">
                    changed {formatRelative(s.updatedAt)} ·{' '}
                    {plural(s.annotationCount, 'annotation')}
                  </span>{' '}
                  <button
                    type="button"
                    class="button button-small button-primary"
                    autoFocus={i === 0}
                    onClick={() => props.onOpen(s)}
                  >
                    Open it
                  </button>
                </li>
              ))}
            </ul>
            <p class="muted small">
              Opening it continues that review. A new session starts empty, with the same title.
            </p>
          </div>
        ) : null}
        <p class="muted small">
          The report’s header shows these. They are prefilled from the article where it has them,
          and can be changed later (Session settings, and “Edit details” above the article).
        </p>
        <LabelledField label="Your name (reviewer)">
          <input
            class="input"
            name="reviewer"
            value={reviewer}
            maxLength={1000}
            autoFocus={!existing.length}
            placeholder="Recorded on the annotations you make"
            onInput={(e) => setReviewer(e.currentTarget.value)}
          />
        </LabelledField>
        <div class="field-row">
          {field('outlet', 'Outlet', 'e.g. The Washington Post')}
          {field('byline', 'Byline', 'Who wrote the article')}
        </div>
        {field('url', 'Source URL', 'https://…')}
        {problem ? (
          <p class="field-error" role="alert">
            {problem}
          </p>
        ) : null}
        <div class="dialog-actions">
          <button type="button" class="button" onClick={props.onClose}>
            Cancel
          </button>
          <button
            type="submit"
            class={`button ${existing.length ? '' : 'button-primary'}`}
            disabled={busy}
          >
            {existing.length ? 'Start a new review anyway' : 'Start review'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

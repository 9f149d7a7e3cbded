/**
 * "Seen before" (issue 13): under an open claim, the similar claims already
 * reviewed in the other sessions of the library and in the imported
 * fact-check files, with their verdicts, speakers and where they are. Opening
 * a session's match opens that session and shows the claim there; a
 * fact-check's match opens its web page.
 *
 * Opening another session replaces this view, so the claim to show is handed
 * over through {@link requestRevealOnOpen} / {@link takeRevealOnOpen}.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient, OpenedSession } from '../../../shared/api/contract';
import type { Annotation } from '../../../shared/model/session';
import type { SimilarClaim } from '../../../shared/suggest/similar-claims';
import { safeLinkHref } from '../../../shared/article/safe-url';
import { showInvisibles } from '../../../shared/text/visible-text';
import type { HostPlatform } from '../../api/platform';
import type { NoticeApi } from '../notices';
import { shorten } from '../format';

let revealOnOpen: { sessionId: string; annotationId: string } | null = null;

/** Ask the next view of `sessionId` to show and open one annotation. */
export function requestRevealOnOpen(sessionId: string, annotationId: string): void {
  revealOnOpen = { sessionId, annotationId };
}

/** The annotation to show in a session just opened, once; null when none was asked for. */
export function takeRevealOnOpen(sessionId: string): string | null {
  if (revealOnOpen?.sessionId !== sessionId) return null;
  const id = revealOnOpen.annotationId;
  revealOnOpen = null;
  return id;
}

export interface SeenBeforeProps {
  client: ApiClient;
  platform: HostPlatform;
  notices: NoticeApi;
  sessionId: string;
  annotation: Annotation;
  /** Flush this session and show another one. */
  onOpenSession: (opened: OpenedSession) => void;
}

export function SeenBefore({
  client,
  platform,
  notices,
  sessionId,
  annotation,
  onOpenSession,
}: SeenBeforeProps) {
  const text = annotation.target.quote.exact;
  const [found, setFound] = useState<{
    text: string;
    matches: SimilarClaim[] | null;
    error?: string;
  }>({ text: '', matches: null });
  useEffect(() => {
    let live = true;
    void client
      .call('suggest.similar', {
        text: text.slice(0, 20_000),
        excludeSessionId: sessionId,
        limit: 5,
      })
      .then((r) => {
        if (!live) return;
        setFound(r.ok ? { text, matches: r.value } : { text, matches: [], error: r.error.message });
      });
    return () => {
      live = false;
    };
  }, [text, sessionId]);

  const matches = found.text === text ? found.matches : null;

  const open = async (m: SimilarClaim) => {
    const src = m.claim.source;
    if (src.kind === 'claimreview') {
      const url = safeLinkHref(src.url);
      if (!url) return void notices.info('This fact-check gives no web address to open.');
      return void platform
        .openExternal(url)
        .catch((e: Error) => notices.error(`The page could not be opened: ${e.message}`));
    }
    const r = await client.call('sessions.open', { id: src.sessionId });
    if (!r.ok)
      return void notices.error(`“${src.sessionName}” could not be opened: ${r.error.message}`);
    requestRevealOnOpen(src.sessionId, src.annotationId);
    onOpenSession(r.value);
  };

  return (
    <section class="detail-section seen-before" aria-label="Seen before" data-testid="seen-before">
      <h3 class="detail-label">Seen before</h3>
      {matches === null ? (
        <p class="muted small">Looking for similar claims already reviewed…</p>
      ) : found.error ? (
        <p class="muted small">Similar claims could not be searched: {found.error}</p>
      ) : !matches.length ? (
        <p class="muted small">No similar claim in your other sessions or imported fact-checks.</p>
      ) : (
        <ul class="seen-list">
          {matches.map((m) => {
            const src = m.claim.source;
            return (
              <li key={m.claim.id} class="seen-item" data-testid="seen-item">
                <button
                  type="button"
                  class="seen-open"
                  onClick={() => void open(m)}
                  title={src.kind === 'session' ? 'Open it in its session' : 'Open the fact-check'}
                >
                  {shorten(showInvisibles(m.claim.text), 200)}
                </button>
                <p class="seen-meta small">
                  <span class={`seen-verdict ${m.claim.verdict ? '' : 'muted'}`}>
                    {m.claim.verdict ? showInvisibles(m.claim.verdict) : 'no verdict yet'}
                  </span>
                  {m.claim.speaker ? <span> · {showInvisibles(m.claim.speaker)}</span> : null}
                  <span class="muted">
                    {' '}
                    ·{' '}
                    {src.kind === 'session'
                      ? `in “${showInvisibles(shorten(src.sessionName, 60))}”`
                      : `fact-check${src.publisher ? ` by ${showInvisibles(shorten(src.publisher, 60))}` : ''}`}
                    {m.claim.date ? `, ${m.claim.date}` : ''}
                  </span>
                  <span class="muted" title="Search score (BM25): higher is closer">
                    {' '}
                    · score {m.score.toFixed(1)}
                  </span>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

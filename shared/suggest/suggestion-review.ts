/**
 * What the reviewer does with claim suggestions in a session (issue 13), as
 * pure functions over the session: which suggestions are still open, and the
 * op batches that accept one (a Claim with its speaker) or dismiss one. The
 * app applies the batches through its session controller, so each is one
 * undoable, saved change; nothing here annotates anything by itself.
 *
 * A suggestion is open while it is not dismissed in the session (same article
 * and exact sentence text, so a re-import that moves it keeps it dismissed) and
 * no annotation of the article overlaps it (the reviewer has already decided
 * about that passage, whatever kind they gave it).
 */
import type { Session, Speaker } from '../model/session';
import { newId } from '../model/ids';
import { markPassage, putSpeaker } from '../review/annotation-edits';
import { foldName } from '../review/speaker-search';
import { articleIndex } from '../article/article-index';
import type { SessionOp } from '../session/op-schema';
import type { ClaimSuggestion } from './claim-suggest';
import { matchSpeaker } from './speaker-suggest';

/** A claim suggestion as the app shows it: with what the text says about its speaker. */
export interface AppClaimSuggestion extends ClaimSuggestion {
  /** Kind, role and organisation the article gives the speaker ("Secretary of State"). */
  speakerDetail?: { kind: Speaker['kind']; role: string; organisation: string };
}

/** The key that recognises a suggestion across re-imports: its article and exact text. */
export function suggestionKey(articleId: string, text: string): string {
  return `${articleId}\u0000${text}`;
}

/**
 * The suggestions of `articleId` still open in the session, in text order.
 * Overlap is tested in code points against every non-orphaned annotation of
 * the article. O(suggestions + annotations) after sorting.
 */
export function openSuggestions<T extends ClaimSuggestion>(
  session: Session,
  articleId: string,
  suggestions: readonly T[],
): T[] {
  const dismissed = new Set(
    (session.dismissed ?? [])
      .filter((d) => d.articleId === articleId)
      .map((d) => suggestionKey(d.articleId, d.text)),
  );
  const spans = session.annotations
    .filter((a) => a.target.articleId === articleId && a.target.status !== 'orphaned')
    .map((a) => a.target.position)
    .sort((a, b) => a.start - b.start);
  // Running maximum of ends, so "does any span meet [s, e)" is one binary search.
  const maxEnd: number[] = [];
  spans.forEach((p, i) => maxEnd.push(Math.max(p.end, i ? maxEnd[i - 1]! : 0)));
  const overlaps = (s: number, e: number) => {
    // Spans starting before e: indices [0, k).
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.start < e) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1]! > s;
  };
  return suggestions.filter(
    (s) => !dismissed.has(suggestionKey(articleId, s.text)) && !overlaps(s.start, s.end),
  );
}

/** A batch to apply and what it made, or a sentence saying why nothing was done. */
export type SuggestionEdit<T> =
  ({ ok: true; ops: SessionOp[] } & T) | { ok: false; message: string };

/** Does the suggestion still quote the article at its place? */
function stillThere(session: Session, articleId: string, s: ClaimSuggestion): string | null {
  const article = session.articles.find((a) => a.id === articleId);
  if (!article) return 'That article is not in this session.';
  const idx = articleIndex(article);
  if (
    s.end > idx.lengthCp ||
    article.text.slice(idx.toUtf16(s.start), idx.toUtf16(s.end)) !== s.text
  )
    return 'The article text changed since this suggestion was made; it is no longer offered.';
  return null;
}

/**
 * Accept a suggestion: a Claim over its sentence, with its speaker. The
 * speaker is an existing one when the name matches a speaker or an alias
 * ({@link matchSpeaker}); otherwise a new speaker with the kind, role and
 * organisation the text gives. One batch, so one undo removes both.
 */
export function acceptSuggestion(
  session: Session,
  articleId: string,
  suggestion: AppClaimSuggestion,
  now: string,
): SuggestionEdit<{ annotationId: string; speaker: Speaker | null; newSpeaker: boolean }> {
  const gone = stillThere(session, articleId, suggestion);
  if (gone) return { ok: false, message: gone };
  const ops: SessionOp[] = [];
  let speaker: Speaker | null = null;
  let newSpeaker = false;
  if (suggestion.speaker && foldName(suggestion.speaker)) {
    speaker = matchSpeaker(session.speakers, suggestion.speaker);
    if (!speaker) {
      const d = suggestion.speakerDetail;
      const made = putSpeaker(session, {
        name: suggestion.speaker,
        ...(d ? { kind: d.kind, role: d.role, organisation: d.organisation } : {}),
      });
      if (!made.ok) return made;
      ops.push(...made.ops);
      speaker = made.speaker;
      newSpeaker = true;
    }
  }
  const idx = articleIndex(session.articles.find((a) => a.id === articleId)!);
  const marked = markPassage(
    session,
    {
      articleId,
      start16: idx.toUtf16(suggestion.start),
      end16: idx.toUtf16(suggestion.end),
      kind: 'claim',
      speakerId: speaker?.id ?? null,
    },
    now,
  );
  if (!marked.ok) return marked;
  ops.push(...marked.ops);
  return { ok: true, ops, annotationId: marked.annotation.id, speaker, newSpeaker };
}

/** Dismiss a suggestion for good in this session (undo brings it back). */
export function dismissSuggestion(
  session: Session,
  articleId: string,
  suggestion: ClaimSuggestion,
  now: string,
): SuggestionEdit<object> {
  const key = suggestionKey(articleId, suggestion.text);
  if ((session.dismissed ?? []).some((d) => suggestionKey(d.articleId, d.text) === key))
    return { ok: false, message: 'That suggestion is already dismissed.' };
  if (!session.articles.some((a) => a.id === articleId))
    return { ok: false, message: 'That article is not in this session.' };
  return {
    ok: true,
    ops: [
      {
        op: 'dismissal.put',
        dismissal: {
          id: newId(),
          articleId,
          text: suggestion.text,
          start: suggestion.start,
          end: suggestion.end,
          reviewer: session.settings.reviewer,
          at: now,
        },
      },
    ],
  };
}

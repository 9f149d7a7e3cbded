/**
 * "Seen before": claims already reviewed that resemble a new one. The reviewed
 * claims come from sessions (every claim annotation, with its verdict if it
 * has one) and from ClaimReview JSON-LD (claimreview-read.ts); they are indexed
 * with MiniSearch (BM25+) over the normalised terms of claim-terms.ts, so a
 * reordered, reworded or paraphrased claim still shares most of its terms with
 * the earlier review.
 */
import MiniSearch from 'minisearch';
import type { Session } from '../model/session';
import { claimTerms } from './claim-terms';

/** Where a reviewed claim was found. */
export type ReviewedClaimSource =
  | {
      kind: 'session';
      sessionId: string;
      sessionName: string;
      annotationId: string;
      articleTitle: string;
      /** The session file it was read from, when read from a file. */
      file?: string;
    }
  | { kind: 'claimreview'; url: string; publisher: string; file?: string };

/** A claim someone has reviewed (or at least marked), with what they found. */
export interface ReviewedClaim {
  /** Unique within one index. */
  id: string;
  text: string;
  /** The verdict's label ("False", "Mostly true"); null when not yet rated. */
  verdict: string | null;
  speaker: string | null;
  date: string | null;
  source: ReviewedClaimSource;
}

/** One match of a search: the claim and its BM25 score (higher is closer). */
export interface SimilarClaim {
  claim: ReviewedClaim;
  score: number;
}

/** Every claim annotation of a session as a reviewed claim. Never throws. */
export function claimsFromSession(session: Session, file?: string): ReviewedClaim[] {
  const speakers = new Map(session.speakers.map((s) => [s.id, s.name]));
  const steps = new Map(session.scale.steps.map((s) => [s.id, s.label]));
  const titles = new Map(session.articles.map((a) => [a.id, a.meta.title]));
  return session.annotations
    .filter((a) => a.kind === 'claim')
    .map((a) => ({
      id: `${session.id}/${a.id}`,
      text: a.target.quote.exact,
      verdict: a.verdict ? (steps.get(a.verdict.stepId) ?? null) : null,
      speaker: a.speakerId ? (speakers.get(a.speakerId) ?? null) : null,
      date: a.modified.slice(0, 10) || null,
      source: {
        kind: 'session' as const,
        sessionId: session.id,
        sessionName: session.name,
        annotationId: a.id,
        articleTitle: titles.get(a.target.articleId) ?? '',
        ...(file ? { file } : {}),
      },
    }));
}

/** A search index over reviewed claims. */
export interface ClaimIndex {
  readonly size: number;
  /** The closest claims to `text`, best first, at most `limit`; none for a text with no searchable words. */
  search(text: string, limit?: number): SimilarClaim[];
}

/**
 * Index reviewed claims. Claims with the same id after the first are skipped
 * (MiniSearch refuses duplicates). Building 10,000 claims takes a fraction of
 * a second; a search, a few milliseconds.
 */
export function createClaimIndex(claims: readonly ReviewedClaim[]): ClaimIndex {
  const byId = new Map<string, ReviewedClaim>();
  for (const c of claims) if (!byId.has(c.id)) byId.set(c.id, c);
  const mini = new MiniSearch<{ id: string; text: string }>({
    fields: ['text'],
    storeFields: [],
    // Terms are produced whole by claimTerms; MiniSearch's own term step is the identity.
    tokenize: (text) => claimTerms(text),
    processTerm: (term) => term,
    searchOptions: { combineWith: 'OR' },
  });
  mini.addAll([...byId.values()].map((c) => ({ id: c.id, text: c.text })));
  return {
    size: byId.size,
    search(text: string, limit = 10): SimilarClaim[] {
      if (!claimTerms(text).length) return [];
      return mini
        .search(text)
        .slice(0, Math.max(0, limit))
        .map((r) => ({ claim: byId.get(String(r.id))!, score: Math.round(r.score * 100) / 100 }));
    },
  };
}

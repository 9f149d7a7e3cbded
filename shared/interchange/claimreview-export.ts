/**
 * schema.org ClaimReview export (JSON-LD): one ClaimReview per claim that has
 * a verdict, as a JSON array, each object with its own `@context`.
 *
 * Only properties schema.org defines for each type are written (checked in
 * tests against the schema.org extract in `../shared/conformance/`), and
 * Google's required fields (claimReviewed, reviewRating.alternateName, url)
 * plus its recommended ones are always filled. Without a fact-checking
 * organisation and an absolute http(s) publication base URL the export is
 * refused with a sentence naming the setting: Google would reject the markup.
 *
 * `claimReviewed`: Google asks for a short summary of the claim, under 75
 * characters. A quote that fits is used as it is. A longer one is shortened at
 * a word boundary and the cut is marked with an ellipsis (`…`), never dropped
 * silently; the full, exact quote travels as the Claim's `text`.
 */
import type { Annotation, Session, Speaker } from '../model/session';
import type { ApiResult } from '../api/contract';
import { safeHttpUrl } from '../article/safe-url';
import { shorten } from '../text/words';
import { stringifyJsonSafe } from './safe-json';
import { statusLabel, type TeamExportInfo } from './team-export';

/** Google's recommended ceiling for `claimReviewed`, in characters. */
export const CLAIM_REVIEWED_MAX = 75;
export const SCHEMA_ORG_CONTEXT = 'https://schema.org';

export interface ClaimReviewOptions {
  /** Overrides `settings.organisationName`. */
  org?: string;
  /** Overrides `settings.publicationBaseUrl`. */
  baseUrl?: string;
  /** ISO time of the export; its date is the review's `datePublished`. */
  generatedAt: string;
  /**
   * A shared session's team side: each review then carries the session's
   * status as `creativeWorkStatus` ("In review", "Approved"), the editor who
   * approved it as `editor`, and its reviewers as `contributor` (Persons).
   */
  team?: TeamExportInfo | null;
}

type Json = { [key: string]: unknown };

/**
 * The publication URL of a claim: the base URL, a `/` unless it already ends
 * with `/` or `#`, then the claim's id. The base must be an absolute http(s) URL
 * without a query; null otherwise.
 */
export function claimUrl(baseUrl: string, claimId: string): string | null {
  const base = safeHttpUrl(baseUrl);
  if (!base || base.includes('?')) return null;
  const hash = base.indexOf('#');
  if (hash >= 0 && hash !== base.length - 1) return null;
  const sep = base.endsWith('/') || base.endsWith('#') ? '' : '/';
  return `${base}${sep}${encodeURIComponent(claimId)}`;
}

function agent(s: Speaker): Json {
  const node: Json = {
    '@type': s.kind === 'organization' ? 'Organization' : 'Person',
    name: s.name,
  };
  if (s.aliases.length) node.alternateName = s.aliases.length === 1 ? s.aliases[0] : s.aliases;
  if (s.role && s.kind === 'person') node.jobTitle = s.role;
  if (s.organisation && s.kind === 'person')
    node.affiliation = { '@type': 'Organization', name: s.organisation };
  return node;
}

/**
 * Build the ClaimReview objects, or refuse. Refusals are `refused` errors
 * whose message says exactly which setting to fill in.
 */
export function buildClaimReviews(session: Session, opts: ClaimReviewOptions): ApiResult<Json[]> {
  const org = (opts.org ?? session.settings.organisationName).trim();
  const base = (opts.baseUrl ?? session.settings.publicationBaseUrl).trim();
  const missing: string[] = [];
  if (!org)
    missing.push(
      'the fact-checking organisation’s name (session settings → Organisation name, or --org)',
    );
  if (!base)
    missing.push(
      'the publication base URL (session settings → Publication base URL, or --base-url)',
    );
  else if (!claimUrl(base, 'x'))
    missing.push(
      `a valid publication base URL: "${base.slice(0, 200)}" is not an absolute http(s) URL without a query`,
    );
  if (missing.length) {
    return {
      ok: false,
      error: {
        code: 'refused',
        message: `ClaimReview export needs ${missing.join(' and ')}. Google rejects ClaimReview without them.`,
      },
    };
  }
  const orgUrl = safeHttpUrl(session.settings.organisationUrl);
  const author: Json = { '@type': 'Organization', name: org };
  if (orgUrl) author.url = orgUrl;
  const articles = new Map(session.articles.map((a) => [a.id, a]));
  const speakers = new Map(session.speakers.map((s) => [s.id, s]));
  const steps = new Map(session.scale.steps.map((s) => [s.id, s]));
  const datePublished = opts.generatedAt.slice(0, 10);
  const out: Json[] = [];
  for (const a of session.annotations) {
    if (a.kind !== 'claim' || !a.verdict) continue;
    const step = steps.get(a.verdict.stepId);
    const article = articles.get(a.target.articleId);
    if (!step || !article) continue; // validateSession guarantees both
    const review = claimReview(a, {
      step,
      article,
      speakers,
      author,
      base,
      datePublished,
      scale: session.scale,
    });
    out.push(opts.team ? { ...review, ...signOff(opts.team) } : review);
  }
  if (!out.length) {
    return {
      ok: false,
      error: {
        code: 'refused',
        message:
          'ClaimReview export needs at least one claim with a verdict; no claim in this session is rated yet.',
      },
    };
  }
  return { ok: true, value: out };
}

/** The team's sign-off as schema.org CreativeWork properties (see {@link ClaimReviewOptions.team}). */
function signOff(team: TeamExportInfo): Json {
  const out: Json = { creativeWorkStatus: statusLabel(team) };
  if (team.approvedBy) out.editor = { '@type': 'Person', name: team.approvedBy.name };
  if (team.reviewers.length)
    out.contributor = team.reviewers.map((name) => ({ '@type': 'Person', name }));
  return out;
}

function claimReview(
  a: Annotation,
  ctx: {
    step: Session['scale']['steps'][number];
    article: Session['articles'][number];
    speakers: Map<string, Speaker>;
    author: Json;
    base: string;
    datePublished: string;
    scale: Session['scale'];
  },
): Json {
  const { step, article } = ctx;
  const appearance: Json = { '@type': 'NewsArticle' };
  if (article.meta.title) appearance.headline = article.meta.title;
  const url = safeHttpUrl(article.meta.url);
  if (url) appearance.url = url;
  if (article.meta.date) appearance.datePublished = article.meta.date;
  if (article.meta.outlet)
    appearance.publisher = { '@type': 'Organization', name: article.meta.outlet };
  if (article.meta.byline) appearance.author = { '@type': 'Person', name: article.meta.byline };
  const claim: Json = { '@type': 'Claim', text: a.target.quote.exact };
  const speaker = a.speakerId ? ctx.speakers.get(a.speakerId) : undefined;
  if (speaker) claim.author = agent(speaker);
  if (article.meta.date) claim.datePublished = article.meta.date;
  claim.appearance = appearance;
  const review: Json = {
    '@context': SCHEMA_ORG_CONTEXT,
    '@type': 'ClaimReview',
    url: claimUrl(ctx.base, a.id),
    claimReviewed: shorten(a.target.quote.exact, CLAIM_REVIEWED_MAX),
    itemReviewed: claim,
    author: ctx.author,
    datePublished: ctx.datePublished,
    reviewRating: {
      '@type': 'Rating',
      ratingValue: step.value,
      bestRating: ctx.scale.best,
      worstRating: ctx.scale.worst,
      alternateName: step.label,
      name: step.label,
    },
  };
  if (a.verdict?.rationale) review.reviewBody = a.verdict.rationale;
  return review;
}

/** The export file's text: a JSON array of ClaimReview objects, pretty-printed. */
export function renderClaimReview(session: Session, opts: ClaimReviewOptions): ApiResult<string> {
  const built = buildClaimReviews(session, opts);
  if (!built.ok) return built;
  return { ok: true, value: `${stringifyJsonSafe(built.value, 2)}\n` };
}

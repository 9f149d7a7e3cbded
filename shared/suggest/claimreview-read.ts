/**
 * Reading ClaimReview JSON-LD into reviewed claims: our own export (an array
 * of ClaimReview objects, see interchange/claimreview-export.ts), a single
 * ClaimReview, a JSON-LD `@graph`, or a fact-checker's published feed (a
 * schema.org DataFeed whose `dataFeedElement` items hold ClaimReviews). Any
 * object whose `@type` is or includes "ClaimReview" is taken, wherever it sits.
 */
import type { ReviewedClaim } from './similar-claims';

type Json = Record<string, unknown>;

/** What a feed gave: its claims, and problems in words for the reviews it had to skip. */
export interface ClaimReviewRead {
  claims: ReviewedClaim[];
  problems: string[];
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasType(o: Json, type: string): boolean {
  const t = o['@type'];
  return t === type || (Array.isArray(t) && t.includes(type));
}

/** A name from a string, an object with `name`, or the first of an array of those. */
function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return nameOf(v[0]);
  if (isObject(v) && typeof v.name === 'string') return v.name.trim() || null;
  return null;
}

function text(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/** Every ClaimReview object in a parsed JSON-LD document, depth-first, bounded in depth. */
function collect(v: unknown, out: Json[], depth = 0): void {
  if (depth > 12) return;
  if (Array.isArray(v)) {
    for (const x of v) collect(x, out, depth + 1);
    return;
  }
  if (!isObject(v)) return;
  if (hasType(v, 'ClaimReview')) {
    out.push(v);
    return;
  }
  for (const key of Object.keys(v)) collect(v[key], out, depth + 1);
}

/**
 * The reviewed claims in a ClaimReview JSON-LD text. Never throws: text that is
 * not JSON, or holds no ClaimReview, gives no claims and a problem saying so.
 * `file` names the source in the claims' ids and sources.
 */
export function readClaimReviews(content: string, file = 'feed'): ClaimReviewRead {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (err) {
    return {
      claims: [],
      problems: [`${file} is not JSON (${err instanceof Error ? err.message : String(err)}).`],
    };
  }
  const reviews: Json[] = [];
  collect(parsed, reviews);
  if (!reviews.length) return { claims: [], problems: [`${file} holds no ClaimReview.`] };
  const claims: ReviewedClaim[] = [];
  const problems: string[] = [];
  reviews.forEach((r, i) => {
    const item = isObject(r.itemReviewed) ? r.itemReviewed : {};
    const claimText = text(item.text) ?? text(r.claimReviewed);
    if (!claimText) {
      problems.push(
        `${file}: ClaimReview ${i + 1} has neither claimReviewed nor a claim text; skipped.`,
      );
      return;
    }
    const rating = isObject(r.reviewRating) ? r.reviewRating : {};
    const verdict =
      text(rating.alternateName) ??
      text(rating.name) ??
      (rating.ratingValue !== undefined ? String(rating.ratingValue) : null);
    const url = text(r.url) ?? '';
    claims.push({
      id: `${file}#${url || i + 1}`,
      text: claimText,
      verdict,
      speaker: nameOf(item.author),
      date: text(r.datePublished) ?? text(item.datePublished),
      source: { kind: 'claimreview', url, publisher: nameOf(r.author) ?? '', file },
    });
  });
  return { claims, problems };
}

/**
 * The peer of `reanchor-revision`: quote anchoring the way the Hypothesis client does it
 * (its `src/annotator/anchoring/match-quote.ts`), written here from its documented behaviour
 * over the same library, approx-string-match:
 *
 * - exact occurrences of the quote are looked for first (`indexOf`); only when there is none
 *   does the approximate search run, allowing up to half the quote's length (at most 256) in
 *   errors;
 * - every candidate is scored: 50 × quote similarity + 20 × prefix similarity + 20 × suffix
 *   similarity + 2 × closeness to the position hint, over the sum of the weights; the context
 *   similarities are themselves approximate matches of the stored prefix and suffix against the
 *   text around the candidate;
 * - the best candidate wins; there is no threshold, so a quote is orphaned only when nothing
 *   within the error budget exists.
 *
 * A result is `same` when the winner is an exact occurrence, `changed` when it was approximate.
 */
import search from 'approx-string-match';

export interface HypothesisMatch {
  start: number;
  end: number;
  errors: number;
  score: number;
}

function find(text: string, str: string, maxErrors: number) {
  const exact: Array<{ start: number; end: number; errors: number }> = [];
  for (let i = text.indexOf(str); i !== -1; i = text.indexOf(str, i + 1))
    exact.push({ start: i, end: i + str.length, errors: 0 });
  return exact.length > 0 ? exact : search(text, str, maxErrors);
}

/** How well `str` matches `text` (0–1), as Hypothesis scores a prefix or suffix. */
function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  const matches = find(text, str, str.length);
  return matches.length ? 1 - matches[0]!.errors / str.length : 0;
}

/** Hypothesis-style `matchQuote(text, quote, {prefix, suffix, hint})`; null when nothing is found. */
export function hypothesisMatchQuote(
  text: string,
  quote: string,
  context: { prefix?: string; suffix?: string; hint?: number },
): HypothesisMatch | null {
  if (quote.length === 0) return null;
  const maxErrors = Math.min(256, Math.floor(quote.length / 2));
  const matches = find(text, quote, maxErrors);
  if (matches.length === 0) return null;
  const QUOTE = 50;
  const PREFIX = 20;
  const SUFFIX = 20;
  const POS = 2;
  let best: HypothesisMatch | null = null;
  for (const m of matches) {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = context.prefix
      ? textMatchScore(
          text.slice(Math.max(0, m.start - context.prefix.length), m.start),
          context.prefix,
        )
      : 1;
    const suffixScore = context.suffix
      ? textMatchScore(text.slice(m.end, m.end + context.suffix.length), context.suffix)
      : 1;
    const posScore =
      context.hint === undefined ? 1 : 1 - Math.abs(m.start - context.hint) / text.length;
    const score =
      (QUOTE * quoteScore + PREFIX * prefixScore + SUFFIX * suffixScore + POS * posScore) /
      (QUOTE + PREFIX + SUFFIX + POS);
    if (!best || score > best.score) best = { start: m.start, end: m.end, errors: m.errors, score };
  }
  return best;
}

/**
 * Selector → range: find where a TextQuoteSelector (optionally with a
 * TextPositionSelector as a hint) lands in a text. DOM-free, in the manner of
 * Hypothesis's match-quote: candidates are scored by how well the quote, its
 * prefix and suffix, and the hinted position agree, and the best one wins.
 *
 * The order of work keeps the common case cheap and the rare case honest:
 * 1. Position first: if the text at the hinted position is the quote and the
 *    context agrees, that is the answer (no search at all).
 * 2. Exact occurrences of the quote, each scored by prefix/suffix agreement
 *    and nearness to the hint.
 * 3. Approximate occurrences (approx-string-match, an error budget in
 *    proportion to the quote's length), only when an approximate match could
 *    still beat the best exact one.
 * Then the refusals: when the two best candidates score the same, context
 * cannot decide between look-alikes and the answer is null, not a guess; a
 * short quote whose context disagrees is not moved there either.
 */
import search from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from '../model/session';
import type { AnchorIndex } from './anchor-index';
import { prefixSimilarity, suffixSimilarity } from './context-similarity';
import { isLowSurrogateAfterHigh } from './describe-range';

/** Where a selector landed. UTF-16 offsets for the editor, code points for the W3C model. */
export interface AnchorMatch {
  start16: number;
  end16: number;
  /** Code points, end exclusive. */
  start: number;
  end: number;
  /**
   * `anchored`: at the position the selector gave (or it gave none);
   * `moved`: found elsewhere.
   */
  status: 'anchored' | 'moved';
  /** False when the text found differs from the quote (an approximate match). */
  exact: boolean;
}

/** What is anchored: a quote, and where it was last seen if known. */
export interface QuoteSelectors {
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
}

/**
 * Edits allowed per UTF-16 unit of quote in an approximate match (20%: a
 * typo fix or a changed word in a sentence, not a rewritten sentence).
 */
export const MAX_ERROR_RATE = 0.2;
/** Cap on the edit budget, which also bounds the cost of the bit-parallel scan for long quotes. */
export const MAX_APPROX_ERRORS = 64;
/** Score weights (Hypothesis uses 50/20/20 for quote/prefix/suffix): the quote itself counts most. */
export const QUOTE_WEIGHT = 50;
export const PREFIX_WEIGHT = 20;
export const SUFFIX_WEIGHT = 20;
/**
 * Bonus for a candidate near the hinted position, falling linearly to 0 at
 * {@link NEAR_HINT_DISTANCE}: enough to choose the nearer of look-alikes
 * whose context is equally good, too small to outvote context.
 */
export const NEAR_HINT_WEIGHT = 10;
/** How close (UTF-16 units, start to start) a candidate must be to the hint to earn any bonus. */
export const NEAR_HINT_DISTANCE = 64;
/**
 * Quotes at least this long (UTF-16 units) identify their passage by
 * themselves; shorter ones are moved only where their context supports them.
 */
export const SELF_EVIDENT_QUOTE_LENGTH = 48;
/** Least mean prefix/suffix similarity for moving a short quote (see above). */
export const MIN_CONTEXT_SUPPORT = 0.5;
/**
 * Far from the hint (or with none) an approximate match may have only one
 * error per this many UTF-16 units of quote (fewer than near the hint, since
 * nothing but the quote and its context vouches for a distant passage). It is
 * also the piece length of the pigeonhole filter that keeps that search from
 * scanning the whole text: a quote shorter than twice this is matched far
 * away only exactly.
 */
export const APPROX_PIECE_LENGTH = 16;
/**
 * Options of {@link anchorSelector}.
 *
 * `maxPieceOccurrences`: in the search far from the hint, a piece of the quote (see
 * {@link APPROX_PIECE_LENGTH}) found more often than this is not distinctive (a stock phrase of
 * the text) and is not looked at; the far error budget drops by one for each such piece, so the
 * pigeonhole guarantee still holds for the rest. Bounds the cost of a far search in formulaic
 * text, and keeps a quote made of stock phrases from being matched approximately to wherever
 * they recur. Default: no limit.
 *
 * `maxFarErrors`: the most errors an approximate match far from the hint may have (default:
 * one per {@link APPROX_PIECE_LENGTH} units of quote, at most {@link MAX_APPROX_ERRORS}). A
 * lower cap means fewer pieces to look up for a long quote.
 */
export interface AnchorOptions {
  maxPieceOccurrences?: number;
  maxFarErrors?: number;
}

/** Long stretches are scanned approximately in chunks of this many UTF-16 units. */
const APPROX_CHUNK_LENGTH = 1 << 14;
/** Scores closer than this are a tie. */
const SCORE_EPSILON = 1e-9;

interface Candidate {
  start: number;
  end: number;
  errors: number;
  score: number;
  /** Mean similarity of the context sides that were given; null when none was. */
  support: number | null;
  /** Exactly the hinted range. */
  atHint: boolean;
}

interface Query {
  text: string;
  quote: TextQuoteSelector;
  hint: { start: number; end: number } | null;
}

/**
 * Anchor a quote (with an optional position hint) in the indexed text.
 *
 * Returns null when the quote is empty, when nothing close enough is found,
 * when the best candidates tie and context cannot decide, or when a short
 * quote would land where its context disagrees. Never throws. A position that
 * is out of range or not whole numbers is ignored as a hint; a missing prefix
 * or suffix counts as empty (no evidence either way).
 */
export function anchorSelector(
  index: AnchorIndex,
  sel: QuoteSelectors,
  options: AnchorOptions = {},
): AnchorMatch | null {
  const { position } = sel;
  // Selectors from outside (W3C JSON) may leave prefix or suffix out.
  const quote: TextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact: typeof sel.quote.exact === 'string' ? sel.quote.exact : '',
    prefix: typeof sel.quote.prefix === 'string' ? sel.quote.prefix : '',
    suffix: typeof sel.quote.suffix === 'string' ? sel.quote.suffix : '',
  };
  const exact = quote.exact;
  if (exact.length === 0) return null;
  const { text } = index;
  const hint = position ? positionToUtf16(index, position) : null;
  const q: Query = { text, quote, hint };

  if (hint && hint.end - hint.start === exact.length && text.startsWith(exact, hint.start)) {
    const p = prefixSimilarity(text, hint.start, quote.prefix);
    const s = suffixSimilarity(text, hint.end, quote.suffix);
    if ((p ?? 1) === 1 && (s ?? 1) === 1) return toMatch(index, hint.start, hint.end, 0, position);
  }

  const exactStarts = index.occurrences(exact);
  const candidates = scoreExact(q, exactStarts);
  let best = candidates.reduce((m, c) => Math.max(m, c.score), -Infinity);
  const contextMax =
    (quote.prefix.length > 0 ? PREFIX_WEIGHT : 0) + (quote.suffix.length > 0 ? SUFFIX_WEIGHT : 0);
  // The most an approximate candidate (one error or more) far from the hint could score:
  // when the best so far beats it, no approximate search can change the answer.
  const farBound = QUOTE_WEIGHT * (1 - 1 / exact.length) + contextMax;
  const approx: ApproxSearch = { q, exactStarts, seen: new Set(), found: [] };

  const nearBudget = Math.min(MAX_APPROX_ERRORS, Math.floor(exact.length * MAX_ERROR_RATE));
  if (hint && nearBudget > 0 && best <= farBound + NEAR_HINT_WEIGHT + SCORE_EPSILON) {
    const from = hint.start - NEAR_HINT_DISTANCE - nearBudget;
    scanApproximate(
      approx,
      from,
      hint.start + NEAR_HINT_DISTANCE + exact.length + nearBudget,
      nearBudget,
    );
    best = approx.found.reduce((m, c) => Math.max(m, c.score), best);
  }
  const pieces = Math.floor(exact.length / APPROX_PIECE_LENGTH);
  const farBudget = Math.min(nearBudget, pieces - 1, options.maxFarErrors ?? Infinity);
  if (farBudget > 0 && best <= farBound + SCORE_EPSILON) {
    const far = pieceWindows(
      index,
      exact,
      farBudget + 1,
      farBudget,
      options.maxPieceOccurrences ?? Infinity,
    );
    for (const [from, to] of far.windows) scanApproximate(approx, from, to, far.budget);
  }
  for (const c of clusterApproximate(approx.found)) candidates.push(c);

  const chosen = choose(candidates, exact.length);
  return chosen ? toMatch(index, chosen.start, chosen.end, chosen.errors, position) : null;
}

/**
 * Score the exact occurrences. When some have their context intact (a cheap
 * string comparison), only those and the ones near the hint can win, so the
 * edit distances of the rest (thousands, for a common phrase) are skipped.
 */
function scoreExact(q: Query, starts: readonly number[]): Candidate[] {
  const { text, quote, hint } = q;
  const len = quote.exact.length;
  const intact = starts.filter(
    (at) => text.endsWith(quote.prefix, at) && text.startsWith(quote.suffix, at + len),
  );
  const pool =
    intact.length === 0
      ? starts
      : starts.filter(
          (at) =>
            (hint !== null && Math.abs(at - hint.start) <= NEAR_HINT_DISTANCE) ||
            (text.endsWith(quote.prefix, at) && text.startsWith(quote.suffix, at + len)),
        );
  return pool.map((at) => scoreCandidate(q, at, at + len, 0));
}

function positionToUtf16(
  index: AnchorIndex,
  position: TextPositionSelector,
): { start: number; end: number } | null {
  const { start, end } = position;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return null;
  if (start < 0 || end < start || end > index.codePoints.lengthCp) return null;
  return { start: index.codePoints.toUtf16(start), end: index.codePoints.toUtf16(end) };
}

function scoreCandidate(q: Query, start: number, end: number, errors: number): Candidate {
  const p = prefixSimilarity(q.text, start, q.quote.prefix);
  const s = suffixSimilarity(q.text, end, q.quote.suffix);
  const distance = q.hint === null ? Infinity : Math.abs(start - q.hint.start);
  const nearness = distance <= NEAR_HINT_DISTANCE ? 1 - distance / (NEAR_HINT_DISTANCE + 1) : 0;
  const score =
    QUOTE_WEIGHT * (1 - errors / q.quote.exact.length) +
    PREFIX_WEIGHT * (p ?? 0) +
    SUFFIX_WEIGHT * (s ?? 0) +
    NEAR_HINT_WEIGHT * nearness;
  const sides = (p === null ? 0 : 1) + (s === null ? 0 : 1);
  const support = sides === 0 ? null : ((p ?? 0) + (s ?? 0)) / sides;
  const atHint = errors === 0 && q.hint !== null && q.hint.start === start && q.hint.end === end;
  return { start, end, errors, score, support, atHint };
}

/** State of one approximate search: raw matches so far, deduplicated. */
interface ApproxSearch {
  q: Query;
  exactStarts: readonly number[];
  seen: Set<string>;
  found: Candidate[];
}

/**
 * Add the approximate matches (1 to `budget` errors) in `text[from, to)`,
 * skipping those overlapping an exact occurrence. Long stretches are scanned
 * in overlapping chunks because the matcher reports only the lowest-error
 * matches of each call, and one look-alike must not hide the rest.
 */
function scanApproximate(s: ApproxSearch, from: number, to: number, budget: number): void {
  const { text, quote } = s.q;
  const len = quote.exact.length;
  // Scan only the gaps between exact occurrences: matches overlapping one are
  // dropped anyway, and an exact match in a scanned stretch would hide every
  // approximate one there (the matcher reports only the lowest error count).
  let gapStart = Math.max(0, from);
  const hi = Math.min(text.length, to);
  for (let i = firstEndingAfter(s.exactStarts, len, gapStart); gapStart < hi; i++) {
    const next = i < s.exactStarts.length ? s.exactStarts[i]! : Infinity;
    const gapEnd = Math.min(hi, next);
    if (gapEnd - gapStart >= len - budget) scanStretch(s, gapStart, gapEnd, budget);
    if (next === Infinity) break;
    gapStart = Math.max(gapStart, next + len);
  }
}

/** Approximate matches in `text[lo, hi)`, in overlapping chunks (see above). */
function scanStretch(s: ApproxSearch, lo: number, hi: number, budget: number): void {
  const { text, quote } = s.q;
  const exact = quote.exact;
  for (let chunk = lo; chunk < hi; chunk += APPROX_CHUNK_LENGTH) {
    const chunkEnd = Math.min(hi, chunk + APPROX_CHUNK_LENGTH + exact.length + budget);
    for (const m of search(text.slice(chunk, chunkEnd), exact, budget)) {
      if (m.errors === 0) continue; // exact occurrences are already candidates
      let start = chunk + m.start;
      let end = chunk + m.end;
      if (isLowSurrogateAfterHigh(text, start)) start--;
      if (isLowSurrogateAfterHigh(text, end)) end++;
      const key = `${start}:${end}`;
      if (s.seen.has(key) || overlapsExact(s.exactStarts, exact.length, start, end)) continue;
      s.seen.add(key);
      s.found.push(scoreCandidate(s.q, start, end, m.errors));
    }
    if (chunkEnd >= hi) break;
  }
}

/** Index of the first exact occurrence ending after `offset`. */
function firstEndingAfter(starts: readonly number[], length: number, offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! + length <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where a match with at most `budget` errors can be (pigeonhole): cut the
 * quote into `pieces` disjoint pieces of equal length (the longer, the rarer
 * each is in the text); `budget` < `pieces` edits leave one
 * piece intact, so every match contains an exact occurrence of some piece,
 * displaced by at most `budget`. Returns merged windows around those hits,
 * and the budget they hold for: a piece found more than `maxOccurrences`
 * times is left out, and each one left out lowers the budget by one (the
 * pieces kept must still outnumber the edits).
 */
function pieceWindows(
  index: AnchorIndex,
  exact: string,
  pieces: number,
  budget: number,
  maxOccurrences: number,
): { windows: Array<[number, number]>; budget: number } {
  const hits: Array<{ offset: number; at: number[] }> = [];
  const done = new Set<string>();
  const length = Math.floor(exact.length / pieces);
  let kept = 0;
  for (let k = 0; k < pieces; k++) {
    const offset = k * length;
    const piece = exact.slice(offset, k === pieces - 1 ? exact.length : offset + length);
    const at = index.occurrences(piece);
    if (at.length > maxOccurrences) continue;
    kept++;
    if (done.has(`${offset}:${piece}`)) continue;
    done.add(`${offset}:${piece}`);
    hits.push({ offset, at });
  }
  const allowed = Math.min(budget, kept - 1);
  if (allowed < 1) return { windows: [], budget: 0 };
  const windows: Array<[number, number]> = [];
  for (const { offset, at } of hits) {
    for (const a of at) {
      const start = a - offset;
      windows.push([start - allowed, start + exact.length + 2 * allowed]);
    }
  }
  windows.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else merged.push([w[0], w[1]]);
  }
  return { windows: merged, budget: allowed };
}

/** Overlapping approximate matches are one passage seen a few ways: keep the best of each. */
function clusterApproximate(found: Candidate[]): Candidate[] {
  found.sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Candidate[] = [];
  let clusterEnd = -1;
  for (const c of found) {
    const last = kept.length - 1;
    if (last >= 0 && c.start < clusterEnd) {
      if (c.score > kept[last]!.score + SCORE_EPSILON) kept[last] = c;
      clusterEnd = Math.max(clusterEnd, c.end);
    } else {
      kept.push(c);
      clusterEnd = c.end;
    }
  }
  return kept;
}

function overlapsExact(starts: readonly number[], length: number, start: number, end: number) {
  const i = firstEndingAfter(starts, length, start);
  return i < starts.length && starts[i]! < end;
}

/** The single best acceptable candidate, or null on a tie or weak evidence. */
function choose(candidates: Candidate[], quoteLength: number): Candidate | null {
  let best: Candidate | null = null;
  let second = -Infinity;
  for (const c of candidates) {
    if (!best || c.score > best.score) {
      if (best) second = Math.max(second, best.score);
      best = c;
    } else {
      second = Math.max(second, c.score);
    }
  }
  if (!best) return null;
  if (best.score - second < SCORE_EPSILON) return null;
  if (best.atHint || quoteLength >= SELF_EVIDENT_QUOTE_LENGTH) return best;
  if (best.support === null) return best.errors === 0 ? best : null;
  return best.support >= MIN_CONTEXT_SUPPORT ? best : null;
}

function toMatch(
  index: AnchorIndex,
  start16: number,
  end16: number,
  errors: number,
  position: TextPositionSelector | undefined,
): AnchorMatch {
  const start = index.codePoints.toCodePoint(start16);
  const end = index.codePoints.toCodePoint(end16);
  const same = !position || (position.start === start && position.end === end);
  return { start16, end16, start, end, status: same ? 'anchored' : 'moved', exact: errors === 0 };
}

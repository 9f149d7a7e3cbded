/**
 * How well a stored prefix or suffix agrees with the text beside a candidate
 * match. A similarity of 1 means the context is unchanged, 0 that nothing of
 * it survives. Edits inside the context (a word inserted just before a quote)
 * lower it a little instead of zeroing it, which a common-prefix count would do.
 *
 * The edit distance is written here rather than taken from a package: it runs
 * on two strings of at most {@link CONTEXT_COMPARE_LIMIT} units, the
 * approx-string-match package we use for quotes answers a different question
 * (best substring match, not whole-string distance), and the Levenshtein
 * packages on npm allocate per call and work on the whole strings.
 */

/**
 * UTF-16 units of stored context compared at most, nearest the quote first.
 * Bounds the cost of scoring a candidate when a foreign selector carries a
 * very long prefix or suffix; the 32-code-point contexts we write fit.
 */
export const CONTEXT_COMPARE_LIMIT = 80;

/**
 * Similarity of `prefix` to the text ending at `start16`, in [0, 1];
 * null when there is no prefix to compare (no evidence either way).
 */
export function prefixSimilarity(text: string, start16: number, prefix: string): number | null {
  if (prefix.length === 0) return null;
  const want =
    prefix.length > CONTEXT_COMPARE_LIMIT ? prefix.slice(-CONTEXT_COMPARE_LIMIT) : prefix;
  const have = text.slice(Math.max(0, start16 - want.length), start16);
  return similarity(want, have);
}

/** Similarity of `suffix` to the text starting at `end16`; see {@link prefixSimilarity}. */
export function suffixSimilarity(text: string, end16: number, suffix: string): number | null {
  if (suffix.length === 0) return null;
  const want =
    suffix.length > CONTEXT_COMPARE_LIMIT ? suffix.slice(0, CONTEXT_COMPARE_LIMIT) : suffix;
  const have = text.slice(end16, end16 + want.length);
  return similarity(want, have);
}

/** 1 − edit distance / length of `want`, floored at 0. */
function similarity(want: string, have: string): number {
  if (want === have) return 1;
  return Math.max(0, 1 - editDistance(want, have) / want.length);
}

let rowA = new Uint32Array(CONTEXT_COMPARE_LIMIT + 1);
let rowB = new Uint32Array(CONTEXT_COMPARE_LIMIT + 1);

/** Levenshtein distance (insert, delete, substitute: cost 1 each), two-row dynamic programme. */
export function editDistance(a: string, b: string): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (rowA.length <= b.length) {
    rowA = new Uint32Array(b.length + 1);
    rowB = new Uint32Array(b.length + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length]!;
}

/**
 * Documented limits (README "Your data"). Beyond each, the user gets a clear
 * refusal naming the limit, never a hang or a silent truncation.
 */

/** Largest article file accepted for import, in bytes (at least 10 MB must be accepted). */
export const MAX_ARTICLE_BYTES = 16 * 1024 * 1024;
/** Largest note or rationale, in characters. Longer text is refused, never cut. */
export const MAX_NOTE_CHARS = 20_000;
/** Most annotations one session may hold. */
export const MAX_ANNOTATIONS_PER_SESSION = 50_000;
/** Most links one session may hold. */
export const MAX_LINKS_PER_SESSION = 100_000;
/** Most articles one session may hold. */
export const MAX_ARTICLES_PER_SESSION = 200;
/** Largest session file the store will read; larger files are reported as damaged. */
export const MAX_SESSION_FILE_BYTES = 64 * 1024 * 1024;
/** Most dismissed claim suggestions one session keeps (issue 13). */
export const MAX_DISMISSED_SUGGESTIONS = 100_000;
/** Largest fact-check (ClaimReview JSON-LD) file accepted by File → Import fact-checks…, in bytes. */
export const MAX_FACTCHECK_FILE_BYTES = 16 * 1024 * 1024;
/** Most reviewed claims one imported fact-check file may hold. */
export const MAX_FACTCHECK_CLAIMS_PER_FILE = 50_000;
/** Most imported fact-check files kept in a data directory. */
export const MAX_FACTCHECK_FILES = 200;
/** Longest claim text taken from an imported fact-check, in characters. */
export const MAX_FACTCHECK_CLAIM_CHARS = 5_000;
/** Longest short text field (names, titles, tags, labels), in characters. */
export const MAX_SHORT_TEXT = 1_000;

/**
 * Deepest element nesting an HTML (or Markdown) import may have. Chromium's HTML parser stops
 * nesting at the same depth (512); deeper markup is refused with a message naming the limit.
 */
export const MAX_IMPORT_DEPTH = 512;
/** Most elements an HTML import may hold (a long news page has a few thousand). */
export const MAX_IMPORT_ELEMENTS = 1_000_000;
/** Deepest nesting of quotes and lists a Markdown import may have. */
export const MAX_MARKDOWN_NESTING = 32;
/** Memory an import's worker may use before it is stopped, in MB. */
export const IMPORT_MEMORY_MB = 1024;

/** Human-readable size, e.g. `16 MB`. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

/**
 * A size and the limit it broke, each in words, precise enough to tell them apart:
 * `["16.1 MB", "16 MB"]`, or exact byte counts when rounding would make them look equal
 * (`["16,777,217 bytes", "16,777,216 bytes (16 MB)"]`).
 */
export function formatSizeAndLimit(size: number, limit: number): [string, string] {
  const a = formatBytes(size);
  const b = formatBytes(limit);
  if (a !== b) return [a, b];
  const exact = (n: number) => `${n.toLocaleString('en-US')} bytes`;
  return [exact(size), `${exact(limit)} (${b})`];
}

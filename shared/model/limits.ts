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
/** Longest short text field (names, titles, tags, labels), in characters. */
export const MAX_SHORT_TEXT = 1_000;

/** Human-readable size, e.g. `16 MB`. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

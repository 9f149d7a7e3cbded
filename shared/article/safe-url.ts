/**
 * URL checks for anything that becomes a link or a source URL. Written by hand
 * because shared/ has no WHATWG `URL` (no DOM, no Node types); the rules are
 * deliberately narrow: only absolute http(s) and mailto survive.
 */

const HTTP_RE = /^https?:\/\/[^\s/?#<>"'`\\]+(?:[/?#][^\s<>"'`\\]*)?$/i;
const MAILTO_RE = /^mailto:[^\s<>"'`\\:/]+@[^\s<>"'`\\/]+$/i;
const CONTROL_RE = /[\u0000-\u001f\u007f]/;

/** The href if it is an absolute http(s) or mailto URL without control characters, else null. */
export function safeLinkHref(href: string | null | undefined): string | null {
  if (typeof href !== 'string') return null;
  const h = href.trim();
  if (h.length === 0 || h.length > 2048 || CONTROL_RE.test(h)) return null;
  if (HTTP_RE.test(h) || MAILTO_RE.test(h)) return h;
  return null;
}

/** The value if it is an absolute http(s) URL (for article source URLs and base URLs), else null. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string') return null;
  const u = url.trim();
  if (u.length === 0 || u.length > 2048 || CONTROL_RE.test(u)) return null;
  return HTTP_RE.test(u) ? u : null;
}

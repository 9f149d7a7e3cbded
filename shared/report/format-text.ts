/**
 * Small text helpers shared by the report renderers: HTML escaping, dates in
 * words. (Shortening and counting in words are in `shared/text/words.ts`.) Escaping is written by hand because it is five
 * replacements and must run without a DOM; every renderer passes all session
 * text through {@link escapeHtml} (element content and attribute values alike).
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escape text for HTML element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * `2017-05-17` or an ISO time → `17 May 2017` (UTC). Returns the input
 * unchanged when it is not a date, and `''` for `''`.
 */
export function formatDate(isoOrDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoOrDate);
  if (!m) return isoOrDate;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : isoOrDate;
}

/** `2017-05-19T12:00:00.000Z` → `19 May 2017, 12:00 UTC`. */
export function formatDateTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${formatDate(m[1]!)}, ${m[2]}:${m[3]} UTC` : formatDate(iso);
}

/** Split a note into paragraphs at blank lines; single newlines stay inside a paragraph. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/**
 * Who marked an annotation and who changed it last, in words (team sessions):
 * "Marked by Maya Okafor on 3 March 2026, 10:00 UTC; last changed by Sam Editor on …".
 * Empty when the report does not know.
 */
export function authorsText(authors?: {
  createdBy: { id: string; name: string; at: string };
  modifiedBy: { id: string; name: string; at: string };
}): string {
  if (!authors) return '';
  const { createdBy: c, modifiedBy: m } = authors;
  const marked = `Marked by ${c.name} on ${formatDateTime(c.at)}`;
  return m.at === c.at && m.id === c.id
    ? `${marked}.`
    : `${marked}; last changed by ${m.name} on ${formatDateTime(m.at)}.`;
}

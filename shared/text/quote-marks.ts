/**
 * Wrapping a quoted passage in quotation marks, once.
 *
 * Cards, the link picker and the reports show a passage as “…”. A passage
 * that itself starts or ends with a quotation mark (“The story is false,” he
 * said) would come out with doubled marks (““The story is false,” he said”),
 * so such a passage is shown as it is: its own marks already say where the
 * quotation is. Only double quotation marks count; an apostrophe or a single
 * quote at an end (’tis, the reporters’) is not a quotation mark for this
 * purpose and the passage is wrapped as usual.
 *
 * Every place in the app and the reports that wraps a quote goes through
 * {@link wrapQuote}, so the rule is the same everywhere.
 */

/** Double quotation marks that may open or close a quotation (straight, curly, low-9, guillemets). */
const QUOTE_MARKS = new Set(['"', '“', '”', '„', '‟', '«', '»', '〝', '〞', '＂']);

/** The first and last characters of `text` that are not whitespace or an ellipsis. */
function ends(text: string): { first: string; last: string } {
  const t = text.replace(/^[\s…]+|[\s…]+$/gu, '');
  return { first: t.slice(0, 1), last: t.slice(-1) };
}

/** True when `text` starts or ends with a double quotation mark (ignoring whitespace and an ellipsis). */
export function hasOwnQuoteMarks(text: string): boolean {
  const { first, last } = ends(text);
  return QUOTE_MARKS.has(first) || QUOTE_MARKS.has(last);
}

/**
 * `text` inside “…”, unless it already starts or ends with a double quotation
 * mark, in which case it is returned unchanged (see the module comment).
 * Never adds or removes anything else; an empty text gives `“”`.
 */
export function wrapQuote(text: string): string {
  return hasOwnQuoteMarks(text) ? text : `“${text}”`;
}

/**
 * Text for people, the one definition the reports, the exports and the UI all
 * use: a passage shortened to fit a line, and a count in words.
 */

/**
 * `text` with runs of whitespace folded to one space and trimmed, cut to at
 * most `max` UTF-16 units (default 90, a line in the UI) with the cut marked
 * by `…`. The cut falls at the last space when that keeps at least half of
 * `max`, else mid-word; punctuation left dangling before the `…` is dropped,
 * and a surrogate pair is never split. Text that fits is returned folded but
 * uncut.
 */
export function shorten(text: string, max = 90): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max - 1);
  let head = t.slice(0, cut > max / 2 ? cut : max - 1);
  // Never leave half of a surrogate pair at the cut.
  if (/[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1);
  return `${head.replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * A count with its noun: `1 claim`, `2 claims`, `1,204 annotations`. `many`
 * is the plural when it is not `one` + `s` (`plural(n, 'match', 'matches')`).
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

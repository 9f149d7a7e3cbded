/**
 * Find text in an article the way a reader types it: case-insensitive,
 * any run of whitespace matches any run (line breaks included), and straight
 * quotes and apostrophes match their typographic forms (and the reverse),
 * so `"The story is false` finds `“The story is false`.
 */

/** A match as a UTF-16 range of the searched text. */
export interface TextMatch {
  start: number;
  end: number;
}

const QUOTE_CLASSES: Record<string, string> = {
  "'": "['‘’‚‛′]",
  '‘': "['‘’‚‛′]",
  '’': "['‘’‚‛′]",
  '"': '["“”„‟″«»]',
  '“': '["“”„‟″«»]',
  '”': '["“”„‟″«»]',
  '-': '[-‐‑‒–—]',
  '–': '[-‐‑‒–—]',
  '—': '[-‐‑‒–—]',
};

/** The regular expression a query stands for, or null for a blank query. */
export function queryPattern(query: string): RegExp | null {
  const q = query.trim();
  if (!q) return null;
  let src = '';
  for (const ch of q) {
    if (/\s/.test(ch)) {
      if (!src.endsWith('\\s+')) src += '\\s+';
    } else if (QUOTE_CLASSES[ch]) src += QUOTE_CLASSES[ch];
    else src += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(src, 'giu');
}

/** Every match of `query` in `text`, in order, at most `limit`. */
export function findInText(text: string, query: string, limit = 10_000): TextMatch[] {
  const re = queryPattern(query);
  if (!re) return [];
  const out: TextMatch[] = [];
  for (let m = re.exec(text); m && out.length < limit; m = re.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

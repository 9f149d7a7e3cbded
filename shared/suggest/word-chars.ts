/**
 * Character classes of the suggesters' word patterns, tested by code rather
 * than by a regular expression, for the hot loops that scan a whole 1.2 MB
 * text (the name finder's tokenizer, the word count of every sentence).
 *
 * A word, in both places, is a match of the `u` pattern `[\p{L}\p{N}]`
 * followed by any number of `[\p{L}\p{N}.'’-]`: a letter or digit, then
 * letters, digits, dots, apostrophes and hyphens. ASCII is classified by
 * its code; any other code point by the same Unicode classes, tested once
 * per code point and remembered (a text holds few distinct ones).
 */

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const WHITE_SPACE = /^\s$/u;
const nonAsciiLetterOrDigit = new Map<number, boolean>();
const nonAsciiSpace = new Map<number, boolean>();

/** `\p{L}` or `\p{N}`. */
export function isLetterOrDigit(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  let v = nonAsciiLetterOrDigit.get(c);
  if (v === undefined) {
    v = LETTER_OR_DIGIT.test(String.fromCodePoint(c));
    nonAsciiLetterOrDigit.set(c, v);
  }
  return v;
}

/** `\s` (of a `u` pattern). */
export function isWhiteSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  let v = nonAsciiSpace.get(c);
  if (v === undefined) {
    v = WHITE_SPACE.test(String.fromCodePoint(c));
    nonAsciiSpace.set(c, v);
  }
  return v;
}

/** Inside a word: a letter, a digit, `.`, `'`, `’` or `-`. */
export function continuesWord(c: number): boolean {
  return c === 46 || c === 39 || c === 0x2019 || c === 45 || isLetterOrDigit(c);
}

/**
 * The code point at `i`, not reading at or past `to`: a surrogate pair cut by
 * `to` is a lone surrogate, as it is in `text.slice(from, to)` under a `u`
 * pattern. Its length is 2 when the result is above 0xFFFF, else 1.
 */
export function codePointAt(text: string, i: number, to: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** ASCII characters: 2 a letter or digit, 1 another character that continues a word (`.'-`), 0 the rest. */
const ASCII_WORD = new Uint8Array(128).map((_, c) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    ? 2
    : c === 46 || c === 39 || c === 45
      ? 1
      : 0,
);

/** The last text counted and its count: a sentence is counted by its filter and again by its features. */
let lastCounted = '';
let lastCount = 0;

/** How many words (see the module comment) `text` holds: the matches of the word pattern, counted without building them. */
export function countWords(text: string): number {
  if (text === lastCounted) return lastCount;
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length;) {
    const u = text.charCodeAt(i);
    if (u < 128) {
      // ASCII by table: a character that does not continue a word starts none either.
      const k = ASCII_WORD[u]!;
      i++;
      if (inWord) inWord = k !== 0;
      else if (k === 2) {
        n++;
        inWord = true;
      }
      continue;
    }
    const c = codePointAt(text, i, text.length);
    i += c > 0xffff ? 2 : 1;
    if (inWord) inWord = continuesWord(c);
    else if (isLetterOrDigit(c)) {
      n++;
      inWord = true;
    }
  }
  lastCounted = text;
  lastCount = n;
  return n;
}

/**
 * What follows the last white space of `s` (`\s`), or all of `s` when it has
 * none: `s.split(/\s+/).pop()`, without the array. '' when `s` ends in white space.
 */
export function lastWord(s: string): string {
  let i = s.length;
  while (i > 0 && !isWhiteSpace(s.charCodeAt(i - 1))) i--;
  return i === 0 ? s : s.slice(i);
}

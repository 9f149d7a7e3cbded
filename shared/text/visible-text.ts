/**
 * Characters that are invisible or change the direction of the text around
 * them, shown as visible markers instead of obeyed. A title such as
 * `Price \u202Egnp.exe` (RIGHT-TO-LEFT OVERRIDE) would otherwise read
 * "Price exe.png"; shown through {@link showInvisibles} it reads
 * `Price ⟨U+202E⟩gnp.exe`. Used wherever a title, a speaker's name or page
 * metadata from an imported article is shown: the UI and every report.
 *
 * Kept as they are, because text needs them: a zero-width joiner between two
 * emoji (family and profession emoji are built with it) and a zero-width
 * non-joiner or joiner between two letters (Persian and Indic scripts write
 * with them). Written by hand: the lists of such characters in libraries are
 * either about identifiers (confusables) or strip the characters, and a
 * stripped override would hide the attack rather than show it.
 */

/**
 * Direction controls (embeddings, overrides, isolates, marks), zero-width and
 * other invisible format characters, the invisible Hangul fillers, the
 * interlinear annotation controls and the tag characters.
 */
const INVISIBLE =
  /[\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0\uFFF9-\uFFFB\u00AD\u034F]|\uDB40[\uDC00-\uDC7F]/g;

const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const LETTER = /\p{L}|\p{M}/u;

/** The character that ends just before `i` (a whole surrogate pair when there is one). */
function charBefore(s: string, i: number): string {
  if (i <= 0) return '';
  const low = s.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? s.slice(i - 2, i) : s.charAt(i - 1);
}

function charAfter(s: string, i: number): string {
  const cp = s.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** Whether the joiner at `i` joins what text needs joined (see the module comment). */
function joinsText(s: string, i: number, ch: string): boolean {
  if (ch !== '\u200D' && ch !== '\u200C') return false;
  let before = charBefore(s, i);
  // An emoji presentation selector may sit between the emoji and the joiner.
  if (before === '\uFE0F') before = charBefore(s, i - 1);
  const after = charAfter(s, i + 1);
  if (ch === '\u200D' && PICTOGRAPH.test(before) && PICTOGRAPH.test(after)) return true;
  return LETTER.test(before) && LETTER.test(after);
}

/** The marker shown for one character: `⟨U+202E⟩`. */
export function invisibleMarker(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return `⟨U+${cp.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/**
 * `text` with every invisible or direction-changing character replaced by a
 * visible marker such as `⟨U+202E⟩`. Text without such characters is
 * returned as it is (the same string). Never throws.
 */
export function showInvisibles(text: string): string {
  INVISIBLE.lastIndex = 0;
  if (!INVISIBLE.test(text)) return text;
  INVISIBLE.lastIndex = 0;
  return text.replace(INVISIBLE, (ch: string, offset: number) =>
    joinsText(text, offset, ch) ? ch : invisibleMarker(ch),
  );
}

/**
 * Where {@link showInvisibles} would put a marker: the UTF-16 offset of each
 * invisible or direction-changing character in `text` that text does not
 * need, with the character. Empty when there is none.
 */
export function findInvisibles(text: string): { index: number; ch: string }[] {
  const found: { index: number; ch: string }[] = [];
  INVISIBLE.lastIndex = 0;
  for (let m = INVISIBLE.exec(text); m; m = INVISIBLE.exec(text))
    if (!joinsText(text, m.index, m[0])) found.push({ index: m.index, ch: m[0] });
  return found;
}

/** True when {@link showInvisibles} would change `text`. */
export function hasInvisibles(text: string): boolean {
  return showInvisibles(text) !== text;
}

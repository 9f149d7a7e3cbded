/**
 * The title of an article that came without one in its metadata.
 *
 * A headline is the title, whole: the first heading that stands before the
 * body (section labels, release furniture, bylines and dates before it are
 * passed over). Without a headline, the title is the first sentence of the
 * first body paragraph, found without being fooled by initials and
 * abbreviations ("James S. Brady", "H.R. McMaster", "Mr. Spicer"); a long
 * sentence gives its first clause. A title is never cut with "…": reports
 * print it as a heading.
 */
import type { Article, Block } from '../model/article';
import { bylineOfLine, dateOfLine, isFurnitureLine, isKickerLine } from './article-opening';

/** A first sentence longer than this is shortened to its first clause, when it has one. */
export const TITLE_MAX = 100;
/** The first clause must be at least this long to stand as a title. */
const TITLE_MIN_CLAUSE = 40;
/** No title is longer than this (a text with no sentence break at all); cut at a word. */
const TITLE_HARD_MAX = 300;
/** How many blocks from the top may hold the headline. */
const HEADLINE_WITHIN = 8;

/** Words that end with a full stop without ending a sentence (compared in lower case, without the stop). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms mx dr prof st mt ft jr sr gen lt col maj capt cpt sgt cpl pvt adm cmdr gov sen rep ' +
    'pres sec amb rev hon fr no nos vs etc inc co corp ltd llc dept est approx fig ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ave blvd rd'
  ).split(' '),
);

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The title derived from an article's text and blocks. Never empty: a text
 * with no block at all gives `Untitled article`.
 */
export function deriveTitle(text: string, blocks: readonly Block[]): string {
  let body: Block | undefined;
  for (const b of blocks.slice(0, HEADLINE_WITHIN)) {
    if (b.type === 'caption') continue;
    const line = firstLine(text, b);
    if (b.type === 'heading') return capped(collapse(text.slice(b.start, b.end)));
    if (isKickerLine(line) || isFurnitureLine(line) || dateOfLine(line) || bylineOfLine(line))
      continue;
    body = b;
    break;
  }
  body ??= blocks.find((b) => b.type === 'paragraph') ?? blocks.find((b) => b.type !== 'caption');
  body ??= blocks[0];
  if (!body) return 'Untitled article';
  const para = collapse(text.slice(body.start, body.end));
  let title = firstSentence(para);
  if (title.length > TITLE_MAX) {
    const head = title.slice(0, TITLE_MAX + 1);
    const clause = Math.max(...[',', ';', ':', ' –', ' —'].map((sep) => head.lastIndexOf(sep)));
    if (clause >= TITLE_MIN_CLAUSE) title = head.slice(0, clause).trim();
  }
  return capped(title.replace(/\.$/, '')) || 'Untitled article';
}

function firstLine(text: string, b: Block): string {
  const nl = text.indexOf('\n', b.start);
  return text.slice(b.start, nl === -1 || nl > b.end ? b.end : nl);
}

/**
 * The first sentence of `para`: up to the first `.`, `!` or `?` that is
 * followed by a space and a capital, a digit or a quotation mark, unless the
 * full stop closes an initial (`S.`), a dotted abbreviation (`H.R.`, `U.S.`)
 * or a known abbreviation (`Mr.`, `Gen.`, `Jan.`).
 */
export function firstSentence(para: string): string {
  const end = /[.!?][”’"')\]]*(?=\s+["“‘'(\p{Lu}\p{N}])/gu;
  for (let m = end.exec(para); m; m = end.exec(para)) {
    if (m[0][0] === '.') {
      const word = /([\p{L}.]+)$/u.exec(para.slice(0, m.index))?.[1] ?? '';
      if (/^\p{L}$/u.test(word) || word.includes('.') || ABBREVIATIONS.has(word.toLowerCase()))
        continue;
    }
    return para.slice(0, m.index + m[0].length);
  }
  return para;
}

/** At most {@link TITLE_HARD_MAX} characters, cut at a word, with no ellipsis (see the module comment). */
function capped(title: string): string {
  if (title.length <= TITLE_HARD_MAX) return title;
  const cut = title.lastIndexOf(' ', TITLE_HARD_MAX);
  return title
    .slice(0, cut > TITLE_HARD_MAX / 2 ? cut : TITLE_HARD_MAX)
    .replace(/[\s,;:–—-]+$/, '')
    .replace(/[\ud800-\udbff]$/, '');
}

/**
 * True when the article's text opens with its title as a heading (before the
 * body: only captions, section labels, release furniture, bylines and dates
 * may come first), so a view that shows the text need not print the title
 * above it a second time. Compares with whitespace collapsed.
 */
export function titleOpensText(article: Pick<Article, 'text' | 'blocks' | 'meta'>): boolean {
  const title = collapse(article.meta.title);
  if (!title) return false;
  for (const b of article.blocks.slice(0, HEADLINE_WITHIN)) {
    if (b.type === 'heading') return collapse(article.text.slice(b.start, b.end)) === title;
    if (b.type === 'caption') continue;
    const line = firstLine(article.text, b);
    if (!(isKickerLine(line) || isFurnitureLine(line) || dateOfLine(line) || bylineOfLine(line)))
      return false;
  }
  return false;
}

/**
 * Parser for plain-text articles: the seed's format, and any other plain text.
 *
 * ## The canonical text
 * The canonical text of a plain-text article is **the file's text itself**:
 * the UTF-8 decoded file with a leading byte-order mark removed and line
 * endings normalised to LF (CRLF and lone CR become LF). For a file saved with
 * LF endings and no BOM, as the seed is, it is the file byte for byte, so an
 * annotation offset can be checked against the file with any tool. Nothing is
 * trimmed: whitespace that the reader does not see simply lies outside every
 * block range.
 *
 * ## The seed's format
 * ```
 * ␠date 2017-05-17 <caption> <the same caption again>
 *
 * <paragraph>
 *
 * <paragraph> — Donald J. Trump (@realDonaldTrump) May 16, 2017
 * ```
 * The first line holds `date YYYY-MM-DD` (becoming the publication date) and
 * then the photo caption, which the source repeats verbatim; the caption block
 * covers the first copy only. Where the rest of that line is written once and
 * reads as a headline (a press release or a briefing transcript), it is the
 * headline: a level-1 heading and the article's title. After it, the format has one paragraph per
 * line (blank lines between them are usual but not required), so every
 * non-blank line is a paragraph. A paragraph that ends with an embedded
 * tweet's attribution (`— Name (@handle) Month D, YYYY`) becomes a quoted
 * tweet whose attribution line is its own range, starting at the dash; so
 * does a paragraph followed by a line that is only such an attribution.
 *
 * Any other plain text: every run of non-blank lines is a paragraph (a
 * hard-wrapped paragraph keeps its line breaks).
 *
 * In both, the opening lines before the body are read by `article-opening.ts`:
 * a headline becomes a level-1 heading and the title; a byline (`By …`) and a
 * date line fill in the byline and the date, and are left outside every block
 * (they stay in the canonical text, shown in the article's header instead).
 */
import type { Block, ParsedArticle, TextRange } from '../model/article';
import { emptyMeta } from '../model/article';
import { readOpening, isHeadlineLine } from './article-opening';
import { deriveTitle } from './article-title';

/** Strip one leading BOM and normalise CRLF / CR to LF. See the module comment. */
export function normalizeNewlines(raw: string): string {
  const noBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return noBom.indexOf('\r') === -1 ? noBom : noBom.replace(/\r\n?/g, '\n');
}

const HEADER_RE = /^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?=[ \t]|$)/;
const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
/** `— Name (@handle) Month D, YYYY` at the end of a paragraph (em dash, en dash, `--` or `-`). */
const ATTRIBUTION = `(?:\\u2014|\\u2013|--|-)[ \\t\\u00a0]*[^\\n\\u2014\\u2013]{1,100}?\\(@[A-Za-z0-9_]{1,15}\\)[ \\t\\u00a0]+(?:${MONTHS})\\.?[ \\t\\u00a0]+\\d{1,2},[ \\t\\u00a0]+\\d{4}`;
const TWEET_ATTRIBUTION_RE = new RegExp(`[ \\t\\u00a0]+(${ATTRIBUTION})[ \\t\\u00a0]*$`);
/** A whole line that is only a tweet attribution (embedded-tweet markup puts it after the quote). */
export const TWEET_ATTRIBUTION_ONLY_RE = new RegExp(`^${ATTRIBUTION}$`);

/** True when the first line carries the seed's `date YYYY-MM-DD` header. */
export function isSeedFormat(text: string): boolean {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  return HEADER_RE.test(firstLine);
}

/**
 * Parse a plain-text article (already normalised with {@link normalizeNewlines}).
 * Never throws; an empty or whitespace-only text yields no blocks, which the
 * importer refuses with a message.
 */
export function parsePlainText(text: string): ParsedArticle {
  const meta = emptyMeta();
  const blocks: Block[] = [];
  let bodyStart = 0;
  const nl = text.indexOf('\n');
  const firstLineEnd = nl === -1 ? text.length : nl;
  const header = HEADER_RE.exec(text.slice(0, firstLineEnd));
  const format = header ? 'seed' : 'text';
  let headlineFound = false;
  if (header) {
    meta.date = validDate(header[1]!) ? header[1]! : '';
    const first = headerLineBlock(text, header[0].length, firstLineEnd);
    if (first) blocks.push(first);
    headlineFound = first?.type === 'heading';
    bodyStart = firstLineEnd;
  }
  const opening = readOpening(
    text,
    header ? lineRanges(text, bodyStart) : paragraphRanges(text, bodyStart),
    headlineFound,
  );
  if (opening.byline) meta.byline = opening.byline;
  if (opening.date && !meta.date) meta.date = opening.date;
  for (const range of opening.ranges) {
    if (range === opening.headline) {
      blocks.push({ type: 'heading', level: 1, ...range });
      continue;
    }
    const prev = blocks[blocks.length - 1];
    if (
      prev?.type === 'paragraph' &&
      !text.slice(prev.start, prev.end).includes('\n') &&
      TWEET_ATTRIBUTION_ONLY_RE.test(text.slice(range.start, range.end))
    ) {
      blocks[blocks.length - 1] = {
        type: 'tweet',
        start: prev.start,
        end: prev.end,
        attribution: range,
      };
      continue;
    }
    blocks.push(paragraphOrTweet(text, range));
  }
  meta.title = deriveTitle(text, blocks);
  return { text, blocks, marks: [], meta, format };
}

/**
 * The block of the seed format's first line after the date: the photo
 * caption, which the source writes twice (the block covers the first copy);
 * or, when the line is written once and reads as a headline rather than a
 * caption (no photo credit, not a sentence ending in a full stop), the
 * headline, as a level-1 heading. Null when the line holds nothing.
 */
function headerLineBlock(text: string, from: number, to: number): Block | null {
  const caption = captionRange(text, from, to);
  if (!caption) return null;
  if (caption.doubled) return { type: 'caption', start: caption.start, end: caption.end };
  const line = text.slice(caption.start, caption.end);
  return isHeadlineLine(line) && !looksLikeCaption(line)
    ? { type: 'heading', level: 1, start: caption.start, end: caption.end }
    : { type: 'caption', start: caption.start, end: caption.end };
}

/** A photo credit (`(Photo via AP)`, `(AP Photo/Evan Vucci)`, `REUTERS/Kevin Lamarque`, `Getty Images`). */
const PHOTO_CREDIT =
  /\((?:[^()]*\b(?:photo|photograph|image|pictured|file)\b[^()]*|AP|AFP|Reuters|EPA|Getty Images)\)|\b(?:AP|REUTERS|AFP|EPA|Reuters)\/|\bGetty Images\b|\b(?:Photo|Image|Credit):/i;

function looksLikeCaption(line: string): boolean {
  return PHOTO_CREDIT.test(line) || line.length > 250;
}

/** True for a real calendar date `YYYY-MM-DD`. */
function validDate(d: string): boolean {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, day));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === day;
}

/**
 * The caption on the header line, from `from` to `to`: the first copy when the
 * rest of the line is one text written twice (separated by whitespace or not;
 * `doubled`), otherwise the whole trimmed rest. Null when the line has no caption.
 */
function captionRange(
  text: string,
  from: number,
  to: number,
): (TextRange & { doubled: boolean }) | null {
  const { start, end } = trimRange(text, from, to);
  if (end <= start) return null;
  const t = text.slice(start, end);
  for (let gap = 0; gap <= 3; gap++) {
    const half = (t.length - gap) / 2;
    if (!Number.isInteger(half) || half < 1) continue;
    if (t.slice(half, half + gap).trim() !== '') continue;
    if (t.slice(0, half) === t.slice(half + gap)) {
      const first = trimRange(text, start, start + half);
      return first.end > first.start ? { ...first, doubled: true } : null;
    }
  }
  return { start, end, doubled: false };
}

/** Ranges of the runs of non-blank lines from `from` on, each trimmed of surrounding whitespace. */
function paragraphRanges(text: string, from: number): TextRange[] {
  const out: TextRange[] = [];
  const blank = /\n[ \t\u00a0\f\v]*(?=\n)/g;
  let start = from;
  const push = (s: number, e: number) => {
    const r = trimRange(text, s, e);
    if (r.end > r.start) out.push(r);
  };
  // Split at every blank line; a run between blank lines is one paragraph.
  blank.lastIndex = from;
  for (let m = blank.exec(text); m; m = blank.exec(text)) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return out;
}

/** Ranges of the non-blank lines from `from` on, each trimmed of surrounding whitespace. */
function lineRanges(text: string, from: number): TextRange[] {
  const out: TextRange[] = [];
  let start = from;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const r = trimRange(text, start, end);
    if (r.end > r.start) out.push(r);
    if (nl === -1) break;
    start = nl + 1;
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff;
}

/** The range without leading and trailing whitespace. */
function trimRange(text: string, start: number, end: number): TextRange {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}

/** A paragraph, or a tweet when the paragraph ends with a tweet attribution. */
function paragraphOrTweet(text: string, r: TextRange): Block {
  return splitTweetAttribution(text, r) ?? { type: 'paragraph', ...r };
}

/**
 * The tweet in a one-line block that ends with a tweet attribution
 * (`… — Name (@handle) Month D, YYYY`): the words before it, and the
 * attribution from its dash. Null when the block is not such a tweet.
 */
export function splitTweetAttribution(text: string, r: TextRange): Block | null {
  const para = text.slice(r.start, r.end);
  // A tweet in these formats is one line; multi-line blocks stay as they are.
  if (para.includes('\n')) return null;
  const m = TWEET_ATTRIBUTION_RE.exec(para);
  if (!m || m.index === 0) return null;
  const attrStart = r.start + m.index + m[0].indexOf(m[1]!);
  const body = trimRange(text, r.start, r.start + m.index);
  if (body.end <= body.start) return null;
  return {
    type: 'tweet',
    ...body,
    attribution: { start: attrStart, end: attrStart + m[1]!.length },
  };
}

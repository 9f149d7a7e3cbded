/**
 * Reading the opening lines of an article: which line is the headline, which
 * is the byline or the publication date, and which are the furniture of a
 * page or a press-office transcript (a section label in capitals, "Office of
 * the Press Secretary", "James S. Brady Press Briefing Room", a time stamp).
 *
 * Text pasted from a news page or a briefing transcript opens with these
 * lines, in some order, before the first paragraph of the body. The parsers
 * (plain text, and the HTML import for pages without metadata) use this to
 * make the headline the article's title and a heading, and to fill in the
 * byline and the date instead of showing them as the first paragraphs.
 *
 * Everything here is a heuristic over one line at a time and errs towards
 * "body": a line that is not clearly a headline, a byline or a date is left as
 * a paragraph, so nothing is hidden by a wrong guess. The rules are written
 * out here rather than taken from a library because none fits: readability
 * extractors need the page's DOM and its markup, and pasted text has neither.
 */
import type { TextRange } from '../model/article';

const MONTH_NAMES = [
  ['january', 'jan'],
  ['february', 'feb'],
  ['march', 'mar'],
  ['april', 'apr'],
  ['may'],
  ['june', 'jun'],
  ['july', 'jul'],
  ['august', 'aug'],
  ['september', 'sep', 'sept'],
  ['october', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];
const MONTH_BY_NAME = new Map<string, number>(
  MONTH_NAMES.flatMap((names, i) => names.map((n) => [n, i + 1] as [string, number])),
);
const MONTH = MONTH_NAMES.flat().join('|');

/** `May 15, 2017`, `May 15 2017`, `15 May 2017`, `2017-05-15` (month names in any case, abbreviated or not). */
const DATE_PATTERNS: { re: RegExp; parts: (m: RegExpExecArray) => [string, string, string] }[] = [
  {
    re: new RegExp(`\\b(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i'),
    parts: (m) => [m[3]!, m[1]!, m[2]!],
  },
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH})\\.?,?\\s+(\\d{4})\\b`, 'i'),
    parts: (m) => [m[3]!, m[2]!, m[1]!],
  },
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/, parts: (m) => [m[1]!, m[2]!, m[3]!] },
];

/** Words that may stand beside a date on a date line ("Published 7:08 p.m. EDT, Wed May 17, 2017"). */
const DATE_LINE_WORDS = new Set(
  (
    'published updated posted last modified on at am pm a.m p.m et edt est ct cdt cst pt pdt pst mt ' +
    'gmt utc bst cet cest z monday tuesday wednesday thursday friday saturday sunday mon tue tues ' +
    'wed thu thur thurs fri sat sun'
  ).split(' '),
);

function isoDate(y: string, month: string, day: string): string | null {
  const m = /^\d+$/.test(month) ? Number(month) : MONTH_BY_NAME.get(month.toLowerCase());
  const d = Number(day);
  const year = Number(y);
  if (!m || !d) return null;
  const dt = new Date(Date.UTC(year, m - 1, d));
  if (dt.getUTCFullYear() !== year || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d)
    return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first full calendar date in `text` and where it is, or null. */
function findDate(text: string): { iso: string; index: number; length: number } | null {
  let best: { iso: string; index: number; length: number } | null = null;
  for (const p of DATE_PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    const iso = isoDate(...p.parts(m));
    if (iso && (!best || m.index < best.index)) best = { iso, index: m.index, length: m[0].length };
  }
  return best;
}

/**
 * The publication date when `line` is a date line (a date, perhaps with a
 * weekday, a time, a time zone, "Published"/"Updated", and at most three other
 * words, as in `May 16, 2023•Press Briefings`), as `YYYY-MM-DD`; else null.
 */
export function dateOfLine(line: string): string | null {
  const t = line.trim();
  if (!t || t.length > 100) return null;
  const found = findDate(t);
  if (!found) return null;
  const rest = `${t.slice(0, found.index)} ${t.slice(found.index + found.length)}`
    .replace(/\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?/gi, ' ')
    .split(/[\s,|•·:;()[\]/–—-]+/)
    .map((w) => w.toLowerCase().replace(/\.$/, ''))
    .filter((w) => w && !DATE_LINE_WORDS.has(w));
  return rest.length <= 3 ? found.iso : null;
}

/** Words that may stand lower-case between names in a byline. */
const NAME_JOINERS = new Set(
  'and & of the de del der den van von la le da di du dos bin al for in at with staff'.split(' '),
);

/**
 * The names in a byline line (`By Greg Miller and Greg Jaffe`, `BY MICHAEL S.
 * SCHMIDT`, `By Jane Doe | Reuters`, `By Jane Doe, May 17, 2017`), without the
 * "By" and without a date that follows; null when the line is not a byline
 * (`By 2030, emissions must fall by half.` is not).
 */
export function bylineOfLine(line: string): string | null {
  const m = /^by[\s:]+(.+)$/i.exec(line.trim());
  if (!m) return null;
  let names = m[1]!;
  const date = findDate(names);
  if (date) names = names.slice(0, date.index);
  names = names
    .replace(/\bupdated\b.*$/i, '')
    .replace(/[\s,|•·–—-]+$/, '')
    .trim();
  if (!names || names.length > 120) return null;
  if (/[.!?]$/.test(names) && !/\b\p{Lu}\.$/u.test(names)) return null;
  const words = names.split(/[\s,|•·/]+/).filter(Boolean);
  if (words.length > 14) return null;
  const nameLike = words.every(
    (w) => /^[\p{Lu}][\p{L}\p{M}.'’-]*$/u.test(w) || NAME_JOINERS.has(w.toLowerCase()),
  );
  return nameLike && words.some((w) => /^\p{Lu}/u.test(w)) ? names : null;
}

/** The date that follows the names in a byline line (`By Jane Doe, May 17, 2017`), or null. */
export function dateInByline(line: string): string | null {
  const found = findDate(line);
  return found ? dateOfLine(line.slice(found.index)) : null;
}

/** A section label in capitals (`NATIONAL SECURITY COUNCIL`, `POLITICS`): a few words, no lower-case letter. */
export function isKickerLine(line: string): boolean {
  const t = line.trim();
  const words = t.split(/\s+/).filter(Boolean);
  return (
    words.length > 0 &&
    words.length <= 6 &&
    t.length <= 60 &&
    /\p{Lu}/u.test(t) &&
    !/\p{Ll}/u.test(t) &&
    !/[.!?:;,]$/.test(t)
  );
}

/**
 * The furniture of press-office releases and briefing transcripts: who issued
 * it, where and when it was held, and the page's section names.
 */
const FURNITURE = [
  /^the white house$/i,
  /^office of the (?:press secretary|spokesperson|vice president|first lady)$/i,
  /^(?:for )?immediate release$/i,
  /^(?:briefing room|briefings? (?:&|and) statements|statements? (?:&|and) releases|press briefings?|remarks|speeches(?: and remarks)?|transcripts?|press releases?|news releases?)$/i,
  /\bbriefing room$/i,
  /^(?:via teleconference|aboard air force one|en route [\p{L} ,.]+|on background)$/iu,
  /^\d{1,2}:\d{2}\s*[ap]\.?\s?m\.?(?:\s+[a-z]{2,4})?$/i,
];

/** True for a line of release or transcript furniture (see {@link FURNITURE}). */
export function isFurnitureLine(line: string): boolean {
  const t = line.trim();
  return FURNITURE.some((re) => re.test(t));
}

/** Words a headline does not end on (a hard-wrapped sentence often does). */
const DANGLING = new Set(
  'a an the and or but nor of to in on at by for with from as that which who than into onto over under about after before'.split(
    ' ',
  ),
);

/**
 * True when `line` reads as a headline: starts with a capital, a digit or a
 * quotation mark, has two or more words and at most 250 characters, and does
 * not end like a sentence or a clause (`.`, `,`, `;`, `:`, or a word such as
 * "the" that a hard-wrapped line breaks on). `?`, `!` and closing quotation
 * marks are fine. Lines that are dates, bylines, section labels or furniture
 * are not headlines.
 */
export function isHeadlineLine(line: string): boolean {
  const t = line.trim();
  if (t.length < 8 || t.length > 250) return false;
  if (!/^[\p{Lu}\p{N}“"‘'«„]/u.test(t)) return false;
  if (/[.,;:–—-]$/.test(t) && !/\.\.\.$/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length < 2) return false;
  const last = words[words.length - 1]!.toLowerCase().replace(/[”"’'»)]+$/, '');
  if (DANGLING.has(last)) return false;
  return !dateOfLine(t) && !bylineOfLine(t) && !isKickerLine(t) && !isFurnitureLine(t);
}

/** What {@link readOpening} found. Ranges are into the text given to it. */
export interface Opening {
  /** The headline line, when one stands before the body. */
  headline: TextRange | null;
  /** The byline's names (without "By"), or ''. */
  byline: string;
  /** The publication date `YYYY-MM-DD`, or ''. */
  date: string;
  /**
   * The blocks' ranges with the opening taken apart: each opening line is its
   * own range (the headline among them), byline and date lines are left out
   * (they become metadata, like the seed format's `date` line), and the body
   * keeps its ranges as they were.
   */
  ranges: TextRange[];
}

/** How many opening lines are looked at before the body is assumed to have begun. */
export const OPENING_LINES = 8;

/**
 * Take apart the opening of a text whose blocks are `ranges` (runs of lines,
 * in order). Lines are read one by one until the first line of the body: a
 * line that is not a section label, furniture, a byline, a date or the (first)
 * headline. Nothing is changed unless body text follows, so a text that is
 * only a headline stays as it was. `headlineFound` says the caller already has
 * a headline (the seed format's first line), so no other is taken.
 */
export function readOpening(
  text: string,
  ranges: readonly TextRange[],
  headlineFound = false,
): Opening {
  const none: Opening = { headline: null, byline: '', date: '', ranges: [...ranges] };
  const out: TextRange[] = [];
  let headline: TextRange | null = null;
  let byline = '';
  let date = '';
  let seen = 0;
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i]!;
    let lineStart = r.start;
    while (lineStart < r.end) {
      const nl = text.indexOf('\n', lineStart);
      const lineEnd = nl === -1 || nl > r.end ? r.end : nl;
      const line = trim(text, lineStart, lineEnd);
      const body = { start: lineStart, end: r.end };
      const s = text.slice(line.start, line.end);
      seen++;
      const hasMore = lineEnd < r.end || i + 1 < ranges.length;
      if (!hasMore || seen > OPENING_LINES) {
        if (!headline && !byline && !date) return none;
        out.push(trim(text, body.start, body.end), ...ranges.slice(i + 1));
        return { headline, byline, date, ranges: out.filter((x) => x.end > x.start) };
      }
      const b = bylineOfLine(s);
      const d = b ? dateInByline(s) : dateOfLine(s);
      if (d || b) {
        if (d && !date) date = d;
        if (b && !byline) byline = b;
      } else if (isKickerLine(s) || isFurnitureLine(s)) {
        out.push(line);
      } else if (!headline && !headlineFound && isHeadlineLine(s) && !continues(text, lineEnd)) {
        headline = line;
        out.push(line);
      } else {
        if (!headline && !byline && !date) return none;
        out.push(trim(text, body.start, body.end), ...ranges.slice(i + 1));
        return { headline, byline, date, ranges: out.filter((x) => x.end > x.start) };
      }
      lineStart = lineEnd + 1;
    }
  }
  return none;
}

/** True when the line ending at `lineEnd` runs on into a next line that starts in lower case (a hard wrap). */
function continues(text: string, lineEnd: number): boolean {
  return /^\n[ \t]*\p{Ll}/u.test(text.slice(lineEnd, lineEnd + 8));
}

function trim(text: string, start: number, end: number): TextRange {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

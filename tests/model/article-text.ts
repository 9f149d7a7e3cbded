/**
 * The articles of a model run and the passages a reviewer picks in them.
 *
 * A run reviews two articles in one session: the seed as delivered, and a
 * long one so that scrolling and jumps matter, either generated (a seeded
 * news article of ~150 kB in the seed's format, the benchmark's generator) or,
 * for long runs, the real 1.2 MB report in ../shared/corpus read by path.
 *
 * Passages are picked on the text the reader sees (the article's blocks), on
 * word boundaries; Find queries are picked so that they occur exactly once
 * (as the app matches: case-insensitive, any whitespace run), so "1 of 1" is
 * what a reader expects to see.
 */
import { readFileSync } from 'node:fs';
import type { Article } from '../../shared/model/article';
import { generateArticleText } from '../bench/corpus';
import { sharedMaterial } from '../helpers/shared-material';
import type { ModelArticle } from './model';
import type { Rng } from './rng';

export const LONG_ARTICLE_CHARS = 150_000;

/** The long article's text: the corpus file when asked for and present, else the generated one. */
export function longArticleText(
  source: 'generated' | 'corpus',
  seed: number,
): { fileName: string; text: string; note: string } {
  if (source === 'corpus') {
    const m = sharedMaterial('corpus/long-mueller-report.txt');
    if (m.found)
      return {
        fileName: 'long-mueller-report.txt',
        text: readFileSync(m.path, 'utf8'),
        note: m.path,
      };
    return {
      fileName: 'briefing.txt',
      text: generateArticleText(LONG_ARTICLE_CHARS, seed),
      note: `corpus not found at ${m.path}; generated article used instead`,
    };
  }
  return {
    fileName: 'briefing.txt',
    text: generateArticleText(LONG_ARTICLE_CHARS, 1000 + (seed % 7)),
    note: `generated article, ${LONG_ARTICLE_CHARS.toLocaleString('en')} characters`,
  };
}

/** The model's view of a stored article: its text and the ranges shown. */
export function modelArticle(a: Article): ModelArticle {
  const segments: ModelArticle['segments'] = [];
  for (const b of a.blocks) {
    segments.push({ start: b.start, end: b.end, kind: b.type });
    if (b.type === 'tweet' && b.attribution)
      segments.push({ start: b.attribution.start, end: b.attribution.end, kind: 'attribution' });
  }
  return { id: a.id, title: a.meta.title, text: a.text, segments };
}

/** Segment holding `[start, end)`, or -1. */
export function segmentOf(art: ModelArticle, start: number, end = start): number {
  return art.segments.findIndex((s) => s.start <= start && end <= s.end);
}

function pickSegment(rng: Rng, art: ModelArticle, minLength: number): number {
  const usable = art.segments
    .map((s, i) => ({ i, len: s.end - s.start }))
    .filter((x) => x.len >= minLength);
  if (!usable.length) return -1;
  let r = rng.float() * usable.reduce((n, x) => n + x.len, 0);
  for (const x of usable) {
    r -= x.len;
    if (r < 0) return x.i;
  }
  return usable[usable.length - 1]!.i;
}

/** Words of a segment as canonical ranges. */
function wordsOf(art: ModelArticle, seg: number): { start: number; end: number }[] {
  const s = art.segments[seg]!;
  const out: { start: number; end: number }[] = [];
  const re = /\S+/g;
  const part = art.text.slice(s.start, s.end);
  for (let m = re.exec(part); m; m = re.exec(part))
    out.push({ start: s.start + m.index, end: s.start + m.index + m[0].length });
  return out;
}

/** A passage of 1 to `maxWords` words inside one shown block. */
export function pickPassage(
  rng: Rng,
  art: ModelArticle,
  maxWords = 16,
): { start: number; end: number } | null {
  const seg = pickSegment(rng, art, 12);
  if (seg < 0) return null;
  const words = wordsOf(art, seg);
  if (!words.length) return null;
  const i = rng.int(words.length);
  const j = Math.min(words.length - 1, i + rng.int(maxWords));
  return { start: words[i]!.start, end: words[j]!.end };
}

/** The pattern the app's Find uses for a plain query: case-insensitive, any whitespace run. */
function findPattern(query: string): RegExp {
  const src = query
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('\\s+');
  return new RegExp(src, 'giu');
}

/** How often a plain query occurs in the text, and where first. */
export function occurrences(text: string, query: string): { count: number; first: number } {
  const re = findPattern(query);
  let count = 0;
  let first = -1;
  for (let m = re.exec(text); m && count < 3; m = re.exec(text)) {
    if (first < 0) first = m.index;
    count++;
  }
  return { count, first };
}

/**
 * A query typed into Find that occurs once, inside a shown block, made of
 * plain characters; it starts at a word inside `[from, to)` when given.
 * Returns its canonical range, or null when none was found.
 */
export function pickUniqueQuery(
  rng: Rng,
  art: ModelArticle,
  within?: { start: number; end: number },
): { query: string; start: number; end: number } | null {
  for (let attempt = 0; attempt < 40; attempt++) {
    const seg = within ? segmentOf(art, within.start, within.start) : pickSegment(rng, art, 20);
    if (seg < 0) return null;
    const words = wordsOf(art, seg).filter(
      (w) => !within || (w.start >= within.start && w.start < within.end),
    );
    if (!words.length) return null;
    const i = rng.int(words.length);
    const all = wordsOf(art, seg);
    const at = all.findIndex((w) => w.start === words[i]!.start);
    const n = 2 + rng.int(4);
    const last = all[Math.min(all.length - 1, at + n)]!;
    const text = art.text.slice(all[at]!.start, last.end).replace(/[^\p{L}\p{N}]+$/u, '');
    if (text.length < 8 || !/^[A-Za-z0-9][A-Za-z0-9 ,.]*$/.test(text)) continue;
    const { count, first } = occurrences(art.text, text);
    if (count !== 1 || first !== all[at]!.start) continue;
    return { query: text, start: first, end: first + text.length };
  }
  return null;
}

/** Quotation marks “…” inside shown blocks, as inner canonical ranges. */
export function quotations(art: ModelArticle): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const s of art.segments) {
    const part = art.text.slice(s.start, s.end);
    const re = /“([^“”]{12,})”/g;
    for (let m = re.exec(part); m; m = re.exec(part))
      out.push({ start: s.start + m.index + 1, end: s.start + m.index + 1 + m[1]!.length });
  }
  return out;
}

/** Helpers that make annotations on a text for the re-anchoring tests and benchmark. */
import { describeRange, sentenceAround } from '../../../shared/anchoring';
import type { Annotation } from '../../../shared/model/session';
import { CodePointIndex } from '../../../shared/text/code-points';

/** An annotation on `text[start16, end16)`, selectors made by describeRange. */
export function annotationOn(
  text: string,
  start16: number,
  end16: number,
  id: string,
  index?: CodePointIndex,
): Annotation {
  const { quote, position } = describeRange(text, start16, end16, index);
  return {
    id,
    kind: 'claim',
    target: { articleId: 'article-1', quote, position, status: 'anchored' },
    speakerId: null,
    note: '',
    tags: [],
    verdict: null,
    reviewer: 'tester',
    created: '2024-01-01T00:00:00.000Z',
    modified: '2024-01-01T00:00:00.000Z',
  };
}

/** mulberry32: a small seeded PRNG, so placements are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One placed annotation and where, in UTF-16 units of the original text, it lies. */
export interface Placement {
  annotation: Annotation;
  start16: number;
  end16: number;
}

/**
 * Place `n` annotations on `text` deterministically (seeded), all starting
 * at or after `from16`: about 35% a clause, 35% a sentence, 10% a few
 * sentences, 10% nested inside an earlier one, 10% a short phrase that occurs
 * more than once in the text (a random one of its occurrences). Ranges
 * overlap freely; none is empty or white space only.
 */
export function placeAnnotations(text: string, n: number, seed: number, from16 = 0): Placement[] {
  const random = seededRandom(seed);
  const cp = new CodePointIndex(text);
  const placed: Placement[] = [];
  const pick = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo));
  let guard = 0;
  while (placed.length < n && guard++ < n * 50) {
    const r = random();
    let range: { start: number; end: number } | null = null;
    const at = pick(from16, text.length);
    if (r < 0.35) {
      // a clause: from a word start, 30–120 units, to a word end
      const s = wordStartAfter(text, at);
      range = s === null ? null : trimRange(text, s, wordEndAfter(text, s + pick(30, 120)));
    } else if (r < 0.7) {
      range = sentenceAround(text, at);
    } else if (r < 0.8) {
      const first = sentenceAround(text, at);
      let end = first?.end ?? 0;
      for (let k = pick(1, 3); first && k > 0; k--) {
        const next = sentenceAround(text, Math.min(text.length, end + 2));
        if (!next || next.start < end || text.slice(end, next.start).includes('\n')) break;
        end = next.end;
      }
      range = first ? { start: first.start, end } : null;
    } else if (r < 0.9 && placed.length > 0) {
      const outer = placed[pick(0, placed.length)]!;
      const s = wordStartAfter(text, pick(outer.start16, outer.end16));
      if (s !== null && s < outer.end16) {
        range = trimRange(text, s, Math.min(outer.end16, wordEndAfter(text, s + pick(5, 60))));
      }
    } else {
      const s = wordStartAfter(text, at);
      if (s !== null) {
        const phrase = trimRange(text, s, wordEndAfter(text, s + pick(3, 20)));
        const q = phrase && text.slice(phrase.start, phrase.end);
        const occurrences: number[] = [];
        for (let i = q ? text.indexOf(q, from16) : -1; i !== -1; i = text.indexOf(q!, i + 1)) {
          occurrences.push(i);
        }
        if (q && occurrences.length > 1) {
          const o = occurrences[pick(0, occurrences.length)]!;
          range = { start: o, end: o + q.length };
        }
      }
    }
    if (!range || range.start < from16 || range.end - range.start < 2) continue;
    if (text.slice(range.start, range.end).trim() === '') continue;
    const id = `ann-${placed.length}`;
    placed.push({
      annotation: annotationOn(text, range.start, range.end, id, cp),
      start16: range.start,
      end16: range.end,
    });
  }
  return placed;
}

/**
 * A small edit near the start of `text`: a sentence inserted at the start of
 * the second paragraph and a word replaced in the first. Every offset at or
 * after `editEnd16` shifts by `shift16`.
 */
export function editNearStart(text: string): { text: string; editEnd16: number; shift16: number } {
  const para2 = text.indexOf('\n', Math.min(200, text.length)) + 1;
  const inserted = 'Editor’s note: this article was updated after publication. ';
  const word = text.slice(0, para2).search(/ [a-z]{4,} /u);
  const replaced = word >= 0 ? text.slice(word, text.indexOf(' ', word + 1)) : '';
  const head =
    word >= 0
      ? text.slice(0, word) + ' revised' + text.slice(word + replaced.length, para2)
      : text.slice(0, para2);
  const newText = head + inserted + text.slice(para2);
  return { text: newText, editEnd16: para2, shift16: newText.length - text.length };
}

function wordStartAfter(text: string, at: number): number | null {
  const m = /(?:^|[\s“"(])(?=[\p{L}\p{N}])/gu;
  m.lastIndex = at;
  const found = m.exec(text);
  if (!found) return null;
  return found.index + found[0].length;
}

function wordEndAfter(text: string, at: number): number {
  const m = /[\p{L}\p{N}][^\p{L}\p{N}\s]*(?=\s|$)/gu;
  m.lastIndex = Math.min(at, text.length);
  const found = m.exec(text);
  return found ? found.index + found[0].length : text.length;
}

function trimRange(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  return s < e ? { start: s, end: e } : null;
}

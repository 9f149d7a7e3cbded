/**
 * The claim features by word lookup (shared/suggest/claim-features.ts) give
 * exactly what the regular expressions they were first written as give
 * (reference/claim-features-regex.ts): on every sentence of the labelled set,
 * the seed and a generated news text, and on sentences made up of the
 * lexicons' own words, in every case, joined by every kind of separator,
 * with the characters where lowercasing and the `i` flag differ.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claimFeatures, FEATURE_NAMES } from '../../../shared/suggest/claim-features';
import { sentenceRanges } from '../../../shared/anchoring/text-units';
import { WordLexicons } from '../../../shared/suggest/word-lexicon';
import { generateArticleText } from '../../bench/corpus';
import { SEED_PATH, seededRandom } from '../../helpers/session-fixtures';
import { loadLabelledCorpus } from './labelled-corpus';
import { referenceClaimFeatures } from './reference/claim-features-regex';

const CONTEXTS = [
  { blockType: 'paragraph', questioner: false, inTranscript: false, attributed: false },
  { blockType: 'caption', questioner: true, inTranscript: true, attributed: true },
];

/** The first feature where the two differ, or null. */
function difference(sentence: string): string | null {
  for (const ctx of CONTEXTS) {
    const got = claimFeatures(sentence, ctx);
    const want = referenceClaimFeatures(sentence, ctx);
    for (let i = 0; i < FEATURE_NAMES.length; i++) {
      if (got[i] !== want[i])
        return `${FEATURE_NAMES[i]}: ${got[i]} instead of ${want[i]} in ${JSON.stringify(sentence)}`;
    }
  }
  return null;
}

function differences(sentences: Iterable<string>): { compared: number; wrong: string[] } {
  const wrong: string[] = [];
  let compared = 0;
  for (const s of sentences) {
    compared++;
    const d = difference(s);
    if (d && wrong.length < 10) wrong.push(d);
  }
  return { compared, wrong };
}

function* sentencesOf(text: string): Generator<string> {
  for (const r of sentenceRanges(text)) yield text.slice(r.start, r.end);
}

/** The regular expressions of the reference, as written in its source. */
function referencePatterns(): string[] {
  const source = readFileSync(
    new URL('./reference/claim-features-regex.ts', import.meta.url),
    'utf8',
  );
  const out: string[] = [];
  for (const m of source.matchAll(/(?<![\w)\]])\/((?:\\\/|[^/\n])+)\/[giu]+/g)) {
    if (/\\b|\(\?:|\^|\[/.test(m[1]!)) out.push(m[1]!);
  }
  return out;
}

/**
 * The strings a regular expression of the kind the reference uses spells
 * (literals, groups, alternation, classes, `?`, `*`, `+`, `{n,}`; `\w` as
 * "x", `\d` as "7"; at most 5,000 per sequence): its phrases, for the fuzz.
 */
function expand(src: string): string[] {
  let i = 0;
  const alt = (): string[] => {
    const out: string[] = [];
    for (;;) {
      out.push(...seq());
      if (src[i] === '|') {
        i++;
        continue;
      }
      return out;
    }
  };
  const seq = (): string[] => {
    let acc = [''];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      let atom: string[];
      const c = src[i]!;
      if (c === '(') {
        i++;
        if (src.startsWith('?:', i)) i += 2;
        else if (src.startsWith('?<=', i)) {
          i += 3;
        }
        atom = alt();
        i++; // ')'
      } else if (c === '[') {
        const end = src.indexOf(']', i + 1);
        const body = src.slice(i + 1, end);
        i = end + 1;
        atom = body.startsWith('^')
          ? ['#']
          : [
              ...body
                .replace(/\\./g, (m) => (m[1] === 'd' ? '5' : m[1] === 'p' ? 'A' : m[1]!))
                .replace(/\{L\}|\{Ll\}|\{Lu\}|\{N\}/g, ''),
            ];
      } else if (c === '\\') {
        const d = src[i + 1]!;
        i += 2;
        if (d === 'b') atom = [''];
        else if (d === 'w') atom = ['x'];
        else if (d === 'd') atom = ['7'];
        else if (d === 's') atom = [' '];
        else if (d === 'p') {
          i = src.indexOf('}', i) + 1;
          atom = ['A'];
        } else atom = [d];
      } else if (c === '^' || c === '$') {
        i++;
        atom = [''];
      } else {
        i++;
        atom = [c];
      }
      // quantifier
      const q = src[i];
      if (q === '?') {
        i++;
        atom = ['', ...atom];
      } else if (q === '*') {
        i++;
        atom = ['', ...atom, ...atom.map((a) => a + a)];
      } else if (q === '+') {
        i++;
        atom = [...atom, ...atom.map((a) => a + a)];
      } else if (q === '{') {
        const end = src.indexOf('}', i);
        const [lo] = src
          .slice(i + 1, end)
          .split(',')
          .map(Number);
        i = end + 1;
        atom = atom.map((a) => a.repeat(lo!)).concat(atom.map((a) => a.repeat(lo! + 1)));
      }
      const next: string[] = [];
      for (const a of acc) for (const b of atom) next.push(a + b);
      acc = next.length > 5000 ? next.slice(0, 5000) : next;
    }
    return acc;
  };
  return alt();
}

describe('claimFeatures by word lookup', () => {
  it('equals the regular expressions on the labelled set, the seed and a generated text', () => {
    const texts = [
      ...loadLabelledCorpus().map((d) => d.text),
      readFileSync(SEED_PATH, 'utf8'),
      generateArticleText(150_000),
    ];
    const r = differences(texts.flatMap((t) => [...sentencesOf(t)]));
    expect(r.compared).toBeGreaterThan(1500);
    expect(r.wrong).toEqual([]);
  });

  it('equals them on made-up sentences of the lexicons’ words, separators and odd characters', () => {
    const random = seededRandom(1313);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const patterns = referencePatterns();
    expect(patterns.length).toBeGreaterThan(20);
    const phrases = [...new Set(patterns.flatMap(expand))].filter((p) => p !== '');
    expect(phrases.length).toBeGreaterThan(400);
    const words = [...new Set(phrases.flatMap((p) => p.match(/[A-Za-z]+/g) ?? []))];
    const fillers = ['the', 'a', 'x', '3', '1,000', '2019', '450', '$5', '7%', 'ed', 'used', 'to'];
    const separators = [
      ' ',
      ' ',
      ' ',
      "'",
      '’',
      '-',
      '  ',
      ', ',
      '.',
      '_',
      '\u00a0',
      '\t',
      '“',
      '”',
    ];
    const odd = ['ſ', '\u212a', 'İ', 'É', 'ß', 'Σ', '😀', 'ı', 'K'];
    const variants = (w: string) => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)];
    const sentences: string[] = [];
    for (let n = 0; n < 20_000; n++) {
      const parts: string[] = [];
      const length = 1 + Math.floor(random() * 9);
      for (let k = 0; k < length; k++) {
        const r = random();
        let w = r < 0.4 ? pick(phrases) : r < 0.8 ? pick(words) : pick(fillers);
        w = pick(variants(w));
        // Suffixes and prefixes: "accused", "frauds", "1920s", "unsaid".
        if (random() < 0.15) w += pick(['ed', 's', 'ing', 'd', '_', '9']);
        if (random() < 0.05) w = pick(['un', '_', '1', 'é']) + w;
        if (random() < 0.04) {
          const at = Math.floor(random() * (w.length + 1));
          w = w.slice(0, at) + pick(odd) + w.slice(at);
        }
        parts.push(w, pick(separators));
      }
      if (random() < 0.2)
        parts.unshift(pick(['1. ', '10:30 a.m. ', '“', ' ', 'Photo: ', '(AP Photo) ']));
      parts.push(pick(['.', '?', '', '”', '!']));
      sentences.push(parts.join(''));
    }
    const r = differences(sentences);
    expect(r.compared).toBe(20_000);
    expect(r.wrong).toEqual([]);
  });
});

describe('WordLexicons', () => {
  const lex = new WordLexicons({
    a: { alternatives: ['said', 'according to', "didn't", 'fraud*', 'accus+'] },
    b: { alternatives: ['Monday', 'last week'], caseSensitive: true },
    c: { alternatives: ['let me', 'please'], anchored: true },
    d: { alternatives: ['was'], suffix: { text: 'ed', minLength: 5 }, unless: ['need', 'based'] },
  });
  const has = (name: 'a' | 'b' | 'c' | 'd', text: string) =>
    (lex.match(text, text.toLowerCase()) & lex.bit(name)) !== 0;

  it('matches whole words and exact separators, as \\b(?:…)\\b does', () => {
    expect(has('a', 'He said so.')).toBe(true);
    expect(has('a', 'unsaid')).toBe(false);
    expect(has('a', 'said_')).toBe(false);
    expect(has('a', 'according to them')).toBe(true);
    expect(has('a', 'according  to them')).toBe(false);
    expect(has('a', 'He didn’t.')).toBe(false);
    expect(has('a', "He didn't.")).toBe(true);
    expect(has('a', 'fraud and frauds')).toBe(true);
    expect(has('a', 'accus')).toBe(false);
    expect(has('a', 'accuse')).toBe(true);
  });

  it('compares case-sensitive words as written, anchors at the start, and takes out `unless`', () => {
    expect(has('b', 'on Monday')).toBe(true);
    expect(has('b', 'on monday')).toBe(false);
    expect(has('b', 'last week')).toBe(true);
    expect(has('b', 'Last week')).toBe(false);
    expect(has('c', 'let me say')).toBe(true);
    expect(has('c', 'and let me say')).toBe(false);
    expect(has('c', ' please')).toBe(false);
    expect(has('d', 'it was based')).toBe(true);
    expect(has('d', 'we need it, based on that')).toBe(false);
    expect(has('d', 'they voted')).toBe(true);
    expect(has('d', 'a bed')).toBe(false);
  });

  it('spells the regular expression it stands for', () => {
    expect(lex.source('a')).toBe("\\b(?:said|according to|didn't|fraud\\w*|accus\\w+)\\b");
    expect(lex.source('c')).toBe('^(?:let me|please)\\b');
    expect(lex.source('d')).toBe('\\b(?:was|\\w{3,}ed)\\b');
  });

  it('refuses alternatives it cannot match by lookup', () => {
    expect(() => new WordLexicons({ x: { alternatives: ['a.b'] } })).toThrow();
    expect(() => new WordLexicons({ x: { alternatives: ['Said'] } })).toThrow();
    expect(() => new WordLexicons({ x: { alternatives: ['ab*'] } })).toThrow();
  });
});

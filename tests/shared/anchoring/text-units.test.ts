import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quotationAround, sentenceAround } from '../../../shared/anchoring';
import { normalizeNewlines } from '../../../shared/article/plain-text';
import { wordBefore } from '../../../shared/anchoring/text-units';
import { seededRandom } from '../../helpers/session-fixtures';

const SEED = normalizeNewlines(
  readFileSync(
    new URL('../../../seeds/2017-05-17-trump-shared-intelligence-with-russia.txt', import.meta.url),
    'utf8',
  ),
);

/** The unit's text around the caret placed `into` characters into the first `probe` of `text`. */
function around(fn: typeof sentenceAround, text: string, probe: string, into = 2): string | null {
  const at = text.indexOf(probe);
  if (at === -1) throw new Error(`probe not in text: ${probe}`);
  const r = fn(text, at + into);
  return r ? text.slice(r.start, r.end) : null;
}

describe('quotationAround on the seed', () => {
  const cases: Array<[string, string | null]> = [
    [
      'The story is false',
      'The story is false, the president and the foreign minister reviewed a range of common threats to our two countries including threats to civil aviation,',
    ],
    [
      'were intelligence sources',
      'At no time, at no time were intelligence sources or methods discussed and the president did not disclose any military operations that were not already publicly known.',
    ],
    [
      'did not discuss sources',
      'US President Donald Trump did not discuss sources, methods or military operations in his meeting with Russian Foreign Minister Sergei Lavrov.',
    ],
    ['McMaster told reporters', null], // between two quotations, in neither
    ['Islamic State’s territory', null], // an apostrophe opens nothing
    ['absolute right to do', null],
  ];
  for (const [probe, want] of cases) {
    it(`caret in “${probe}”`, () => expect(around(quotationAround, SEED, probe)).toBe(want));
  }
});

describe('sentenceAround on the seed', () => {
  const cases: Array<[string, string]> = [
    [
      'Sergei Kislyak at the White House',
      // "U.S." does not end the sentence, the year before "(Photo" does
      'date 2017-05-17 US President Donald Trump meets with Russian Foreign Minister Sergey Lavrov, left, next to Russian Ambassador to the U.S. Sergei Kislyak at the White House in Washington, Wednesday, May 10, 2017.',
    ],
    [
      'McMaster told reporters',
      '“The story is false, the president and the foreign minister reviewed a range of common threats to our two countries including threats to civil aviation,” H R McMaster told reporters.',
    ],
    [
      'were not already publicly known',
      '“At no time, at no time were intelligence sources or methods discussed and the president did not disclose any military operations that were not already publicly known.”',
    ],
    [
      'openly scheduled W.H. meeting',
      'As President I wanted to share with Russia (at an openly scheduled W.H. meeting) which I have the absolute right to do, facts pertaining….',
    ],
    [
      'Sergei Lavrov. ”',
      'In response to that, Secretary of State Rex Tillerson said on Monday, “US President Donald Trump did not discuss sources, methods or military operations in his meeting with Russian Foreign Minister Sergei Lavrov. ”',
    ],
  ];
  for (const [probe, want] of cases) {
    it(`caret in “${probe}”`, () => expect(around(sentenceAround, SEED, probe)).toBe(want));
  }
});

describe('text units on tricky cases', () => {
  const sentences: Array<[string, string, string]> = [
    ['Mr. Smith met Dr. Jones. They talked.', 'Smith', 'Mr. Smith met Dr. Jones.'],
    ['Growth was 3.5 percent. Analysts cheered.', 'percent', 'Growth was 3.5 percent.'],
    ['Was it true? Nobody knew! Then silence.', 'Nobody', 'Nobody knew!'],
    ['He said “Stop.” Then he left.', 'Stop', 'He said “Stop.”'],
    ['First paragraph ends here\nSecond one begins. More.', 'begins', 'Second one begins.'],
    ['First paragraph ends here\nSecond one begins. More.', 'ends', 'First paragraph ends here'],
    ['Gen. H. R. McMaster spoke. Fine.', 'McMaster', 'Gen. H. R. McMaster spoke.'],
    [
      'It costs e.g. ten dollars, i.e. a lot. Done.',
      'ten',
      'It costs e.g. ten dollars, i.e. a lot.',
    ],
  ];
  for (const [text, probe, want] of sentences) {
    it(`sentence around “${probe}” in ${JSON.stringify(text)}`, () =>
      expect(around(sentenceAround, text, probe, 1)).toBe(want));
  }

  const quotations: Array<[string, string, string | null]> = [
    ['He said "no way" twice.', 'way', 'no way'],
    ['She wrote ‘not now’ on it.', 'now', 'not now'],
    ['Trump’s aides and Lavrov’s staff met.', 'aides', null],
    ['“Outer ‘inner words’ outer.”', 'inner', 'inner words'],
    ['“Outer ‘inner words’ outer.”', 'Outer', 'Outer ‘inner words’ outer.'],
    ['He said “ padded ” here.', 'padded', 'padded'],
    ['An “unclosed quote runs on.', 'unclosed', null],
    ['Two "one" and "two".', 'two', 'two'],
    ['Line “one\nline two” here.', 'one', null], // quotations stay within a paragraph
  ];
  for (const [text, probe, want] of quotations) {
    it(`quotation around “${probe}” in ${JSON.stringify(text)}`, () =>
      expect(around(quotationAround, text, probe, 1)).toBe(want));
  }

  it('empty lines, out-of-range offsets and empty text give null', () => {
    expect(sentenceAround('a.\n\nb.', 3)).toBeNull();
    expect(sentenceAround('abc', 7)).toBeNull();
    expect(sentenceAround('', 0)).toBeNull();
    expect(quotationAround('', 0)).toBeNull();
    expect(quotationAround('“”', 1)).toBeNull();
  });
});

describe('wordBefore', () => {
  it('finds what /([\\p{L}.]+)$/u finds in the slice, on random text with astral and lone surrogates', () => {
    const random = seededRandom(77);
    const alphabet = [
      'a',
      'Z',
      '.',
      ' ',
      ',',
      'é',
      'ß',
      '𝐀',
      '😀',
      '\ud835',
      '\udc00',
      '1',
      '…',
      'ª',
    ];
    let compared = 0;
    for (let n = 0; n < 20_000; n++) {
      let s = '';
      const length = Math.floor(random() * 12);
      for (let k = 0; k < length; k++) s += alphabet[Math.floor(random() * alphabet.length)];
      const to = Math.floor(random() * (s.length + 1));
      const from = Math.floor(random() * (to + 1));
      const want = /([\p{L}.]+)$/u.exec(s.slice(from, to))?.[1];
      expect(wordBefore(s, from, to), JSON.stringify([s, from, to])).toBe(want);
      if (want) compared++;
    }
    expect(compared).toBeGreaterThan(4000);
  });
});

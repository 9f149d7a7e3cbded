/**
 * The name finder's faster tokenizer (token flags, ASCII by table, hand
 * checks of CAP_WORD, ACRONYM and the title words) finds exactly the phrases
 * the earlier one found (reference/name-phrases-before.ts): on the labelled
 * set, the seed, a generated text, and made-up text dense with names, titles,
 * initials, possessives, appositions and the characters where case mapping is
 * odd (ſ, K, İ, astral capitals).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findNamePhrases } from '../../../shared/suggest/name-phrases';
import { generateArticleText } from '../../bench/corpus';
import { SEED_PATH, seededRandom } from '../../helpers/session-fixtures';
import { loadLabelledCorpus } from './labelled-corpus';
import { findNamePhrases as referenceFindNamePhrases } from './reference/name-phrases-before';

function expectSamePhrases(text: string): void {
  const got = findNamePhrases(text);
  const want = referenceFindNamePhrases(text);
  if (JSON.stringify(got) === JSON.stringify(want)) return;
  const i = got.findIndex((p, k) => JSON.stringify(p) !== JSON.stringify(want[k]));
  expect({ at: i, got: got[i], text: text.slice(0, 300) }).toEqual({
    at: i,
    got: want[i],
    text: text.slice(0, 300),
  });
}

describe('findNamePhrases', () => {
  it('finds what the earlier tokenizer found on the labelled set, the seed and a generated text', () => {
    const texts = [
      ...loadLabelledCorpus().map((d) => d.text),
      readFileSync(SEED_PATH, 'utf8'),
      generateArticleText(200_000),
    ];
    let phrases = 0;
    for (const t of texts) {
      expectSamePhrases(t);
      phrases += findNamePhrases(t).length;
    }
    expect(phrases).toBeGreaterThan(400);
  });

  it('finds what it found on made-up text of names, titles and odd characters', () => {
    const random = seededRandom(2024);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const words = [
      ..."Rex Tillerson Donald Trump Sergei Lavrov McMaster O’Neil O'Neil Jean-Pierre Mueller Comey".split(
        ' ',
      ),
      ...'Secretary of State President Director FBI CIA NATO Reuters The Washington Post Department'.split(
        ' ',
      ),
      ...'Senator Sen. Gov. Dr. Mr. Ms. former acting top chief spokesman spokeswoman minister'.split(
        ' ',
      ),
      ...'H. H R J.R. U.S. U.N. A.B. USA KIRBY FN123 A1 X-2 de van der al bin la of the said told'.split(
        ' ',
      ),
      ..."Trump’s Trump's Post. U.S.-Russia Road River County House Ministry Ohio Moscow he she".split(
        ' ',
      ),
      ...'ſmith \u212Airby SPO\u212AESMAN spo\u212Aesman İstanbul Élysée Σωκράτης 𝐀lpha 😀 Zoë ǅemal'.split(
        ' ',
      ),
    ];
    const separators = [
      ' ',
      ' ',
      ' ',
      ', ',
      '. ',
      '\n',
      ': ',
      ' (',
      ') ',
      ' “',
      '” ',
      ' — ',
      '\t',
      '  ',
    ];
    const appositions = [
      ', chief economist at Hartwell Advisors,',
      ', a spokesman for the Pentagon,',
    ];
    let phrases = 0;
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = 3 + Math.floor(random() * 20);
      for (let k = 0; k < length; k++) {
        text += random() < 0.05 ? pick(appositions) : pick(words);
        text += pick(separators);
      }
      expectSamePhrases(text);
      phrases += findNamePhrases(text).length;
    }
    expect(phrases).toBeGreaterThan(3000);
  });
});

import { describe, expect, it } from 'vitest';
import { findInText } from '../../../shared/review/text-search';
import { seedArticle } from '../../helpers/seed-session';

const text =
  'He said, “The story is false,” and\nthen: it’s “false”. THE STORY is long — very (long).';

describe('findInText', () => {
  it.each([
    ['"The story is false', ['“The story is false']],
    ['the story', ['The story', 'THE STORY']],
    ['and then', ['and\nthen']],
    ["it's", ['it’s']],
    ['long - very (long)', ['long — very (long)']],
    ['   ', []],
    ['absent', []],
  ])('%j', (q, want) => {
    expect(findInText(text, q).map((m) => text.slice(m.start, m.end))).toEqual(want);
  });

  it('finds each passage of the seed review exactly once', () => {
    const a = seedArticle();
    for (const q of [
      'the disclosures by the US President jeopardised',
      'At no time, at no time were intelligence sources or methods discussed',
    ]) {
      expect(findInText(a.text, q)).toHaveLength(1);
    }
  });
});

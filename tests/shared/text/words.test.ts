/** The one `shorten` and `plural` (shared/text/words.ts), used by the reports, the exports and the UI. */
import { describe, expect, it } from 'vitest';
import { plural, shorten } from '../../../shared/text/words';

describe('shorten', () => {
  const cases: [string, string, number | undefined, string][] = [
    [
      'text that fits is folded but not cut',
      '  two\n\nlines\tand  tabs ',
      40,
      'two lines and tabs',
    ],
    ['text of exactly max units is kept', 'abcde', 5, 'abcde'],
    [
      'the cut falls at the last space',
      'The minister said the budget was balanced',
      20,
      'The minister said…',
    ],
    ['a dangling comma before the cut is dropped', 'One, two, three, four, five', 10, 'One, two…'],
    ['a single long word is cut mid-word', 'Supercalifragilisticexpialidocious', 10, 'Supercali…'],
    ['a space before half of max is not used', 'ab cdefghijklmnopqrstuvwxyz', 10, 'ab cdefgh…'],
    ['a surrogate pair is never split', `${'a'.repeat(8)}😀😀`, 10, `${'a'.repeat(8)}…`],
    ['the default max is 90', 'word '.repeat(30), undefined, `${'word '.repeat(18).trim()}…`],
  ];
  it.each(cases)('%s', (_name, text, max, expected) => {
    expect(shorten(text, max)).toBe(expected);
  });

  it('never returns more than max units, the ellipsis included', () => {
    const text = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.';
    for (let max = 2; max < text.length; max++) {
      const s = shorten(text, max);
      expect(s.length, `max ${max}: ${s}`).toBeLessThanOrEqual(max);
      expect(s.endsWith('…')).toBe(true);
    }
  });
});

describe('plural', () => {
  it.each([
    [0, 'claim', undefined, '0 claims'],
    [1, 'claim', undefined, '1 claim'],
    [2, 'claim', undefined, '2 claims'],
    [1204, 'annotation', undefined, '1,204 annotations'],
    [1, 'match', 'matches', '1 match'],
    [3, 'match', 'matches', '3 matches'],
  ])('%d %s', (n, one, many, expected) => {
    expect(plural(n, one, many)).toBe(expected);
  });
});

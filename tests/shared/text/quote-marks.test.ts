import { describe, expect, it } from 'vitest';
import { hasOwnQuoteMarks, wrapQuote } from '../../../shared/text/quote-marks';

const CASES: [name: string, input: string, shown: string][] = [
  ['plain passage is wrapped', 'The story is false', '“The story is false”'],
  ['a full quotation keeps its own marks', '“The story is false.”', '“The story is false.”'],
  ['opens with a mark', '“The story is false,” he said', '“The story is false,” he said'],
  ['closes with a mark', 'he said: “It is false.”', 'he said: “It is false.”'],
  ['straight double quotes count', '"It is false," he said', '"It is false," he said'],
  ['low-9 and guillemets count', '„Falsch“, sagte er', '„Falsch“, sagte er'],
  ['guillemets', '« C’est faux »', '« C’est faux »'],
  [
    'shortened with an ellipsis after the mark',
    '“The story is false, the…',
    '“The story is false, the…',
  ],
  ['an ellipsis before the passage is ignored', '…to terrorism.”', '…to terrorism.”'],
  ['an apostrophe is not a quotation mark', '’Tis the reporters’', '“’Tis the reporters’”'],
  ['a single quote is not a quotation mark', "'Fake news'", "“'Fake news'”"],
  ['a mark inside only', 'He called it “fake news” again', '“He called it “fake news” again”'],
  ['edge whitespace is ignored', '  “Quoted.”  ', '  “Quoted.”  '],
  ['empty', '', '“”'],
];

describe('wrapQuote', () => {
  for (const [name, input, shown] of CASES)
    it(name, () => {
      expect(wrapQuote(input)).toBe(shown);
      if (input.trim())
        expect(wrapQuote(input)).not.toMatch(/^\s*[“"„«]\s*[“"„«]|[”"“»]\s*[”"“»]\s*$/u);
    });

  it('hasOwnQuoteMarks says which passages are shown as they are', () => {
    expect(CASES.filter(([, i]) => hasOwnQuoteMarks(i)).map(([n]) => n)).toEqual(
      CASES.filter(([, i, s]) => i === s).map(([n]) => n),
    );
  });
});

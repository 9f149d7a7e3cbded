import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CodePointIndex, codePointLength, sliceCodePoints } from '../../../shared/text/code-points';

describe('CodePointIndex', () => {
  const table: [name: string, text: string, u16: number, cp: number][] = [
    ['ASCII is the identity', 'hello', 3, 3],
    ['after one emoji', '👍ab', 3, 2],
    ['before the emoji', 'ab👍', 2, 2],
    ['end of text with two emoji', '👍👍', 4, 2],
    ['combining marks count one each', 'e\u0301x', 2, 2],
  ];
  for (const [name, text, u16, cp] of table) {
    it(name, () => {
      const idx = new CodePointIndex(text);
      expect(idx.toCodePoint(u16)).toBe(cp);
      expect(idx.toUtf16(cp)).toBe(u16);
    });
  }

  it('rounds an offset inside a surrogate pair up to the end of the character', () => {
    const idx = new CodePointIndex('a👍b');
    expect(idx.splitsPair(2)).toBe(true);
    expect(idx.toCodePoint(2)).toBe(2);
  });

  it('agrees with Array.from on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const idx = new CodePointIndex(text);
        const cps = Array.from(text);
        expect(idx.lengthCp).toBe(cps.length);
        expect(codePointLength(text)).toBe(cps.length);
        let u16 = 0;
        for (let i = 0; i <= cps.length; i++) {
          expect(idx.toUtf16(i)).toBe(u16);
          expect(idx.toCodePoint(u16)).toBe(i);
          u16 += cps[i]?.length ?? 0;
        }
      }),
    );
  });

  it('slices by code points', () => {
    expect(sliceCodePoints('x👍y👍z', 1, 4)).toBe('👍y👍');
  });
});

import { describe, expect, it } from 'vitest';
import { buildBrat, bratNotices } from '../../../shared/interchange/brat-export';
import { buildSeedReview } from '../../helpers/seed-review';
import { buildStressReview } from '../../helpers/session-variants';

/** Parse T lines: id → { type, fragments, text }. */
function tLines(ann: string) {
  return ann
    .split('\n')
    .filter((l) => l.startsWith('T'))
    .map((l) => {
      const [id, spec, text] = l.split('\t') as [string, string, string];
      const [type, ...rest] = spec.split(' ');
      const frags = rest
        .join(' ')
        .split(';')
        .map((f) => f.split(' ').map(Number) as [number, number]);
      return { id, type, frags, text };
    });
}

describe('brat standoff', () => {
  it('writes the canonical text exactly and spans equal to the TextPositionSelectors', () => {
    const s = buildStressReview();
    const b = buildBrat(s);
    expect(b.documents.map((d) => d.txt)).toEqual(s.articles.map((a) => a.text));
    for (const doc of b.documents) {
      const placed = s.annotations.filter(
        (a) => a.target.articleId === doc.articleId && a.target.status !== 'orphaned',
      );
      const ts = tLines(doc.ann);
      expect(ts).toHaveLength(placed.length);
      ts.forEach((t, i) => {
        const a = placed[i]!;
        expect(t.frags[0]![0]).toBe(a.target.position.start);
        expect(t.frags[t.frags.length - 1]![1]).toBe(a.target.position.end);
        // brat counts code points, as Python does: check the text against code-point slicing.
        const cps = Array.from(doc.txt);
        expect(t.text).toBe(t.frags.map(([x, y]) => cps.slice(x, y).join('')).join(' '));
      });
    }
  });

  it('splits a span across a line break into fragments, as brat does', () => {
    const b = buildBrat(buildStressReview());
    const multi = tLines(b.documents[1]!.ann).find((t) => t.frags.length > 1);
    expect(multi).toBeDefined();
    expect(multi!.text).not.toContain('\n');
  });

  it('writes R lines for links, A lines for verdicts and # notes, one line each', () => {
    const doc = buildBrat(buildSeedReview()).documents[0]!;
    const lines = doc.ann.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('R'))).toEqual([
      'R1\tcontradicts Arg1:T2 Arg2:T1',
      'R2\tpartially-addresses Arg1:T3 Arg2:T1',
      'R3\tpartially-addresses Arg1:T4 Arg2:T1',
      'R4\tsupports Arg1:T5 Arg2:T1',
    ]);
    expect(lines.filter((l) => l.startsWith('A'))).toEqual(['A1\tVerdict T1 mostly-true']);
    expect(lines.find((l) => l.startsWith('#') && l.includes('AnnotatorNotes T1\t'))).toMatch(
      /Speaker: The Washington Post \| Verdict: Mostly true\. Trump’s own tweet/,
    );
    expect(lines.every((l) => /^(T|R|A|#)\d+\t/.test(l))).toBe(true);
  });

  it('skips orphans and the links that touch them or cross articles, and says so', () => {
    const b = buildBrat(buildStressReview());
    expect(b.skippedOrphans).toBe(1);
    expect(b.skippedLinks).toBe(2);
    expect(bratNotices(b)).toEqual([
      '1 orphaned annotation was left out of the brat files: it has no place in the current text.',
      '2 links were left out of the brat files: brat relations must join two placed annotations of the same text.',
    ]);
    expect(b.documents[1]!.ann).not.toContain('a sentence that was removed');
  });
});

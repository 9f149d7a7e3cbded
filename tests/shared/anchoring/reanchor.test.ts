import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reanchorAnnotations } from '../../../shared/anchoring';
import { normalizeNewlines } from '../../../shared/article/plain-text';
import type { Annotation } from '../../../shared/model/session';
import { CodePointIndex } from '../../../shared/text/code-points';
import { annotationOn } from './annotation-fixtures';

const SEED = normalizeNewlines(
  readFileSync(
    new URL('../../../seeds/2017-05-17-trump-shared-intelligence-with-russia.txt', import.meta.url),
    'utf8',
  ),
);

/** Passages of the seed review, plus repeats of a phrase (the 2nd and 3rd "Donald Trump"). */
const PASSAGES = [
  'the disclosures by the US President jeopardised a critical source of intelligence on the Islamic State',
  'The story is false',
  'At no time, at no time were intelligence sources or methods discussed',
  'US President Donald Trump did not discuss sources, methods or military operations',
  'I wanted to share with Russia (at an openly scheduled W.H. meeting) which I have the absolute right to do',
];

function nthIndexOf(text: string, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`fewer than ${n + 1} of ${needle}`);
  }
  return at;
}

function seedAnnotations(): Annotation[] {
  const list = PASSAGES.map((p, i) => {
    const at = SEED.indexOf(p);
    return annotationOn(SEED, at, at + p.length, `p${i}`);
  });
  for (const n of [1, 2, 3]) {
    const at = nthIndexOf(SEED, 'Donald Trump', n);
    list.push(annotationOn(SEED, at, at + 'Donald Trump'.length, `dt${n}`));
  }
  return list;
}

/** Where an annotation's quote now reads in `text`, by its (new) position. */
function readsAt(text: string, a: Annotation): string {
  const cp = new CodePointIndex(text);
  return text.slice(cp.toUtf16(a.target.position.start), cp.toUtf16(a.target.position.end));
}

describe('reanchorAnnotations on the seed article', () => {
  const before = seedAnnotations();

  it('unchanged text: everything anchored, the very same selectors', () => {
    const { annotations, report } = reanchorAnnotations(SEED, SEED, before);
    expect(report).toEqual({ anchored: before.length, moved: 0, changed: 0, orphaned: 0 });
    expect(annotations).toEqual(before);
  });

  it('text inserted near the start: everything after it moved by the insertion, the right repeat kept', () => {
    const inserted = 'UPDATED 18 May: ';
    const at = SEED.indexOf('Even as');
    const after = SEED.slice(0, at) + inserted + SEED.slice(at);
    const { annotations, report } = reanchorAnnotations(SEED, after, before);
    const shifted = before.filter((a) => a.target.position.start >= at).length;
    expect(report).toEqual({
      anchored: before.length - shifted,
      moved: shifted,
      changed: 0,
      orphaned: 0,
    });
    annotations.forEach((a, i) => {
      const old = before[i]!.target;
      expect(a.id).toBe(before[i]!.id);
      const q = a.target.quote;
      expect(q.exact).toBe(old.quote.exact);
      // Context is kept, or refreshed from the new text where the insertion touched it.
      const start16 = a.target.position.start;
      expect(after.slice(start16 - q.prefix.length, start16)).toBe(q.prefix);
      expect(after.startsWith(q.suffix, start16 + q.exact.length)).toBe(true);
      if (Math.abs(old.position.start - at) > 40) expect(q).toEqual(old.quote);
      const shift = old.position.start >= at ? inserted.length : 0; // no astral characters
      expect(a.target.position.start).toBe(old.position.start + shift);
      // "anchored" means the very same position; a shifted quote is reported as moved.
      expect(a.target.status).toBe(shift ? 'moved' : 'anchored');
      expect(readsAt(after, a)).toBe(old.quote.exact);
    });
  });

  it('an edit right before a quote refreshes its prefix and reports the shift as moved', () => {
    const after = SEED.replace('push back on the allegations. “The story', 'deny it. “The story');
    const { annotations } = reanchorAnnotations(SEED, after, before);
    const story = annotations.find((a) => a.id === 'p1')!;
    expect(story.target.status).toBe('moved');
    expect(story.target.quote.exact).toBe('The story is false');
    expect(story.target.quote.prefix.endsWith('deny it. “')).toBe(true);
    expect(readsAt(after, story)).toBe('The story is false');
  });

  it('a small edit inside a quote: changed (not moved), quote taken from the new text', () => {
    const after = SEED.replace('at no time were intelligence', 'at no time were any intelligence');
    const { annotations, report } = reanchorAnnotations(SEED, after, before);
    const denial = annotations.find((a) => a.id === 'p2')!;
    expect(denial.target.status).toBe('changed');
    expect(denial.target.was).toBe(PASSAGES[2]);
    expect(denial.target.quote.exact).toBe(
      'At no time, at no time were any intelligence sources or methods discussed',
    );
    expect(readsAt(after, denial)).toBe(denial.target.quote.exact);
    // Everything after the edit moved by four characters; everything before it stayed put;
    // the edited quote is changed.
    const editAt = SEED.indexOf('at no time were intelligence');
    const untouched = before.filter((a) => a.target.position.end <= editAt).length;
    expect(report).toEqual({
      anchored: untouched,
      moved: before.length - untouched - 1,
      changed: 1,
      orphaned: 0,
    });
  });

  it('a deleted passage is orphaned, never dropped, and keeps its old selectors', () => {
    const start = SEED.indexOf('In response to that');
    const end = SEED.indexOf('”', start) + 1;
    const after = SEED.slice(0, start) + SEED.slice(end);
    const { annotations, report } = reanchorAnnotations(SEED, after, before);
    expect(annotations).toHaveLength(before.length);
    const tillerson = annotations.find((a) => a.id === 'p3')!;
    const old = before.find((a) => a.id === 'p3')!;
    expect(tillerson.target).toEqual({ ...old.target, status: 'orphaned' });
    // The "Donald Trump" inside the deleted quote is orphaned too; the others are found.
    expect(report.orphaned).toBe(2);
    expect(report.anchored + report.moved + report.orphaned).toBe(before.length);
  });

  it('paragraphs swapped: annotations in the moved paragraph are found there (moved)', () => {
    const paras = SEED.split('\n\n');
    const i = paras.findIndex((p) => p.includes('The story is false'));
    [paras[i], paras[i + 1]] = [paras[i + 1]!, paras[i]!];
    const after = paras.join('\n\n');
    const { annotations, report } = reanchorAnnotations(SEED, after, before);
    for (const a of annotations) {
      expect(a.target.status).not.toBe('orphaned');
      expect(readsAt(after, a)).toBe(before.find((b) => b.id === a.id)!.target.quote.exact);
    }
    // The diff keeps one of the two paragraphs in place; what was in the other has moved.
    expect(report.moved).toBeGreaterThan(0);
    expect(report.orphaned).toBe(0);
  });

  it('several scattered edits outside the quotes: every annotation lands on its passage', () => {
    const edits: Array<[string, string]> = [
      ['sticky wicket', 'sticky situation'],
      ['On Tuesday, Trump defended', 'On Tuesday, the president defended'],
      ['Michael Flynn.', 'Michael T. Flynn.'],
    ];
    const after = edits.reduce((t, [from, to]) => t.replace(from, to), SEED);
    const { annotations, report } = reanchorAnnotations(SEED, after, before);
    expect(report.orphaned).toBe(0);
    annotations.forEach((a, i) => {
      expect(readsAt(after, a)).toBe(before[i]!.target.quote.exact);
      const oldStart = before[i]!.target.position.start; // the seed has no astral characters
      const shift = edits
        .filter(([from]) => SEED.indexOf(from) < oldStart)
        .reduce((sum, [from, to]) => sum + to.length - from.length, 0);
      expect(a.target.position.start).toBe(oldStart + shift);
    });
  });

  it('an orphan whose quote comes back is found again (moved)', () => {
    const start = SEED.indexOf('In response to that');
    const end = SEED.indexOf('”', start) + 1;
    const without = SEED.slice(0, start) + SEED.slice(end);
    const first = reanchorAnnotations(SEED, without, before).annotations;
    const again = reanchorAnnotations(without, SEED, first);
    const tillerson = again.annotations.find((a) => a.id === 'p3')!;
    expect(tillerson.target.status).toBe('moved');
    expect(tillerson.target.position).toEqual(before.find((a) => a.id === 'p3')!.target.position);
  });
});

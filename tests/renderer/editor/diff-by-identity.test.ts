import { describe, expect, it } from 'vitest';
import { diffByIdentity } from '../../../renderer/editor/article-editor';
import type { Annotation } from '../../../shared/model/session';

const ann = (id: string): Annotation => ({ id }) as Annotation;
const a = ann('a');
const b = ann('b');
const c = ann('c');
const b2 = ann('b');
const d = ann('d');

describe('diffByIdentity', () => {
  const cases: [
    string,
    Annotation[],
    Annotation[],
    { changed: string[]; removed: string[] } | null,
  ][] = [
    ['same list', [a, b, c], [a, b, c], { changed: [], removed: [] }],
    ['one appended', [a, b], [a, b, d], { changed: ['d'], removed: [] }],
    ['one replaced in place', [a, b, c], [a, b2, c], { changed: ['b'], removed: [] }],
    ['one removed from the middle', [a, b, c], [a, c], { changed: [], removed: ['b'] }],
    ['the last removed', [a, b, c], [a, b], { changed: [], removed: ['c'] }],
    ['removed and appended at once', [a, b, c], [a, c, d], { changed: ['d'], removed: ['b'] }],
    ['from nothing', [], [a, b], { changed: ['a', 'b'], removed: [] }],
    ['reordered: not a session-ops shape', [a, b, c], [c, b, a], null],
  ];
  for (const [name, prev, next, want] of cases) {
    it(name, () => {
      const got = diffByIdentity(prev, next);
      expect(got && { changed: got.changed.map((x) => x.id), removed: got.removed }).toEqual(want);
    });
  }

  it('gives up (null) on a large change so the caller compares by id', () => {
    const prev = Array.from({ length: 600 }, (_, i) => ann(`p${i}`));
    const next = prev.map((x) => ann(x.id));
    expect(diffByIdentity(prev, next)).toBeNull();
  });
});

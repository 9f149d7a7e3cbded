/** Helpers that make annotations on a text for the re-anchoring tests and benchmark. */
import { describeRange } from '../../../shared/anchoring';
import type { Annotation } from '../../../shared/model/session';
import type { CodePointIndex } from '../../../shared/text/code-points';

/** An annotation on `text[start16, end16)`, selectors made by describeRange. */
export function annotationOn(
  text: string,
  start16: number,
  end16: number,
  id: string,
  index?: CodePointIndex,
): Annotation {
  const { quote, position } = describeRange(text, start16, end16, index);
  return {
    id,
    kind: 'claim',
    target: { articleId: 'article-1', quote, position, status: 'anchored' },
    speakerId: null,
    note: '',
    tags: [],
    verdict: null,
    reviewer: 'tester',
    created: '2024-01-01T00:00:00.000Z',
    modified: '2024-01-01T00:00:00.000Z',
  };
}

/** mulberry32: a small seeded PRNG, so placements are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

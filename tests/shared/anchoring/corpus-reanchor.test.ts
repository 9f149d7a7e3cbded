import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reanchorAnnotations } from '../../../shared/anchoring';
import { normalizeNewlines } from '../../../shared/article/plain-text';
import { CodePointIndex } from '../../../shared/text/code-points';
import { editNearStart, placeAnnotations } from './annotation-fixtures';

/** The corpus beside the repository (as CI lays it out), else at the workplace's shared folder. */
const PLACES = [
  fileURLToPath(new URL('../../../../shared/corpus/long-mueller-report.txt', import.meta.url)),
  '/work/shared/corpus/long-mueller-report.txt',
];
const CORPUS = PLACES.find((p) => existsSync(p));
const missing = CORPUS === undefined;
if (missing) console.warn(`skipped: the real corpus is at none of ${PLACES.join(', ')}`);

describe('re-anchoring on the real 1.2 MB corpus', () => {
  it.skipIf(missing)(
    '3,000 annotations survive an edit near the start, 100% on the right passage',
    () => {
      const text = normalizeNewlines(readFileSync(CORPUS!, 'utf8'));
      const edit = editNearStart(text);
      const placed = placeAnnotations(text, 3000, 20190418, edit.editEnd16);
      expect(placed).toHaveLength(3000);
      // the placement really has repeated quotes and overlaps
      const quotes = placed.map((p) => p.annotation.target.quote.exact);
      const repeated = quotes.filter((q) => text.indexOf(q) !== text.lastIndexOf(q));
      expect(repeated.length).toBeGreaterThan(100);

      const { annotations, report } = reanchorAnnotations(
        text,
        edit.text,
        placed.map((p) => p.annotation),
      );
      // The edit is near the start: every annotation shifts, and a shift is reported as moved.
      expect(report.orphaned).toBe(0);
      expect(report.anchored + report.moved).toBe(3000);
      expect(
        annotations.filter(
          (a, i) =>
            a.target.status === 'anchored' &&
            a.target.position.start !== placed[i]!.annotation.target.position.start,
        ),
      ).toEqual([]);
      const cp = new CodePointIndex(edit.text);
      const wrong = annotations.filter((a, i) => {
        const want = placed[i]!;
        return (
          cp.toUtf16(a.target.position.start) !== want.start16 + edit.shift16 ||
          cp.toUtf16(a.target.position.end) !== want.end16 + edit.shift16 ||
          a.target.quote.exact !== want.annotation.target.quote.exact
        );
      });
      expect(wrong.map((a) => a.id)).toEqual([]);
    },
  );
});

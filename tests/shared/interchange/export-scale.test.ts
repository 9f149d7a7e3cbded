/**
 * Exports must grow linearly with the number of annotations (issue 6). This
 * is checked without timing anything: the session's annotation and link
 * arrays are wrapped in proxies that count element reads, and the count at
 * 2N must stay close to twice the count at N. A lookup by `find`/`filter` per
 * annotation (quadratic) would make it four times. Then one real run at
 * 10,000 annotations checks that every format is complete at that size.
 */
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../../shared/interchange/render-export';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/api/contract';
import type { Session } from '../../../shared/model/session';
import { buildLargeReview } from '../../helpers/session-variants';
import { GENERATED_AT } from '../../helpers/seed-review';

const FORMATS = EXPORT_FORMATS.filter((f) => f !== 'pdf');

/** The session with counting proxies around its annotation and link arrays. */
function counted(s: Session): { session: Session; reads: () => number } {
  let reads = 0;
  const wrap = <T extends object>(arr: T[]): T[] =>
    new Proxy(arr, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  return {
    session: { ...s, annotations: wrap(s.annotations), links: wrap(s.links) },
    reads: () => reads,
  };
}

async function readsFor(format: ExportFormat, n: number): Promise<number> {
  const { session, reads } = counted(buildLargeReview(n));
  const r = await renderExport(session, format, { generatedAt: GENERATED_AT });
  if (!r.ok) throw new Error(r.error.message);
  return reads();
}

describe('exports scale linearly', () => {
  for (const format of FORMATS) {
    it(`${format}: element reads at 2N are about twice those at N`, async () => {
      const a = await readsFor(format, 500);
      const b = await readsFor(format, 1000);
      expect(a).toBeGreaterThanOrEqual(500);
      expect(b / a).toBeLessThan(2.3);
    });
  }

  it('the read counter catches a quadratic renderer', () => {
    const quadratic = (s: Session) =>
      s.annotations.map((a) => s.links.find((l) => l.from === a.id)).length;
    const at = (n: number) => {
      const c = counted(buildLargeReview(n));
      quadratic(c.session);
      return c.reads();
    };
    expect(at(1000) / at(500)).toBeGreaterThan(3);
  });

  it('renders every format completely at 10,000 annotations', async () => {
    const s = buildLargeReview(10_000);
    for (const format of FORMATS) {
      const r = await renderExport(s, format, { generatedAt: GENERATED_AT });
      if (!r.ok) throw new Error(`${format}: ${r.error.message}`);
      const c = r.value.content;
      if (format === 'csv') expect(c.split('\r\n').length).toBe(10_002);
      if (format === 'w3c') expect(JSON.parse(c).total).toBe(10_000 + s.links.length);
      if (format === 'claimreview') expect(JSON.parse(c)).toHaveLength(2_000);
      if (format === 'brat')
        expect(
          r.value.companions![0]!.content.split('\n').filter((l) => l.startsWith('T')),
        ).toHaveLength(10_000);
      if (format === 'html') expect(c.match(/<article class="dispute"/g)).toHaveLength(2_000);
      if (format === 'md') expect(c.match(/^### Claim \d+/gm)).toHaveLength(2_000);
    }
  });
});

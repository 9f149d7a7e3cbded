/**
 * Exports (issue 6, tasks "export-html", "export-md", "export-csv", "export-w3c",
 * "export-claimreview"): `renderExport` of the whole session, timed, median of `runs` after a
 * warm-up. `correct` counts the items found in the output — CSV rows and W3C annotations (one
 * per annotation), ClaimReview items, HTML dispute cards and Markdown claim sections (one per
 * claim with a verdict or per claim; see `expected`).
 */
import { renderExport } from '../../shared/interchange/render-export';
import type { Session } from '../../shared/model/session';
import { figure, timeAsync, type BenchResult, type BenchTask } from './results';

const FORMATS = ['html', 'md', 'csv', 'w3c', 'claimreview'] as const;
type Format = (typeof FORMATS)[number];
const GENERATED_AT = '2024-03-12T12:00:00.000Z';

/** How many items of the session a format must show, and how many its output shows. */
function counts(format: Format, s: Session, content: string): { found: number; expected: number } {
  const claims = s.annotations.filter((a) => a.kind === 'claim').length;
  switch (format) {
    case 'html':
      return { found: (content.match(/<article class="dispute"/g) ?? []).length, expected: claims };
    case 'md':
      return { found: (content.match(/^### Claim \d+/gm) ?? []).length, expected: claims };
    case 'csv':
      return { found: content.split('\r\n').length - 2, expected: s.annotations.length };
    case 'w3c': {
      const total = (JSON.parse(content) as { total: number }).total;
      return { found: total - s.links.length, expected: s.annotations.length };
    }
    case 'claimreview':
      return {
        found: (JSON.parse(content) as unknown[]).length,
        expected: s.annotations.filter((a) => a.kind === 'claim' && a.verdict).length,
      };
  }
}

/** Every export of `session`, one figure per format. */
export async function runExportBench(
  session: Session,
  runs: number,
  text: string,
): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  for (const format of FORMATS) {
    let content = '';
    const times = await timeAsync(runs, async () => {
      const r = await renderExport(session, format, { generatedAt: GENERATED_AT });
      if (!r.ok) throw new Error(`export ${format}: ${r.error.message}`);
      content = typeof r.value.content === 'string' ? r.value.content : '';
    });
    const { found, expected } = counts(format, session, content);
    const n = session.annotations.length;
    out.push(
      figure(`export-${format}` as BenchTask, 'ours', n, times, found, {
        text,
        expected,
        note: `${(content.length / 1e6).toFixed(1)} MB out`,
      }),
    );
  }
  return out;
}

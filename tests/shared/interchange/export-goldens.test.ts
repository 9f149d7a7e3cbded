/**
 * Golden files: every format of the finished seed review, through the one
 * entry point the app and the CLI share. Ids and times in the seed review are
 * fixed and `generatedAt` is pinned, so the files are stable; PDF is checked
 * by its text in tests/shared/report/html-report.test.ts (Chromium stamps a
 * creation time into every PDF).
 *
 * After an intended change: `UPDATE_GOLDENS=1 npx vitest run tests/shared/interchange/export-goldens.test.ts`,
 * then read the diff of tests/shared/interchange/goldens/ before committing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../../shared/interchange/render-export';
import type { ExportFormat } from '../../../shared/api/contract';
import { buildSeedReview, GENERATED_AT, SEED_FILE } from '../../helpers/seed-review';

const GOLDENS = fileURLToPath(new URL('./goldens', import.meta.url));
const update = process.env.UPDATE_GOLDENS === '1';

function golden(name: string, actual: string): void {
  const file = join(GOLDENS, name);
  if (update || !existsSync(file)) {
    mkdirSync(GOLDENS, { recursive: true });
    writeFileSync(file, actual);
    if (!update)
      throw new Error(`golden ${name} was missing and has been written; review it and run again`);
  }
  expect(actual, `golden ${name} (UPDATE_GOLDENS=1 to rewrite)`).toBe(readFileSync(file, 'utf8'));
}

const cases: [ExportFormat, string][] = [
  ['html', 'seed-review.html'],
  ['md', 'seed-review.md'],
  ['csv', 'seed-review.csv'],
  ['w3c', 'seed-review.annotations.jsonld'],
  ['claimreview', 'seed-review.claimreview.jsonld'],
];

describe('export goldens of the seed review', () => {
  for (const [format, name] of cases) {
    it(format, async () => {
      const r = await renderExport(buildSeedReview(), format, { generatedAt: GENERATED_AT });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.encoding).toBe('utf8');
      golden(name, r.value.content);
    });
  }

  it('brat: the .txt is the seed file byte for byte and the .ann matches its golden', async () => {
    const r = await renderExport(buildSeedReview(), 'brat', { generatedAt: GENERATED_AT });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.content).toBe(readFileSync(SEED_FILE, 'utf8'));
    expect(r.value.companions?.map((c) => c.fileName.slice(-4))).toEqual(['.ann']);
    expect(r.value.notices).toBeUndefined();
    golden('seed-review.ann', r.value.companions![0]!.content);
  });
});

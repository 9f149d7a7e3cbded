import { describe, expect, it } from 'vitest';
import { exportBaseName, renderExport } from '../../../shared/interchange/render-export';
import { bytesToBase64 } from '../../../shared/interchange/base64';
import { buildSeedReview, GENERATED_AT } from '../../helpers/seed-review';
import { buildStressReview } from '../../helpers/session-variants';

describe('renderExport', () => {
  it('names files after the session', async () => {
    expect(exportBaseName({ name: 'Did Trump’s disclosure — endanger?' })).toBe(
      'did-trump-s-disclosure-endanger',
    );
    expect(exportBaseName({ name: '«»' })).toBe('factcheck-review');
    const r = await renderExport(buildSeedReview(), 'w3c', { generatedAt: GENERATED_AT });
    expect(r.ok && r.value.fileName).toBe(
      'did-trump-s-disclosure-to-russia-endanger-an-intelligence-source.annotations.jsonld',
    );
  });

  it('refuses PDF without a printer, and reports a printer failure as a value', async () => {
    const none = await renderExport(buildSeedReview(), 'pdf', { generatedAt: GENERATED_AT });
    expect(none).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    const broken = await renderExport(buildSeedReview(), 'pdf', {
      generatedAt: GENERATED_AT,
      pdf: {
        print: () => Promise.reject(new Error('PDF export needs Chromium; none found at /x')),
      },
    });
    expect(broken).toEqual({
      ok: false,
      error: {
        code: 'io',
        message: 'The pdf export failed: PDF export needs Chromium; none found at /x',
      },
    });
  });

  it('hands the printer the HTML report and returns its bytes as base64', async () => {
    let seen = '';
    const r = await renderExport(buildSeedReview(), 'pdf', {
      generatedAt: GENERATED_AT,
      pdf: { print: async (html) => ((seen = html), new Uint8Array([37, 80, 68, 70, 45, 255, 0])) },
    });
    const html = await renderExport(buildSeedReview(), 'html', { generatedAt: GENERATED_AT });
    expect(html.ok && seen).toBe(html.ok && html.value.content);
    expect(r).toMatchObject({
      ok: true,
      value: {
        encoding: 'base64',
        mediaType: 'application/pdf',
        content: Buffer.from([37, 80, 68, 70, 45, 255, 0]).toString('base64'),
      },
    });
  });

  it('writes one brat pair per article and tells what it left out', async () => {
    const r = await renderExport(buildStressReview(), 'brat', { generatedAt: GENERATED_AT });
    if (!r.ok) throw new Error(r.error.message);
    expect(
      [r.value.fileName, ...r.value.companions!.map((c) => c.fileName)].map((f) =>
        f.replace(/^.*?(-2)?\.(txt|ann)$/, '$1.$2'),
      ),
    ).toEqual(['.txt', '.ann', '-2.txt', '-2.ann']);
    expect(r.value.notices).toHaveLength(2);
  });

  it('base64 matches Node for every length remainder', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n * 997 }, (_, i) => (i * 31 + n) & 255);
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });
});

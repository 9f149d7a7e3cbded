/**
 * The HTML report in real Chromium: it reads like a fact check (screenshot
 * under test-results/report/ for a person to look at), loads nothing from
 * anywhere, escapes hostile text, and prints to a PDF whose text holds the
 * claim and the verdict (checked with poppler's pdftotext / pdftoppm).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { JSDOM } from 'jsdom';
import { renderHtml } from '../../../shared/interchange/render-export';
import { REPORT_CSP } from '../../../shared/report/html-report';
import { createChromiumPdfPrinter } from '../../../electron/service/pdf-chromium';
import {
  buildSeedReview,
  CLAIM_TEXT,
  GENERATED_AT,
  VERDICT_RATIONALE,
} from '../../helpers/seed-review';
import { buildStressReview, HOSTILE } from '../../helpers/session-variants';
import { chromiumMissing, launchChromium } from '../../helpers/chromium';
import { REPO_ROOT } from '../../helpers/shared-material';

const OUT = join(REPO_ROOT, 'test-results', 'report');
const popplerMissing = spawnSync('pdftotext', ['-v']).error
  ? 'pdftotext (poppler-utils) is not installed'
  : null;
if (chromiumMissing) console.warn(`Skipping the Chromium report tests: ${chromiumMissing}`);
if (popplerMissing) console.warn(`Skipping the PDF text checks: ${popplerMissing}`);

describe('HTML report, statically', () => {
  it('is one self-contained file with the CSP meta tag and no script or external resource', async () => {
    for (const s of [buildSeedReview(), buildStressReview()]) {
      const html = await renderHtml(s, GENERATED_AT);
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
      expect(html).not.toMatch(/<script|<link|<iframe|<img|<object|<embed|@import|url\((?!#)/i);
      const doc = new JSDOM(html).window.document;
      expect(
        doc.querySelectorAll(
          'script, link, iframe, img, image, object, embed, form, base, meta[http-equiv="refresh"]',
        ),
      ).toHaveLength(0);
      const attrs = [...doc.querySelectorAll('*')].flatMap((e) =>
        [...e.attributes].map((a) => a.name.toLowerCase()),
      );
      expect(
        attrs.filter((n) =>
          /^(on|src|srcset|action|formaction|xlink:href|background|poster)/.test(n),
        ),
      ).toEqual([]);
      expect(
        doc.querySelectorAll(
          'a[href]:not([href^="#"]):not([href^="https://"]):not([href^="http://"])',
        ),
      ).toHaveLength(0);
      // The only links go to anchors in the report or to an article's source URL.
      const hrefs = [...doc.querySelectorAll('[href]')].map((e) => e.getAttribute('href')!);
      const sources = s.articles.map((a) => a.meta.url).filter(Boolean);
      expect(hrefs.filter((h) => !h.startsWith('#') && !sources.includes(h))).toEqual([]);
    }
  });

  it('escapes hostile text everywhere it renders it', async () => {
    const html = await renderHtml(buildStressReview(), GENERATED_AT);
    for (const h of Object.values(HOSTILE)) expect(html).not.toContain(h);
    expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(html).toContain('&lt;/style&gt;&lt;style&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;');
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });
});

describe.skipIf(chromiumMissing !== null)('HTML report in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(html: string): Promise<{ page: Page; requests: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    await page.setContent(html, { waitUntil: 'load' });
    return { page, requests };
  }

  it('reads like a fact check, loads nothing, and is saved as a screenshot', async () => {
    const { page, requests } = await open(await renderHtml(buildSeedReview(), GENERATED_AT));
    const text = (await page.textContent('body'))!.replace(/\s+/g, ' ');
    for (const s of [
      'Fact check',
      CLAIM_TEXT,
      'Verdict: Mostly true',
      VERDICT_RATIONALE,
      'Claimed by The Washington Post',
      'Contradicts the claim',
      'Partially addresses the claim',
      'Supports the claim',
      'The story is false',
      'Rex Tillerson',
      'Reviewed byMaya Okafor',
      '19 May 2017, 12:00 UTC',
      '26f3bbb415110f1b2307e30c5f9966a9dd9b0eb9efdd8c265c29d31f63abc029',
      'Methodology',
      'Orphaned annotations',
    ])
      expect(text).toContain(s);
    // The claim is emphasised in its context.
    expect(await page.locator('.dispute mark').first().innerText()).toBe(CLAIM_TEXT);
    // The dispute map is an SVG laid out by ELK: 5 boxes, 4 arrows, 4 labels, inside the page width.
    expect(await page.locator('svg.dispute-map g.node').count()).toBe(5);
    expect(await page.locator('svg.dispute-map polyline.edge').count()).toBe(4);
    expect(await page.locator('svg.dispute-map g.edge-label').count()).toBe(4);
    const box = (await page.locator('svg.dispute-map').boundingBox())!;
    expect(box.width).toBeGreaterThan(400);
    expect(box.width).toBeLessThanOrEqual(1100);
    await page.screenshot({ path: join(OUT, 'seed-report.png'), fullPage: true });
    expect(requests).toEqual([]);
    await page.close();
  });

  it('runs nothing from hostile text and loads nothing', async () => {
    const { page, requests } = await open(await renderHtml(buildStressReview(), GENERATED_AT));
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(await page.evaluate(() => document.images.length)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBe(1);
    const onAttrs = await page.evaluate(
      () =>
        [...document.querySelectorAll('*')]
          .flatMap((e) => [...e.attributes].map((a) => a.name))
          .filter((n) => n.startsWith('on')).length,
    );
    expect(onAttrs).toBe(0);
    const body = await page.innerText('body');
    expect(body).toContain(HOSTILE.script);
    expect(body).toContain(HOSTILE.img);
    expect(await page.locator('main.report').isVisible()).toBe(true);
    await page.screenshot({ path: join(OUT, 'stress-report.png'), fullPage: true });
    expect(requests).toEqual([]);
    await page.close();
  });

  it.skipIf(popplerMissing !== null)(
    'prints to a PDF that holds the claim and the verdict',
    async () => {
      const pdf = await createChromiumPdfPrinter().print(
        await renderHtml(buildSeedReview(), GENERATED_AT),
      );
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      const dir = mkdtempSync(join(tmpdir(), 'fc-pdf-'));
      const file = join(dir, 'report.pdf');
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        ' ',
      );
      expect(text).toContain(CLAIM_TEXT);
      expect(text).toContain('Verdict: Mostly true');
      expect(text).toContain('The story is false');
      const pages = Number(
        /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1],
      );
      expect(pages).toBeGreaterThanOrEqual(2);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '2',
        file,
        join(OUT, 'seed-report-pdf'),
      ]);
      expect(readFileSync(join(OUT, 'seed-report-pdf-1.png')).length).toBeGreaterThan(10_000);
    },
  );
});

describe('PDF printer without Chromium', () => {
  it('says clearly that Chromium is missing', async () => {
    await expect(
      createChromiumPdfPrinter('/nonexistent/chromium').print('<p>x</p>'),
    ).rejects.toThrow('PDF export needs Chromium; none found at /nonexistent/chromium');
  });
});

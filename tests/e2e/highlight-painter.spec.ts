/**
 * The highlight painter in real Chromium (issue 9, defect 2). The unit tests
 * of the editor run in jsdom, where only the decoration fallback paints;
 * here the app's editor is mounted alone in a page styled with the app's
 * CSS, so the CSS Custom Highlight painter is the one under test.
 *
 * At every scroll position, after jumps, the highlights painted in view must
 * be exactly the annotations whose text is in view (found from the page's
 * text, not from the painter), and the number of painted ranges must stay
 * bounded by what lies near the view.
 */
import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Annotation } from '../../shared/model/session';
import type { Article } from '../../shared/model/article';
import { ANNOTATION_KINDS } from '../../shared/model/vocabulary';
import { briefingTranscript, type Transcript } from '../helpers/briefing-transcript';
import { makeAnnotation, makeArticle } from '../helpers/session-fixtures';
import { checkPaintedInView, expectedHighlights } from './helpers/painted-highlights';
import type { PainterPage } from './helpers/painter-page';

const PAGE_URL = 'http://localhost:9/painter.html';
// About 25 s idle for the longest test here (hundreds of layout checks); well above 5x that.
test.setTimeout(300_000);
type Win = { __painter: PainterPage };

let assets: { script: string; css: string } | null = null;

async function pageAssets() {
  if (assets) return assets;
  const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
  const js = await build({
    entryPoints: [here('./helpers/painter-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const css = await build({
    entryPoints: [here('../../renderer/styles/app.css')],
    bundle: true,
    write: false,
    logLevel: 'silent',
  });
  assets = {
    script: js.outputFiles[0]!.text,
    css: `${css.outputFiles[0]!.text}\n#scroll { height: 100vh; }`,
  };
  return assets;
}

async function openPage(page: Page, article: Article, annotations: Annotation[]): Promise<void> {
  const { script, css } = await pageAssets();
  const html =
    `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head>` +
    `<body><div id="scroll" class="article-scroll"><div class="article-page"><div id="host"></div></div></div></body></html>`;
  await page.route(PAGE_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(PAGE_URL);
  await page.addScriptTag({ content: script });
  await page.evaluate(
    (json) => (window as unknown as Win).__painter.mount(json),
    JSON.stringify({ article, annotations }),
  );
  expect(errors).toEqual([]);
}

/**
 * One annotation on each of `count` sentences spread evenly from the first to the last,
 * kinds in turn, every tenth with a nested one on its first words.
 */
function annotate(article: Article, t: Transcript, count: number): Annotation[] {
  const out: Annotation[] = [];
  const last = t.sentences.length - 1;
  const picked = new Set(
    Array.from({ length: count }, (_, k) => Math.round((k * last) / (count - 1))),
  );
  for (const i of picked) {
    const s = t.sentences[i]!;
    const at = article.text.indexOf(s);
    const kind = ANNOTATION_KINDS[out.length % ANNOTATION_KINDS.length]!;
    out.push(makeAnnotation(article, at, at + s.length, { id: `a-${i}`, kind }));
    if (out.length % 10 === 0)
      out.push(makeAnnotation(article, at, at + 20, { id: `n-${i}`, kind: 'context' }));
  }
  return out;
}

const scrollTo = (page: Page, f: number) =>
  page.evaluate((x) => (window as unknown as Win).__painter.scrollTo(x), f);

async function expectExactInView(
  page: Page,
  article: Article,
  list: Annotation[],
  where: string,
): Promise<{ inView: number; paintedTotal: number }> {
  const expected = expectedHighlights(article.text, list);
  // The painter repaints in the frame after a scroll; poll until it settled.
  let report = await checkPaintedInView(page, expected, '#scroll');
  await expect
    .poll(
      async () => {
        report = await checkPaintedInView(page, expected, '#scroll');
        return { where, missing: report.missing, extra: report.extra };
      },
      { message: `painted highlights in view at ${where}` },
    )
    .toEqual({ where, missing: [], extra: [] });
  expect(report.problems).toEqual([]);
  expect(report.inView, `some annotations are in view at ${where}`).toBeGreaterThan(0);
  // Bounded: nothing far from the view holds a range.
  expect(report.paintedTotal, `painted ranges at ${where}`).toBeLessThanOrEqual(report.nearView);
  return report;
}

test('after a jump to the end, every scroll position shows exactly its highlights', async ({
  page,
}) => {
  const t = briefingTranscript(600);
  const article = makeArticle(t.text, 'briefing.txt');
  expect(article.text.length).toBeGreaterThan(180_000);
  const list = annotate(article, t, 600);
  await openPage(page, article, list);
  expect(await page.evaluate(() => (window as unknown as Win).__painter.fallbackSpans())).toBe(0);

  await expectExactInView(page, article, list, 'the top');
  await scrollTo(page, 1);
  await expectExactInView(page, article, list, 'the end');
  for (const f of [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.35, 0.05]) {
    await scrollTo(page, f);
    const r = await expectExactInView(page, article, list, `${Math.round(f * 100)}%`);
    expect(r.paintedTotal).toBeLessThan(list.length / 4);
  }
});

test('changes while scrolled away: painted when near, not before', async ({ page }) => {
  const t = briefingTranscript(400, 11);
  const article = makeArticle(t.text, 'briefing.txt');
  let list = annotate(article, t, 300);
  await openPage(page, article, list);
  const change = async (put: Annotation[], remove: string[]) => {
    await page.evaluate(([json, ids]) => (window as unknown as Win).__painter.change(json, ids), [
      JSON.stringify(put),
      remove,
    ] as const);
    const removed = new Set(remove);
    const byId = new Map(put.map((a) => [a.id, a]));
    list = list.filter((a) => !removed.has(a.id)).map((a) => byId.get(a.id) ?? a);
    for (const a of put) if (!list.some((x) => x.id === a.id)) list.push(a);
  };

  await scrollTo(page, 0.5);
  const before = await expectExactInView(page, article, list, 'the middle');
  // A new highlight far away (near the top) is not painted while the middle is shown…
  const first = t.sentences[1]!;
  const at = article.text.indexOf(first);
  const far = makeAnnotation(article, at, at + first.length, { id: 'far', kind: 'evidence' });
  await change([far], []);
  const after = await expectExactInView(page, article, list, 'the middle, after adding far away');
  expect(after.paintedTotal).toBe(before.paintedTotal);
  // …and is once the top is.
  await scrollTo(page, 0);
  await expectExactInView(page, article, list, 'the top, with the new highlight');
  // In view: a new one, a kind change and a removal show at once.
  const inView = list.filter((a) => a.id.startsWith('a-')).slice(0, 3);
  const middle = t.sentences[3]!;
  const m = article.text.indexOf(middle);
  await change(
    [
      makeAnnotation(article, m, m + middle.length, { id: 'new-in-view', kind: 'claim' }),
      { ...inView[1]!, kind: inView[1]!.kind === 'claim' ? 'evidence' : 'claim' },
    ],
    [inView[0]!.id],
  );
  await expectExactInView(page, article, list, 'the top, after changes in view');
});

test('one giant paragraph: exact in view, and only what is near the view is painted', async ({
  page,
}) => {
  const t = briefingTranscript(300, 5, true);
  const article = makeArticle(t.text, 'one-paragraph.txt');
  const list = annotate(article, t, 300);
  await openPage(page, article, list);
  for (const f of [0, 1, 0.5, 0.2, 0.8]) {
    await scrollTo(page, f);
    const r = await expectExactInView(page, article, list, `${f * 100}% of one paragraph`);
    expect(r.paintedTotal).toBeLessThan(list.length / 3);
  }
});

test('destroying the editor unregisters its highlights', async ({ page }) => {
  const t = briefingTranscript(20);
  const article = makeArticle(t.text, 'short.txt');
  await openPage(page, article, annotate(article, t, 20));
  const names = await page.evaluate(() => (window as unknown as Win).__painter.registryNames());
  expect(names).toEqual(
    [
      'fc-active',
      'fc-changed',
      'fc-claim',
      'fc-context',
      'fc-counter-statement',
      'fc-evidence',
      'fc-flash',
      'fc-moved',
      // The claim-suggestion layer (issue 13) registers its own two.
      'fc-suggestion',
      'fc-suggestion-current',
    ].sort(),
  );
  await page.evaluate(() => (window as unknown as Win).__painter.destroy());
  expect(await page.evaluate(() => (window as unknown as Win).__painter.registryNames())).toEqual(
    [],
  );
});

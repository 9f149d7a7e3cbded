/**
 * The editor benchmark (issue 6, tasks "open", "highlight" and "memory"), in Debian's Chromium
 * through playwright-core. The page module (`editor/bench-page.ts`, bundled here with esbuild
 * together with the app's CSS) does the timing inside the page; see its module comment for
 * what each figure covers.
 *
 * Per N, in a fresh page holding the session data:
 * - open: ours and the floor (bare article in ProseMirror) alternate run by run after one
 *   warm-up each; `correct` counts our highlights that hold their quote.
 * - open, text-annotator: budgeted. It loads k annotations, where k is N when a run fits
 *   `taRunBudgetMs`, else as many as fit, judged from a probe; then its time is extrapolated
 *   as `t(0) + (t(k) - t(0)) × N / k`, with t(0) its own open without highlights. Its cost per
 *   highlight grows with the highlight's position (each is revived by a walk over the text
 *   nodes from the start), and the sample is random over the text, so the extrapolation is
 *   fair; anything it misses (e.g. super-linear index costs) flatters the peer.
 * - highlight: one more annotation near the top with N existing, and the same with none
 *   (`n: 0`, measured once).
 * - memory-editor (issue 6's `memory`, kept for history; issue 11's `memory` is the whole app,
 *   see app-bench.ts): the renderer's JS heap (CDP `Runtime.getHeapUsage` after two forced
 *   collections) with the session open, in a fresh page, against the bare article in another
 *   fresh page that holds only the article.
 * Optionally (`variants`), the app's editor with naive inline decorations
 * (`forceDecorations`) opened at the largest N, for comparison; not part of the contract.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../electron/service/pdf-chromium';
import { sentenceAround } from '../../shared/anchoring';
import type { Annotation, Session } from '../../shared/model/session';
import { annotationOn } from '../shared/anchoring/annotation-fixtures';
import type { Bench, OpenOutcome } from './editor/bench-page';
import { figure, median, type BenchResult } from './results';
import { pageCaller } from './page-call';

export interface EditorBenchOptions {
  /** The session with the largest N; smaller N take its first annotations. */
  session: Session;
  sizes: number[];
  runs: number;
  text: string;
  /** Longest a single text-annotator run may take before it is sampled (ms). */
  taRunBudgetMs: number;
  /** Total time text-annotator may spend per N (ms). */
  taBudgetMs: number;
  /** Runs of the one-more-highlight step (cheap and noisy, so more than `runs`). */
  highlightRuns: number;
  /** Also measure naive inline decorations at the largest N. */
  variants: boolean;
}

export interface EditorBenchOutcome {
  results: BenchResult[];
  variants: BenchResult[];
  chromium: string;
}

type Win = { __bench: Bench };

/** Where the bench page is served from, by request interception (nothing listens there). */
const PAGE_URL = 'http://localhost:9/bench.html';

let pageAssets: { script: string; css: string } | null = null;

/** The page module and the app's CSS, bundled once per process. */
async function assets(): Promise<{ script: string; css: string }> {
  if (pageAssets) return pageAssets;
  const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
  const js = await build({
    entryPoints: [here('./editor/bench-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const css = await build({
    entryPoints: [here('../../renderer/styles/app.css')],
    bundle: true,
    write: false,
    logLevel: 'silent',
  });
  const require = createRequire(import.meta.url);
  const taCss = readFileSync(
    require.resolve('@recogito/text-annotator/text-annotator.css'),
    'utf8',
  );
  pageAssets = {
    script: js.outputFiles[0]!.text,
    css: `${css.outputFiles[0]!.text}\n${taCss}\n#scroll { height: 100vh; }`,
  };
  return pageAssets;
}

/** A fresh page with the bench module and `data` loaded (also used by `profile-editor.ts`). */
export async function freshPage(
  browser: Browser,
  data: { article: unknown; annotations: Annotation[]; extra: Annotation | null },
): Promise<Page> {
  const { script, css } = await assets();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
  // Served (from memory, no network) cross-origin isolated, which gives the page
  // performance.now() at 5 µs resolution instead of 100 µs.
  const html =
    `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head>` +
    `<body><div id="scroll" class="article-scroll"><div class="article-page"><div id="host"></div></div></div></body></html>`;
  await page.route(PAGE_URL, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: {
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      },
      body: html,
    }),
  );
  await page.goto(PAGE_URL);
  if (!(await page.evaluate(() => crossOriginIsolated)))
    console.warn(
      'WARNING: the bench page is not cross-origin isolated; timers are coarse (100 µs)',
    );
  await page.addScriptTag({ content: script });
  await page.evaluate(
    (json) => (window as unknown as Win).__bench.load(json),
    JSON.stringify(data),
  );
  return page;
}

/** The renderer's JS heap in MB after two forced collections. */
export async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/** An annotation on a sentence near the top (visible), not among the session's. */
export function extraAnnotation(session: Session): Annotation {
  const article = session.articles[0]!;
  const text = article.text;
  const para = text.indexOf('\n\n', 0) + 2;
  const s = sentenceAround(text, para + 5) ?? {
    start: para,
    end: Math.min(text.length, para + 40),
  };
  const a = annotationOn(text, s.start, s.end, 'ann-bench-extra');
  return { ...a, kind: 'evidence', target: { ...a.target, articleId: article.id } };
}

/** Call `window.__bench[name](...args)` in the page. */
export const call = pageCaller<Bench>('__bench');

/** Chromium as the benchmark runs it: Debian's binary, headless, with `gc()` exposed (and `extraArgs`). */
export function launchBenchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', ...extraArgs],
  });
}

/** Run the editor benchmark (see the module comment). */
export async function runEditorBench(opts: EditorBenchOptions): Promise<EditorBenchOutcome> {
  const { session, sizes, runs, text } = opts;
  const article = session.articles[0]!;
  const extra = extraAnnotation(session);
  const data = { article, annotations: session.annotations, extra };
  const browser = await launchBenchBrowser();
  const results: BenchResult[] = [];
  const variants: BenchResult[] = [];
  try {
    const openOurs = (p: Page, n: number) => call(p, 'openOurs', n);
    const openFloor = (p: Page) => call(p, 'openFloor');

    // Highlight with none existing (n: 0), once.
    {
      const page = await freshPage(browser, data);
      results.push(await highlightFigure(page, 0, opts.highlightRuns, text));
      await page.close();
    }

    for (const n of sizes) {
      const page = await freshPage(browser, data);
      // open: ours and the floor alternating.
      await openFloor(page);
      await openOurs(page, n);
      const floorRuns: number[] = [];
      const oursRuns: OpenOutcome[] = [];
      for (let r = 0; r < runs; r++) {
        floorRuns.push((await openFloor(page)).ms);
        oursRuns.push(await openOurs(page, n));
      }
      const last = oursRuns[oursRuns.length - 1]!;
      results.push(
        figure('open', 'ours', n, pick(oursRuns), last.correct, {
          text,
          painted: last.painted,
          note: `${last.painted} highlights painted (view ± a screen)`,
        }),
        figure('open', 'floor', n, floorRuns, null, { text, note: 'bare article in ProseMirror' }),
      );
      if (n > 0 && last.painted === 0) console.warn(`WARNING: ours painted nothing at N=${n}`);

      results.push(await highlightFigure(page, n, opts.highlightRuns, text));
      results.push(await textAnnotatorFigure(page, n, opts));
      await page.close();
    }

    // memory: fresh pages, session open vs bare article.
    const memRuns = Math.max(1, Math.min(runs, 3));
    for (const n of sizes) {
      const ours: number[] = [];
      const floor: number[] = [];
      let correct: number | null = null;
      for (let r = 0; r < memRuns; r++) {
        const pf = await freshPage(browser, { article, annotations: [], extra: null });
        await openFloor(pf);
        floor.push(await heapMB(pf));
        await pf.close();
        const po = await freshPage(browser, {
          article,
          annotations: data.annotations.slice(0, n),
          extra: null,
        });
        correct = (await openOurs(po, n)).correct;
        ours.push(await heapMB(po));
        await po.close();
      }
      const note = 'JS heap after GC';
      results.push(
        figure('memory-editor', 'ours', n, [], correct, {
          text,
          heapMB: round1(median(ours)),
          heapRuns: ours.map(round1),
          note,
        }),
        figure('memory-editor', 'floor', n, [], null, {
          text,
          heapMB: round1(median(floor)),
          heapRuns: floor.map(round1),
          note: `${note}; bare article`,
        }),
      );
    }

    if (opts.variants) {
      const n = Math.max(...sizes);
      const page = await freshPage(browser, data);
      const vRuns = Math.max(1, Math.min(runs, 3));
      const deco = (p: Page) => call(p, 'openOurs', n, true);
      await deco(page);
      const out: OpenOutcome[] = [];
      for (let r = 0; r < vRuns; r++) out.push(await deco(page));
      variants.push(
        figure('open', 'ours', n, pick(out), out[out.length - 1]!.correct, {
          text,
          variant: 'inline-decorations',
          note: 'variant: naive inline decorations (forceDecorations), not the app path',
        }),
      );
      await page.close();
    }
    return { results, variants, chromium: browser.version() };
  } finally {
    await browser.close();
  }
}

const pick = (xs: OpenOutcome[]) => xs.map((x) => x.ms);
const round1 = (x: number) => Math.round(x * 10) / 10;

async function highlightFigure(
  page: Page,
  n: number,
  runs: number,
  text: string,
): Promise<BenchResult> {
  await call(page, 'mountForHighlight', n);
  const once = () => call(page, 'addHighlight', n);
  await once();
  const times: number[] = [];
  const frames: number[] = [];
  let added = 0;
  for (let r = 0; r < runs; r++) {
    const o = await once();
    times.push(o.ms);
    frames.push(o.frameMs);
    if (o.added) added++;
  }
  return figure('highlight', 'ours', n, times, added, {
    text,
    expected: runs,
    frameMedianMs: Math.round(median(frames) * 1000) / 1000,
    note: `setAnnotations + layout; ${median(frames).toFixed(1)} ms to the next rendered frame`,
  });
}

async function textAnnotatorFigure(
  page: Page,
  n: number,
  opts: EditorBenchOptions,
): Promise<BenchResult> {
  const open = (k: number) => call(page, 'openTextAnnotator', k);
  await open(0);
  const base = (await open(0)).ms;
  const k0 = Math.min(n, 100);
  const probe = await open(k0);
  const perAnn = Math.max(1e-3, (probe.ms - base) / Math.max(1, k0));
  const fits = Math.floor((opts.taRunBudgetMs - base) / perAnn);
  const k = Math.max(k0, Math.min(n, fits));
  const runMs = base + perAnn * k;
  const taRuns = Math.max(1, Math.min(opts.runs, Math.floor(opts.taBudgetMs / runMs)));
  const outs: Array<OpenOutcome & { loadMs: number }> = [];
  const bases: number[] = [];
  for (let r = 0; r < taRuns; r++) {
    outs.push(k === k0 && r === 0 ? probe : await open(k));
    if (k < n) bases.push((await open(0)).ms);
  }
  const b0 = bases.length ? median(bases) : base;
  const times = outs.map((o) => (k < n ? b0 + ((o.ms - b0) * n) / k : o.ms));
  const last = outs[outs.length - 1]!;
  const drawn = k === 0 || last.painted > 0;
  if (!drawn) console.warn(`WARNING: text-annotator drew nothing for ${k} highlights`);
  return figure('open', 'text-annotator', n, times, drawn ? last.correct : 0, {
    text: opts.text,
    ...(k < n ? { extrapolated: true, sampled: k } : {}),
    loadMedianMs: Math.round(median(outs.map((o) => o.loadMs)) * 1000) / 1000,
    painted: last.painted,
    note: drawn
      ? `SPANS renderer; ${last.painted} highlight spans drawn in view`
      : 'SPANS renderer; NOTHING DRAWN: not a valid figure',
  });
}

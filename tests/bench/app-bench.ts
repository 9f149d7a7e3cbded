/**
 * The app benchmark (issue 11: `open-app`, `highlight-app`, `scroll`, `memory`): the real app
 * in browser mode, in Debian's Chromium through playwright-core. The loopback host
 * (`bin/web.js`, serving the built renderer) runs on a data directory in a temporary folder;
 * one session per N is made through the host's API (the article imported as a file, the
 * benchmark session's annotations, links and speakers applied as op batches) and read back as
 * stored, which is what every check compares with. The page module (`app/app-page.ts`) times
 * inside the page and checks the painted highlights with the model test's probe.
 *
 * - `open-app` (N and 0, alternating run by run, a fresh page each): from the click on the
 *   session's Open button in the library to the article shown with every highlight in view
 *   painted. `correct` counts runs whose check held.
 * - `highlight-app` (N and 0): a passage in view selected with a mouse drag, then from key `1`
 *   to the detail panel showing the new claim's quote and its highlight painted (with every
 *   other highlight in view); undone (Ctrl+Z) between runs, untimed. Both sessions are open in
 *   their own page and the runs alternate (0, N, then N, 0, ...), so a swing of the machine's
 *   load falls on both alike.
 * - `scroll` (N and 100): from the top, one screen at a time to the bottom (`scrollTop` +=
 *   the view's height), then 50 jumps in a fixed cycle: End and Home (keys, in the reading
 *   column), the middle, and seeded scrollbar-style `scrollTop` sets. Each stop is timed until
 *   every highlight in view is painted; `runs` holds every stop's time, `medianMs` and `p95Ms`
 *   are over them, `correct`/`total` count the stops whose check held. Both sessions are open
 *   in their own page and take each stop in turn (the order reversed every other stop): the
 *   same stops and the same work at both N, under the same load.
 * - `memory` (N and 0): the host restarted, the session opened in a fresh browser context and
 *   checked painted; the benchmark's expected highlights dropped from the page; then the
 *   renderer's JS heap after two forced collections (CDP),
 *   the document's node count, and the host's resident set after two collections (through
 *   Node's inspector, which the benchmark starts the host with).
 *
 * Chromium runs with smooth scrolling off, so a key jump's time is the app's work and not the
 * browser's scroll animation.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import type { ApiMethod, ApiRequest, ApiResponses } from '../../shared/api/contract';
import type { Session } from '../../shared/model/session';
import type { SessionOp } from '../../shared/session/session-ops';
import { CodePointIndex } from '../../shared/text/code-points';
import { api } from '../e2e/helpers/app-driver';
import { startHost, type RunningHost } from '../e2e/helpers/web-host';
import { seededRandom } from '../helpers/session-fixtures';
import { modelArticle } from '../model/article-text';
import type { AppBench, ExpectedSpan, PageData, StopOutcome } from './app/app-page';
import { buildBenchSession } from './corpus';
import { heapMB, launchBenchBrowser } from './editor-bench';
import { figure, median, type BenchResult } from './results';
import { pageCaller } from './page-call';

export interface AppBenchOptions {
  /** The article text (imported into the host as a file named `label`). */
  raw: string;
  label: string;
  sizes: number[];
  runs: number;
  smoke: boolean;
  log: (line: string) => void;
  /** Only these workloads (default all). */
  only?: readonly AppTask[];
}

export type AppTask = 'open-app' | 'highlight-app' | 'scroll' | 'memory';

export interface AppBenchOutcome {
  results: BenchResult[];
  chromium: string;
}

/** The N that `scroll` compares with (issue 11: 10,000 against 100). */
export const SCROLL_BASE = 100;
const JUMPS = 50;
const SMOKE_JUMPS = 5;
const SMOKE_SCREENS = 12;
/** How long one scroll stop, open or mark may take before it counts as not correct (ms). */
const STOP_LIMIT_MS = 10_000;
const OPEN_LIMIT_MS = 60_000;
const VIEWPORT = { width: 1280, height: 800 };

let pageScript: string | null = null;

/** The page module, bundled once per process. */
async function script(): Promise<string> {
  if (pageScript) return pageScript;
  const out = await build({
    entryPoints: [fileURLToPath(new URL('./app/app-page.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  pageScript = out.outputFiles[0]!.text;
  return pageScript;
}

/** One session per N, made through the API, as stored. */
export interface BenchSession {
  n: number;
  id: string;
  name: string;
  stored: Session;
  data: PageData;
}

/** The highlights a stored session should show, in canonical UTF-16 offsets, by start. */
function expectedSpans(s: Session): ExpectedSpan[] {
  const art = s.articles[0]!;
  const cp = new CodePointIndex(art.text);
  return s.annotations
    .filter((a) => a.target.articleId === art.id && a.target.status !== 'orphaned')
    .map((a) => ({
      key: a.id,
      kind: a.kind,
      start: cp.toUtf16(a.target.position.start),
      end: cp.toUtf16(a.target.position.end),
    }))
    .sort((a, b) => a.start - b.start);
}

/** Import the article and make one session per N (see the module comment). */
export async function prepareSessions(
  host: RunningHost,
  raw: string,
  label: string,
  ns: number[],
): Promise<Map<number, BenchSession>> {
  const call: <M extends ApiMethod>(m: M, req: ApiRequest<M>) => Promise<ApiResponses[M]> = (
    m,
    req,
  ) => api(host.origin, host.token, m, req);
  const entry = await call('library.importFile', {
    fileName: label.endsWith('.txt') ? label : `${label}.txt`,
    base64: Buffer.from(raw, 'utf8').toString('base64'),
  });
  const out = new Map<number, BenchSession>();
  let bench: Session | null = null;
  for (const n of ns) {
    const name = `Bench review [${n}]`;
    const opened = await call('sessions.create', { name, articleIds: [entry.id] });
    const art = opened.session.articles[0]!;
    bench ??= buildBenchSession(art.text, Math.max(...ns), label);
    if (bench.articles[0]!.text !== art.text)
      throw new Error('the imported article text differs from the benchmark session');
    const annotations = bench.annotations.slice(0, n);
    const ids = new Set(annotations.map((a) => a.id));
    const ops: SessionOp[] = [
      ...bench.speakers.map((speaker): SessionOp => ({ op: 'speaker.put', speaker })),
      ...annotations.map((a): SessionOp => ({
        op: 'annotation.put',
        annotation: { ...a, target: { ...a.target, articleId: art.id } },
      })),
      ...bench.links
        .filter((l) => ids.has(l.from) && ids.has(l.to))
        .map((link): SessionOp => ({ op: 'link.put', link })),
    ];
    let revision = opened.session.revision;
    for (let i = 0; i < ops.length; i += 20_000)
      revision = (
        await call('sessions.apply', {
          id: opened.session.id,
          baseRevision: revision,
          ops: ops.slice(i, i + 20_000),
        })
      ).revision;
    await call('sessions.flush', { id: opened.session.id });
    const stored = (await call('sessions.open', { id: opened.session.id })).session;
    if (stored.annotations.length !== n)
      throw new Error(`session ${name} holds ${stored.annotations.length} annotations, not ${n}`);
    out.set(n, {
      n,
      id: stored.id,
      name,
      stored,
      data: { segments: modelArticle(stored.articles[0]!).segments, spans: expectedSpans(stored) },
    });
  }
  return out;
}

/** Call `window.__appBench[name](...args)` in the page. */
export const call = pageCaller<AppBench>('__appBench');

/** A new page on the library, with the page module and `s`'s expected highlights loaded. */
export async function libraryPage(browser: Browser | Page, host: RunningHost, s: BenchSession) {
  const page = 'newPage' in browser ? await browser.newPage({ viewport: VIEWPORT }) : browser;
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
  await page.goto(host.url);
  const open = page
    .getByTestId('session-item')
    .filter({ hasText: s.name })
    .getByRole('button', { name: /^Open/ });
  await open.waitFor({ timeout: 60_000 });
  await page.evaluate(await script());
  await call(page, 'load', JSON.stringify(s.data));
  return { page, open };
}

/** Open `s` from the library, untimed, and wait until its highlights in view are painted. */
export async function openSession(browser: Browser | Page, host: RunningHost, s: BenchSession) {
  const { page, open } = await libraryPage(browser, host, s);
  await open.click();
  await page.locator('.article-text').waitFor({ timeout: OPEN_LIMIT_MS });
  for (let i = 0; ; i++) {
    const c = await call(page, 'checkNow');
    if (c.ok) break;
    if (i > 200)
      throw new Error(`session ${s.name}: highlights not painted (${JSON.stringify(c)})`);
  }
  return page;
}

/** One timed open (see the module comment); the page is closed unless `keep`. */
async function openAppRun(browser: Browser, host: RunningHost, s: BenchSession, keep: boolean) {
  const { page, open } = await libraryPage(browser, host, s);
  await call(page, 'armOpen', OPEN_LIMIT_MS);
  await open.click();
  const outcome = await call(page, 'armed');
  if (!keep) await page.close();
  return { page, outcome };
}

/**
 * A passage in the first paragraph of some length (the drag scrolls it into view), on word
 * boundaries, that no annotation covers exactly; the same at every N.
 */
function pickPassage(s: BenchSession): { start: number; end: number } {
  const text = s.stored.articles[0]!.text;
  const taken = new Set(s.data.spans.map((x) => `${x.start}:${x.end}`));
  for (const seg of s.data.segments) {
    if (seg.end - seg.start < 160 || seg.start === 0) continue;
    const start = text.indexOf(' ', seg.start + 20) + 1;
    const end = text.indexOf(' ', start + 50);
    if (start > 0 && end > start && end < seg.end && !taken.has(`${start}:${end}`))
      return { start, end };
  }
  throw new Error('no paragraph long enough to mark a passage in');
}

/** Select `[start, end)` with a mouse drag, as the model test's driver does. */
async function dragSelect(page: Page, s: BenchSession, start: number, end: number) {
  const r = await call(page, 'probe', [{ key: 'drag', start, end }], true);
  const rects = r.spans[0]?.rects ?? [];
  if (r.error || !rects.length) throw new Error(`cannot find the passage to select: ${r.error}`);
  // A press inside a selection would drag the selected text (undo selects the passage again).
  if (await page.evaluate(() => !window.getSelection()?.isCollapsed))
    await page.keyboard.press('ArrowLeft');
  const a = rects[0]!;
  const b = rects[rects.length - 1]!;
  const [x1, y1, x2, y2] = [a.x + 1, a.y + a.h / 2, b.x + b.w - 1, b.y + b.h / 2];
  await page.mouse.move(x1, y1);
  await page.mouse.down();
  await page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2, { steps: 3 });
  await page.mouse.move(x2, y2, { steps: 3 });
  await page.mouse.up();
  const got = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  const text = s.stored.articles[0]!.text.slice(start, end);
  if (got.replace(/\s+/g, ' ') !== text.replace(/\s+/g, ' '))
    throw new Error(`the drag selected “${got}”, not “${text}”`);
}

/** The passage `highlightRuns` marks in `s`, and its text. */
function markPlan(s: BenchSession) {
  const { start, end } = pickPassage(s);
  return { start, end, quote: s.stored.articles[0]!.text.slice(start, end) };
}

/** One mark with key `1` in the open session `s` (timed), then undone (untimed). */
async function markOnce(
  page: Page,
  s: BenchSession,
  { start, end, quote }: ReturnType<typeof markPlan>,
): Promise<StopOutcome> {
  await dragSelect(page, s, start, end);
  await call(page, 'armMark', '1', 'claim', start, end, quote, STOP_LIMIT_MS);
  await page.keyboard.press('1');
  const o = await call(page, 'armed');
  // Undo, untimed: leave the speaker field, Ctrl+Z, until the highlight is gone.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await call(page, 'forgetMark');
  for (let i = 0; ; i++) {
    const c = await call(page, 'checkNow');
    if (c.ok && !(await call(page, 'paintedQuote', 'claim', quote))) break;
    if (i > 100) throw new Error(`the mark in ${s.name} was not undone`);
  }
  return o;
}

/** Wait until every change of the page is saved (the undo too), so the session is as stored. */
async function allSaved(page: Page): Promise<void> {
  await page
    .getByTestId('save-state')
    .filter({ hasText: 'All changes saved' })
    .waitFor({ timeout: OPEN_LIMIT_MS });
}

/** `runs` marks with key `1` in the open session `s` (after one warm-up if `warm`), each undone. */
async function highlightRuns(
  page: Page,
  s: BenchSession,
  runs: number,
  warm: boolean,
): Promise<StopOutcome[]> {
  const plan = markPlan(s);
  const out: StopOutcome[] = [];
  for (let r = warm ? 0 : 1; r <= runs; r++) {
    const o = await markOnce(page, s, plan);
    if (r > 0) out.push(o);
  }
  await allSaved(page);
  return out;
}

/** An open session in its own page, for the workloads that alternate two N. */
interface OpenPage {
  n: number;
  s: BenchSession;
  page: Page;
}

/** Each page in turn, the order reversed every other round, so neither N always goes first. */
const inTurn = <T>(xs: readonly T[], round: number): T[] =>
  round % 2 ? [...xs].reverse() : [...xs];

/**
 * `highlight-app` with the N interleaved: one warm-up mark in each page, then `runs` rounds of
 * one mark in each page (each undone), so a swing of the machine's load falls on both N alike.
 */
async function interleavedMarks(
  pages: OpenPage[],
  runs: number,
): Promise<Map<number, StopOutcome[]>> {
  const plans = new Map(pages.map((p) => [p.n, markPlan(p.s)]));
  const out = new Map<number, StopOutcome[]>(pages.map((p) => [p.n, []]));
  for (let r = 0; r <= runs; r++)
    for (const p of inTurn(pages, r)) {
      const o = await markOnce(p.page, p.s, plans.get(p.n)!);
      if (r > 0) out.get(p.n)!.push(o);
    }
  for (const p of pages) await allSaved(p.page);
  return out;
}

/** The jumps after the screens: End, a seeded `scrollTop` set, Home, the middle, a seeded set. */
function jumpPlan(jumps: number): ({ key: 'End' | 'Home' } | { fraction: number })[] {
  const random = seededRandom(1107);
  return Array.from({ length: jumps }, (_, j) => {
    const kind = j % 5;
    if (kind === 0 || kind === 2) return { key: kind === 0 ? ('End' as const) : ('Home' as const) };
    return { fraction: kind === 3 ? 0.5 : random() };
  });
}

/** Focus the reading column (a click in its margin), so End and Home scroll it. */
async function focusColumn(page: Page): Promise<void> {
  const box = await page.getByTestId('article-scroll').boundingBox();
  await page.mouse.click(box!.x + 8, box!.y + box!.height / 2);
}

/** One jump of `jumpPlan`, timed in the page. */
async function jump(page: Page, j: ReturnType<typeof jumpPlan>[number]): Promise<StopOutcome> {
  if ('key' in j) {
    await call(page, 'armKeyJump', j.key, STOP_LIMIT_MS);
    await page.keyboard.press(j.key);
    return call(page, 'armed');
  }
  return call(page, 'jumpTo', j.fraction, STOP_LIMIT_MS);
}

/**
 * `scroll` with the N interleaved stop by stop: each page scrolls one screen in turn (the order
 * reversed every other stop) from the top to the bottom, then the same jumps in turn. Both pages
 * show the same article at the same size, so their stops are the same; a swing of the machine's
 * load falls on both N alike.
 */
async function interleavedScroll(pages: OpenPage[]): Promise<Map<number, StopOutcome[]>> {
  const out = new Map<number, StopOutcome[]>(pages.map((p) => [p.n, []]));
  for (const p of pages) await call(p.page, 'toTop');
  const done = new Set<number>();
  for (let r = 0; done.size < pages.length; r++)
    for (const p of inTurn(pages, r)) {
      if (done.has(p.n)) continue;
      const o = await call(p.page, 'screenStep', STOP_LIMIT_MS);
      if (o) out.get(p.n)!.push(o);
      else done.add(p.n);
    }
  for (const p of pages) await focusColumn(p.page);
  const plan = jumpPlan(JUMPS);
  for (let j = 0; j < plan.length; j++)
    for (const p of inTurn(pages, j)) out.get(p.n)!.push(await jump(p.page, plan[j]!));
  return out;
}

/** The scroll stops of the module comment in one open session (the smoke run). */
async function scrollStops(page: Page, smoke: boolean): Promise<StopOutcome[]> {
  const stops = await call(page, 'screens', STOP_LIMIT_MS, smoke ? SMOKE_SCREENS : 1e9);
  await focusColumn(page);
  for (const j of jumpPlan(smoke ? SMOKE_JUMPS : JUMPS)) stops.push(await jump(page, j));
  return stops;
}

/** The host's resident set (and heap) in MB after two collections, through its inspector. */
async function serviceMemory(host: RunningHost): Promise<{ rssMB: number; heapMB: number }> {
  const url = /ws:\/\/127\.0\.0\.1:\d+\/[\w-]+/.exec(host.output())?.[0];
  if (!url) throw new Error('the host has no inspector (start it with --inspect)');
  const probe = `
    const ws = new WebSocket(process.argv[1]);
    let id = 0;
    const pending = new Map();
    const send = (method, params = {}) => new Promise((r) => {
      pending.set(++id, r);
      ws.send(JSON.stringify({ id, method, params }));
    });
    ws.onmessage = (e) => {
      const m = JSON.parse(e.data);
      if (pending.has(m.id)) { pending.get(m.id)(m.result); pending.delete(m.id); }
    };
    ws.onopen = async () => {
      await send('HeapProfiler.collectGarbage');
      await send('HeapProfiler.collectGarbage');
      const r = await send('Runtime.evaluate', {
        expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
      console.log(r.result.value);
      ws.close();
    };`;
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--experimental-websocket', '-e', probe, url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let s = '';
    child.stdout.on('data', (c: Buffer) => (s += c.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(s) : reject(new Error(`inspector probe exited ${code}`)),
    );
  });
  const m = JSON.parse(out) as { rss: number; heapUsed: number };
  return { rssMB: m.rss / 2 ** 20, heapMB: m.heapUsed / 2 ** 20 };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The 95th percentile (nearest rank) of a non-empty list. */
export function p95(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!;
}

/** Run the app benchmark (see the module comment). */
export async function runAppBench(opts: AppBenchOptions): Promise<AppBenchOutcome> {
  const { raw, label, runs, smoke } = opts;
  const t0 = performance.now();
  const log = (l: string) => opts.log(`${l} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  const has = (t: AppTask) => !opts.only || opts.only.includes(t);
  const sizes = [...new Set(opts.sizes)].sort((a, b) => a - b);
  // The smoke run checks correctness only: N alone, no figures at 0 or 100.
  const atZero = smoke ? sizes : [0, ...sizes.filter((n) => n > 0)];
  const scrollNs = [...new Set([...(smoke ? [] : [SCROLL_BASE]), ...sizes])].sort((a, b) => a - b);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fc-bench-app-'));
  const hostOpts = { dataDir, node: ['--inspect=127.0.0.1:0'] };
  let host = await startHost(hostOpts);
  const results: BenchResult[] = [];
  let browser: Browser | null = null;
  try {
    const sessions = await prepareSessions(host, raw, label, [
      ...new Set([...atZero, ...scrollNs]),
    ]);
    log(`app: ${sessions.size} sessions made through the API`);
    browser = await launchBenchBrowser(['--disable-smooth-scrolling']);
    const at = (n: number) => sessions.get(n)!;
    const figures = new AppFigures(label, smoke);

    if (smoke) {
      // One page for everything: open, mark, scroll, memory (the host is not restarted).
      const n = sizes[sizes.length - 1]!;
      const { page, outcome } = await openAppRun(browser, host, at(n), true);
      results.push(
        figures.open(n, [outcome]),
        figures.mark(n, await highlightRuns(page, at(n), 1, false)),
        figures.scroll(n, await scrollStops(page, true)),
        await figures.memory(page, host, n),
      );
      await page.close();
      return { results, chromium: browser.version() };
    }

    // open-app: 0 and each N alternating, one warm-up each.
    const opens = new Map<number, StopOutcome[]>(atZero.map((n) => [n, []]));
    for (let r = 0; r <= (has('open-app') ? runs : -1); r++)
      for (const n of atZero) {
        const { outcome } = await openAppRun(browser, host, at(n), false);
        if (r > 0) opens.get(n)!.push(outcome);
      }
    if (has('open-app')) results.push(...atZero.map((n) => figures.open(n, opens.get(n)!)));
    log(`app: open-app done`);

    // highlight-app: 0 and each N, one page each, the marks interleaved run by run.
    if (has('highlight-app')) {
      const pages: OpenPage[] = [];
      for (const n of atZero)
        pages.push({ n, s: at(n), page: await openSession(browser, host, at(n)) });
      const marks = await interleavedMarks(pages, Math.max(runs, 7));
      for (const p of pages) {
        await p.page.close();
        const kept = await api(host.origin, host.token, 'sessions.open', { id: p.s.id });
        if (kept.session.annotations.length !== p.n)
          throw new Error(
            `after the marks were undone, ${p.s.name} holds ${kept.session.annotations.length}`,
          );
        results.push(figures.mark(p.n, marks.get(p.n)!));
      }
    }
    log(`app: highlight-app done`);

    // scroll: 100 and each N, one page each, the stops interleaved.
    if (has('scroll')) {
      const pages: OpenPage[] = [];
      for (const n of scrollNs)
        pages.push({ n, s: at(n), page: await openSession(browser, host, at(n)) });
      const all = await interleavedScroll(pages);
      for (const p of pages) {
        await p.page.close();
        const stops = all.get(p.n)!;
        log(
          `app: scroll N=${p.n}: ${stops.length} stops, checks ${median(stops.map((o) => o.checkMs)).toFixed(1)} ms (median), frames ${median(stops.map((o) => o.frames))}`,
        );
        const bad = stops.filter((o) => !o.ok);
        if (bad.length)
          log(
            `app: scroll N=${p.n}: ${bad.length} stop(s) not painted, e.g. ${JSON.stringify(bad[0])}`,
          );
        results.push(figures.scroll(p.n, stops));
      }
    }

    // memory: the host restarted per N, a fresh browser context.
    for (const n of has('memory') ? atZero : []) {
      await host.stop();
      host = await startHost({ ...hostOpts, port: host.port });
      const context = await browser.newContext({ viewport: VIEWPORT });
      const page = await openSession(await context.newPage(), host, at(n));
      results.push(await figures.memory(page, host, n));
      await context.close();
    }
    log(`app: memory done`);
    return { results, chromium: browser.version() };
  } finally {
    await browser?.close();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The result rows of the app workloads. */
class AppFigures {
  constructor(
    private readonly text: string,
    private readonly smoke: boolean,
  ) {}

  open(n: number, os_: StopOutcome[]): BenchResult {
    return figure('open-app', 'ours', n, pick(os_), os_.filter((o) => o.ok).length, {
      text: this.text,
      total: os_.length,
      note: `click on Open to the article with its highlights in view painted (${median(os_.map((o) => o.inView))} in view)`,
    });
  }

  mark(n: number, os_: StopOutcome[]): BenchResult {
    return figure('highlight-app', 'ours', n, pick(os_), os_.filter((o) => o.ok).length, {
      text: this.text,
      total: os_.length,
      note: 'key 1 on a selection to the highlight painted and its card shown',
    });
  }

  scroll(n: number, stops: StopOutcome[]): BenchResult {
    const times = pick(stops);
    const jumps = this.smoke ? SMOKE_JUMPS : JUMPS;
    const inView = stops.reduce((k, o) => k + o.inView, 0);
    return figure('scroll', 'ours', n, times, stops.filter((o) => o.ok).length, {
      text: this.text,
      total: stops.length,
      painted: inView,
      p95Ms: Math.round(p95(times) * 1000) / 1000,
      note: `${stops.length - jumps} screens and ${jumps} jumps; ${inView} highlights in view checked`,
    });
  }

  /** Memory with the session open in `page` (its highlights in view painted). */
  async memory(page: Page, host: RunningHost, n: number): Promise<BenchResult> {
    // The expected highlights are the benchmark's, not the app's: dropped before measuring.
    await call(page, 'unload');
    await new Promise((r) => setTimeout(r, 500));
    const heap = await heapMB(page);
    const domNodes = await call(page, 'domNodes');
    const service = await serviceMemory(host);
    return figure('memory', 'ours', n, [], n, {
      text: this.text,
      heapMB: round1(heap),
      heapRuns: [round1(heap)],
      domNodes,
      rssMB: round1(service.rssMB),
      note: `the app with the session open: renderer JS heap after GC; service heap ${service.heapMB.toFixed(1)} MB`,
    });
  }
}

const pick = (xs: StopOutcome[]) => xs.map((x) => x.ms);

/** For a quick look by hand: `tsx tests/bench/app-bench.ts [FILE] [N]`. */
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  const raw = file
    ? readFileSync(file, 'utf8')
    : (await import('./corpus')).generateArticleText(60_000);
  const n = Number(process.argv[3] ?? 20);
  const only = process.argv[4]?.split(',') as AppTask[] | undefined;
  const out = await runAppBench({
    raw,
    label: file ? path.basename(file) : 'generated-60k',
    sizes: [n],
    runs: 1,
    smoke: !file,
    log: console.log,
    only,
  });
  console.log(
    JSON.stringify(
      out.results.map((r) => ({ ...r, runs: r.runs.length })),
      null,
      1,
    ),
  );
}

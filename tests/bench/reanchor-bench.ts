/**
 * Re-anchoring benchmark (issue 6, task "reanchor"): N TextQuoteSelectors
 * (with prefix and suffix) re-anchored after a small edit near the start of
 * the text, which shifts every position. Annotations are placed by a seeded
 * generator (a clause to a few sentences, nested ones, repeated short quotes;
 * see tests/shared/anchoring/annotation-fixtures.ts); `correct` counts those
 * that land exactly on the passage they were made on.
 *
 * How each tool is driven, on the same selectors:
 * - ours: `reanchorAnnotations(oldText, newText, annotations)`, the whole
 *   call (diff, indexes, verification, any search) timed.
 * - floor: `newText.indexOf(exact)` per quote; the first hit counts.
 * - dom-anchor-text-quote: `toTextPosition(root, {exact, prefix, suffix},
 *   {hint})` over a jsdom DOM of the new text (one <p> per line), with the
 *   selector's old start as the hint, as Hypothesis drove it. We take its
 *   text offsets and skip its Range conversion, which only flatters it.
 * - apache-annotator: `createTextQuoteSelectorMatcher(selector)(root)` of
 *   @apache-annotator/dom over the same kind of DOM, first match taken, in a
 *   worker thread that is stopped when the budget is spent.
 * The DOMs are built before timing starts. A peer that cannot finish N
 * within `budgetMs` runs on the first k selectors (in placement order, which
 * is random over the text) and its time is extrapolated to N
 * (`extrapolated: true`, `sampled: k`; `correct` then counts within the k).
 * If the Apache matcher does not finish even one selector within the budget,
 * its figure is the budget times N, a lower bound, with `sampled: 0` and
 * `correct: null`. Figures are medians of `runs` runs after a warm-up; the
 * Apache figure is one run (the mean of its sampled selectors), because a
 * single selector of it can take minutes.
 *
 *   npx tsx tests/bench/reanchor-bench.ts --n 1000 [--runs 5] [--budget 3000] [--text FILE]
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { toTextPosition } from 'dom-anchor-text-quote';
import { reanchorAnnotations } from '../../shared/anchoring';
import { normalizeNewlines } from '../../shared/article/plain-text';
import { CodePointIndex } from '../../shared/text/code-points';
import { editNearStart, placeAnnotations } from '../shared/anchoring/annotation-fixtures';
import type { ApacheWorkerInput, ApacheWorkerMessage } from './apache-quote-worker';
import { buildTextDom } from './text-dom';

export interface BenchResult {
  task: 'reanchor';
  tool: 'ours' | 'apache-annotator' | 'dom-anchor-text-quote' | 'floor';
  n: number;
  medianMs: number;
  runs: number[];
  correct: number | null;
  heapMB: null;
  extrapolated?: boolean;
  sampled?: number;
}

export interface ReanchorBenchOptions {
  /** Article text (normalised here). */
  text: string;
  n: number;
  runs: number;
  /** Time budget per slow peer and run, in milliseconds. */
  budgetMs: number;
  /** Budget of the Apache matcher alone (default `budgetMs`): one selector can take 30 s. */
  apacheBudgetMs?: number;
}

/** Seed of the annotation placement: the same text and N give the same annotations. */
const PLACEMENT_SEED = 20170517;

interface Workload {
  oldText: string;
  newText: string;
  selectors: Array<{ exact: string; prefix: string; suffix: string; hint16: number }>;
  /** Where each annotation must land in the new text (UTF-16). */
  expected: Array<{ start: number; end: number }>;
  run: () => ReturnType<typeof reanchorAnnotations>;
}

/** Run the benchmark at one N; see the module comment. */
export async function runReanchorBench(opts: ReanchorBenchOptions): Promise<BenchResult[]> {
  const w = prepare(opts.text, opts.n);
  const n = w.expected.length;
  const results: BenchResult[] = [];

  // ours
  const cp = new CodePointIndex(w.newText);
  let correct = 0;
  const ours = timeRuns(opts.runs, () => {
    const { annotations } = w.run();
    correct = annotations.filter((a, i) => {
      const want = w.expected[i]!;
      return (
        a.target.status !== 'orphaned' &&
        cp.toUtf16(a.target.position.start) === want.start &&
        cp.toUtf16(a.target.position.end) === want.end
      );
    }).length;
  });
  results.push(result('ours', n, ours, correct));

  // floor
  const floor = timeRuns(opts.runs, () => {
    correct = 0;
    for (let i = 0; i < n; i++) {
      if (w.newText.indexOf(w.selectors[i]!.exact) === w.expected[i]!.start) correct++;
    }
  });
  results.push(result('floor', n, floor, correct));

  // dom-anchor-text-quote
  const dom = buildTextDom(w.newText);
  const dtq = sampledRuns(n, opts.runs, opts.budgetMs, (i) => {
    const s = w.selectors[i]!;
    const r = toTextPosition(dom.root, s, { hint: s.hint16 });
    const want = w.expected[i]!;
    return r !== null && r.start === want.start && r.end === want.end;
  });
  results.push({ ...result('dom-anchor-text-quote', n, dtq.runs, dtq.correct), ...dtq.flags });

  results.push(await apacheRun(w, opts.apacheBudgetMs ?? opts.budgetMs));
  return results;
}

function prepare(raw: string, n: number): Workload {
  const oldText = normalizeNewlines(raw);
  const edit = editNearStart(oldText);
  const placed = placeAnnotations(oldText, n, PLACEMENT_SEED, edit.editEnd16);
  const annotations = placed.map((p) => p.annotation);
  return {
    oldText,
    newText: edit.text,
    selectors: placed.map((p) => ({
      exact: p.annotation.target.quote.exact,
      prefix: p.annotation.target.quote.prefix,
      suffix: p.annotation.target.quote.suffix,
      hint16: p.start16,
    })),
    expected: placed.map((p) => ({ start: p.start16 + edit.shift16, end: p.end16 + edit.shift16 })),
    run: () => reanchorAnnotations(oldText, edit.text, annotations),
  };
}

function result(tool: BenchResult['tool'], n: number, runs: number[], correct: number | null) {
  return {
    task: 'reanchor',
    tool,
    n,
    medianMs: median(runs),
    runs,
    correct,
    heapMB: null,
  } as const;
}

/** One warm-up, then `runs` timed runs of `fn`. */
function timeRuns(runs: number, fn: () => void): number[] {
  fn();
  const out: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * Time `fn(i)` over all N items, or, when a warm-up pass cannot get through
 * them within `budgetMs`, over the k it reached, extrapolated to N.
 */
function sampledRuns(
  n: number,
  runs: number,
  budgetMs: number,
  fn: (i: number) => boolean,
): { runs: number[]; correct: number; flags: { extrapolated?: true; sampled?: number } } {
  let k = 0;
  const w0 = performance.now();
  while (k < n && (k === 0 || performance.now() - w0 < budgetMs)) fn(k++);
  const out: number[] = [];
  let correct = 0;
  for (let r = 0; r < runs; r++) {
    correct = 0;
    const t0 = performance.now();
    for (let i = 0; i < k; i++) if (fn(i)) correct++;
    out.push(((performance.now() - t0) * n) / k);
  }
  return { runs: out, correct, flags: k < n ? { extrapolated: true, sampled: k } : {} };
}

/** The Apache matcher in a worker, stopped when the budget is spent. */
async function apacheRun(w: Workload, budgetMs: number): Promise<BenchResult> {
  const n = w.expected.length;
  const input: ApacheWorkerInput = {
    text: w.newText,
    selectors: w.selectors.map(({ exact, prefix, suffix }) => ({ exact, prefix, suffix })),
  };
  const tsx = import.meta.resolve('tsx/esm/api');
  const script = new URL('./apache-quote-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(script)}); });`;
  const worker = new Worker(boot, { eval: true, workerData: input });
  const times: number[] = [];
  let correct = 0;
  await new Promise<void>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const stop = () => {
      clearTimeout(timer);
      void worker.terminate().then(() => resolve());
    };
    worker.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    worker.on('message', (m: ApacheWorkerMessage) => {
      if (m.kind === 'ready') timer = setTimeout(stop, budgetMs);
      else if (m.kind === 'done') stop();
      else {
        times.push(m.ms);
        const want = w.expected[m.index]!;
        if (m.start === want.start && m.end === want.end) correct++;
      }
    });
  });
  const k = times.length;
  const total = k > 0 ? (times.reduce((a, b) => a + b, 0) * n) / k : budgetMs * n;
  return {
    ...result('apache-annotator', n, [total], k > 0 ? correct : null),
    ...(k < n ? { extrapolated: true, sampled: k } : {}),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Print one table of results. */
export function formatTable(results: BenchResult[]): string {
  const rows = results.map((r) => {
    const lowerBound = r.tool === 'apache-annotator' && r.sampled === 0;
    const ms = `${lowerBound ? '≥ ' : ''}${r.medianMs.toFixed(1)}`;
    const note = r.extrapolated ? `extrapolated from ${r.sampled}` : '';
    const right = r.correct === null ? '—' : `${r.correct}/${r.sampled ?? r.n}`;
    return [r.tool, String(r.n), ms, right, note];
  });
  const head = ['tool', 'n', 'median ms', 'correct', ''];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  return [head, ...rows]
    .map((row) => row.map((v, c) => v.padEnd(widths[c]!)).join('  '))
    .join('\n');
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<void> {
  const places = [
    argValue(args, '--text'),
    fileURLToPath(new URL('../../../shared/corpus/long-mueller-report.txt', import.meta.url)),
    '/work/shared/corpus/long-mueller-report.txt',
  ].filter((p): p is string => p !== undefined);
  const file = places.find((p) => existsSync(p));
  if (!file) throw new Error(`no text found at ${places.join(', ')}; pass --text FILE`);
  const n = Number(argValue(args, '--n') ?? 1000);
  const runs = Number(argValue(args, '--runs') ?? 5);
  const budgetMs = Number(argValue(args, '--budget') ?? 3000);
  const results = await runReanchorBench({ text: readFileSync(file, 'utf8'), n, runs, budgetMs });
  console.log(`re-anchoring after an edit near the start of ${file}`);
  console.log(formatTable(results));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}

/**
 * The benchmark's figures and what is done with them: the result record of
 * `bench-results/latest.json` (issue 6's contract, with issue 11's extras), timing helpers,
 * the growth check (a warning when the marginal cost per item rises with N), the printed
 * table and the machine description.
 */
import os from 'node:os';
import type { BenchResult as ReanchorResult } from './reanchor-bench';

export type BenchTask =
  | 'reanchor'
  | 'reanchor-revision'
  | 'scroll'
  | 'highlight-app'
  | 'open-app'
  | 'cli-start'
  | 'open'
  | 'highlight'
  | 'save'
  | 'autosave'
  | 'export-html'
  | 'export-md'
  | 'export-csv'
  | 'export-w3c'
  | 'export-claimreview'
  | 'memory'
  | 'team-sync-edit'
  | 'team-first-pull'
  | 'memory-editor';

export type BenchTool =
  | 'ours'
  | 'apache-annotator'
  | 'dom-anchor-text-quote'
  | 'text-annotator'
  | 'hypothesis'
  | 'lowdb'
  | 'floor';

/**
 * One figure. The first seven fields are the contract other tools read; the optional ones are
 * extras. `n` is the N of our figure it is compared with (0 for ours with no annotations).
 */
export interface BenchResult extends Omit<ReanchorResult, 'task' | 'tool' | 'heapMB'> {
  task: BenchTask;
  tool: BenchTool;
  heapMB: number | null;
  /** Label of the article text the figure was measured on. */
  text?: string;
  /** How many items a correct output holds, where that is not `n` (e.g. claims in a report). */
  expected?: number;
  /** Highlights seen drawn when the figure was taken (editor and peer opens). */
  painted?: number;
  /** Memory: the heap reading of each run, MB. */
  heapRuns?: number[];
  /** Highlight: median time until the next rendered frame, ms. */
  frameMedianMs?: number;
  /** text-annotator: median time of `setAnnotations` until drawn, without rendering the text. */
  loadMedianMs?: number;
  /** A variant figure outside the contract (e.g. naive inline decorations). */
  variant?: string;
  /** A short remark printed in the table (e.g. what exactly was timed). */
  note?: string;
  /** How many items were judged (re-anchoring: annotations; scroll: stops). */
  total?: number;
  /** Items placed on text that is not theirs (re-anchoring): must be 0. */
  wrong?: number;
  /** Scroll: the 95th percentile of the stops' times, ms. */
  p95Ms?: number;
  /** Memory: DOM nodes of the renderer's document. */
  domNodes?: number;
  /** Memory: resident set of the service process after GC, MB. */
  rssMB?: number;
  /** Team sync: the most documents one edit wrote to the server. */
  docsWritten?: number;
}

export interface BenchReport {
  machine: MachineInfo;
  results: BenchResult[];
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGB: number;
  os: string;
  node: string;
  chromium: string | null;
  date: string;
  text: string;
  textBytes: number;
  runs: number;
  smoke: boolean;
  /** 1-minute load average when the run started and when it ended (other work on the machine). */
  loadAverage: { start: number; end: number };
}

/** Median of a non-empty list (the mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Round to 3 decimals for the JSON (sub-microsecond digits are noise). */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * A result with its median computed from `runs`. A figure that is not a time (memory) has no
 * runs and `medianMs: 0`; its value is `heapMB`.
 */
export function figure(
  task: BenchTask,
  tool: BenchTool,
  n: number,
  runs: number[],
  correct: number | null,
  extra: Partial<BenchResult> = {},
): BenchResult {
  return {
    task,
    tool,
    n,
    medianMs: runs.length ? round3(median(runs)) : 0,
    runs: runs.map(round3),
    correct,
    heapMB: null,
    ...extra,
  };
}

/** One warm-up, then `runs` timed runs of `fn` (awaited); returns the times in ms. */
export async function timeAsync(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

const GROWTH_SLACK = 1.5;
/** The least slack of the growth check, ms (or MB for memory): timer and GC noise. */
const GROWTH_NOISE = 2;

/** The spread of a figure's runs (interquartile range; the range for fewer than 4 runs). */
function spread(xs: readonly number[] | undefined): number {
  if (!xs || xs.length < 2) return 0;
  const s = [...xs].sort((a, b) => a - b);
  if (s.length < 4) return s[s.length - 1]! - s[0]!;
  return s[Math.floor((s.length * 3) / 4)]! - s[Math.floor(s.length / 4)]!;
}

/** The value a growth check judges: the time, or the heap for memory. */
function growthValue(r: BenchResult): number {
  return isMemory(r) ? (r.heapMB ?? 0) : r.medianMs;
}

/** A figure of memory (heap MB), not of time. */
const isMemory = (r: BenchResult) => r.task === 'memory' || r.task === 'memory-editor';

/**
 * Warnings for every figure whose marginal cost per item rises with N (issue 11): for three
 * measured sizes n1 < n2 < n3 (100, 1,000, 10,000), the cost per item between the two larger,
 * (t(n3) − t(n2)) / (n3 − n2), against the cost per item between the two smaller,
 * (t(n2) − t(n1)) / (n2 − n1). A warning when the first exceeds 1.5× the second, beyond the
 * noise of the two figures (the spread of their runs, at least 2 ms or MB). A constant cost,
 * however large, does not hide a quadratic per-item cost this way. Memory is judged on `heapMB`; `n: 0` figures are left out. Every task
 * is judged, exports included.
 */
export function growthWarnings(results: readonly BenchResult[]): string[] {
  const series = new Map<string, BenchResult[]>();
  for (const r of results) {
    if (r.n <= 1 || r.task === 'cli-start') continue;
    const key = `${r.task} ${r.tool}`;
    series.set(key, [...(series.get(key) ?? []), r]);
  }
  const out: string[] = [];
  for (const [key, rs] of series) {
    const sorted = [...rs].sort((a, b) => a.n - b.n);
    for (let i = 0; i + 2 < sorted.length; i++) {
      const [a, b, c] = [sorted[i]!, sorted[i + 1]!, sorted[i + 2]!];
      if (a.n === b.n || b.n === c.n) continue;
      const [ta, tb, tc] = [growthValue(a), growthValue(b), growthValue(c)];
      const low = Math.max(0, (tb - ta) / (b.n - a.n));
      const high = (tc - tb) / (c.n - b.n);
      const runsOf = (r: BenchResult) => (isMemory(r) ? r.heapRuns : r.runs);
      const slack = Math.max(GROWTH_NOISE, spread(runsOf(b)) + spread(runsOf(c)));
      if (tc - tb > GROWTH_SLACK * low * (c.n - b.n) + slack) {
        const unit = isMemory(a) ? 'MB' : 'ms';
        const per = (x: number) => `${(x * 1000).toFixed(2)} µ${unit === 'ms' ? 's' : 'MB'}`;
        out.push(
          `WARNING: ${key}: the cost per item rises with N: ${per(low)} per item from N=${a.n} to ${b.n}, ${per(high)} from ${b.n} to ${c.n} (${ta.toFixed(1)} → ${tb.toFixed(1)} → ${tc.toFixed(1)} ${unit}; allowed 1.5×)`,
        );
      }
    }
  }
  return out;
}

/** The results as an aligned text table, one row per figure, in the order given. */
export function formatResults(results: readonly BenchResult[]): string {
  const rows = results.map((r) => {
    const lowerBound = r.tool === 'apache-annotator' && r.sampled === 0;
    const ms = isMemory(r) ? '' : `${lowerBound ? '≥ ' : ''}${fmtMs(r.medianMs)}`;
    const heap = r.heapMB === null ? '' : r.heapMB.toFixed(1);
    const right =
      r.correct === null ? '—' : `${r.correct}/${r.total ?? r.expected ?? r.sampled ?? r.n}`;
    const notes = extraNotes(r);
    return [r.task, r.tool, String(r.n), ms, heap, right, notes.join('; ')];
  });
  const head = ['task', 'tool', 'n', 'median ms', 'heap MB', 'correct', 'notes'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const line = (row: string[]) =>
    row
      .map((v, c) => (c >= 2 && c <= 5 ? v.padStart(widths[c]!) : v.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The results as a Markdown table (for docs/performance.md and the README). */
export function formatMarkdown(results: readonly BenchResult[]): string {
  const rows = results.map((r) => {
    const lowerBound = r.tool === 'apache-annotator' && r.sampled === 0;
    const ms = isMemory(r) ? '' : `${lowerBound ? '≥ ' : ''}${fmtMs(r.medianMs)}`;
    const heap = r.heapMB === null ? '' : r.heapMB.toFixed(1);
    const right =
      r.correct === null ? '—' : `${r.correct}/${r.total ?? r.expected ?? r.sampled ?? r.n}`;
    const notes = extraNotes(r);
    return `| ${r.task} | ${r.tool} | ${r.n} | ${ms} | ${heap} | ${right} | ${notes.join('; ')} |`;
  });
  return [
    '| task | tool | n | median ms | heap MB | correct | notes |',
    '| --- | --- | --: | --: | --: | --: | --- |',
    ...rows,
  ].join('\n');
}

/** The notes column: sampling, the extras of issue 11 (wrong, p95, DOM nodes, RSS) and the note. */
function extraNotes(r: BenchResult): string[] {
  return [
    r.extrapolated ? `extrapolated from a sample of ${r.sampled}` : '',
    r.wrong !== undefined ? `${r.wrong} wrong` : '',
    r.p95Ms !== undefined ? `p95 ${fmtMs(r.p95Ms)} ms` : '',
    r.domNodes !== undefined ? `${r.domNodes} DOM nodes` : '',
    r.rssMB !== undefined ? `service RSS ${r.rssMB.toFixed(1)} MB` : '',
    r.note ?? '',
  ].filter(Boolean);
}

function fmtMs(ms: number): string {
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 1) return ms.toFixed(1);
  return ms.toFixed(3);
}

/** This machine, for the report. `chromium` is the browser's version string when it ran. */
export function machineInfo(
  fields: Pick<MachineInfo, 'chromium' | 'text' | 'textBytes' | 'runs' | 'smoke' | 'loadAverage'>,
): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    date: new Date().toISOString(),
    ...fields,
  };
}

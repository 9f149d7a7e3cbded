/**
 * The benchmark's figures and what is done with them: the result record of
 * `bench-results/latest.json` (issue 6's contract), timing helpers, the growth
 * check (a warning when a figure grows faster than about N log N between
 * sizes), the printed table and the machine description.
 */
import os from 'node:os';
import type { BenchResult as ReanchorResult } from './reanchor-bench';

export type BenchTask =
  | 'reanchor'
  | 'open'
  | 'highlight'
  | 'save'
  | 'autosave'
  | 'export-html'
  | 'export-md'
  | 'export-csv'
  | 'export-w3c'
  | 'export-claimreview'
  | 'memory';

export type BenchTool =
  'ours' | 'apache-annotator' | 'dom-anchor-text-quote' | 'text-annotator' | 'floor';

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
/**
 * Figures below these (ms, or MB for memory) are too small for their growth to mean anything:
 * a pair is judged only when the smaller figure reaches `GROWTH_MIN_FROM` and the larger
 * `GROWTH_MIN_TO` (a figure of a few milliseconds is mostly JIT warm-up, GC and timer noise).
 */
const GROWTH_MIN_FROM = 5;
const GROWTH_MIN_TO = 2;

/**
 * Warnings for every figure that grows faster than about N log N between two measured sizes
 * (every pair of sizes, not only neighbours): `value(n2) / value(n1) > 1.5 × (n2 ln n2) /
 * (n1 ln n1)`. Memory is judged on `heapMB`; `n: 0` figures are left out. Sampled peers are
 * included (their growth is the sample's, extrapolated).
 */
export function growthWarnings(results: readonly BenchResult[]): string[] {
  const series = new Map<string, BenchResult[]>();
  for (const r of results) {
    if (r.n <= 1) continue;
    const key = `${r.task} ${r.tool}`;
    series.set(key, [...(series.get(key) ?? []), r]);
  }
  const out: string[] = [];
  for (const [key, rs] of series) {
    const sorted = [...rs].sort((a, b) => a.n - b.n);
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const a = sorted[i]!;
        const b = sorted[j]!;
        const va = a.task === 'memory' ? (a.heapMB ?? 0) : a.medianMs;
        const vb = b.task === 'memory' ? (b.heapMB ?? 0) : b.medianMs;
        if (va < GROWTH_MIN_FROM || vb < GROWTH_MIN_TO || a.n === b.n) continue;
        const allowed = (b.n * Math.log(b.n)) / (a.n * Math.log(a.n));
        if (vb / va > GROWTH_SLACK * allowed) {
          const unit = a.task === 'memory' ? 'MB' : 'ms';
          out.push(
            `WARNING: ${key} grows faster than N log N: ${va.toFixed(1)} ${unit} at N=${a.n} → ${vb.toFixed(1)} ${unit} at N=${b.n} (×${(vb / va).toFixed(1)}, N log N allows ×${allowed.toFixed(1)})`,
          );
        }
      }
    }
  }
  return out;
}

/** The results as an aligned text table, one row per figure, in the order given. */
export function formatResults(results: readonly BenchResult[]): string {
  const rows = results.map((r) => {
    const lowerBound = r.tool === 'apache-annotator' && r.sampled === 0;
    const ms = r.task === 'memory' ? '' : `${lowerBound ? '≥ ' : ''}${fmtMs(r.medianMs)}`;
    const heap = r.heapMB === null ? '' : r.heapMB.toFixed(1);
    const right = r.correct === null ? '—' : `${r.correct}/${r.expected ?? r.sampled ?? r.n}`;
    const notes = [
      r.extrapolated ? `extrapolated from a sample of ${r.sampled}` : '',
      r.note ?? '',
    ].filter(Boolean);
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
    const ms = r.task === 'memory' ? '' : `${lowerBound ? '≥ ' : ''}${fmtMs(r.medianMs)}`;
    const heap = r.heapMB === null ? '' : r.heapMB.toFixed(1);
    const right = r.correct === null ? '—' : `${r.correct}/${r.expected ?? r.sampled ?? r.n}`;
    const notes = [
      r.extrapolated ? `extrapolated from a sample of ${r.sampled}` : '',
      r.note ?? '',
    ].filter(Boolean);
    return `| ${r.task} | ${r.tool} | ${r.n} | ${ms} | ${heap} | ${right} | ${notes.join('; ')} |`;
  });
  return [
    '| task | tool | n | median ms | heap MB | correct | notes |',
    '| --- | --- | --: | --: | --: | --: | --- |',
    ...rows,
  ].join('\n');
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

/**
 * `npm run bench`: the performance suite of issue 6. Measures, on one article text, at
 * N = 100, 1,000 and 10,000 annotations: re-anchoring (ours, the exact-scan floor and two
 * peers), the editor in Chromium (open, one more highlight, memory; the bare-article floor and
 * @recogito/text-annotator), saving (full save, autosave, the I/O floor) and the exports. Each
 * figure is the median of several runs after a warm-up. Prints one table, the growth warnings
 * and the targets, and writes every figure to `bench-results/latest.json`:
 *
 *   { "machine": {...}, "results": [ {task, tool, n, medianMs, runs, correct, heapMB, ...} ],
 *     "variants": [ ... figures outside the contract, e.g. naive inline decorations ... ] }
 *
 * Options:
 *   --text FILE        an article in the seed's format (default: the generated ~1 MB corpus)
 *   --annotations N    only this N (default 100, 1000, 10000)
 *   --runs K           timed runs per figure after one warm-up (default 5)
 *   --out PATH         where to write the JSON (default bench-results/latest.json)
 *   --parts LIST       comma-separated subset of reanchor,revision,editor,save,export,cli,import,
 *                      suggest,app,team (default all; `suggest` is issue 13's `factcheck suggest`
 *                      on the Mueller text, see suggest-bench.ts; `app` is issue 11's open-app,
 *                      highlight-app, scroll and memory in the real app, see app-bench.ts; `team`
 *                      is issue 10's sync through the local CouchDB-compatible server at the
 *                      largest N, see team-bench.ts)
 *   --smoke            a ~10-second version: a small generated text, N = 20, one run
 *
 * The whole default run stays within about 10 minutes on 2 cores: slow peers are run on a
 * time-budgeted sample and extrapolated, and the table says so.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runReanchorBench } from './reanchor-bench';
import { buildBenchSession, generateArticleText } from './corpus';
import { runEditorBench } from './editor-bench';
import { runStoreBench } from './store-bench';
import { runExportBench } from './export-bench';
import {
  formatMarkdown,
  formatResults,
  growthWarnings,
  machineInfo,
  type BenchReport,
  type BenchResult,
  type BenchTask,
} from './results';
import { formatTargets, judgeTargets } from './targets';
import { formatImportTable, runImportBench } from './import-bench';
import { runRevisionBench } from './reanchor-revision-bench';
import { runCliStartBench } from './cli-start-bench';
import { formatSuggestTable, runSuggestBench } from './suggest-bench';
import { runAppBench } from './app-bench';
import { runTeamBench } from './team-bench';

const PARTS = [
  'reanchor',
  'revision',
  'editor',
  'save',
  'export',
  'cli',
  'import',
  'suggest',
  'app',
  'team',
] as const;
type Part = (typeof PARTS)[number];

export interface BenchOptions {
  /** Article file; null for the generated corpus. */
  textFile: string | null;
  sizes: number[];
  runs: number;
  out: string;
  parts: Part[];
  smoke: boolean;
  /** Progress and tables go here (default console.log). */
  log?: (line: string) => void;
}

export interface BenchOutcome {
  report: BenchReport & { variants: BenchResult[] };
  warnings: string[];
  table: string;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SIZES = [100, 1000, 10_000];
const SMOKE_SIZE = 20;
const TASK_ORDER: BenchTask[] = [
  'reanchor',
  'reanchor-revision',
  'open-app',
  'highlight-app',
  'scroll',
  'memory',
  'open',
  'highlight',
  'memory-editor',
  'save',
  'autosave',
  'export-html',
  'export-md',
  'export-csv',
  'export-w3c',
  'export-claimreview',
  'cli-start',
  'team-sync-edit',
  'team-first-pull',
];
const TOOL_ORDER = [
  'ours',
  'floor',
  'lowdb',
  'hypothesis',
  'dom-anchor-text-quote',
  'apache-annotator',
  'text-annotator',
];

/** The run as Markdown: machine, table, growth warnings, targets. */
function markdownReport(
  report: BenchOutcome['report'],
  warnings: readonly string[],
  verdicts: ReturnType<typeof judgeTargets>,
): string {
  const m = report.machine;
  return [
    `Text: \`${m.text}\` (${m.textBytes} bytes). Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.os}; Node ${m.node}; Chromium ${m.chromium ?? '(not run)'}; ${m.date.slice(0, 10)}. Median of ${m.runs} runs after a warm-up. Load average (1 min) ${m.loadAverage.start} at start, ${m.loadAverage.end} at end.`,
    '',
    formatMarkdown([...report.results, ...report.variants]),
    '',
    warnings.length
      ? warnings.map((w) => `- ${w}`).join('\n')
      : "No figure's cost per item rises with N.",
    '',
    ...(verdicts.length
      ? [
          '| target | measured | wanted | |',
          '| --- | --- | --- | --- |',
          ...verdicts.map(
            (v) => `| ${v.name} | ${v.measured} | ${v.target} | ${v.met ? 'met' : '**missed**'} |`,
          ),
        ]
      : []),
    '',
  ].join('\n');
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Bad input from whoever runs the suite: printed as one line, no stack. */
class InputError extends Error {}

/** Parse the command line (see the module comment). Throws with a sentence on bad input. */
export function parseArgs(argv: string[]): BenchOptions {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
    return v;
  };
  const known = new Set(['--text', '--annotations', '--runs', '--out', '--parts', '--smoke']);
  for (const a of argv)
    if (a.startsWith('--') && !known.has(a)) throw new Error(`unknown option ${a}`);
  const smoke = argv.includes('--smoke');
  const n = value('--annotations');
  const runs = value('--runs');
  const positive = (s: string, name: string) => {
    const x = Number(s);
    if (!Number.isInteger(x) || x < 1) throw new Error(`${name} must be a positive whole number`);
    return x;
  };
  const parts = (value('--parts') ?? PARTS.join(',')).split(',').map((p) => p.trim());
  for (const p of parts)
    if (!(PARTS as readonly string[]).includes(p)) throw new Error(`unknown part ${p}`);
  return {
    textFile: value('--text') ?? null,
    sizes: n ? [positive(n, '--annotations')] : smoke ? [SMOKE_SIZE] : SIZES,
    runs: runs ? positive(runs, '--runs') : smoke ? 1 : 5,
    out: value('--out') ?? path.join(ROOT, 'bench-results', 'latest.json'),
    parts: parts as Part[],
    smoke,
  };
}

/** Run the suite (see the module comment) and write the JSON. */
export async function runBench(opts: BenchOptions): Promise<BenchOutcome> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const started = performance.now();
  const loadAtStart = os.loadavg()[0]!;
  const stamp = () => `[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s]`;
  let raw: string;
  let label: string;
  if (opts.textFile) {
    if (!existsSync(opts.textFile))
      throw new InputError(`no article at ${opts.textFile} (${path.resolve(opts.textFile)})`);
    raw = readFileSync(opts.textFile, 'utf8');
    label = path.basename(opts.textFile);
  } else {
    raw = generateArticleText(opts.smoke ? 60_000 : 1_000_000);
    label = opts.smoke ? 'generated-60k' : 'generated-1mb';
  }
  const sizes = [...opts.sizes].sort((a, b) => a - b);
  const maxN = sizes[sizes.length - 1]!;
  log(
    `${stamp()} text ${label} (${raw.length} UTF-16 units); N = ${sizes.join(', ')}; ${opts.runs} runs`,
  );
  const session = buildBenchSession(raw, maxN, label);
  const sessionAt = (n: number) => {
    const annotations = session.annotations.slice(0, n);
    const ids = new Set(annotations.map((a) => a.id));
    const links = session.links.filter((l) => ids.has(l.from) && ids.has(l.to));
    return { ...session, id: `bench-${n}`, annotations, links };
  };
  const has = (p: Part) => opts.parts.includes(p);
  const results: BenchResult[] = [];
  const variants: BenchResult[] = [];
  let chromium: string | null = null;

  // Budgets: the slow peers get a fixed slice of the 10-minute run.
  // Apache Annotator's matcher needs 15–45 s per selector on a 1 MB text: its budget lets it
  // finish one or two, so its figure is a measurement rather than a lower bound.
  const reanchorBudgetMs = opts.smoke ? 150 : 2500;
  const apacheBudgetMs = opts.smoke ? 150 : 60_000;
  for (const n of sizes) {
    if (has('reanchor')) {
      const rs = await runReanchorBench({
        text: raw,
        n,
        runs: opts.runs,
        budgetMs: reanchorBudgetMs,
        apacheBudgetMs,
      });
      results.push(...rs.map((r) => ({ ...r, text: label })));
      log(`${stamp()} reanchor N=${n} done`);
    }
    if (has('revision')) {
      results.push(
        ...runRevisionBench({
          text: raw,
          n,
          runs: opts.runs,
          budgetMs: opts.smoke ? 300 : 20_000,
          edits: opts.smoke ? 20 : undefined,
          label,
        }),
      );
      log(`${stamp()} reanchor-revision N=${n} done`);
    }
    const s = sessionAt(n);
    if (has('save')) {
      // A save is a fraction of a second and its figures sit near their targets: three times the
      // runs (still alternating ours, the floor and lowdb) steady the medians for a few seconds.
      const saveRuns = opts.smoke ? opts.runs : opts.runs * 3;
      results.push(...(await runStoreBench({ session: s, runs: saveRuns, text: label })));
      log(`${stamp()} save N=${n} done`);
    }
    if (has('export')) {
      results.push(...(await runExportBench(s, opts.runs, label)));
      log(`${stamp()} export N=${n} done`);
    }
  }
  if (has('cli')) {
    results.push(...(await runCliStartBench(opts.smoke ? 1 : Math.max(opts.runs, 9))));
    log(`${stamp()} cli-start done`);
  }
  if (has('editor')) {
    const e = await runEditorBench({
      session,
      sizes,
      runs: opts.runs,
      highlightRuns: opts.smoke ? 2 : Math.max(21, opts.runs * 4 + 1),
      text: label,
      taRunBudgetMs: opts.smoke ? 1000 : 4000,
      taBudgetMs: opts.smoke ? 1500 : 12_000,
      variants: !opts.smoke,
    });
    results.push(...e.results);
    variants.push(...e.variants);
    chromium = e.chromium;
    log(`${stamp()} editor done`);
  }
  if (has('app')) {
    // Issue 11: the real app in browser mode (host, API, store, session view).
    const a = await runAppBench({
      raw,
      label,
      sizes,
      runs: opts.runs,
      smoke: opts.smoke,
      log: (l) => log(`${stamp()} ${l}`),
    });
    results.push(...a.results);
    chromium ??= a.chromium;
    log(`${stamp()} app done`);
  }

  if (has('team')) {
    // Issue 10: one edit synced at N and in an empty session; a first pull against _all_docs.
    const t = await runTeamBench({
      session: sessionAt(maxN),
      runs: opts.runs,
      text: label,
      log: (l) => log(`${stamp()} ${l}`),
    });
    results.push(...t.filter((r) => !r.variant));
    variants.push(...t.filter((r) => r.variant));
    log(`${stamp()} team done`);
  }

  const sorted = [...results].sort(
    (a, b) =>
      TASK_ORDER.indexOf(a.task) - TASK_ORDER.indexOf(b.task) ||
      a.n - b.n ||
      TOOL_ORDER.indexOf(a.tool) - TOOL_ORDER.indexOf(b.tool),
  );
  const warnings = growthWarnings(sorted);
  const report = {
    machine: machineInfo({
      chromium,
      text: label,
      textBytes: Buffer.byteLength(raw, 'utf8'),
      runs: opts.runs,
      smoke: opts.smoke,
      loadAverage: { start: round2(loadAtStart), end: round2(os.loadavg()[0]!) },
    }),
    results: sorted,
    variants,
  };
  mkdirSync(path.dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify(report, null, 2)}\n`);
  const table = formatResults([...sorted, ...variants]);
  const mdFile = opts.out.replace(/\.json$/, '') + '.md';
  const verdicts = judgeTargets(sorted, warnings);
  const m = report.machine;
  log('');
  log(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.os}, Node ${m.node}, Chromium ${m.chromium ?? '(not run)'}`,
  );
  log(`Text: ${label}, ${m.textBytes} bytes; median of ${opts.runs} run(s) after a warm-up`);
  log(
    `Load average (1 min) at start ${m.loadAverage.start}, at end ${m.loadAverage.end} (${m.cores} cores; above that, other work shared the machine)`,
  );
  log('');
  log(table);
  log('');
  for (const w of warnings) log(w);
  if (!warnings.length) log("No figure's cost per item rises with N.");
  if (verdicts.length && !opts.smoke) {
    log('');
    log(`Targets (issues 6 and 11), at N = ${maxN}:`);
    log(formatTargets(verdicts));
  }
  let importTable = '';
  if (has('import') && !opts.smoke) {
    // Issue 14: hostile imports against a plain-text file of the same size, measured now.
    const figures = await runImportBench(opts.runs, (l) => log(`${stamp()} ${l}`));
    importTable = formatImportTable(figures);
    writeFileSync(
      opts.out.replace(/\.json$/, '') + '.import.json',
      `${JSON.stringify(figures, null, 2)}\n`,
    );
    log('');
    log('Imports (issue 14): each hostile input at most 10x a plain-text file of its size:');
    log(importTable);
  }
  let suggestTable = '';
  if (has('suggest') && !opts.smoke) {
    // Issue 13: the whole `factcheck suggest` command on the 1.2 MB Mueller text, target <= 2 s.
    const bench = await runSuggestBench(Math.max(opts.runs, 5), (l) => log(`${stamp()} ${l}`));
    log('');
    if (bench) {
      suggestTable = formatSuggestTable(bench);
      writeFileSync(
        opts.out.replace(/\.json$/, '') + '.suggest.json',
        `${JSON.stringify(bench, null, 2)}\n`,
      );
      log(suggestTable);
    } else {
      log('Suggest (issue 13): skipped, ../shared/corpus/long-mueller-report.txt is not there.');
    }
  }
  writeFileSync(
    mdFile,
    markdownReport(report, warnings, verdicts) +
      (importTable ? `\n${importTable}\n` : '') +
      (suggestTable ? `\n${suggestTable}\n` : ''),
  );
  log('');
  log(
    `${stamp()} wrote ${path.relative(process.cwd(), opts.out) || opts.out} and ${path.basename(mdFile)}`,
  );
  return { report, warnings, table };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let opts: BenchOptions;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`bench: ${(e as Error).message}`);
    process.exit(2);
  }
  runBench(opts).catch((e: unknown) => {
    console.error(e instanceof InputError ? `bench: ${e.message}` : e);
    process.exitCode = 1;
  });
}

/**
 * The import benchmark of issue 14 (part `import` of `npm run bench`; also runnable alone with
 * `npx tsx tests/bench/import-bench.ts [--runs K]`). Each hostile input is imported the way
 * the app imports it (in a worker thread, runImportInWorker) and in process
 * (importArticleFile), and compared with a plain-text file of the same size measured in the
 * same run: the 16,000 `<img>` file, the 600-`>` Markdown file and a 2 MB HTML page must each
 * take at most 10x their plain-text twin. A 2 MB → 8 MB pair shows the growth is linear.
 * Timings live here, never in `npm test` (which checks only results and limits).
 */
import { pathToFileURL } from 'node:url';
import { importArticleFile } from '../../electron/service/import/article-import';
import { runImportInWorker } from '../../electron/service/import/import-runner';
import { deepQuotesMarkdown, manyImages, newsPage, plainText } from '../helpers/hostile-inputs';

export interface ImportFigure {
  input: string;
  bytes: number;
  where: 'worker' | 'in process';
  medianMs: number;
  plainMs: number;
  ratio: number;
  outcome: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const enc = (s: string) => new TextEncoder().encode(s);

async function timeIt(run: () => Promise<string> | string, runs: number) {
  let outcome = '';
  for (let i = 0; i < 3; i++) outcome = await run(); // warm-up: the JIT settles
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    outcome = await run();
    times.push(performance.now() - t);
  }
  return { ms: median(times), outcome };
}

/** Measure every pair; `log` gets progress lines. */
export async function runImportBench(
  runs = 5,
  log: (s: string) => void = console.log,
): Promise<ImportFigure[]> {
  const inputs: [string, string, string][] = [
    ['16,000 <img> tags', 'images.html', manyImages()],
    ['600 > characters', 'quotes.md', deepQuotesMarkdown()],
    ['2 MB news page', 'page.html', newsPage(2 * 1024 * 1024)],
    ['8 MB news page', 'page.html', newsPage(8 * 1024 * 1024)],
  ];
  const out: ImportFigure[] = [];
  for (const [input, fileName, content] of inputs) {
    const bytes = enc(content);
    const plain = enc(plainText(bytes.length)).subarray(0, bytes.length);
    const outcomeOf = (r: Awaited<ReturnType<typeof runImportInWorker>>) =>
      r.ok ? `imported, ${r.value.blocks.length} blocks` : `refused: ${r.error.message}`;
    for (const where of ['worker', 'in process'] as const) {
      const run = (name: string, b: Uint8Array) =>
        where === 'worker'
          ? () => runImportInWorker({ kind: 'file', fileName: name, bytes: b }).then(outcomeOf)
          : () => importArticleFile(name, b).then(outcomeOf);
      const hostile = await timeIt(run(fileName, bytes), runs);
      const base = await timeIt(run('plain.txt', plain), runs);
      const f: ImportFigure = {
        input,
        bytes: bytes.length,
        where,
        medianMs: hostile.ms,
        plainMs: base.ms,
        ratio: hostile.ms / base.ms,
        outcome: hostile.outcome,
      };
      out.push(f);
      log(
        `import ${input} (${where}): ${f.medianMs.toFixed(1)} ms vs plain text ${f.plainMs.toFixed(1)} ms = ${f.ratio.toFixed(2)}x`,
      );
    }
  }
  return out;
}

/** The figures as a Markdown table, with the target (≤ 10x plain text) judged. */
export function formatImportTable(figures: readonly ImportFigure[]): string {
  const rows = figures.map(
    (f) =>
      `| ${f.input} | ${f.bytes.toLocaleString('en-US')} | ${f.where} | ${f.medianMs.toFixed(1)} | ${f.plainMs.toFixed(1)} | ${f.ratio.toFixed(2)}x | ${f.ratio <= 10 ? 'met' : '**missed**'} | ${f.outcome.slice(0, 90)} |`,
  );
  const per = (name: string) => figures.find((f) => f.input === name && f.where === 'in process');
  const small = per('2 MB news page');
  const big = per('8 MB news page');
  const growth =
    small && big
      ? `8 MB / 2 MB page: ${(big.medianMs / small.medianMs).toFixed(2)}x the time for ${(big.bytes / small.bytes).toFixed(2)}x the bytes (linear is about the same).`
      : '';
  return [
    '| input | bytes | where | median ms | plain text ms | ratio | ≤ 10x | outcome |',
    '| --- | --: | --- | --: | --: | --: | --- | --- |',
    ...rows,
    '',
    growth,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--runs');
  const runs = i > 0 ? Number(process.argv[i + 1]) : 5;
  const figures = await runImportBench(runs);
  console.log(`\n${formatImportTable(figures)}`);
}

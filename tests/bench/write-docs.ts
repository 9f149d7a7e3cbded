/**
 * Puts one run of `npm run bench` into the docs, so that the README's performance table and
 * `docs/performance.md` show the same figures: reads `bench-results/latest.json` and
 * `latest.md` (or `--from PATH.json`) and rewrites what lies between
 * `<!-- bench:start -->` and `<!-- bench:end -->` in both files:
 *
 * - README: the machine line and the targets with this run's ratios;
 * - docs/performance.md: the machine line, every figure of the run, the growth warnings and the
 *   targets (the run's `latest.md`, as written by `run.ts`).
 *
 *   npx tsx tests/bench/write-docs.ts [--from bench-results/latest.json]
 *
 * Then `npx prettier --write README.md docs/performance.md`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { growthWarnings, type BenchReport } from './results';
import { judgeTargets } from './targets';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** `text` with what lies between the markers replaced by `body`; throws without markers. */
export function replaceBetweenMarkers(text: string, body: string, file: string): string {
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${file} has no ${START} … ${END} section`);
  return `${text.slice(0, a + START.length)}\n\n${body.trim()}\n\n${text.slice(b)}`;
}

/** The README's part: the machine line and the targets of the run. */
export function readmeSection(report: BenchReport): string {
  const m = report.machine;
  const verdicts = judgeTargets(report.results, growthWarnings(report.results));
  const missed = verdicts.filter((v) => !v.met).length;
  return [
    `The latest run: \`${m.text}\` (${m.textBytes} bytes), N up to ${Math.max(...report.results.map((r) => r.n)).toLocaleString('en')}, on ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.os}, Node ${m.node.replace(/^v/, '')}, Chromium ${m.chromium ?? '(not run)'}, ${m.date.slice(0, 10)}; median of ${m.runs} runs after a warm-up; load average (1 min) ${m.loadAverage.start} at the start and ${m.loadAverage.end} at the end (2 cores: above 2, other work shared the machine). ${missed ? `${missed} of ${verdicts.length} targets missed (see docs/performance.md for why).` : `Every target is met.`}`,
    '',
    '| Target | Measured | Wanted | Verdict |',
    '| --- | --- | --- | --- |',
    ...verdicts.map(
      (v) =>
        `| ${v.name.replace(/\|/g, '\\|')} | ${v.measured.replace(/\|/g, '\\|')} | ${v.target} | ${v.met ? 'met' : '**missed**'} |`,
    ),
  ].join('\n');
}

function main(argv: string[]): void {
  const i = argv.indexOf('--from');
  const json = i >= 0 ? path.resolve(argv[i + 1]!) : path.join(ROOT, 'bench-results/latest.json');
  const report = JSON.parse(readFileSync(json, 'utf8')) as BenchReport;
  if (report.machine.smoke) throw new Error(`${json} is a smoke run: its figures mean nothing`);
  const md = readFileSync(json.replace(/\.json$/, '.md'), 'utf8');
  const readme = path.join(ROOT, 'README.md');
  const perf = path.join(ROOT, 'docs/performance.md');
  writeFileSync(
    readme,
    replaceBetweenMarkers(readFileSync(readme, 'utf8'), readmeSection(report), 'README.md'),
  );
  writeFileSync(perf, replaceBetweenMarkers(readFileSync(perf, 'utf8'), md, 'performance.md'));
  console.log(`wrote the run of ${report.machine.date} into README.md and docs/performance.md`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));

/**
 * Timings of issue 13: part `suggest` of `npm run bench`, and runnable on its own (not a test):
 *
 *   npx tsx tests/bench/suggest-bench.ts [--runs K]
 *
 * On the 1.2 MB Mueller text (read by path from ../shared/corpus; skipped with a reason when
 * absent), target: `factcheck suggest` in <= 2 s.
 * - `suggestClaims` in process on the text and blocks the importer gives: the first call (the
 *   JIT still cold, as in a one-shot command) and the median of K calls after it;
 * - the whole command `node bin/factcheck.js suggest MUELLER --json` (Node starting, the bundle
 *   loading, reading and importing the file, suggesting, printing), median of K runs after a
 *   warm-up, alternating with `node -e 0` (Node starting and doing nothing) so that load from
 *   other work hits both alike. A run is correct when it exits 0 and prints exactly the
 *   suggestions computed in process.
 * The 1-minute load average is noted at start and end: on a shared 2-core machine the wall
 * times grow with it.
 *
 * Alone, it also times a "seen before" search over 10,000 reviewed claims (target <= 50 ms).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureNodeBuilt } from '../../build/build-node.mjs';
import { importArticleFile } from '../../electron/service/import/article-import';
import { suggestClaims } from '../../shared/suggest/claim-suggest';
import { createClaimIndex, type ReviewedClaim } from '../../shared/suggest/similar-claims';
import { CORPUS_PATH } from '../helpers/session-fixtures';
import { SIMILAR_CASES, SIMILAR_DISTRACTORS } from '../shared/suggest/similar-cases';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'factcheck.js');
/** The target for the whole command, ms. */
export const SUGGEST_TARGET_MS = 2000;

/** One row of the suggest table. */
export interface SuggestFigure {
  task: string;
  /** Median of `runsMs` (the one time for a first call). */
  medianMs: number;
  runsMs: number[];
  /** Runs whose output was right, of `runsMs.length`; null when not judged. */
  correct: number | null;
  /** The suggestions each run gives. */
  suggestions: number;
  /** The target this row is judged against, ms, if any. */
  targetMs?: number;
}

export interface SuggestBench {
  text: string;
  characters: number;
  figures: SuggestFigure[];
  loadAverage: { start: number; end: number };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Measure (see the module comment); null when the Mueller text is not there. */
export async function runSuggestBench(
  runs: number,
  log: (line: string) => void = () => {},
): Promise<SuggestBench | null> {
  if (!CORPUS_PATH || !existsSync(CORPUS_PATH)) return null;
  const loadStart = os.loadavg()[0]!;
  const bytes = readFileSync(CORPUS_PATH);
  const imported = await importArticleFile(path.basename(CORPUS_PATH), bytes);
  if (!imported.ok) throw new Error(`import of the Mueller text failed: ${imported.error.message}`);
  const { text, blocks } = imported.value;

  // In process: the first call, then `runs` more.
  let t0 = performance.now();
  const expected = suggestClaims(text, { blocks });
  const firstMs = performance.now() - t0;
  const warm: number[] = [];
  for (let r = 0; r < runs; r++) {
    t0 = performance.now();
    suggestClaims(text, { blocks });
    warm.push(performance.now() - t0);
  }
  log(
    `suggestClaims in process: first ${firstMs.toFixed(0)} ms, then ${median(warm).toFixed(0)} ms`,
  );

  // The whole command, alternating with the floor; run 0 is the warm-up (file cache, bundle).
  await ensureNodeBuilt('factcheck');
  const want = JSON.stringify(expected);
  const command: number[] = [];
  const floor: number[] = [];
  let correct = 0;
  for (let r = 0; r <= runs; r++) {
    t0 = performance.now();
    const p = spawnSync(process.execPath, [BIN, 'suggest', CORPUS_PATH, '--json'], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const ms = performance.now() - t0;
    t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    const floorMs = performance.now() - t0;
    if (r === 0) continue;
    command.push(ms);
    floor.push(floorMs);
    if (p.status === 0 && JSON.stringify(JSON.parse(p.stdout)) === want) correct++;
  }
  log(
    `factcheck suggest --json: ${median(command).toFixed(0)} ms median, ${correct}/${runs} right`,
  );
  const n = expected.length;
  return {
    text: path.basename(CORPUS_PATH),
    characters: text.length,
    figures: [
      {
        task: 'suggestClaims in process, first call',
        medianMs: round1(firstMs),
        runsMs: [round1(firstMs)],
        correct: null,
        suggestions: n,
      },
      {
        task: 'suggestClaims in process, after the first',
        medianMs: round1(median(warm)),
        runsMs: warm.map(round1),
        correct: null,
        suggestions: n,
      },
      {
        task: '`factcheck suggest MUELLER --json`, whole command',
        medianMs: round1(median(command)),
        runsMs: command.map(round1),
        correct,
        suggestions: n,
        targetMs: SUGGEST_TARGET_MS,
      },
      {
        task: '`node -e 0` (floor: Node starting)',
        medianMs: round1(median(floor)),
        runsMs: floor.map(round1),
        correct: null,
        suggestions: 0,
      },
    ],
    loadAverage: { start: round1(loadStart), end: round1(os.loadavg()[0]!) },
  };
}

/** The figures as a Markdown table, with the load average. */
export function formatSuggestTable(b: SuggestBench): string {
  const rows = b.figures.map((f) => {
    const target =
      f.targetMs === undefined
        ? ''
        : `≤ ${f.targetMs} ms: ${f.medianMs <= f.targetMs ? 'met' : '**missed**'}`;
    const right = f.correct === null ? '—' : `${f.correct}/${f.runsMs.length}`;
    return `| ${f.task} | ${f.medianMs.toFixed(0)} | ${f.runsMs.map((x) => x.toFixed(0)).join(', ')} | ${f.suggestions} | ${right} | ${target} |`;
  });
  return [
    `Suggest (issue 13) on ${b.text} (${b.characters.toLocaleString('en-US')} characters); load average (1 min) ${b.loadAverage.start} at start, ${b.loadAverage.end} at end, ${os.cpus().length} cores.`,
    '',
    '| task | median ms | runs ms | suggestions | right | target |',
    '| --- | --: | --- | --: | --: | --- |',
    ...rows,
  ].join('\n');
}

/** "Seen before": build an index of 10,000 reviewed claims and time one search. */
function similarBench(): string {
  const timeMedian = (runs: number, fn: () => void): number => {
    fn();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      fn();
      times.push(performance.now() - t);
    }
    return median(times);
  };
  // 10,000 reviewed claims: the test set's sentences, varied by number and place so that none repeats.
  const base = [...SIMILAR_CASES.map((c) => c.reviewed), ...SIMILAR_DISTRACTORS];
  const places = [
    'Ohio',
    'Texas',
    'Kent',
    'Lyon',
    'Osaka',
    'Quito',
    'Accra',
    'Perth',
    'Bergen',
    'Cork',
  ];
  const claims: ReviewedClaim[] = [];
  for (let i = 0; claims.length < 10_000; i++) {
    const t = base[i % base.length]!;
    claims.push({
      id: `c${i}`,
      text: `${t.replace(/\d+/, (d) => String(Number(d) + Math.floor(i / base.length)))} in ${places[i % places.length]}`,
      verdict: null,
      speaker: null,
      date: null,
      source: { kind: 'claimreview', url: '', publisher: '' },
    });
  }
  let index = createClaimIndex([]);
  const build = timeMedian(3, () => (index = createClaimIndex(claims)));
  const queries = SIMILAR_CASES.map((c) => c.query);
  let q = 0;
  const search = timeMedian(25, () => index.search(queries[q++ % queries.length]!, 10));
  return `similar: index of ${index.size} claims built in ${build.toFixed(0)} ms; one search ${search.toFixed(1)} ms median (target <= 50 ms)`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--runs');
  const runs = i > 0 ? Number(process.argv[i + 1]) : 5;
  const b = await runSuggestBench(runs, (l) => console.log(l));
  console.log(
    b
      ? `\n${formatSuggestTable(b)}\n`
      : 'suggest on the Mueller text: skipped, ../shared/corpus/long-mueller-report.txt is not there',
  );
  console.log(similarBench());
}

/**
 * Timings of issue 13, run on its own (not a test):
 *
 *   npx tsx tests/bench/suggest-bench.ts
 *
 * `suggestClaims` on the 1.2 MB Mueller text (target <= 2 s; read by path from
 * ../shared/corpus, skipped with a reason when absent) and a "seen before"
 * search over 10,000 reviewed claims (target <= 50 ms). Median of 5 runs after
 * a warm-up.
 */
import { existsSync, readFileSync } from 'node:fs';
import { suggestClaims } from '../../shared/suggest/claim-suggest';
import { createClaimIndex, type ReviewedClaim } from '../../shared/suggest/similar-claims';
import { CORPUS_PATH } from '../helpers/session-fixtures';
import { SIMILAR_CASES, SIMILAR_DISTRACTORS } from '../shared/suggest/similar-cases';

function median(runs: number, fn: () => void): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

if (CORPUS_PATH && existsSync(CORPUS_PATH)) {
  const text = readFileSync(CORPUS_PATH, 'utf8');
  let n = 0;
  const ms = median(5, () => (n = suggestClaims(text).length));
  console.log(
    `suggest on ${(text.length / 1e6).toFixed(2)} M characters (Mueller report): ${ms.toFixed(0)} ms median, ${n} suggestions (target <= 2000 ms)`,
  );
} else {
  console.log(
    'suggest on the Mueller text: skipped, ../shared/corpus/long-mueller-report.txt is not there',
  );
}

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
const build = median(3, () => (index = createClaimIndex(claims)));
const queries = SIMILAR_CASES.map((c) => c.query);
let q = 0;
const search = median(25, () => index.search(queries[q++ % queries.length]!, 10));
console.log(
  `similar: index of ${index.size} claims built in ${build.toFixed(0)} ms; one search ${search.toFixed(1)} ms median (target <= 50 ms)`,
);

/**
 * `reanchor-revision` (issue 11): N annotations spread over the whole text, then a realistic
 * new version of the article made by {@link reviseText} (200 edits: insertions, deletions,
 * word replacements, paragraph moves, two deleted annotated paragraphs, sentences repeated
 * elsewhere). Every annotation has a known truth (same text at a new place, changed wording,
 * or gone); each tool's placement is judged against it:
 *
 * - `correct`: status and position right (see `revision.ts` for what "right" means per truth);
 * - `wrong`: placed on text that is not the annotation's own: silent mis-anchoring;
 * - `total`: N.
 *
 * Tools, on the same annotations and texts:
 * - ours: `reanchorAnnotations(oldText, newText, annotations)`, the whole call timed;
 * - floor: `newText.indexOf(exact)` per quote (the exact scan; a quote not found is orphaned);
 * - hypothesis: Hypothesis-style fuzzy quote matching (`hypothesis-match.ts`: exact first,
 *   then approx-string-match with quote, prefix, suffix and position scoring), with the old
 *   position as the hint. When it cannot get through N within the budget it runs on the first
 *   k annotations (random over the text) and its time is extrapolated to N.
 */
import { reanchorAnnotations } from '../../shared/anchoring';
import { normalizeNewlines } from '../../shared/article/plain-text';
import { CodePointIndex } from '../../shared/text/code-points';
import { placeAnnotations } from '../shared/anchoring/annotation-fixtures';
import { hypothesisMatchQuote } from './hypothesis-match';
import { figure, type BenchResult } from './results';
import { judge, reviseText, truthFor, type Placed, type Truth } from './revision';

/** Seeds: the same text and N give the same annotations and the same revision. */
export const PLACEMENT_SEED = 20170517;
export const REVISION_SEED = 11;
/** Edits in the new version. */
export const REVISION_EDITS = 200;

export interface RevisionBenchOptions {
  text: string;
  n: number;
  runs: number;
  /** Time budget of the Hypothesis-style peer per run, ms. */
  budgetMs: number;
  label?: string;
  /** Edits in the new version (default {@link REVISION_EDITS}; the smoke run's small text takes fewer). */
  edits?: number;
}

interface Tally {
  correct: number;
  wrong: number;
}

function tally(truths: readonly Truth[], placed: readonly Placed[]): Tally {
  let correct = 0;
  let wrong = 0;
  placed.forEach((p, i) => {
    const v = judge(truths[i]!, p);
    if (v === 'correct') correct++;
    else if (v === 'wrong') wrong++;
  });
  return { correct, wrong };
}

/** Run the workload at one N; returns the rows of ours, the floor and the peer. */
export function runRevisionBench(opts: RevisionBenchOptions): BenchResult[] {
  const oldText = normalizeNewlines(opts.text);
  const placed = placeAnnotations(oldText, opts.n, PLACEMENT_SEED);
  const rev = reviseText(
    oldText,
    opts.edits ?? REVISION_EDITS,
    REVISION_SEED,
    placed.map((p) => ({ from: p.start16, to: p.end16 })),
  );
  const newText = rev.newText;
  const truths = placed.map((p) => truthFor(rev, p.start16, p.end16));
  const annotations = placed.map((p) => p.annotation);
  const n = placed.length;
  const cp = new CodePointIndex(newText);
  const extra = (t: Tally, more: Partial<BenchResult> = {}): Partial<BenchResult> => ({
    total: n,
    wrong: t.wrong,
    text: opts.label,
    ...more,
  });
  const kinds = Object.entries(rev.kinds)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  const truthCounts = { same: 0, changed: 0, gone: 0 };
  let slides = 0;
  for (const t of truths) {
    truthCounts[t.kind]++;
    if (t.kind !== 'same' && t.alsoSame) slides++;
  }
  const truthNote = `truth: ${truthCounts.same} same, ${truthCounts.changed} changed, ${truthCounts.gone} gone (${slides} of these also intact under a slid edit)`;

  // ours
  let ours: Tally = { correct: 0, wrong: 0 };
  const oursRuns = timeRuns(opts.runs, () => {
    const r = reanchorAnnotations(oldText, newText, annotations);
    ours = tally(
      truths,
      r.annotations.map((a) => ({
        status:
          a.target.status === 'orphaned'
            ? 'orphaned'
            : a.target.status === 'changed'
              ? 'changed'
              : 'same',
        start: cp.toUtf16(a.target.position.start),
        end: cp.toUtf16(a.target.position.end),
      })),
    );
  });

  // floor: the exact scan
  let floor: Tally = { correct: 0, wrong: 0 };
  const floorRuns = timeRuns(opts.runs, () => {
    const out: Placed[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const exact = annotations[i]!.target.quote.exact;
      const at = newText.indexOf(exact);
      out[i] =
        at < 0
          ? { status: 'orphaned', start: 0, end: 0 }
          : { status: 'same', start: at, end: at + exact.length };
    }
    floor = tally(truths, out);
  });

  // hypothesis-style fuzzy matching, budgeted
  const hyp = (i: number): Placed => {
    const q = annotations[i]!.target.quote;
    const m = hypothesisMatchQuote(newText, q.exact, {
      prefix: q.prefix,
      suffix: q.suffix,
      hint: placed[i]!.start16,
    });
    return m
      ? { status: m.errors === 0 ? 'same' : 'changed', start: m.start, end: m.end }
      : { status: 'orphaned', start: 0, end: 0 };
  };
  let k = 0;
  const w0 = performance.now();
  while (k < n && (k === 0 || performance.now() - w0 < opts.budgetMs)) hyp(k++);
  const hypRuns: number[] = [];
  let hypTally: Tally = { correct: 0, wrong: 0 };
  const hypOut: Placed[] = new Array(k);
  // A sampled peer gets one timed run (its runs take the budget each).
  for (let r = 0; r < (k < n ? 1 : opts.runs); r++) {
    const t0 = performance.now();
    for (let i = 0; i < k; i++) hypOut[i] = hyp(i);
    hypRuns.push(((performance.now() - t0) * n) / k);
    hypTally = tally(truths.slice(0, k), hypOut);
  }
  const sampled = k < n ? { extrapolated: true, sampled: k } : {};
  return [
    figure('reanchor-revision', 'ours', n, oursRuns, ours.correct, extra(ours, { note: kinds })),
    figure(
      'reanchor-revision',
      'floor',
      n,
      floorRuns,
      floor.correct,
      extra(floor, { note: `indexOf per quote; ${truthNote}` }),
    ),
    figure('reanchor-revision', 'hypothesis', n, hypRuns, hypTally.correct, {
      ...extra(hypTally, { total: k }),
      ...sampled,
      note: 'approx-string-match; quote, prefix, suffix and position scored',
    }),
  ];
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

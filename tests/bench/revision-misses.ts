/**
 * Lists what `reanchorAnnotations` gets wrong or misses on the `reanchor-revision` workload,
 * one line per annotation with its truth and what was done: the tool for finding the cases
 * behind a correct count below N.
 *
 *   npx tsx tests/bench/revision-misses.ts [--text FILE] [--annotations N]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { reanchorAnnotations } from '../../shared/anchoring';
import { normalizeNewlines } from '../../shared/article/plain-text';
import { CodePointIndex } from '../../shared/text/code-points';
import { placeAnnotations } from '../shared/anchoring/annotation-fixtures';
import { generateArticleText } from './corpus';
import { PLACEMENT_SEED, REVISION_EDITS, REVISION_SEED } from './reanchor-revision-bench';
import { judge, reviseText, truthFor } from './revision';

const { values } = parseArgs({
  options: { text: { type: 'string' }, annotations: { type: 'string', default: '10000' } },
});
const raw = values.text ? readFileSync(values.text, 'utf8') : generateArticleText(1_000_000);
const oldText = normalizeNewlines(raw);
const placed = placeAnnotations(oldText, Number(values.annotations), PLACEMENT_SEED);
const rev = reviseText(
  oldText,
  REVISION_EDITS,
  REVISION_SEED,
  placed.map((p) => ({ from: p.start16, to: p.end16 })),
);
const t0 = performance.now();
const r = reanchorAnnotations(
  oldText,
  rev.newText,
  placed.map((p) => p.annotation),
);
const ms = performance.now() - t0;
const cp = new CodePointIndex(rev.newText);
const show = (s: string) => JSON.stringify(s.length > 90 ? `${s.slice(0, 40)}…${s.slice(-40)}` : s);
let missed = 0;
let wrong = 0;
placed.forEach((p, i) => {
  const truth = truthFor(rev, p.start16, p.end16);
  const t = r.annotations[i]!.target;
  const start = cp.toUtf16(t.position.start);
  const end = cp.toUtf16(t.position.end);
  const status = t.status === 'orphaned' ? 'orphaned' : t.status === 'changed' ? 'changed' : 'same';
  const v = judge(truth, { status, start, end });
  if (v === 'correct') return;
  if (v === 'wrong') wrong++;
  else missed++;
  const edits = rev.edits
    .filter((e) => e.from <= p.end16 + 2 && e.to >= p.start16 - 2)
    .map((e) => `${e.kind}[${e.from - p.start16},${e.to - p.start16}]+${e.insert.length}`);
  console.log(
    `${v.toUpperCase()} ${p.annotation.id} old [${p.start16},${p.end16}) ${show(oldText.slice(p.start16, p.end16))}`,
  );
  console.log(
    `  truth ${truth.kind}${'start' in truth ? ` [${truth.start},${truth.end}) ${show(rev.newText.slice(truth.start, truth.end))}` : ''}; edits near: ${edits.join(' ') || 'none'}`,
  );
  console.log(`  ours  ${t.status} [${start},${end}) ${show(rev.newText.slice(start, end))}`);
});
console.log(
  `${placed.length} annotations: ${missed} missed, ${wrong} wrong; ${ms.toFixed(1)} ms; report ${JSON.stringify(r.report)}`,
);

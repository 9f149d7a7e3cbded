/**
 * Issue 6's and issue 11's targets, judged on one run's figures at the largest N measured: each line says
 * the ratio, the target, and whether it is met. Lines whose figures are missing (a part not
 * run) are left out.
 */
import type { BenchResult, BenchTask, BenchTool } from './results';

export interface TargetVerdict {
  name: string;
  measured: string;
  target: string;
  met: boolean;
}

/** Judge the targets on `results` (see the module comment); `warnings` are the growth warnings. */
export function judgeTargets(
  results: readonly BenchResult[],
  warnings: readonly string[],
): TargetVerdict[] {
  const ns = results.map((r) => r.n);
  const n = Math.max(0, ...ns);
  const get = (task: BenchTask, tool: BenchTool, at = n) =>
    results.find((r) => r.task === task && r.tool === tool && r.n === at);
  const out: TargetVerdict[] = [];
  const ratio = (a: number, b: number) => (b > 0 ? a / b : Infinity);
  const x = (v: number) => (v >= 100 ? `${v.toFixed(0)}×` : `${v.toFixed(2)}×`);

  const rOurs = get('reanchor', 'ours');
  const rFloor = get('reanchor', 'floor');
  const rDtq = get('reanchor', 'dom-anchor-text-quote');
  if (rOurs && rFloor) {
    const v = ratio(rOurs.medianMs, rFloor.medianMs);
    out.push({
      name: `re-anchoring ${n}: ours / exact-scan floor`,
      measured: `${(v * 100).toFixed(1)}% (${rOurs.medianMs.toFixed(1)} / ${rFloor.medianMs.toFixed(1)} ms)`,
      target: '≤ 5%',
      met: v <= 0.05,
    });
    out.push({
      name: `re-anchoring ${n}: ours correct`,
      measured: `${rOurs.correct}/${rOurs.n} (floor ${rFloor.correct}/${rFloor.n})`,
      target: '100%',
      met: rOurs.correct === rOurs.n,
    });
  }
  if (rOurs && rDtq) {
    const v = ratio(rDtq.medianMs, rOurs.medianMs);
    out.push({
      name: `re-anchoring ${n}: dom-anchor-text-quote / ours`,
      measured: `${x(v)}${rDtq.extrapolated ? ' (peer extrapolated)' : ''}`,
      target: '≥ 1000×',
      met: v >= 1000,
    });
  }
  // Issue 11: re-anchoring on a realistic revision.
  const rvOurs = get('reanchor-revision', 'ours');
  const rvFloor = get('reanchor-revision', 'floor');
  const rvHyp = get('reanchor-revision', 'hypothesis');
  if (rvOurs && rvFloor) {
    const v = ratio(rvOurs.medianMs, rvFloor.medianMs);
    out.push({
      name: `re-anchoring a revision, ${n}: ours / exact-scan floor`,
      measured: `${x(v)} (${rvOurs.medianMs.toFixed(0)} / ${rvFloor.medianMs.toFixed(0)} ms)`,
      target: '≤ 0.1×',
      met: v <= 0.1,
    });
    out.push({
      name: `re-anchoring a revision, ${n}: ours correct, wrong`,
      measured: `${rvOurs.correct}/${rvOurs.total} correct, ${rvOurs.wrong} wrong (floor ${rvFloor.correct} and ${rvFloor.wrong}${rvHyp ? `; Hypothesis-style ${rvHyp.correct}/${rvHyp.total} and ${rvHyp.wrong}${rvHyp.extrapolated ? ' on a sample' : ''}` : ''})`,
      target: '100% correct, 0 wrong',
      met: rvOurs.correct === rvOurs.total && rvOurs.wrong === 0,
    });
  }
  const lowdb = get('save', 'lowdb');
  const sOurs0 = get('save', 'ours');
  if (lowdb && sOurs0) {
    out.push({
      name: `full save at ${n}: ours / lowdb's JSONFile`,
      measured: `${x(ratio(sOurs0.medianMs, lowdb.medianMs))} (${sOurs0.medianMs.toFixed(1)} / ${lowdb.medianMs.toFixed(1)} ms; lowdb does not fsync)`,
      target: 'reported',
      met: true,
    });
  }
  const cliFloor = results.find((r) => r.task === 'cli-start' && r.tool === 'floor');
  for (const r of results.filter((r) => r.task === 'cli-start' && r.tool === 'ours')) {
    if (!cliFloor) break;
    const v = ratio(r.medianMs, cliFloor.medianMs);
    out.push({
      name: `${r.note ?? 'factcheck'}: start-up / node -e 0`,
      measured: `${x(v)} (${r.medianMs.toFixed(0)} / ${cliFloor.medianMs.toFixed(0)} ms)`,
      target: '≤ 5×',
      met: v <= 5,
    });
  }
  const oOurs = get('open', 'ours');
  const oFloor = get('open', 'floor');
  if (oOurs && oFloor) {
    const v = ratio(oOurs.medianMs, oFloor.medianMs);
    out.push({
      name: `open with ${n} highlights / bare article`,
      measured: `${x(v)} (${oOurs.medianMs.toFixed(0)} / ${oFloor.medianMs.toFixed(0)} ms)`,
      target: '≤ 1.5×',
      met: v <= 1.5,
    });
  }
  const oTa = get('open', 'text-annotator');
  if (oOurs && oTa && (oTa.correct === 0 || oTa.painted === 0)) {
    out.push({
      name: `text-annotator loading ${n} / ours`,
      measured: 'no valid figure: the peer drew no highlight',
      target: '≥ 20×',
      met: false,
    });
  } else if (oOurs && oTa) {
    const v = ratio(oTa.medianMs, oOurs.medianMs);
    out.push({
      name: `text-annotator loading ${n} / ours`,
      measured: `${x(v)}${oTa.extrapolated ? ' (peer extrapolated)' : ''}`,
      target: '≥ 20×',
      met: v >= 20,
    });
  }
  const hN = get('highlight', 'ours');
  const h0 = get('highlight', 'ours', 0);
  if (hN && h0 && n > 0) {
    const v = ratio(hN.medianMs, h0.medianMs);
    out.push({
      name: `one new highlight with ${n} / with none`,
      measured: `${x(v)} (${hN.medianMs.toFixed(2)} / ${h0.medianMs.toFixed(2)} ms)`,
      target: '≤ 2×',
      met: v <= 2,
    });
  }
  const sOurs = get('save', 'ours');
  const sFloor = get('save', 'floor');
  if (sOurs && sFloor) {
    const v = ratio(sOurs.medianMs, sFloor.medianMs);
    out.push({
      name: `full save at ${n} / I/O floor`,
      measured: `${x(v)} (${sOurs.medianMs.toFixed(1)} / ${sFloor.medianMs.toFixed(1)} ms)`,
      target: '≤ 1.5×',
      met: v <= 1.5,
    });
  }
  const auto = get('autosave', 'ours');
  if (auto && sOurs) {
    const v = ratio(auto.medianMs, sOurs.medianMs);
    out.push({
      name: `autosave after one edit at ${n} / full save`,
      measured: `${(v * 100).toFixed(1)}% (${auto.medianMs.toFixed(2)} / ${sOurs.medianMs.toFixed(1)} ms)`,
      target: '≤ 10%',
      met: v <= 0.1,
    });
  }
  // Issue 11: the real app (app-bench.ts).
  const scN = get('scroll', 'ours');
  const sc100 = get('scroll', 'ours', 100);
  if (scN && sc100 && n > 100) {
    const v = ratio(scN.p95Ms ?? Infinity, sc100.p95Ms ?? 0);
    out.push({
      name: `scroll with ${n} highlights: p95 time-to-painted / with 100`,
      measured: `${x(v)} (${fmt(scN.p95Ms)} / ${fmt(sc100.p95Ms)} ms)`,
      target: '≤ 1.5×',
      met: v <= 1.5,
    });
  }
  for (const r of results.filter((r) => r.task === 'scroll' && r.tool === 'ours'))
    out.push({
      name: `scroll with ${r.n} highlights: stops with every highlight in view painted`,
      measured: `${r.correct}/${r.total}`,
      target: 'all',
      met: r.correct === r.total,
    });
  const appRatio = (task: 'highlight-app' | 'open-app', label: string, limit: number) => {
    const at = get(task, 'ours');
    const none = get(task, 'ours', 0);
    if (!at || !none || n === 0) return;
    const v = ratio(at.medianMs, none.medianMs);
    const right = at.correct === at.total && none.correct === none.total;
    out.push({
      name: `${label} with ${n} / with none`,
      measured: `${x(v)} (${at.medianMs.toFixed(1)} / ${none.medianMs.toFixed(1)} ms)${right ? '' : `; checks held in ${at.correct}/${at.total} and ${none.correct}/${none.total} runs`}`,
      target: `≤ ${limit}×, every run painted`,
      met: v <= limit && right,
    });
  };
  appRatio('highlight-app', 'key 1 to the highlight painted and its card shown, in the app,', 2);
  appRatio('open-app', 'opening a session in the app (click to highlights in view painted)', 1.5);
  const memN = get('memory', 'ours');
  const mem0 = get('memory', 'ours', 0);
  if (memN && mem0 && n > 0 && memN.heapMB !== null && mem0.heapMB !== null) {
    const delta = memN.heapMB - mem0.heapMB;
    out.push({
      name: `app memory: renderer heap at ${n} − at 0`,
      measured: `${delta.toFixed(1)} MB = ${((delta * 1024) / n).toFixed(2)} KB per annotation (${mem0.heapMB.toFixed(1)} → ${memN.heapMB.toFixed(1)} MB; DOM nodes ${mem0.domNodes} → ${memN.domNodes}; service RSS ${mem0.rssMB} → ${memN.rssMB} MB)`,
      target: '≤ 1 KB per annotation',
      met: (delta * 1024) / n <= 1,
    });
  }
  const linear = (prefix: string, label: string) => {
    if (!results.some((r) => r.task.startsWith(prefix))) return;
    const w = warnings.filter((s) => s.includes(`: ${prefix}`));
    out.push({
      name: `${label}: cost per item does not rise with N`,
      measured: w.length ? `${w.length} growth warning(s)` : 'no growth warning',
      target: 'silent',
      met: w.length === 0,
    });
  };
  linear('export-', 'exports');
  linear('memory', 'memory');
  // Issue 10: team sync on CouchDB.
  const tEdit = get('team-sync-edit', 'ours');
  const tEdit0 = get('team-sync-edit', 'ours', 0);
  if (tEdit && tEdit0 && n > 0) {
    out.push({
      name: `team: one edit synced, ${n} annotations / empty session`,
      measured: `${x(ratio(tEdit.medianMs, tEdit0.medianMs))} (${tEdit.medianMs.toFixed(1)} / ${tEdit0.medianMs.toFixed(1)} ms)`,
      target: '≤ 2×',
      met: ratio(tEdit.medianMs, tEdit0.medianMs) <= 2,
    });
    const w = Math.max(tEdit.docsWritten ?? Infinity, tEdit0.docsWritten ?? Infinity);
    out.push({
      name: 'team: documents one edit writes to the server',
      measured: `${w}`,
      target: '≤ 2',
      met: w <= 2,
    });
  }
  const tPull = get('team-first-pull', 'ours');
  const tFloor = get('team-first-pull', 'floor');
  if (tPull && tFloor) {
    const v = ratio(tPull.medianMs, tFloor.medianMs);
    out.push({
      name: `team: first pull of ${n} annotations / bare _all_docs read`,
      measured: `${x(v)} (${tPull.medianMs.toFixed(0)} / ${tFloor.medianMs.toFixed(0)} ms; ${tPull.correct === tPull.expected ? 'all documents' : 'documents missing'})`,
      target: '≤ 3×',
      met: v <= 3 && tPull.correct === tPull.expected,
    });
  }
  return out;
}

const fmt = (ms: number | undefined) => (ms === undefined ? '?' : ms.toFixed(1));

/** The verdicts as printable lines. */
export function formatTargets(verdicts: readonly TargetVerdict[]): string {
  const w = Math.max(0, ...verdicts.map((v) => v.name.length));
  return verdicts
    .map(
      (v) =>
        `${v.met ? 'met    ' : 'MISSED '} ${v.name.padEnd(w)}  ${v.measured}  (target ${v.target})`,
    )
    .join('\n');
}

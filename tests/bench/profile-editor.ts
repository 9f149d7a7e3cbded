/**
 * Where the editor's time goes: a CPU profile (CDP `Profiler`, 50 µs sampling) of one editor
 * action in the benchmark page, written as a `.cpuprofile` (open it in Chromium DevTools'
 * Performance panel) and summarised as the functions with the most self and total time.
 *
 *   npx tsx tests/bench/profile-editor.ts [--action highlight|open] [--annotations N]
 *        [--repeat K] [--text FILE] [--out DIR]
 *
 * `highlight` repeats the benchmark's "one more highlight" step K times with N existing (each
 * step adds the highlight and removes it again, so both halves are in the profile); `open`
 * opens the session K times.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBenchSession, generateArticleText } from './corpus';
import { call, extraAnnotation, freshPage, launchBenchBrowser } from './editor-bench';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self and total milliseconds per function (name plus line in the bundle). */
export function summarizeProfile(
  p: CpuProfile,
): Array<{ fn: string; selfMs: number; totalMs: number }> {
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'}${n.callFrame.lineNumber >= 0 ? `:${n.callFrame.lineNumber + 1}` : ''}`;
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    selfBy.set(label(n), (selfBy.get(label(n)) ?? 0) + ms);
    // Each function counted once per sample on the stack (recursion not double counted).
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      totalBy.set(l, (totalBy.get(l) ?? 0) + ms);
    }
  }
  return [...totalBy.entries()].map(([fn, totalMs]) => ({
    fn,
    selfMs: selfBy.get(fn) ?? 0,
    totalMs,
  }));
}

function arg(argv: string[], name: string, fallback: string): string {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
}

async function main(argv: string[]): Promise<void> {
  const action = arg(argv, '--action', 'highlight');
  const n = Number(arg(argv, '--annotations', '10000'));
  const repeat = Number(arg(argv, '--repeat', action === 'open' ? '5' : '30'));
  const file = arg(argv, '--text', '');
  const outDir = arg(
    argv,
    '--out',
    fileURLToPath(new URL('../../bench-results/', import.meta.url)),
  );
  const raw = file ? readFileSync(file, 'utf8') : generateArticleText();
  const session = buildBenchSession(raw, n);
  const browser = await launchBenchBrowser();
  try {
    const page = await freshPage(browser, {
      article: session.articles[0]!,
      annotations: session.annotations,
      extra: extraAnnotation(session),
    });
    if (action === 'highlight') await call(page, 'mountForHighlight', n);
    else await call(page, 'openOurs', n);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    const times: number[] = [];
    for (let i = 0; i < repeat; i++) {
      if (action === 'highlight') times.push((await call(page, 'addHighlight', n)).ms);
      else times.push((await call(page, 'openOurs', n)).ms);
    }
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(outDir, { recursive: true });
    const out = path.join(outDir, `${action}-${n}.cpuprofile`);
    writeFileSync(out, JSON.stringify(profile));
    const rows = summarizeProfile(profile as unknown as CpuProfile);
    const top = (key: 'selfMs' | 'totalMs') =>
      [...rows]
        .sort((a, b) => b[key] - a[key])
        .slice(0, 18)
        .map((r) => `  ${r[key].toFixed(1).padStart(8)} ms  ${r.fn}`)
        .join('\n');
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `${action} with N=${n}, ${repeat} times; timed part median ${sorted[sorted.length >> 1]!.toFixed(3)} ms`,
    );
    console.log(`profile: ${out}`);
    console.log(`most self time:\n${top('selfMs')}`);
    console.log(`most total time:\n${top('totalMs')}`);
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });

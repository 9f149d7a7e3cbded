/**
 * Where the app's time goes: a CPU profile (CDP `Profiler`, 100 µs sampling) of the `scroll`
 * workload's first K screen stops, or of one `open-app` open, in the real app (browser mode, as
 * `app-bench.ts` sets it up), summarised as the functions with the most self and total time,
 * with the stops' times. Written as a `.cpuprofile` too (open it in Chromium DevTools).
 *
 *   npx tsx tests/bench/profile-app.ts [--action scroll|open] [--annotations N] [--stops K]
 *        [--text FILE] [--out DIR]
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost } from '../e2e/helpers/web-host';
import { call, libraryPage, openSession, prepareSessions } from './app-bench';
import { generateArticleText } from './corpus';
import { launchBenchBrowser } from './editor-bench';
import { summarizeProfile } from './profile-editor';
import { median } from './results';

function arg(argv: string[], name: string, fallback: string): string {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
}

async function main(argv: string[]): Promise<void> {
  const n = Number(arg(argv, '--annotations', '10000'));
  const action = arg(argv, '--action', 'scroll');
  const stops = Number(arg(argv, '--stops', '100'));
  const file = arg(argv, '--text', '');
  const outDir = arg(
    argv,
    '--out',
    fileURLToPath(new URL('../../bench-results/', import.meta.url)),
  );
  const raw = file ? readFileSync(file, 'utf8') : generateArticleText();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fc-profile-app-'));
  const host = await startHost({ dataDir });
  const browser = await launchBenchBrowser(['--disable-smooth-scrolling']);
  try {
    const sessions = await prepareSessions(host, raw, file ? path.basename(file) : 'generated', [
      n,
    ]);
    const opening = action === 'open';
    const lib = opening ? await libraryPage(browser, host, sessions.get(n)!) : null;
    const page = lib ? lib.page : await openSession(browser, host, sessions.get(n)!);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    if (lib) {
      await call(page, 'armOpen', 120_000);
      await lib.open.click();
    }
    const out = lib ? [await call(page, 'armed')] : await call(page, 'screens', 10_000, stops);
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(outDir, { recursive: true });
    const file_ = path.join(outDir, `${action}-${n}.cpuprofile`);
    writeFileSync(file_, JSON.stringify(profile));
    const rows = summarizeProfile(profile as unknown as Parameters<typeof summarizeProfile>[0]);
    const top = (key: 'selfMs' | 'totalMs') =>
      [...rows]
        .sort((a, b) => b[key] - a[key])
        .slice(0, 20)
        .map((r) => `  ${r[key].toFixed(1).padStart(8)} ms  ${r.fn}`)
        .join('\n');
    console.log(
      `${action} with N=${n}, ${out.length} stop(s): median ${median(out.map((o) => o.ms)).toFixed(1)} ms, checks ${median(out.map((o) => o.checkMs)).toFixed(1)} ms; load ${os.loadavg()[0]!.toFixed(2)}`,
    );
    console.log(`profile: ${file_}`);
    console.log(`most self time:\n${top('selfMs')}`);
    console.log(`most total time:\n${top('totalMs')}`);
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});

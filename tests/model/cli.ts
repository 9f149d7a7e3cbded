/**
 * `npm run test:model -- --seed N --steps K`: the model-checked UI run in real
 * Chromium against the real browser-mode host (a fresh data directory).
 * Ends with the line `MODEL: K steps, F failures` and exits 1 when F > 0.
 *
 * Options: `--article generated|corpus` (the long article: generated, or the
 * 1.2 MB corpus file; default: corpus from 200 steps up when it is there),
 * `--no-restarts`, `--no-shrink`, `--shrink-replays N`, `--shrink-minutes M`,
 * `--replay FILE` (run a failure's saved steps again), `--headed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, chromiumMissing } from '../helpers/chromium';
import { CHROMIUM_ARGS } from '../../electron/service/pdf-chromium';
import { ROOT, startHost } from '../e2e/helpers/web-host';
import { runModel } from './runner';
import type { Action } from './actions';

export interface ModelArgs {
  seed: number;
  steps: number;
  article: 'generated' | 'corpus' | null;
  restarts: boolean;
  shrink: boolean;
  shrinkReplays: number;
  shrinkMinutes: number;
  replay: string | null;
  headed: boolean;
}

/** Parse the command line. Throws with a one-line reason. */
export function parseModelArgs(argv: string[]): ModelArgs {
  const out: ModelArgs = {
    seed: Date.now() % 100_000,
    steps: 60,
    article: null,
    restarts: true,
    shrink: true,
    shrinkReplays: 40,
    shrinkMinutes: 20,
    replay: null,
    headed: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    const int = (min: number) => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < min)
        throw new Error(`${flag} must be a whole number ≥ ${min}`);
      return n;
    };
    if (flag === '--seed') out.seed = int(0);
    else if (flag === '--steps') out.steps = int(1);
    else if (flag === '--article') {
      const v = value();
      if (v !== 'generated' && v !== 'corpus') throw new Error('--article is generated or corpus');
      out.article = v;
    } else if (flag === '--no-restarts') out.restarts = false;
    else if (flag === '--no-shrink') out.shrink = false;
    else if (flag === '--shrink-replays') out.shrinkReplays = int(1);
    else if (flag === '--shrink-minutes') out.shrinkMinutes = int(1);
    else if (flag === '--replay') out.replay = value();
    else if (flag === '--headed') out.headed = true;
    else throw new Error(`unknown option ${flag}`);
  }
  return out;
}

async function main(): Promise<number> {
  let args: ModelArgs;
  try {
    args = parseModelArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`test:model: ${(e as Error).message}`);
    return 2;
  }
  if (chromiumMissing) {
    console.log(`test:model skipped: ${chromiumMissing}.`);
    console.log('MODEL: 0 steps, 0 failures');
    return 0;
  }
  let replay: Action[] | undefined;
  if (args.replay) {
    const saved = JSON.parse(readFileSync(args.replay, 'utf8')) as {
      seed: number;
      article: 'generated' | 'corpus';
      actions: Action[];
    };
    replay = saved.actions;
    args.seed = saved.seed;
    args.article ??= saved.article;
  }
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) {
    console.log('Building the app first…');
    const b = spawnSync('npm', ['run', 'build:renderer'], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) return 1;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'fcw-model-'));
  let host = await startHost({ dataDir });
  const port = host.port;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: !args.headed,
  });
  let failures = 0;
  let steps = 0;
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const result = await runModel({
      seed: args.seed,
      steps: args.steps,
      page,
      host,
      dataDir,
      restartHost: async () => (host = await startHost({ dataDir, port })),
      article: args.article ?? (args.steps >= 200 ? 'corpus' : 'generated'),
      restarts: args.restarts,
      shrink: args.shrink ? { replays: args.shrinkReplays, minutes: args.shrinkMinutes } : null,
      outDir: join(ROOT, 'test-results', 'model'),
      out: (line) => console.log(line),
      replay,
    });
    host = result.host;
    failures = result.failures.length;
    steps = result.steps;
  } catch (e) {
    console.error(`test:model: the run stopped: ${(e as Error).stack ?? e}`);
    failures = Math.max(failures, 1);
    steps = args.steps;
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`MODEL: ${steps} steps, ${failures} failures`);
  return failures > 0 ? 1 : 0;
}

process.exitCode = await main();

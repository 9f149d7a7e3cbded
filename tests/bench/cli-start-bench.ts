/**
 * `cli-start` (issue 11): how long the `factcheck` command takes from `node bin/factcheck.js`
 * to its exit, for `--help` and for `check` on the seed session, against the floor `node -e 0`
 * (Node starting and doing nothing). Target: each ≤ 5× the floor.
 *
 * The bundle is built first (bin/factcheck.js rebuilds only when a source is newer), so no
 * run pays for a build. The three commands alternate run by run, so load from other work on
 * the machine hits them alike. `correct` counts runs that exited 0 with the expected output
 * (`Usage:` for help, `OK.` for check).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeBuilt } from '../../build/build-node.mjs';
import { renderPortableSession } from '../../shared/interchange/portable-session';
import { buildSeedReview, GENERATED_AT } from '../helpers/seed-review';
import { figure, type BenchResult } from './results';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'factcheck.js');

/** Time `--help`, `check` and `node -e 0`, `runs` times each after a warm-up. */
export async function runCliStartBench(runs: number): Promise<BenchResult[]> {
  await ensureNodeBuilt('factcheck');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fc-bench-cli-'));
  try {
    const seed = path.join(dir, 'seed.fcw.json');
    writeFileSync(seed, renderPortableSession(buildSeedReview(), GENERATED_AT));
    const commands = {
      floor: { args: ['-e', '0'], expect: '' },
      help: { args: [BIN, '--help'], expect: 'Usage:' },
      check: { args: [BIN, 'check', seed], expect: 'OK.' },
    };
    const times: Record<keyof typeof commands, number[]> = { floor: [], help: [], check: [] };
    const good: Record<keyof typeof commands, number> = { floor: 0, help: 0, check: 0 };
    for (let r = 0; r <= runs; r++) {
      for (const name of Object.keys(commands) as Array<keyof typeof commands>) {
        const c = commands[name];
        const t0 = performance.now();
        const p = spawnSync(process.execPath, c.args, { cwd: dir, encoding: 'utf8' });
        const ms = performance.now() - t0;
        if (r === 0) continue;
        times[name].push(ms);
        if (p.status === 0 && p.stdout.includes(c.expect)) good[name]++;
      }
    }
    return [
      // n is the annotations of the session the command reads: none for --help.
      figure('cli-start', 'ours', 0, times.help, good.help, {
        total: runs,
        note: 'factcheck --help',
      }),
      figure('cli-start', 'ours', buildSeedReview().annotations.length, times.check, good.check, {
        total: runs,
        note: 'factcheck check on the seed session',
      }),
      figure('cli-start', 'floor', 0, times.floor, good.floor, {
        total: runs,
        note: 'node -e 0',
      }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

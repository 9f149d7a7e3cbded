/**
 * Running `save-loop-child.ts` in separate processes that the tests kill with SIGKILL.
 *
 * The child is bundled once per test file with esbuild and started with plain `node`, not with
 * `tsx`: on this 2-core machine tsx needs about 600 ms to start it (loader hooks over the
 * hundreds of files of zod and friends), the single bundle about 250 ms, and that startup is
 * what the 200-kill test pays 200 times. The bundle is built from the same TypeScript sources.
 */
import { build } from 'esbuild';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD_SOURCE = fileURLToPath(new URL('./save-loop-child.ts', import.meta.url));

/** Bundle the child (by default save-loop-child.ts) into a temp dir; returns the bundle's path. */
export async function bundleChild(source = CHILD_SOURCE): Promise<string> {
  const out = path.join(
    mkdtempSync(path.join(os.tmpdir(), 'fcw-child-')),
    path.basename(source).replace(/\.ts$/, '.mjs'),
  );
  await build({
    entryPoints: [source],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    minify: true,
    logLevel: 'error',
  });
  return out;
}

export interface RunningChild {
  proc: ChildProcess;
  /** Resolves when the child printed `line` (READY, DONE); rejects if it exits first. */
  waitFor(line: 'READY' | 'DONE'): Promise<void>;
  /** SIGKILL and wait until the process is reaped. */
  kill(): Promise<void>;
}

export function startChild(bundle: string, args: (string | number)[]): RunningChild {
  const proc = spawn(process.execPath, [bundle, ...args.map(String)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: { line: string; resolve: () => void }[] = [];
  const exited = new Promise<number | null>((resolve) =>
    proc.once('exit', (code) => resolve(code)),
  );
  proc.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
    for (const w of waiters.splice(0)) {
      if (stdout.includes(`${w.line}\n`)) w.resolve();
      else waiters.push(w);
    }
  });
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return {
    proc,
    waitFor(line) {
      if (stdout.includes(`${line}\n`)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        waiters.push({ line, resolve });
        void exited.then((code) =>
          reject(new Error(`child exited (${code}) before ${line}: ${stderr.slice(-800)}`)),
        );
      });
    },
    async kill() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    },
  };
}

/** What a child recorded: pending (`P`, hash without updatedAt) and committed (`C`) states by revision. */
export interface ChildReport {
  pending: Map<number, string>;
  committed: Map<number, string>;
  lastCommitted: number;
  errors: string[];
}

export function readReport(file: string): ChildReport {
  const pending = new Map<number, string>();
  const committed = new Map<number, string>();
  const errors: string[] = [];
  let lastCommitted = -1;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [kind, rev, hash] = line.split(' ');
    if (kind === 'P') pending.set(Number(rev), hash!);
    else if (kind === 'C') {
      committed.set(Number(rev), hash!);
      lastCommitted = Math.max(lastCommitted, Number(rev));
    } else if (kind === 'ERR') errors.push(line);
  }
  return { pending, committed, lastCommitted, errors };
}

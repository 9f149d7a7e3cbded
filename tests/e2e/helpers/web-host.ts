/**
 * Starts the real browser-mode host for an end-to-end spec: `npm run web --
 * --data-dir DIR --port 0` in its own process group, with a fresh temporary
 * data directory unless one is given, and reads the URL (token included)
 * from the line of its output that contains `http://127.0.0.1`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');

export interface RunningHost {
  /** The URL the host printed, with `#token=…`. */
  url: string;
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  /** Everything the host printed so far (stdout and stderr). */
  output(): string;
  /** Stop the host (SIGTERM: it saves and releases its lock; SIGKILL: a crash). Removes a data directory it created. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/** Fails with a clear sentence when the renderer has not been built. */
export function assertRendererBuilt(): void {
  if (!existsSync(join(ROOT, 'dist/renderer/index.html')))
    throw new Error(
      'dist/renderer is missing: run `npm run build:renderer` (npm test does) before the end-to-end specs.',
    );
}

/**
 * `dataDir`: reuse a data directory (it is then left in place); `port`: a fixed port
 * (restart on the one used before); `args`: more options for `npm run web` (`--new-token`);
 * `node`: run `node NODE… bin/web.js` directly instead of `npm run web`, with these options of
 * Node's own (the benchmark's `--inspect`).
 */
export async function startHost(
  options: { dataDir?: string; port?: number; args?: string[]; node?: string[] } = {},
): Promise<RunningHost> {
  assertRendererBuilt();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'fcw-e2e-'));
  const owned = !options.dataDir;
  const hostArgs = [
    '--data-dir',
    dataDir,
    '--port',
    String(options.port ?? 0),
    ...(options.args ?? []),
  ];
  const child: ChildProcess = spawn(
    options.node ? process.execPath : 'npm',
    options.node ? [...options.node, 'bin/web.js', ...hostArgs] : ['run', 'web', '--', ...hostArgs],
    {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BROWSER: 'none', NO_COLOR: '1' },
    },
  );
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the host printed no http://127.0.0.1 URL within 60 s:\n${output}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${code}) before printing its URL:\n${output}`));
    });
  });
  const parsed = new URL(url);
  const token = new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '';
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token,
    dataDir,
    output: () => output,
    async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') {
      if (child.exitCode === null && child.pid) {
        const exited = new Promise<void>((r) => child.once('exit', () => r()));
        try {
          process.kill(-child.pid, signal);
        } catch {
          // already gone
        }
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        // Wait until no process of the group is left (the host itself, not only npm), so a
        // restart on the same data directory finds its lock free or stale.
        for (let i = 0; i < 100 && groupAlive(child.pid); i++)
          await new Promise((r) => setTimeout(r, 100));
        // Still running after 15 s (npm, or the host behind it): say so, and end the group, so a
        // restart is not refused a data directory a stopping host still holds.
        if (groupAlive(child.pid)) {
          console.warn(`web host ${url}: still running 15 s after ${signal}; killing it`);
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            // already gone
          }
          for (let i = 0; i < 50 && groupAlive(child.pid); i++)
            await new Promise((r) => setTimeout(r, 100));
        }
      }
      if (owned) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

// Two browser-mode hosts on one data directory: the second refuses with a
// clear message and exits, and the first keeps serving. Real processes,
// started exactly as `npm run web` starts them.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const children: ChildProcess[] = [];

function startWeb(dataDir: string): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['bin/web.js', '--data-dir', dataDir, '--port', '0'], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(check: () => boolean, what: string, ms = 90_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('two hosts on one data directory', () => {
  it('the second refuses with a clear message; the first keeps serving', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'fcw-two-hosts-'));
    try {
      const first = startWeb(dataDir);
      await waitFor(
        () => /http:\/\/127\.0\.0\.1:\d+\//.test(first.output()),
        'the first host to print its URL',
      );
      const second = startWeb(dataDir);
      const code = await second.exited;
      expect(code).not.toBe(0);
      expect(second.output()).toMatch(/already|in use|lock/i);
      expect(second.output()).toMatch(new RegExp(String(first.child.pid)));
      expect(second.output()).not.toMatch(/http:\/\/127\.0\.0\.1:\d+\//);
      // The first is untouched and still answers.
      const url = /http:\/\/127\.0\.0\.1:(\d+)\/#token=(\S+)/.exec(first.output())!;
      const res = await fetch(`http://127.0.0.1:${url[1]}/api/sessions.list`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${url[2]}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect((await res.json()).ok).toBe(true);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

/**
 * `npm start` (bin/start.js) on a machine without the Electron binary: one
 * clear line saying so, then browser mode with its URL line. Spawned for real
 * with a temporary data directory; killed once the URL line appears.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const FALLBACK_LINE =
  'Electron is not installed on this machine (its binary was not downloaded); starting browser mode instead.';

function electronInstalled(): boolean {
  try {
    const binary = require('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary);
  } catch {
    return false;
  }
}

const browserMode =
  existsSync(path.join(root, 'bin/web.js')) && existsSync(path.join(root, 'electron/web/main.ts'));
const rendererBuildable =
  existsSync(path.join(root, 'renderer/vite.config.ts')) ||
  existsSync(path.join(root, 'dist/renderer/index.html'));
const skipReason = electronInstalled()
  ? 'the Electron binary is installed here, so npm start launches the desktop app instead of falling back'
  : !browserMode
    ? 'browser mode is not there yet (bin/web.js or electron/web/main.ts is missing)'
    : !rendererBuildable
      ? 'the renderer cannot be built yet (renderer/vite.config.ts is missing and dist/renderer is not built)'
      : null;
if (skipReason) console.warn(`bin/start.js fallback test skipped: ${skipReason}.`);

let dataDir: string | undefined;
afterEach(() => dataDir && rmSync(dataDir, { recursive: true, force: true }));

describe('bin/start.js without the Electron binary', () => {
  it.skipIf(skipReason !== null)(
    'prints one clear line, then starts browser mode and prints its URL',
    async () => {
      dataDir = mkdtempSync(path.join(tmpdir(), 'fcw-start-'));
      const child = spawn(process.execPath, [path.join(root, 'bin/start.js'), '--port', '0'], {
        cwd: root,
        env: { ...process.env, FACTCHECK_DATA_DIR: dataDir, FACTCHECK_TRY_ELECTRON_INSTALL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const lines: string[] = [];
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no URL line within 60 s; output:\n${lines.join('\n')}`)),
          60_000,
        );
        const onData = (chunk: Buffer) => {
          for (const line of chunk.toString('utf8').split(/\r?\n/)) {
            if (!line) continue;
            lines.push(line);
            const match = /https?:\/\/127\.0\.0\.1:\d+\/\S*/.exec(line);
            if (match) {
              clearTimeout(timer);
              resolve(match[0]);
            }
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('exit', (code) => {
          clearTimeout(timer);
          reject(
            new Error(
              `start.js exited with ${code} before printing a URL; output:\n${lines.join('\n')}`,
            ),
          );
        });
      }).finally(() => child.kill('SIGTERM'));

      expect(lines[0]).toBe(FALLBACK_LINE);
      expect(lines.filter((l) => l.includes('Electron'))).toEqual([FALLBACK_LINE]);
      expect(lines.join('\n')).not.toMatch(/\n\s+at |Error:/);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      // FACTCHECK_DATA_DIR reached browser mode as its data directory.
      expect(readdirSync(dataDir).length).toBeGreaterThan(0);
    },
    90_000,
  );
});

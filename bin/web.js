#!/usr/bin/env node
// `npm run web -- [--data-dir DIR] [--port N]`: browser mode. Builds the
// renderer when its bundle is missing or older than its sources, then runs
// the loopback host (electron/web/main.ts, bundled to out/node/web.js by
// build/build-node.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Build dist/renderer unless it is newer than everything it is built from. */
export function ensureRendererBuilt() {
  const index = join(root, 'dist', 'renderer', 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(newestMtime(join(root, 'renderer')), newestMtime(join(root, 'shared')));
  if (built > sources) return;
  console.error('Building the app (first run, or its sources changed)…');
  const r = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'renderer/vite.config.ts',
      '--logLevel',
      'error',
    ],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (r.status !== 0) {
    console.error('factcheck web: building the app failed (see above).');
    process.exit(1);
  }
}

/** Start browser mode with the given arguments (used by `npm start` too). */
export async function runWeb(argv) {
  ensureRendererBuilt();
  const { ensureNodeBuilt } = await import('../build/build-node.mjs');
  const entry = await ensureNodeBuilt('web');
  process.argv = [process.argv[0], entry, ...argv];
  await import(pathToFileURL(entry).href);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await runWeb(process.argv.slice(2));
}

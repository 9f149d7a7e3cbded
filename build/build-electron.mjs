// Bundles the Electron main process and the preload with esbuild:
//   electron/main/main.ts       → out/electron/main/main.js      (ESM; package.json has "type": "module")
//   electron/preload/preload.ts → out/electron/preload/preload.cjs (one CommonJS file: sandboxed
//                                  preloads cannot load ESM or any module but 'electron')
//   electron/service/import/import-worker.ts → out/electron/main/import-worker.js (the import's
//                                  worker thread; import-runner.ts finds it beside main.js)
//   electron/service/suggest/suggest-worker.ts → out/electron/main/suggest-worker.js (the
//                                  suggestion analysis's worker thread, found the same way)
// npm packages stay external in main (node_modules ships with the app); the preload bundles
// everything except 'electron'. Usage: `node build/build-electron.mjs [--out DIR]`, or import
// `buildElectron({ outDir })`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Electron 40 ships Node 22 and Chromium 144. */
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

/**
 * Build both bundles into `outDir` (default `out/`). Resolves with the two output paths;
 * rejects with esbuild's errors.
 */
export async function buildElectron({ outDir = path.join(root, 'out'), minify = false } = {}) {
  const mainOut = path.join(outDir, 'electron', 'main', 'main.js');
  const preloadOut = path.join(outDir, 'electron', 'preload', 'preload.cjs');
  const common = {
    absWorkingDir: root,
    bundle: true,
    sourcemap: 'linked',
    minify,
    logLevel: 'warning',
    legalComments: 'none',
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: [path.join(root, 'electron/main/main.ts')],
      outfile: mainOut,
      platform: 'node',
      format: 'esm',
      target: NODE_TARGET,
      packages: 'external',
      external: ['electron'],
    }),
    build({
      ...common,
      entryPoints: [path.join(root, 'electron/service/import/import-worker.ts')],
      outfile: path.join(outDir, 'electron', 'main', 'import-worker.js'),
      platform: 'node',
      format: 'esm',
      target: NODE_TARGET,
      packages: 'external',
    }),
    build({
      ...common,
      entryPoints: [path.join(root, 'electron/service/suggest/suggest-worker.ts')],
      outfile: path.join(outDir, 'electron', 'main', 'suggest-worker.js'),
      platform: 'node',
      format: 'esm',
      target: NODE_TARGET,
      packages: 'external',
    }),
    build({
      ...common,
      entryPoints: [path.join(root, 'electron/preload/preload.ts')],
      outfile: preloadOut,
      platform: 'node',
      format: 'cjs',
      target: [CHROME_TARGET, NODE_TARGET],
      external: ['electron'],
    }),
  ]);
  return { mainOut, preloadOut };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  const outDir = i > 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]) : undefined;
  const { mainOut, preloadOut } = await buildElectron({ outDir });
  console.log(`Built ${path.relative(root, mainOut)} and ${path.relative(root, preloadOut)}`);
}
